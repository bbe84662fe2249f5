// compose: groups of articles -> Story -> Digest. Pure: the store is not touched here.
import { outletName } from '../util/outlet.ts';
import type { FoundQuote, StoredArticle } from '../model.ts';
import { rankKeyQuotes } from '../nlp/quotes.ts';
import { contentTerms } from '../nlp/tokens.ts';
import { keepsSummaryRules, opensWithPersonPronoun, summarize } from '../nlp/extractive.ts';
import { repeatsHeadline } from '../nlp/headline.ts';
import { fullestSpeakerNames } from './speaker-names.ts';
import type { Digest, SourceRef, Story, StoryQuote } from '../model/digest.ts';

export interface StoryCandidate {
  /** The stored story (store/sqlite/stories.ts) these articles belong to. */
  story?: { id: number; title: string; titleArticleId: number | null; articleCount: number; outletCount: number };
  articles: StoredArticle[];
  /** How well the story matches the request (higher is better); used to pick its lead article. */
  relevanceByArticle?: Map<number, number>;
  outsideWindow?: boolean;
  /** Articles of this story the subscriber already got (daily digests): the story is then shown as an update. */
  delivered?: Set<number>;
}

export const MAX_KEY_QUOTES = 3;

/** An article's time: published, else ingested (ms since the epoch). */
export function articleTime(article: Pick<StoredArticle, 'published' | 'ingestedAt'>): number {
  const published = article.published ? Date.parse(article.published) : NaN;
  return Number.isNaN(published) ? Date.parse(article.ingestedAt) : published;
}

/** The id a digest shows for a story: stable for a stored story (its buttons keep working), else its lead article's. */
export function storyIdOf(candidate: StoryCandidate, lead: StoredArticle): string {
  return candidate.story ? `s${candidate.story.id}` : `a${lead.id}`;
}

/**
 * The article that speaks for the story: the story's most representative one (its headline's)
 * when it matches the request, else the most relevant; then an original over a copy, then the
 * fullest text, then the earliest.
 */
export function leadArticle(candidate: StoryCandidate, storedTitle = false): StoredArticle {
  const relevance = (a: StoredArticle) => candidate.relevanceByArticle?.get(a.id) ?? 0;
  const representative = candidate.articles.find((a) => a.id === candidate.story?.titleArticleId);
  if (representative && (storedTitle || !candidate.relevanceByArticle?.size || relevance(representative) > 0)) return representative;
  return [...candidate.articles].sort(
    (a, b) =>
      relevance(b) - relevance(a) ||
      Number(b.nearDuplicateOf === null) - Number(a.nearDuplicateOf === null) ||
      b.text.length - a.text.length ||
      a.id - b.id,
  )[0]!;
}

/**
 * The headline a story is shown under: the story's own, unless the summary shown is another
 * member's (the one that matches the request), whose headline it then takes: a headline over
 * another report's summary would promise what the lines below it do not say.
 */
function shownTitle(candidate: StoryCandidate, lead: StoredArticle): string {
  return lead.id === candidate.story?.titleArticleId ? candidate.story.title || lead.title : lead.title;
}

export function sourceRef(article: StoredArticle): SourceRef {
  const ref: SourceRef = { articleId: article.id, title: article.title };
  if (article.url) ref.url = article.url;
  // Articles stored before outlets were named at ingest get theirs from the URL here.
  const outlet = outletName(article.outlet, article.url);
  if (outlet) ref.outlet = outlet;
  if (article.published) ref.published = article.published;
  ref.ingested = article.ingestedAt;
  return ref;
}

/**
 * A story's sources, newest first, near-duplicate copies folded into the article they copy
 * (or, when that one is not in the story, the earliest copy): one source "also: AP, Reuters".
 */
