// Passage ranking for follow-up answers: every sentence of the candidate articles is scored
// against the analysed question, and the best become the answer. Hand-written, as no package
// ranks news sentences for a question with these checks. The score is BM25 over sentences
// (with the corpus' document frequencies) plus boosts: the question's names in the sentence,
// term proximity, the headline and lead; and the answer-type check
// (a "who" question needs a name the question does not already hold, "how many" a number,
// "when" a date, "why" a causal clause, "what did X say" words that X said). The score is
// also the confidence that abstention compares with its threshold (see index.ts).
import type { FoundQuote, StoredArticle } from '../model.ts';
import { speechVerbs } from '../nlp/attribution.ts';
import { splitSentenceSpans } from '../nlp/sentences.ts';
import { entityMentions, STOP_WORDS, tokenAt, tokenSpans, tokenize } from '../nlp/tokens.ts';
import { ROLE_NOUNS, type QuestionAnalysis, type QuestionTerm } from './question.ts';
import { termKey } from './terms.ts';

export interface RankedPassage {
  article: StoredArticle;
  /** Sentence indexes of the passage in the article, first and last (1 to 3 sentences). */
  first: number;
  last: number;
  /** Character offsets of the passage in the article text. */
  start: number;
  end: number;
  /** Offsets of the passage with the sentence before and after it (the context an LLM gets). */
  contextStart: number;
  contextEnd: number;
  text: string;
  /** Quotes of the article's analysis inside the passage. */
  quotes: FoundQuote[];
  score: number;
  /** The parts of the score, for the eval's explanations. */
  parts: Record<string, number>;
}

/** BM25 parameters, the usual ones. */
const K1 = 1.2;
const B = 0.75;
/** A name in the question counts more than a common word. */
const NAME_WEIGHT = 1.5;
/** Additive parts of the score (on the scale of the relevance, 0 to about 1.4). */
export const WEIGHTS = {
  /** A term found only in the sentence before or after, or in the headline, counts this much. */
  context: 0.3,
  proximity: 0.15,
  lead: 0.03,
  headline: 0.08,
};
/** What multiplies the relevance when the passage lacks what the question needs. */
export const FACTORS = {
  /** Share of the relevance lost when all the question's names are absent (in proportion). */
  namesMissing: 0.6,
  typeMissing: 0.5,
  /** "What did X say": a sentence where X says nothing. */
  notSpoken: 0.35,
  /** A fact asked for, found only inside a quotation: someone's claim rather than the report's statement. */
  quotedOnly: 0.85,
};
/** "What did X say": a sentence with X's words answers even when it shares few words with the question. */
const SPOKEN = 0.2;
/** "Who is X?": a sentence naming X, more when the words around the name describe X (role, appositive), less for X's own quotes. */
const DESCRIBE = { present: 0.4, descriptor: 0.5, ownWords: 0.4 };

interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Term keys of the tokens (see terms.ts), and whether each token is written capitalised. */
  keys: string[];
  capitalised: boolean[];
  /** Offsets of each token in the article text. */
  tokenStarts: number[];
}

interface ArticleSentences {
  article: StoredArticle;
  sentences: Sentence[];
  titleKeys: Set<string>;
}

/**
 * Articles' sentences with their term keys, by article id: an article's text never changes, and
 * the stories in the news now are asked about again and again. The text is compared on a hit (two
 * stores in one process may reuse an id). Bounded; the least recently used entries go first.
 */
const SENTENCES = new Map<number, { text: string; sentences: Sentence[] }>();
const SENTENCE_CACHE_ARTICLES = 3_000;

function sentencesOf(article: StoredArticle): Sentence[] {
  const cached = SENTENCES.get(article.id);
  if (cached?.text === article.text) {
    SENTENCES.delete(article.id);
    SENTENCES.set(article.id, cached);
    return cached.sentences;
  }
  const sentences = splitSentences(article);
  SENTENCES.delete(article.id);
  if (SENTENCES.size >= SENTENCE_CACHE_ARTICLES) SENTENCES.delete(SENTENCES.keys().next().value!);
  SENTENCES.set(article.id, { text: article.text, sentences });
  return sentences;
}

