// Extractive summary: the 2-3 sentences of an article that best say what happened.
//
// Each usable sentence gets a score mixing graph centrality (TextRank/LexRank-style
// PageRank over TF-IDF cosine similarity between sentences) with news priors: the
// lead carries the news (inverted pyramid), overlap with the title, the article's
// recurring names, a comfortable length, and penalties for sentences that read badly
// out of context (opening pronoun, a bare quotation, a photo caption). Sentences are
// then picked greedily with Maximal Marginal Relevance so near-duplicates never both
// make it, and returned in article order. Datelines, bylines, photo credits,
// sub-headings, questions and very short lines are never candidates.
//
// Length rule: 3 sentences, or 2 when the article has fewer than SHORT_ARTICLE_SENTENCES
// usable sentences (a short item's third sentence is mostly detail).
import { splitSentences } from './sentences.ts';
import { AnalysisContext } from './context.ts';
import { type TokenSpans, entityMentions, tokenAt, tokenSpans, tokenize } from './tokens.ts';
import { type HeadlineWords, headlineWords, repeatsHeadline } from './headline.ts';
import type { TermTable } from './term-ids.ts';

export interface SummaryInput {
  title?: string;
  text: string;
  /** The article's sentences if already split (saves a second pass at ingest). */
  sentences?: string[];
}

export interface SummaryWeights {
  /** Lead prior: weight of exp(-max(0, rank - positionPlateau) / positionDecay), rank among usable sentences. */
  position: number;
  positionDecay: number;
  positionPlateau: number;
  /** PageRank centrality over the sentence-similarity graph, scaled to [0, 1]. */
  centrality: number;
  /** Cosine similarity with the title. */
  title: number;
  /** Share of the article's recurring names that the sentence mentions. */
  entities: number;
  /** Preference for 12-35 word sentences. */
  length: number;
  /** Subtracted for an opening pronoun/connective, a sentence that is mostly quotation, a caption. */
  danglingPenalty: number;
  quotePenalty: number;
  captionPenalty: number;
  /** MMR: subtracted times the highest similarity to an already chosen sentence. */
  redundancy: number;
}

// Tuned on the 100-item CNN/DailyMail train sample only (eval/summary.ts); the region
// around these values is flat, so they are rounded rather than fitted to the third decimal.
export const DEFAULT_WEIGHTS: SummaryWeights = {
  position: 1,
  positionDecay: 10,
  positionPlateau: 1,
  centrality: 0.5,
  title: 0.5,
  entities: 0.3,
  length: 0.2,
  danglingPenalty: 0.3,
  quotePenalty: 0.2,
  captionPenalty: 0.3,
  redundancy: 0.5,
};

export interface SummarizeOptions {
  /** Upper bound on the number of sentences (default: 3, or 2 for a short article). */
  maxSentences?: number;
  /** 'textrank' ranks by centrality alone (an evaluation ablation); default 'combined'. */
  method?: 'combined' | 'textrank';
  /** Overrides of DEFAULT_WEIGHTS, for evaluation. */
  weights?: Partial<SummaryWeights>;
  /** The calling pipeline's context (its vocabulary); without one, a context for this article alone. */
  context?: AnalysisContext;
}

const SHORT_ARTICLE_SENTENCES = 8;
/** Two sentences at least this similar (cosine of TF-IDF) are near-duplicates. */
const DUPLICATE_SIMILARITY = 0.6;
const MIN_WORDS = 6;
/** Boilerplate lines are short; longer sentences skip that check. */
const BOILERPLATE_MAX_WORDS = 30;
/**
 * Only the first MAX_CANDIDATES usable sentences are ranked: it bounds the O(n^2) graph
 * for very long texts, and with the lead prior a sentence that far down never wins.
 */
const MAX_CANDIDATES = 50;