export function storySources(articles: StoredArticle[]): SourceRef[] {
  const copies = new Map<number, StoredArticle[]>();
  for (const article of [...articles].sort((a, b) => articleTime(a) - articleTime(b) || a.id - b.id)) {
    const original = article.nearDuplicateOf ?? article.id;
    copies.set(original, [...(copies.get(original) ?? []), article]);
  }
  const sources = [...copies].map(([original, group]) => {
    const main = group.find((a) => a.id === original) ?? group[0]!;
    const ref = sourceRef(main);
    const also = group.filter((a) => a !== main).map(sourceRef);
    if (also.length) ref.also = also;
    return { ref, time: articleTime(main) };
  });
  return sources.sort((a, b) => b.time - a.time || b.ref.articleId - a.ref.articleId).map((s) => s.ref);
}

// The same stories' quotes come back in every digest of the day; bounded like the stem memo.
// Module-level on purpose: a pure function of the quote's text (no id, no order), the same for every store.
const NORMALISED_QUOTES = new Map<string, string>();

function normaliseQuote(text: string): string {
  let key = NORMALISED_QUOTES.get(text);
  if (key === undefined) {
    key = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (NORMALISED_QUOTES.size >= 20_000) NORMALISED_QUOTES.clear();
    NORMALISED_QUOTES.set(text, key);
  }
  return key;
}

/**
 * Every quote of a story's articles, each once (wire copies repeat them), with its article, and
 * each speaker by the fullest name the reports of `namesFrom` give them ("Owen Dempsey" in one report,
 * "Owen John Dempsey" in another: one person, shown so).
 */
export function storyQuotes(articles: StoredArticle[], namesFrom: StoredArticle[] = articles): { quote: FoundQuote; articleId: number }[] {
  const fullest = fullestSpeakerNames(namesFrom.flatMap((a) => (a.analysis?.quotes ?? []).map((q) => q.speaker)));
  const seen = new Set<string>();
  const out: { quote: FoundQuote; articleId: number }[] = [];
  for (const article of articles) {
    for (const quote of article.analysis?.quotes ?? []) {
      const key = normaliseQuote(quote.text);
      if (seen.has(key)) continue;
      seen.add(key);
      const speaker = quote.speaker && fullest.get(quote.speaker);
      out.push({ quote: speaker ? { ...quote, speaker } : quote, articleId: article.id });
    }
  }
  return out;
}

/** Text as compared for repeats: quote marks and other punctuation, case and spacing aside; padded for whole-word containment. */
function comparable(text: string): string {
  return ` ${normaliseQuote(text)} `;
}

/** Whether two things shown in a digest repeat each other: one contains the other's words, in a row. */
export function repeatEachOther(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (!x.trim() || !y.trim()) return false;
  return x.length >= y.length ? x.includes(y) : y.includes(x);
}

/** Quotes in order, less every one that repeats something shown (or a quote kept before it). */
export function quotesNotRepeating<Q extends { text: string }>(quotes: Q[], shown: readonly string[], max = Infinity): Q[] {
  const kept: Q[] = [];
  const seen = [...shown];
  for (const quote of quotes) {
    if (kept.length >= max) break;
    if (seen.some((text) => repeatEachOther(quote.text, text))) continue;
    kept.push(quote);
    seen.push(quote.text);
  }
  return kept;
}

/**
 * A digest made elsewhere (by an LLM) held to the same rules as composeDigest: summary sentences
 * that repeat their headline go (all of them, or a first "he", and the offline story's
 * summary is used), and quotes that repeat anything shown before them go.
 */
export function withoutRepeats(digest: Digest, offline: Digest): Digest {
  const shown: string[] = [];
  const stories = digest.stories.map((story) => {
    let summary = story.summary.filter((sentence) => !repeatsHeadline(sentence, story.title));
    if (!summary.length || !keepsSummaryRules(summary)) summary = offline.stories.find((s) => s.id === story.id)?.summary ?? summary;
    const quotes = quotesNotRepeating(story.quotes, [...shown, story.title, ...summary]);
    shown.push(...summary, ...quotes.map((q) => q.text));
    return { ...story, summary, quotes };
  });
  return { ...digest, stories };
}

/**
 * The lead's stored summary when it keeps the summary rules (not repeating the headline, no
 * unnamed "he" first); else one made now (articles stored before the rules).
 */