function splitSentences(article: StoredArticle): Sentence[] {
  return splitSentenceSpans(article.text).map((span, index) => {
    const spans = tokenSpans(span.text);
    const count = spans.bounds.length >> 1;
    const keys: string[] = new Array(count);
    const capitalised: boolean[] = new Array(count);
    const tokenStarts: number[] = new Array(count);
    for (let k = 0; k < count; k++) {
      keys[k] = termKey(tokenAt(spans, k));
      const first = span.text.charCodeAt(spans.bounds[2 * k]!);
      capitalised[k] = first >= 0x41 && first <= 0x5a;
      tokenStarts[k] = span.start + spans.bounds[2 * k]!;
    }
    return { index, start: span.start, end: span.end, text: span.text, keys, capitalised, tokenStarts };
  });
}

/** term index -> weight of each key that matches it. */
function keyIndex(terms: QuestionTerm[]): Map<string, { term: number; weight: number }[]> {
  const index = new Map<string, { term: number; weight: number }[]>();
  terms.forEach((term, t) => {
    for (const form of term.forms) {
      const hits = index.get(form.key) ?? [];
      const known = hits.find((h) => h.term === t);
      if (known) known.weight = Math.max(known.weight, form.weight);
      else index.set(form.key, [...hits, { term: t, weight: form.weight }]);
    }
  });
  return index;
}

/** The question terms a sentence holds: how often (weighted by form), at which tokens, and how often written capitalised inside it. */
type Matches = Map<number, { tf: number; at: number[]; inside: number; capitalised: number }>;

function matchesIn(sentence: Sentence, keys: Map<string, { term: number; weight: number }[]>): Matches {
  const found: Matches = new Map();
  for (let k = 0; k < sentence.keys.length; k++) {
    const hits = keys.get(sentence.keys[k]!);
    if (!hits) continue;
    for (const m of hits) {
      let f = found.get(m.term);
      if (!f) found.set(m.term, (f = { tf: 0, at: [], inside: 0, capitalised: 0 }));
      f.tf += m.weight;
      f.at.push(k);
      // Capitals count inside a sentence only (its first word is capitalised anyway), for the word itself.
      if (k > 0 && m.weight === 1) {
        f.inside++;
        if (sentence.capitalised[k]) f.capitalised++;
      }
    }
  }
  return found;
}

/**
 * Which question terms are names. Capitalised in the question, the speaker or subject words, or
 * (for questions typed in lower case) words the articles write capitalised inside sentences.
 */
function nameTerms(question: QuestionAnalysis, matches: Matches[][]): boolean[] {
  const inside = question.terms.map(() => 0);
  const capital = question.terms.map(() => 0);
  for (const article of matches) {
    for (const found of article) {
      for (const [t, f] of found) {
        inside[t]! += f.inside;
        capital[t]! += f.capitalised;
      }
    }
  }
  return question.terms.map((term, t) => term.capitalised || term.role !== 'topic' || (inside[t]! >= 2 && capital[t]! / inside[t]! >= 0.7));
}

// ---------------------------------------------------------------------------------------------
// Answer-type checks: does the sentence hold the kind of thing asked for?

const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|quarter|percent|majority|minority|handful)\b/i;
/** A digit that is not just a year ("2016") or a day of a date. */
const NUMBER = /(?:^|[^\w.])(?:\$|£|€)?\d[\d,.]*(?:\s?(?:%|percent|million|billion|trillion|thousand|hundred|points?|votes?|people|hours?|minutes?|days?|years?|months?|weeks?))?/i;
const YEAR_ONLY = /^(?:19|20)\d\d$/;
const MONTH_NAMES = 'january|february|march|april|june|july|august|september|october|november|december';
const MONTHS = `${MONTH_NAMES}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec`;
// Hand-written rather than chrono-node: chrono takes 0.9 s to load, 0.7 ms a sentence, and finds
// no bare year ("in 2008", "from 1995 to 1997"); a date here only has to be present, not parsed.
const DATE = new RegExp(
  String.raw`\b(?:(?:${MONTHS})\.?\s+\d{1,2}\b|\d{1,2}\s+(?:${MONTH_NAMES})\b|(?:${MONTH_NAMES})\b|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|` +
    String.raw`(?:19|20)\d\d(?:s)?\b|\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|(?:noon|midnight|tonight|tomorrow|yesterday|today)\b|` +
    String.raw`(?:last|next)\s+(?:week|month|year|night)\b|this\s+(?:week|month|year|weekend|morning|afternoon|evening)\b|end\s+of\s+(?:the|this|next)\s+(?:week|month|year)\b|` +
    String.raw`(?:spring|summer|fall|autumn|winter)\b|(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier)\b)`,
  'i',
);
/** A causal or explanatory clause: because, due to, in order to, for refusing, by investing, argue that. */
const REASON = new RegExp(
  String.raw`\b(?:because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result|in\s+order\s+to|so\s+that|so\s+as\s+to|in\s+an\s+effort\s+to|aimed\s+at|the\s+reasons?|reasons?\s+(?:for|why)|why|since\s+(?!(?:${MONTHS}|\d|last|then))|` +
    String.raw`for\s+(?:\w+ing|not\s+\w+ing)|by\s+\w+ing|saying|arguing|citing|claiming|on\s+the\s+grounds|argues?\s+that|argued\s+that|contends?\s+that|after\s+(?:he|she|they|it|the)|amid|over\s+(?:concerns?|fears?)|` +
    String.raw`fears?|concerns?|worried|blamed|caused|led\s+to|allows?|allowed|lets|enables?|means\s+that|to\s+(?:avoid|keep|mock|protect|prevent|stop|help|make|show|force|ensure|gain|win|draw|boost|punish|send|push|protest))\b`,
  'i',
);

