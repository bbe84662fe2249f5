// compose: groups of articles -> Story -> Digest. Pure: the store is not touched here.
import { outletName } from '../ingest/outlet.ts';
import type { FoundQuote, StoredArticle } from '../model.ts';
import { rankKeyQuotes } from '../nlp/quotes.ts';
import { articleTime } from './cluster.ts';
import type { Digest, SourceRef, Story, StoryQuote } from './model.ts';

export interface StoryCandidate {
  articles: StoredArticle[];
  /** How well the story matches the request (higher is better); used to pick its lead article. */
  relevanceByArticle?: Map<number, number>;
  outsideWindow?: boolean;
}

export const MAX_KEY_QUOTES = 3;

/** The article that speaks for the story: most relevant, then the fullest text, then the earliest. */
export function leadArticle(candidate: StoryCandidate): StoredArticle {
  const relevance = (a: StoredArticle) => candidate.relevanceByArticle?.get(a.id) ?? 0;
  return [...candidate.articles].sort(
    (a, b) => relevance(b) - relevance(a) || Number(b.nearDuplicateOf === null) - Number(a.nearDuplicateOf === null) || b.text.length - a.text.length || a.id - b.id,
  )[0]!;
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

/** Every quote of a story's articles, each once (wire copies repeat them), with its article. */
export function storyQuotes(articles: StoredArticle[]): { quote: FoundQuote; articleId: number }[] {
  const seen = new Set<string>();
  const out: { quote: FoundQuote; articleId: number }[] = [];
  for (const article of articles) {
    for (const quote of article.analysis?.quotes ?? []) {
      const key = normaliseQuote(quote.text);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ quote, articleId: article.id });
    }
  }
  return out;
}

/** A found quote as a digest shows it: without offsets, with the article it comes from. */
export function toStoryQuote(quote: FoundQuote, articleId: number): StoryQuote {
  const out: StoryQuote = { text: quote.text, speaker: quote.speaker, verified: quote.verified, articleId };
  if (quote.cue) out.cue = quote.cue;
  return out;
}

export function composeStory(candidate: StoryCandidate, options: { maxQuotes?: number } = {}): Story {
  const lead = leadArticle(candidate);
  const summary = lead.analysis?.summary.length ? lead.analysis.summary : [lead.text.slice(0, 300)];
  const all = storyQuotes([lead, ...candidate.articles.filter((a) => a !== lead)]);
  const articleOf = new Map(all.map((q) => [q.quote, q.articleId]));
  const ranked = rankKeyQuotes(
    all.map((q) => q.quote),
    { title: lead.title, summary, max: options.maxQuotes ?? MAX_KEY_QUOTES },
  );
  const updated = new Date(Math.max(...candidate.articles.map(articleTime))).toISOString();
  const story: Story = {
    id: `s${lead.id}`,
    title: lead.title,
    summary,
    quotes: ranked.map((q) => toStoryQuote(q, articleOf.get(q) ?? lead.id)),
    // Newest source first: a reader wants the latest report at the top.
    sources: storySources(candidate.articles),
    updated,
  };
  if (candidate.outsideWindow) story.outsideWindow = true;
  return story;
}

export function composeDigest(input: {
  topic: string | null;
  since: Date;
  now: Date;
  candidates: StoryCandidate[];
  suggestions?: string[];
  note?: string;
}): Digest {
  const digest: Digest = {
    topic: input.topic,
    since: input.since.toISOString(),
    generatedAt: input.now.toISOString(),
    stories: input.candidates.map((c) => composeStory(c)),
  };
  if (input.suggestions?.length) digest.suggestions = input.suggestions;
  if (input.note) digest.note = input.note;
  return digest;
}