function storySummary(lead: StoredArticle): string[] {
  const stored = lead.analysis?.summary ?? [];
  if (stored.length && keepsSummaryRules(stored, lead.title)) return stored;
  const fresh = summarize({ title: lead.title, text: lead.text });
  if (fresh.length) return fresh;
  const opening = lead.text.slice(0, 300);
  return opening.trim() && !repeatsHeadline(opening, lead.title) ? [opening] : [];
}

/** A found quote as a digest shows it: without offsets, with the article it comes from. */
export function toStoryQuote(quote: FoundQuote, articleId: number): StoryQuote {
  const out: StoryQuote = { text: quote.text, speaker: quote.speaker, verified: quote.verified, articleId };
  if (quote.cue) out.cue = quote.cue;
  return out;
}

/** A sentence as a set of content terms, to tell whether a new report says something new. */
function termSet(text: string): Set<string> {
  return new Set(contentTerms(text));
}

/** Share of a sentence's terms that a known sentence has too (1: it says nothing the known one does not). */
function containedIn(sentence: Set<string>, known: Set<string>): number {
  if (!sentence.size) return 1;
  let shared = 0;
  for (const term of sentence) if (known.has(term)) shared++;
  return shared / sentence.size;
}

/** Beyond this overlap with what the subscriber read, a sentence is no news. */
const REPEATED = 0.6;

/**
 * Whether two quotes give the same statement, as two reports cut or punctuate it: one holds the
 * other's words in a row, or the shorter one's terms (four or more) are nearly all in the longer
 * ("By the way, if she gets to pick her judges, nothing you can do, folks" and the report that
 * quotes the sentence before it too). An update's quotes are what the reader has not heard yet.
 */
function sameStatement(a: Statement, b: Statement): boolean {
  if (repeatEachOther(a.text, b.text)) return true;
  const [shorter, longer] = a.terms.size <= b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms];
  return shorter.size >= 4 && containedIn(shorter, longer) >= SAME_STATEMENT;
}
/** A quote's text with its terms, worked out once for all the comparisons it takes part in. */
type Statement = { text: string; terms: Set<string> };
const statement = (text: string): Statement => ({ text, terms: termSet(text) });
const SAME_STATEMENT = 0.8;
/** An update sentence of whose terms at most one in five is new to the reader retells what they got. */
const RETOLD = 0.8;
const UPDATE_SENTENCES = 3;

type ComposeOptions = {
  maxQuotes?: number;
  shown?: readonly string[];
  /**
   * Daily digests: a stored story is shown under its stored headline, with that article's summary
   * when it is among the members, so that a later "Update:" names the story as the subscriber saw it.
   */
  storedTitles?: boolean;
};

/**
 * A story the subscriber already got, as what is new since: the newest reports' facts that
 * the earlier ones did not state (sentence by sentence, by shared content terms), their quotes
 * that were not in the earlier ones, and only the new sources. Hand-written: "what is new
 * between two sets of reports" is digest composition, which no package does.
 */