const NUMBERS = new RegExp(NUMBER.source, 'gi');

function hasNumber(text: string, question: string): boolean {
  for (const m of text.matchAll(NUMBERS)) {
    const digits = m[0].replace(/^[^\d$£€]*/, '').trim();
    const bare = digits.replace(/[^\d]/g, '');
    if (YEAR_ONLY.test(digits.replace(/[,.]$/, ''))) continue;
    // A number the question already holds ("the 2 million accounts") is not the answer.
    if (bare && question.includes(bare) && bare.length > 1) continue;
    return true;
  }
  return NUMBER_WORDS.test(text);
}

/**
 * Names in the sentence that are candidates for a who / which answer: not sharing a word with the
 * question (those are what it asks about), not the speaker of a quote in the sentence (the source
 * of a statement, not the subject of the fact, unless the question asks who said or promised something),
 * and for a person, not an acronym (a party, a network).
 */
function newNames(text: string, quotes: FoundQuote[], questionWords: Set<string>, person: boolean, asksSpeaker: boolean): string[] {
  const speakers = new Set(asksSpeaker ? [] : quotes.filter((q) => q.speaker).flatMap((q) => tokenize(q.speaker!)));
  return entityMentions(text)
    .map((m) => m.name)
    .filter((name) => {
      const words = tokenize(name);
      if (words.some((w) => questionWords.has(w)) || words.every((w) => speakers.has(w))) return false;
      return !person || !/^[\p{Lu}\p{N}.&-]+$/u.test(name);
    });
}