// A news dateline/credit prefix: "(CNN) -- ", "LONDON (Reuters) - ", "Beirut (CNN) -- ", "WASHINGTON — ",
// and the place in capitals with its state or country as written: "CASPER, Wyo. - ", "RANGOON, Burma - ".
const DATELINE_PREFIX =
  /^(?:[\p{Lu}][\p{L}.,' ]{0,40}?\s*)?\((?:CNN|Reuters|AP|AFP|UPI|Bloomberg|BBC|RT)[^)]{0,30}\)\s*(?:--|[-—–:])?\s*|^[\p{Lu}][\p{Lu} .,']{2,30}(?:,[ \u00a0]+\p{Lu}[\p{L}.]*(?:[ \u00a0]+\p{Lu}[\p{L}.]*){0,2})?\s+(?:--|[—–-])\s+/u;
// Lines that are page furniture rather than news: a phrase anywhere, or a credit, time or bullet
// at the start.
const BOILERPLATE_PHRASES = [
  'published', 'updated', 'last updated', 'scroll down', 'click here', 'read more', 'sign up', 'follow us',
  'share this', 'advertisement', 'getty images', 'image copyright', 'image caption', 'all rights reserved',
  'copyright', 'subscribe',
];
// ... and a line that sends the reader elsewhere on the page: "Watch a clip of the interview above.",
// "Read part 1 here".
const BOILERPLATE_START =
  /^\s*(?:by|from|photo|picture|video|image|source|credit)\b.{0,60}$|^\W*\d{1,2}:\d{2}\b|^[|•·]|^\W*(?:watch|read|listen to|see|take a look at|check out)\b[^.!?]{0,100}\b(?:above|below|here)\b/iu;
const BOILERPLATE = new RegExp(String.raw`\b(?:${BOILERPLATE_PHRASES.join('|')})\b|${BOILERPLATE_START.source}`, 'iu');
// The phrases without \b or case folding, for the lower-cased sentence: a much cheaper test that
// rules out most sentences. Under /iu only "ſ" and the Kelvin sign match ASCII letters, and
// toLowerCase turns the Kelvin sign into "k" but keeps "ſ": a sentence with "ſ" gets the full test.
const HAS_BOILERPLATE_PHRASE = new RegExp(BOILERPLATE_PHRASES.join('|'));

/** `lower` is the sentence lower-cased, when already at hand. */
function isBoilerplate(sentence: string, lower = sentence.toLowerCase()): boolean {
  if (!sentence.includes('ſ') && !HAS_BOILERPLATE_PHRASE.test(lower)) return BOILERPLATE_START.test(sentence);
  return BOILERPLATE.test(sentence);
}
const MAY_HAVE_DATELINE = /[(—–-]/;
const CAPTION = /\((?:pictured|left|right|centre|center|above|below|top|bottom|file|inset|file photo|second left|second right)\b[^)]*\)/iu;
const DANGLING_START = /^(?:["'“‘]?)(?:he|she|it|they|this|these|those|his|her|its|their|him|them)\b/iu;
/** A personal pronoun first: a summary never opens with one (its person is not named yet). */
const PERSON_PRONOUN_START = /^(?:["'“‘(]?)(?:he|she|they|his|her|hers|their|theirs|him|them)\b/iu;
const TERMINAL_END = /[.!?…]["'”’)\]]*$/u;
const QUOTE_CHARS = /["“”]|(?:^|\s)['‘]|['’](?=\s|$|[,.])/gu;

/** The sentence as shown in a summary: without a leading dateline like "(CNN) -- ". */
export function cleanSentence(sentence: string): string {
  // Either form of the prefix contains "(" or a dash; most sentences have neither.
  if (!MAY_HAVE_DATELINE.test(sentence)) return sentence.trim();
  return sentence.replace(DATELINE_PREFIX, '').trim();
}

interface Candidate {
  index: number;
  text: string;
  words: number;
  tokens: TokenSpans;
}

/** The first `limit` sentences that may appear in a summary, in article order. */
function usableSentences(sentences: readonly string[], limit: number): Candidate[] {
  const usable: Candidate[] = [];
  for (let index = 0; index < sentences.length && usable.length < limit; index++) {
    const text = cleanSentence(sentences[index]!);
    if (!TERMINAL_END.test(text)) continue; // heading, caption or dateline without punctuation
    if (/\?["'”’)]*$/u.test(text) || /:["'”’]*$/u.test(text)) continue; // questions, lead-ins
    const tokens = tokenSpans(text);
    const words = tokens.bounds.length >> 1;
    if (words < MIN_WORDS) continue;
    if (words < BOILERPLATE_MAX_WORDS && isBoilerplate(text, tokens.lower)) continue;
    usable.push({ index, text, words, tokens });
  }
  return usable;
}

/**
 * Whether a candidate repeats the headline. Asked only of the few sentences about to be picked,
 * not of every candidate: the comparison costs a third of a summary's time when done for all.
 */
function repeatsTitle(candidate: Candidate, title: HeadlineWords | undefined, table: TermTable): boolean {
  if (!title) return false;
  const { tokens } = candidate;
  // headlineWordsOf(the tokens), read through the pipeline's term table (the summarizer has
  // looked these tokens up already) instead of a string and a stem lookup per token; the
  // words themselves only when repeatsHeadline gets that far (it reads them once at most).
  return repeatsHeadline(
    {
      terms: table.termsAt(tokens),
      get words() {
        const words: string[] = new Array(tokens.bounds.length >> 1);
        for (let k = 0; k < words.length; k++) words[k] = tokenAt(tokens, k);
        return words;
      },
    },
    title,
  );
}

/**
 * The sentences a summary may open with: not one that starts with a pronoun for a person it
 * has not named yet ("He said...", "Their plan..."); those may follow a sentence that names them.
 */
function mayOpenSummary(candidate: Candidate): boolean {
  return !PERSON_PRONOUN_START.test(candidate.text);
}

/** A sparse vector: term ids in ascending order with their weights. */
interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * L2-normalised TF-IDF vectors with in-article IDF, from sorted term ids (TermIds), so
 * the n^2 cosine loop is a merge of two sorted arrays instead of hash lookups.
 */
function tfidfVectors(idLists: readonly Int32Array[], termCount: number): SparseVector[] {
  const documentFrequency = new Int32Array(termCount);
  for (const ids of idLists) for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) documentFrequency[ids[k]!]!++;
  const n = idLists.length;
  // Smoothed IDF: terms in every sentence keep some weight, the topic words matter. Computed
  // once per term (0 = not yet: the IDF itself is always positive).
  const idf = new Float64Array(termCount);
  // Every vector is a view of one array of ids and one of weights: a typed array per sentence cost
  // more to allocate and free (outside the heap) than to fill, see TermIds#sortedIds.
  let total = 0;
  for (const sorted of idLists) total += sorted.length;
  const allIds = new Int32Array(total);
  const allWeights = new Float64Array(total);
  let offset = 0;
  return idLists.map((sorted) => {
    // Collapse runs of equal ids into (id, term frequency), in place in typed arrays.
    const ids = allIds.subarray(offset, offset + sorted.length);
    const weights = allWeights.subarray(offset, offset + sorted.length);
    offset += sorted.length;
    let distinct = 0;
    let norm = 0;
    for (let k = 0; k < sorted.length; ) {
      const id = sorted[k]!;
      let tf = 0;
      while (k < sorted.length && sorted[k] === id) {
        tf++;
        k++;
      }
      if (idf[id] === 0) idf[id] = Math.log(1 + n / documentFrequency[id]!);
      const weight = (1 + Math.log(tf)) * idf[id]!;
      ids[distinct] = id;
      weights[distinct++] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < distinct; k++) weights[k] = weights[k]! / norm;
    return { ids: ids.subarray(0, distinct), weights: weights.subarray(0, distinct) };
  });
}

function cosine(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/**
 * PageRank over a weighted similarity graph (TextRank), scaled so the top sentence is 1.
 * The transition matrix is normalised once; iteration stops when ranks settle.
 */
function pageRank(similarity: Float64Array, n: number, damping = 0.85, maxIterations = 30): number[] {
  const transition = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += similarity[j * n + i]!;
    if (sum > 0) for (let i = 0; i < n; i++) transition[i * n + j] = (damping * similarity[j * n + i]!) / sum;
  }
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      let value = (1 - damping) / n;
      const row = i * n;
      for (let j = 0; j < n; j++) value += transition[row + j]! * rank[j]!;
      next[i] = value;
      change += Math.abs(value - rank[i]!);
    }
    [rank, next] = [next, rank];
    if (change < 1e-5) break;
  }
  let top = 1e-12;
  for (let i = 0; i < n; i++) top = Math.max(top, rank[i]!);
  return Array.from(rank, (value) => value / top);
}

/**
 * The distinct names in each candidate. One regex pass over the candidates joined by
 * line breaks is much cheaper than one pass per sentence.
 */
function namesPerSentence(candidates: readonly Candidate[]): Array<Set<string>> {
  const starts: number[] = [];
  let joined = '';
  for (const candidate of candidates) {
    starts.push(joined.length);
    joined += `${candidate.text}\n`;
  }
  const names = candidates.map(() => new Set<string>());
  let sentence = 0;
  for (const mention of entityMentions(joined)) {
    while (sentence + 1 < starts.length && starts[sentence + 1]! <= mention.start) sentence++;
    names[sentence]!.add(mention.name);
  }
  return names;
}

function lengthPrior(words: number): number {
  if (words < 12) return words / 12;
  if (words <= 35) return 1;
  return Math.max(0, 1 - (words - 35) / 30);
}

function quotationShare(text: string): number {
  // Share of the sentence between quote marks, approximated by the part after the first
  // quote mark up to the last one.
  QUOTE_CHARS.lastIndex = 0;
  const firstMatch = QUOTE_CHARS.exec(text);
  if (!firstMatch) return 0;
  const first = firstMatch.index;
  let last = -1;
  for (let match = QUOTE_CHARS.exec(text); match; match = QUOTE_CHARS.exec(text)) last = match.index;
  if (last < 0) return 0;
  return (last - first) / text.length;
}

function targetLength(usableCount: number, maxSentences: number | undefined): number {
  const byLength = usableCount < SHORT_ARTICLE_SENTENCES ? 2 : 3;
  return Math.max(0, Math.min(maxSentences ?? byLength, usableCount));
}

/** Whether a sentence opens with a pronoun for a person ("He also said ..."): it needs the sentence that names them before it. */
export function opensWithPersonPronoun(sentence: string): boolean {
  return PERSON_PRONOUN_START.test(sentence);
}

/**
 * Whether a summary keeps the rules summarize() follows: no sentence repeats the headline, and
 * the first does not open with a pronoun for an unnamed person. For summaries made elsewhere
 * (an LLM) or stored before these rules.
 */
export function keepsSummaryRules(summary: readonly string[], title?: string): boolean {
  if (summary[0] !== undefined && PERSON_PRONOUN_START.test(summary[0])) return false;
  if (!title) return true;
  const headline = headlineWords(title);
  return !summary.some((sentence) => repeatsHeadline(sentence, headline));
}

/**
 * The first `count` usable sentences (cleaned): the Lead-N baseline after the same
 * filtering the summarizer applies, for evaluation and comparison.
 */
export function leadSentences(input: SummaryInput, count = 3): string[] {
  const sentences = input.sentences ?? splitSentences(input.text);
  return usableSentences(sentences, count).map((candidate) => candidate.text);
}

/**
 * The 2-3 sentences (in article order, datelines removed) that best say what happened. They
 * never repeat the headline (see headline.ts), and the first never opens with a pronoun
 * for a person it has not named.
 */
export function summarize(input: SummaryInput, options: SummarizeOptions = {}): string[] {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const sentences = input.sentences ?? splitSentences(input.text);
  const title = input.title ? headlineWords(input.title) : undefined;
  const candidates = usableSentences(sentences, MAX_CANDIDATES);
  if (candidates.length === 0) {
    // Nothing looks like a proper sentence (an unpunctuated one-liner): the longest line
    // of 3+ words rather than nothing; a bare two-word headline gives nothing.
    const fallback = sentences
      .map(cleanSentence)
      .filter((s) => tokenize(s).length >= 3 && !(title && repeatsHeadline(s, title)) && !PERSON_PRONOUN_START.test(s));
    fallback.sort((a, b) => b.length - a.length);
    return fallback.slice(0, Math.min(1, options.maxSentences ?? 1));
  }
  const count = targetLength(candidates.length, options.maxSentences);
  if (count === 0) return [];
  const table = (options.context ?? new AnalysisContext()).terms;
  if (candidates.length <= count) {
    // All of them but a headline repeat, from the first that may open a summary.
    const kept = candidates.filter((c) => !repeatsTitle(c, title, table));
    const opening = kept.findIndex(mayOpenSummary);
    return opening < 0 ? [] : kept.slice(opening).map((c) => c.text);
  }

  const n = candidates.length;
  const termIds = table.termIds();
  const vectors = tfidfVectors(candidates.map((c) => termIds.sortedIds(c.tokens)), termIds.size);
  const similarity = new Float64Array(n * n);
  // cosine(vectors[i], vectors[j]) for all pairs, with vector i spread into a dense array so each
  // pair is one pass over j's terms. Same sums in the same order: the terms j lacks add +0.
  const dense = new Float64Array(termIds.size);
  for (let i = 0; i < n; i++) {
    const a = vectors[i]!;
    for (let k = 0; k < a.ids.length; k++) dense[a.ids[k]!] = a.weights[k]!;
    for (let j = i + 1; j < n; j++) {
      const b = vectors[j]!;
      let dot = 0;
      for (let k = 0; k < b.ids.length; k++) dot += dense[b.ids[k]!]! * b.weights[k]!;
      similarity[i * n + j] = dot;
      similarity[j * n + i] = dot;
    }
    for (let k = 0; k < a.ids.length; k++) dense[a.ids[k]!] = 0;
  }
  const centrality = pageRank(similarity, n);

  let scores: number[];
  if (options.method === 'textrank') {
    scores = centrality;
  } else {
    // A one-document "corpus" gives every title term the same weight; terms absent
    // from the body get fresh ids, so they only lower the cosine through the norm.
    const titleIds = input.title ? termIds.sortedIds(tokenSpans(input.title)) : undefined;
    const titleVector = titleIds ? tfidfVectors([titleIds], termIds.size)[0] : undefined;
    const sentenceEntities = namesPerSentence(candidates);
    // Names the article keeps coming back to (in 2+ sentences) mark the main actors.
    const entityCounts = new Map<string, number>();
    for (const names of sentenceEntities) for (const name of names) entityCounts.set(name, (entityCounts.get(name) ?? 0) + 1);
    const recurring = [...entityCounts].filter(([, k]) => k >= 2).map(([name]) => name);
    const recurringSet = new Set(recurring);

    scores = candidates.map((candidate, rank) => {
      let score =
        weights.position * Math.exp(-Math.max(0, rank - weights.positionPlateau) / weights.positionDecay) +
        weights.centrality * centrality[rank]!;
      if (titleVector) score += weights.title * cosine(titleVector, vectors[rank]!);
      if (recurring.length > 0) {
        let mentioned = 0;
        for (const name of sentenceEntities[rank]!) if (recurringSet.has(name)) mentioned++;
        score += weights.entities * Math.min(1, mentioned / Math.min(3, recurring.length));
      }
      score += weights.length * lengthPrior(candidate.words);
      if (quotationShare(candidate.text) > 0.5) score -= weights.quotePenalty;
      if (candidate.text.includes('(') && CAPTION.test(candidate.text)) score -= weights.captionPenalty;
      return score;
    });
  }

  // An opening pronoun ("He said...") reads badly unless an earlier sentence of the
  // summary introduces who it is; the article's first sentence is never penalised.
  const dangling = candidates.map((c, rank) => rank > 0 && options.method !== 'textrank' && DANGLING_START.test(c.text));

  // Maximal Marginal Relevance: each pick trades its score against overlap with earlier picks.
  const mayOpen = candidates.map(mayOpenSummary);
  const chosen: number[] = [];
  const taken = new Uint8Array(n);
  /** Chosen for the summary (taken also marks a headline repeat, which is never shown). */
  const chosenFlag = new Uint8Array(n);
  const overlap = new Float64Array(n); // highest similarity to any chosen sentence
  let firstChosen = n;
  while (chosen.length < count) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < n; i++) {
      if (taken[i] || overlap[i]! >= DUPLICATE_SIMILARITY) continue;
      // Picks come back in article order: a sentence that opens with "he" only right after the one
      // before it, which names whom it means ("Dick Cheney represented the district ... She will
      // now face" was his daughter, two sentences on).
      if (!mayOpen[i] && (i === 0 || !chosenFlag[i - 1])) continue;
      let value = scores[i]! - weights.redundancy * overlap[i]!;
      if (dangling[i] && firstChosen > i) value -= weights.danglingPenalty;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    if (repeatsTitle(candidates[best]!, title, table)) {
      taken[best] = 1; // never shown, so it neither opens the summary nor counts as an overlap
      continue;
    }
    chosen.push(best);
    taken[best] = 1;
    chosenFlag[best] = 1;
    firstChosen = Math.min(firstChosen, best);
    for (let i = 0; i < n; i++) overlap[i] = Math.max(overlap[i]!, similarity[i * n + best]!);
  }
  return chosen.sort((a, b) => a - b).map((i) => candidates[i]!.text);
}