export function composeUpdate(candidate: StoryCandidate, options: ComposeOptions = {}): Story {
  const delivered = candidate.delivered ?? new Set<number>();
  const fresh = candidate.articles.filter((a) => !delivered.has(a.id));
  const earlier = candidate.articles.filter((a) => delivered.has(a.id));
  const lead = updateLead(candidate, fresh);
  const said = earlier.flatMap((a) => [a.title, ...(a.analysis?.summary ?? [])]).map(termSet);
  // Every term the earlier reports' headlines and summaries used: a sentence with hardly a new one
  // retells them, though no single earlier sentence holds it ("Weiner has been sexting again, which
  // prompted his wife to ask for a separation", after "caught in another sext scandal" and "after
  // separation from wife").
  const saidAtAll = new Set(said.flatMap((terms) => [...terms]));
  const facts: string[] = [];
  const factTerms: Set<string>[] = [];
  const take = (sentence: string, terms: Set<string>) => {
    facts.push(sentence);
    factTerms.push(terms);
  };
  for (const article of [lead, ...fresh.filter((a) => a !== lead).sort((a, b) => articleTime(b) - articleTime(a))]) {
    const titleTerms = termSet(article.title);
    /** The sentence before, when it was left out as already known (with its terms). */
    let known: [string, Set<string>] | null = null;
    let tookPrevious = false;
    for (const sentence of article.analysis?.summary ?? []) {
      if (facts.length >= UPDATE_SENTENCES) break;
      const terms = termSet(sentence);
      const isNew = containedIn(terms, titleTerms) < 0.9 && ![...said, ...factTerms].some((k) => containedIn(terms, k) >= REPEATED) && containedIn(terms, saidAtAll) < RETOLD;
      // "He also told the council ...": right after the sentence of its article that names him. When
      // that one was known already, it comes again before the new one, which is unreadable without it.
      const needsPrevious: boolean = isNew && !tookPrevious && opensWithPersonPronoun(sentence);
      const withContext: boolean = needsPrevious && known !== null && facts.length + 2 <= UPDATE_SENTENCES;
      if (withContext) take(...known!);
      tookPrevious = isNew && (!needsPrevious || withContext);
      if (tookPrevious) take(sentence, terms);
      known = isNew ? null : [sentence, terms];
    }
  }
  const summary = facts.length ? facts : storySummary(lead).slice(0, 1);
  const heard = storyQuotes(earlier).map(({ quote }) => statement(quote.text));
  const all = storyQuotes([lead, ...fresh.filter((a) => a !== lead)], candidate.articles).filter(({ quote }) => {
    const said = statement(quote.text);
    return !heard.some((known) => sameStatement(said, known));
  });
  const articleOf = new Map(all.map((q) => [q.quote, q.articleId]));
  const ranked = quotesNotRepeating(
    rankKeyQuotes(all.map((q) => q.quote), { title: lead.title, summary, max: all.length }),
    [...(options.shown ?? []), lead.title, ...summary],
    options.maxQuotes ?? MAX_KEY_QUOTES,
  );
  const story: Story = {
    id: storyIdOf(candidate, lead),
    title: lead.title,
    summary,
    quotes: ranked.map((q) => toStoryQuote(q, articleOf.get(q) ?? lead.id)),
    sources: storySources(fresh),
    updated: new Date(Math.max(...fresh.map(articleTime))).toISOString(),
    update: { storyTitle: titleSeen(candidate, earlier), earlierArticles: earlier.length },
  };
  if (candidate.story) story.coverage = { articles: candidate.story.articleCount, outlets: candidate.story.outletCount };
  return story;
}

/**
 * The new report an update leads with: the story's headline article when it is new; else, of the
 * most relevant new reports, the one that speaks best for the whole story. A story that drifted
 * ("Trump's supporters ..." joining a week of Orlando coverage) is not led by the drift.
 */
function updateLead(candidate: StoryCandidate, fresh: StoredArticle[]): StoredArticle {
  const titled = fresh.find((a) => a.id === candidate.story?.titleArticleId);
  if (titled) return titled;
  const relevance = (a: StoredArticle) => candidate.relevanceByArticle?.get(a.id) ?? 0;
  const best = Math.max(...fresh.map(relevance));
  return mostRepresentative(fresh.filter((a) => relevance(a) === best), candidate.articles);
}

/**
 * The headline the subscriber knows the story by: the story's own when its article was among what
 * they got; else the headline of the report they got that speaks best for it. Never the new
 * report's headline (which the story may have taken since): "Update: X (follow-up to X)" says nothing.
 */
function titleSeen(candidate: StoryCandidate, earlier: StoredArticle[]): string {
  const titled = earlier.find((a) => a.id === candidate.story?.titleArticleId);
  if (titled) return candidate.story?.title || titled.title;
  return mostRepresentative(earlier, earlier).title;
}

/**
 * Of `choices`, the article whose headline and summary share the most terms with the other
 * `members`' (each term counted by the number of other members that use it, over the square root
 * of the article's own terms): the store's "closest to the centroid", without its vectors. Ties:
 * an original over a copy, then the earliest.
 */