/** A news-agency dateline opening the sentence ("LOS ANGELES, Sept. 28 (UPI) —"): its date is the report's, not the fact's. */
function withoutDateline(text: string): string {
  return text.replace(/^[\p{Lu}][\p{Lu}\s.,'-]+,\s+(?:[\p{L}.]+\s+\d{1,2}\s+)?\((?:UPI|AP|Reuters|AFP)\)\s*[—–-]+\s*/u, '');
}

/** The sentence is the article's headline (the text often opens with it). */
function isHeadline(sentence: Sentence, title: string): boolean {
  if (sentence.index > 1) return false;
  const a = sentence.text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  const b = title.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  return a.length > 0 && (a === b || (b.length > 20 && (a.startsWith(b) || b.startsWith(a))));
}

// ---------------------------------------------------------------------------------------------
// Who said it: quotes attributed to the asked speaker, and reported speech ("Sullivan says ...").

function speakerMatches(speaker: string | null, asked: string[]): boolean {
  if (!speaker) return false;
  const words = new Set(tokenize(speaker));
  return asked.every((w) => words.has(w));
}

/** The asked speaker as the subject of a speech verb in the sentence: "Graham said", "said Caddell", "Sullivan says he". */
function reportsSpeech(sentence: Sentence, article: StoredArticle, asked: string[]): boolean {
  const last = termKey(asked[asked.length - 1]!);
  const positions: number[] = [];
  sentence.keys.forEach((key, k) => {
    if (key === last) positions.push(sentence.tokenStarts[k]!);
  });
  if (!positions.length) return false;
  for (const verb of speechVerbs(sentence.text, sentence.start)) {
    for (const at of positions) {
      const before = article.text.slice(at, verb.start);
      const after = article.text.slice(verb.end, at);
      // "Graham said", "Warren told Stumpf", "Sullivan, the commissioner, says": the name shortly before the verb,
      // with no quote mark between them; or "said Caddell" right after it.
      if (at < verb.start && before.length <= 60 && !/["“”]/.test(before)) return true;
      if (at >= verb.end && after.length <= 3) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// "Who is X?": sentences that describe X (role, title, appositive), not X's own words.

/** How much the words around a mention describe the subject: 1 a copula, 0.9 an appositive or a role before the name, less for weaker forms. */
function descriptorStrength(text: string, mentionStart: number, mentionEnd: number): number {
  const after = text.slice(mentionEnd, mentionEnd + 80);
  const before = text.slice(Math.max(0, mentionStart - 80), mentionStart);
  // "X, a former technology aide", "X, the Mexican secretary of the economy", "X, who is a pastor"
  if (/^,\s+(?:a|an|the|who\s+(?:is|was|has|had|served|became|leads|led|runs|ran|heads|headed)|one\s+of|then\s+a|now\s+a|currently|formerly|himself\s+a|herself\s+a)\b/i.test(after)) return 0.9;
  // "X — Ivy League-trained surgeon and daytime TV star —"
  if (/^\s*[—–]\s*(?:a|an|the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,6}\s*[—–,]/u.test(after) && !/^\s*[—–]\s*(?:he|she|they|it|who|and|but|which|that)\b/i.test(after)) return 0.9;
  // "Russian President Vladimir Putin", "Wells Fargo CEO John Stumpf", "the RT host and former MSNBC personality Ed Schultz"
  const role = /([\p{L}.-]+)\s+$/u.exec(before);
  if (role && ROLE_NOUNS.has(role[1]!.toLowerCase().replace(/\.$/, ''))) return 0.9;
  // "X is a ...", "X was the ...": a description, unless in a condition ("if X is the first ...").
  if (/^\s+(?:is|was|has\s+been|had\s+been|became|remains)\s+(?:a|an|the|one\s+of|also\s+a|now\s+a|still\s+a)\b/i.test(after) && !/\b(?:if|whether|unless|when|once)\s+(?:\S+\s+){0,2}$/i.test(before)) return 1;
  // "X, 44, known online as ..."
  if (/^,\s+\d{2},\s+(?:a|an|the|who|known|of)\b/i.test(after)) return 0.6;
  return 0;
}

/** Whether the sentence names the subject, and how well it describes the subject where it does (not inside a quotation). */
function describes(sentence: Sentence, subject: string[], subjectKeys: Set<string>, quotes: FoundQuote[]): { present: boolean; strength: number } {
  const last = termKey(subject[subject.length - 1]!);
  let present = false;
  let strength = 0;
  for (let k = 0; k < sentence.keys.length; k++) {
    if (sentence.keys[k] !== last) continue;
    const at = sentence.tokenStarts[k]!;
    // The mention: back over the subject's other words and the capitalised words of the name ("Vladimir" before "Putin").
    let first = k;
    const wordAt = (j: number) => sentence.text.slice(sentence.tokenStarts[j]! - sentence.start).match(/^[\p{L}\p{N}'’.-]*[\p{L}\p{N}]/u)?.[0] ?? '';
    const partOfName = (j: number) => {
      const w = wordAt(j).toLowerCase();
      return subjectKeys.has(sentence.keys[j]!) || (sentence.capitalised[j]! && !ROLE_NOUNS.has(w.replace(/\.$/, '')) && !STOP_WORDS.has(w));
    };
    while (first > 0 && partOfName(first - 1)) first--;
    // "Hillary Clinton" is not "Bill Clinton": every word of the subject must be in the name.
    const name = new Set(sentence.keys.slice(first, k + 1));
    if ([...subjectKeys].some((key) => !name.has(key))) continue;
    present = true;
    // Someone's words about X describe what they think of X.
    if (quotes.some((q) => q.start <= at && at < q.end)) continue;
    const relStart = sentence.tokenStarts[first]! - sentence.start;
    strength = Math.max(strength, descriptorStrength(sentence.text, relStart, at - sentence.start + wordAt(k).length));
  }
  return { present, strength };
}

// ---------------------------------------------------------------------------------------------

function minimalWindow(positions: number[][]): number {
  // positions[t] = token indexes of term t in the sentence (each non-empty); the shortest span with one of each.
  const events = positions.flatMap((list, t) => list.map((p) => ({ p, t }))).sort((a, b) => a.p - b.p);
  const need = positions.length;
  const count = new Map<number, number>();
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < events.length; right++) {
    count.set(events[right]!.t, (count.get(events[right]!.t) ?? 0) + 1);
    while (count.size === need) {
      best = Math.min(best, events[right]!.p - events[left]!.p + 1);
      const t = events[left]!.t;
      const c = count.get(t)! - 1;
      if (c === 0) count.delete(t);
      else count.set(t, c);
      left++;
    }
  }
  return best;
}

/** The sentence is all quotation (a statement someone made), not the reporter's words. */
function insideQuotation(sentence: Sentence, quotes: FoundQuote[]): boolean {
  const words = sentence.end - sentence.start;
  const quoted = quotes.reduce((sum, q) => sum + Math.max(0, Math.min(q.end, sentence.end) - Math.max(q.start, sentence.start)), 0);
  return quoted >= 0.8 * words;
}

function quotesIn(article: StoredArticle, start: number, end: number): FoundQuote[] {
  return (article.analysis?.quotes ?? []).filter((q) => q.start < end && q.end > start);
}

/**
 * Scores every sentence of the candidates for the question, best first. `idf` holds each question
 * term's inverse document frequency (same order as question.terms).
 */
export function rankPassages(question: QuestionAnalysis, candidates: StoredArticle[], idf: number[]): RankedPassage[] {
  const keys = keyIndex(question.terms);
  const articles: ArticleSentences[] = candidates.map((article) => ({
    article,
    sentences: sentencesOf(article),
    titleKeys: new Set(tokenize(article.title).map(termKey)),
  }));
  const matches = articles.map((a) => a.sentences.map((sentence) => matchesIn(sentence, keys)));
  const isName = nameTerms(question, matches);
  const questionWords = new Set(question.terms.map((t) => t.word).concat(tokenize(question.question)));
  const termWeight = question.terms.map((term, t) => (idf[t] ?? 0) * (isName[t] ? NAME_WEIGHT : 1));
  // The terms the passage must cover: what the question is about. The speaker of a "said"
  // question and the subject of a "who is" question are checked apart.
  const topic = question.terms.map((term) => term.role === 'topic' || (question.kind !== 'said' && question.kind !== 'describe'));
  const topicMass = question.terms.reduce((sum, _, t) => sum + (topic[t] ? termWeight[t]! : 0), 0);
  const nameMass = question.terms.reduce((sum, _, t) => sum + (topic[t] && isName[t] ? termWeight[t]! : 0), 0);
  let totalLength = 0;
  let sentenceCount = 0;
  for (const a of articles) for (const s of a.sentences) (totalLength += s.keys.length), sentenceCount++;
  const averageLength = sentenceCount ? totalLength / sentenceCount : 1;
  const subjectKeys = new Set((question.subject ?? []).map(termKey));
  // "Who said ...", "who promised ...": the speaker of a quote is the answer.
  const asksSpeaker = speechVerbs(question.question, 0).length > 0;
  const subjectLast = question.subject ? termKey(question.subject[question.subject.length - 1]!) : '';

  const out: RankedPassage[] = [];
  articles.forEach(({ article, sentences, titleKeys }, articleIndex) => {
    const perSentence = matches[articleIndex]!;
    const inTitle = new Set<number>();
    for (const key of titleKeys) for (const m of keys.get(key) ?? []) inTitle.add(m.term);
    const titleShare = topicMass ? [...inTitle].reduce((sum, t) => sum + (topic[t] ? termWeight[t]! : 0), 0) / topicMass : 0;

    sentences.forEach((sentence, i) => {
      // The headline tells what the article is about (context above) but is no answer: it
      // rarely holds the fact asked for, and its capitals look like names. Nor is a question.
      if (isHeadline(sentence, article.title) || /\?["”’)]*$/.test(sentence.text)) return;
      const found = perSentence[i]!;
      const parts: Record<string, number> = {};
      const lengthNorm = 1 - B + (B * sentence.keys.length) / averageLength;
      let bm25 = 0;
      let matchedMass = 0;
      let nearby = 0;
      let namesAbsent = 0;
      question.terms.forEach((_, t) => {
        if (!topic[t]) return;
        const f = found.get(t);
        if (f) {
          bm25 += (termWeight[t]! * (f.tf * (K1 + 1))) / (f.tf + K1 * lengthNorm);
          matchedMass += termWeight[t]!;
        } else if (perSentence[i - 1]?.has(t) || perSentence[i + 1]?.has(t) || inTitle.has(t)) {
          nearby += termWeight[t]!;
        } else if (isName[t]) {
          namesAbsent += termWeight[t]!;
        }
      });
      // Relevance: BM25 of the sentence as a share of the most the question's terms can give; terms
      // found only next to it (the sentence before or after, the headline) count for less; terms
      // close together for more. A question with nothing but a speaker or subject ("What did Obama
      // say?") has no topic to cover.
      parts.coverage = topicMass ? bm25 / (topicMass * (K1 + 1)) : 0.5;
      if (nearby) parts.context = (WEIGHTS.context * nearby) / topicMass;
      const matched = [...found.entries()].filter(([t]) => topic[t]).map(([, f]) => f.at);
      if (matched.length >= 2) {
        const closeness = Math.min(1, (matched.length - 1) / Math.max(1, minimalWindow(matched) - 1));
        parts.proximity = (WEIGHTS.proximity * closeness * matchedMass) / topicMass;
      }
      const relevance = (parts.coverage ?? 0) + (parts.context ?? 0) + (parts.proximity ?? 0);
      // A sentence sharing nothing with the question is no answer (a description needs the subject, checked below).
      if (relevance <= 0 && question.kind !== 'describe') return;
      if (question.kind === 'describe' && !sentence.keys.includes(subjectLast)) return;
      // What multiplies it: the question's names absent from the sentence and its neighbours, and
      // the answer type (below).
      let factor = nameMass ? 1 - (FACTORS.namesMissing * namesAbsent) / nameMass : 1;

      let first = i;
      let last = i;
      let quotes = quotesIn(article, sentence.start, sentence.end);
      let extra = 0;
      switch (question.kind) {
        case 'said': {
          const asked = question.speaker!;
          const own = quotes.filter((q) => speakerMatches(q.speaker, asked));
          const spoken = own.length > 0 || reportsSpeech(sentence, article, asked);
          factor *= spoken ? 1 : FACTORS.notSpoken;
          parts.speaker = spoken ? 1 : 0;
          if (spoken) extra += SPOKEN;
          // A quotation that runs over several sentences is shown whole (up to three sentences).
          for (const q of own) {
            while (first > 0 && i - first < 2 && sentences[first - 1]!.end > q.start) first--;
            while (last < sentences.length - 1 && last - first < 2 && sentences[last + 1]!.start < q.end) last++;
          }
          break;
        }
        case 'describe': {
          const { present, strength } = describes(sentence, question.subject!, subjectKeys, quotes);
          // X's own words say what X thinks, not who X is.
          const ownWords = quotes.some((q) => !q.fragment && speakerMatches(q.speaker, question.subject!));
          parts.descriptor = strength;
          factor *= present ? 1 : 0;
          extra += present ? DESCRIBE.present + DESCRIBE.descriptor * strength - (ownWords ? DESCRIBE.ownWords : 0) : 0;
          break;
        }
        case 'person':
        case 'organisation':
        case 'place':
          parts.type = newNames(sentence.text, quotes, questionWords, question.kind === 'person', asksSpeaker).length ? 1 : 0;
          break;
        case 'number':
          parts.type = hasNumber(sentence.text, question.question) ? 1 : 0;
          break;
        case 'date':
          parts.type = DATE.test(withoutDateline(sentence.text)) ? 1 : 0;
          break;
        case 'reason':
          parts.type = REASON.test(sentence.text) ? 1 : 0;
          break;
        case 'other':
          break;
      }
      if (parts.type === 0) factor *= FACTORS.typeMissing;
      if (parts.type === 1 && insideQuotation(sentence, quotes)) factor *= FACTORS.quotedOnly;
      // Small boosts that order close passages: the lead, an article whose headline is about the
      // question; earlier sentences first.
      if (i <= 2) parts.lead = WEIGHTS.lead;
      if (titleShare >= 0.5) parts.headline = WEIGHTS.headline * titleShare;
      parts.position = -0.001 * i;
      const score = relevance * factor + extra + (parts.lead ?? 0) + (parts.headline ?? 0) + parts.position;
      const start = sentences[first]!.start;
      const end = sentences[last]!.end;
      if (first !== i || last !== i) quotes = quotesIn(article, start, end);
      out.push({ article, first, last, start, end, contextStart: sentences[first - 1]?.start ?? start, contextEnd: sentences[last + 1]?.end ?? end, text: article.text.slice(start, end).replace(/\s+/g, ' '), quotes, score, parts: { ...parts, factor } });
    });
  });
  out.sort((a, b) => b.score - a.score || a.article.id - b.article.id || a.first - b.first);
  return out;
}