function mostRepresentative(choices: StoredArticle[], members: StoredArticle[]): StoredArticle {
  const termsOf = new Map(members.concat(choices).map((a) => [a.id, termSet([a.title, ...(a.analysis?.summary ?? [])].join(' '))]));
  const uses = new Map<string, number>();
  const memberIds = new Set(members.map((a) => a.id));
  for (const id of memberIds) for (const t of termsOf.get(id)!) uses.set(t, (uses.get(t) ?? 0) + 1);
  const scores = new Map(
    choices.map((a) => {
      const own = termsOf.get(a.id)!;
      const self = memberIds.has(a.id) ? 1 : 0;
      let shared = 0;
      for (const t of own) shared += (uses.get(t) ?? 0) - self;
      return [a.id, own.size ? shared / Math.sqrt(own.size) : 0];
    }),
  );
  return [...choices].sort(
    (a, b) =>
      scores.get(b.id)! - scores.get(a.id)! ||
      Number(b.nearDuplicateOf === null) - Number(a.nearDuplicateOf === null) ||
      articleTime(a) - articleTime(b) ||
      a.id - b.id,
  )[0]!;
}

/**
 * One story of a digest. `shown` holds what the digest shows before it (earlier stories'
 * summaries and quotes): a key quote never repeats that, the story's summary, or another of
 * its key quotes. A story the subscriber got before, with new reports since, shows only what
 * is new (composeUpdate).
 */
export function composeStory(candidate: StoryCandidate, options: ComposeOptions = {}): Story {
  const delivered = candidate.delivered;
  if (delivered?.size && candidate.articles.some((a) => !delivered.has(a.id)) && candidate.articles.some((a) => delivered.has(a.id))) {
    return composeUpdate(candidate, options);
  }
  const lead = leadArticle(candidate, options.storedTitles);
  const summary = storySummary(lead);
  const all = storyQuotes([lead, ...candidate.articles.filter((a) => a !== lead)]);
  const articleOf = new Map(all.map((q) => [q.quote, q.articleId]));
  // Every quote in rank order, then the first ones that repeat nothing shown.
  const ranked = quotesNotRepeating(
    rankKeyQuotes(all.map((q) => q.quote), { title: lead.title, summary, max: all.length }),
    [...(options.shown ?? []), lead.title, ...summary],
    options.maxQuotes ?? MAX_KEY_QUOTES,
  );
  const updated = new Date(Math.max(...candidate.articles.map(articleTime))).toISOString();
  const story: Story = {
    id: storyIdOf(candidate, lead),
    title: options.storedTitles ? candidate.story?.title || lead.title : shownTitle(candidate, lead),
    summary,
    quotes: ranked.map((q) => toStoryQuote(q, articleOf.get(q) ?? lead.id)),
    // Newest source first: a reader wants the latest report at the top.
    sources: storySources(candidate.articles),
    updated,
  };
  if (candidate.outsideWindow) story.outsideWindow = true;
  // The whole story's reach: its sources here are its newest articles only.
  if (candidate.story) story.coverage = { articles: candidate.story.articleCount, outlets: candidate.story.outletCount };
  return story;
}

export function composeDigest(input: {
  topic: string | null;
  since: Date;
  now: Date;
  candidates: StoryCandidate[];
  suggestions?: string[];
  note?: string;
  /** Daily digests (see ComposeOptions.storedTitles). */
  storedTitles?: boolean;
}): Digest {
  const digest: Digest = {
    topic: input.topic,
    since: input.since.toISOString(),
    generatedAt: input.now.toISOString(),
    stories: [],
  };
  const shown: string[] = [];
  for (const candidate of input.candidates) {
    const story = composeStory(candidate, { shown, storedTitles: input.storedTitles });
    shown.push(...story.summary, ...story.quotes.map((q) => q.text));
    digest.stories.push(story);
  }
  if (input.suggestions?.length) digest.suggestions = input.suggestions;
  if (input.note) digest.note = input.note;
  return digest;
}
