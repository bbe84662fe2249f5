// Passage ranking for follow-up answers: every sentence of the candidate articles is scored
// against the analysed question, and the best become the answer. Hand-written, as no package
// ranks news sentences for a question with these checks. The score is BM25 over sentences
// (with the corpus' document frequencies) plus boosts: the question's names in the sentence,
// term proximity, the headline and lead; and the answer-type check
// (a "who" question needs a name the question does not already hold, "how many" a number,
// "when" a date, "why" a causal clause, "what did X say" words that X said). The score is
// also the confidence that abstention compares with its threshold (see index.ts).
import type { FoundQuote, StoredArticle } from '../model.ts';
import type { MemoKind } from '../store/index.ts';
import { speechVerbs } from '../nlp/attribution.ts';
import { splitSentenceSpans } from '../nlp/sentences.ts';
import { STOP_WORDS, tokenAt, tokenSpans, tokenize } from '../nlp/tokens.ts';
import { hasDate, hasReason, nameFit, numberFit, personSurnames } from './answer-type.ts';
import { ROLE_NOUNS, type QuestionAnalysis, type QuestionTerm } from './question.ts';
import { agentEvidence, type RoleQuery } from './roles.ts';
import { isDescription, nameForDescription, speakerMatches, statementStrengths } from './statements.ts';
import { DERIVED_WEIGHT, termKey } from './terms.ts';
import { SOFT_WEIGHT, SoftTerm, tokenRow } from './paraphrase.ts';

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
  /** The same for "what did X say": a quotation often continues the sentence before it, in other words. */
  statementContext: 0.1,
  proximity: 0.15,
  lead: 0.03,
  headline: 0.08,
};
/** What multiplies the relevance when the passage lacks what the question needs. */
export const FACTORS = {
  /**
   * Share of the score lost when all the question's names are absent from the passage and its
   * neighbours but the article names them elsewhere ("the Canadian province" for Alberta), and when
   * the article does not name them at all: then it is about something else.
   */
  namesMissing: 0.35,
  namesNotInArticle: 0.9,
  typeMissing: 0.5,
  /** A fact asked for, found only inside a quotation: someone's claim rather than the report's statement. */
  quotedOnly: 0.85,
  /** "What did X say about Y": X's statement in an article without any of Y's words. */
  offTopicStatement: 0.4,
};
/** "What did X say": a sentence with X's words answers even when it shares few words with the question. */
const SPOKEN = 0.3;
/** "What did X say about Y": how much an article about Y (its words anywhere, its headline) lifts X's statements in it. */
const ARTICLE_TOPIC = 0.25;
/** "Which judge ...": a name right next to the noun asked about is the very answer pattern. */
const FOCUS_NAME = 0.15;
/**
 * "Who shot Reagan": a sentence that names the doer of the verb is the very answer pattern; one
 * that has the verb only in the passive without "by" names the one it was done to, and keeps this
 * share of its answer-type fit.
 */
const AGENT = { bonus: 0.15, patient: 0.3 };
/**
 * Article-level evidence: an article that holds (nearly) all of the question's words, weighted by
 * their rarity, is about the question even when no single sentence holds them all ("how much did
 * the benghazi committee cost": "$7 million" stands in a sentence that names neither); its
 * sentences with the kind of answer asked for get this much.
 */
const ARTICLE_EVIDENCE = { covered: 0.9, bonus: 0.06 };
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
  /** Word-vector row of each token, -1 for stop words, names and words without one (see paraphrase.ts). */
  rows: Int32Array;
}

interface ArticleSentences {
  article: StoredArticle;
  sentences: Sentence[];
  titleKeys: Set<string>;
}

/** A cached article: its text when split (a hit must match it: completeText replaces a text), its sentences, its surnames. */
interface MemoEntry {
  text: string;
  sentences: Sentence[];
  surnames?: Set<string>;
}

/**
 * Articles' sentences with their term keys, by article id: an article's text rarely changes, and
 * the stories in the news now are asked about again and again. Ids are one store's, so each store
 * owns its memo (store.memos, see SENTENCE_MEMO). Bounded; the least recently used entries go first.
 */
export class SentenceMemo {
  private readonly entries = new Map<number, MemoEntry>();

  constructor(private readonly limit = 3_000) {}

  /** Articles held. */
  get size(): number {
    return this.entries.size;
  }

  sentencesOf(article: StoredArticle): Sentence[] {
    const cached = this.entries.get(article.id);
    this.entries.delete(article.id);
    if (cached?.text === article.text) {
      this.entries.set(article.id, cached);
      return cached.sentences;
    }
    const sentences = splitSentences(article);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(article.id, { text: article.text, sentences });
    return sentences;
  }

  /** The surnames the article writes after a known first name (see personSurnames), computed once per article. */
  surnamesOf(article: StoredArticle): Set<string> {
    const cached = this.entries.get(article.id);
    if (cached?.text === article.text) return (cached.surnames ??= personSurnames(article.text));
    return personSurnames(article.text);
  }
}

/** The memo each store keeps for ranking its articles. */
export const SENTENCE_MEMO: MemoKind<SentenceMemo> = { name: 'article sentences for answer ranking', create: () => new SentenceMemo() };

function splitSentences(article: StoredArticle): Sentence[] {
  return splitSentenceSpans(article.text).map((span, index) => {
    const spans = tokenSpans(span.text);
    const count = spans.bounds.length >> 1;
    const keys: string[] = new Array(count);
    const capitalised: boolean[] = new Array(count);
    const tokenStarts: number[] = new Array(count);
    const rows = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const token = tokenAt(spans, k);
      keys[k] = termKey(token);
      const first = span.text.charCodeAt(spans.bounds[2 * k]!);
      capitalised[k] = first >= 0x41 && first <= 0x5a;
      // A capitalised word inside the sentence is a name: no paraphrase of a common word ("Obama" is close to "clinton").
      rows[k] = k > 0 && capitalised[k] ? -1 : tokenRow(token);
      tokenStarts[k] = span.start + spans.bounds[2 * k]!;
    }
    return { index, start: span.start, end: span.end, text: span.text, keys, capitalised, tokenStarts, rows };
  });
}

/** term index -> weight of each key that matches it; `keep` leaves forms out (a name's WordNet synonyms). */
function keyIndex(terms: QuestionTerm[], keep: (term: number, weight: number) => boolean = () => true): Map<string, { term: number; weight: number }[]> {
  const index = new Map<string, { term: number; weight: number }[]>();
  terms.forEach((term, t) => {
    for (const form of term.forms) {
      // A vector neighbour widens retrieval only; in a sentence, soft matching weighs closeness itself (addSoftMatches).
      if (form.neighbour || !keep(t, form.weight)) continue;
      const hits = index.get(form.key) ?? [];
      const known = hits.find((h) => h.term === t);
      if (known) known.weight = Math.max(known.weight, form.weight);
      else index.set(form.key, [...hits, { term: t, weight: form.weight }]);
    }
  });
  return index;
}

/**
 * The question terms a sentence holds: how often (weighted by form), the best form's weight, at
 * which tokens, and how often written capitalised inside it.
 */
type Matches = Map<number, { tf: number; best: number; at: number[]; inside: number; capitalised: number; soft?: boolean }>;

/** The sentence holds the term itself (a form or synonym of it), not only a word close in meaning (see addSoftMatches). */
function holds(found: Matches | undefined, t: number): boolean {
  const f = found?.get(t);
  return f !== undefined && !f.soft;
}

/** The question terms the sentence holds itself (see holds). */
function heldTerms(found: Matches): number[] {
  const held: number[] = [];
  for (const [t, f] of found) if (!f.soft) held.push(t);
  return held;
}

function matchesIn(sentence: Sentence, keys: Map<string, { term: number; weight: number }[]>): Matches {
  const found: Matches = new Map();
  for (let k = 0; k < sentence.keys.length; k++) {
    const hits = keys.get(sentence.keys[k]!);
    if (!hits) continue;
    for (const m of hits) {
      let f = found.get(m.term);
      if (!f) found.set(m.term, (f = { tf: 0, best: 0, at: [], inside: 0, capitalised: 0 }));
      f.tf += m.weight;
      f.best = Math.max(f.best, m.weight);
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
 * Which question terms are names. Capitalised in the question, the speaker or subject words, a
 * number ("iPhone 7", "Article 5"), or (for questions typed in lower case) words the articles write
 * capitalised inside sentences.
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
  return question.terms.map(
    (term, t) => term.capitalised || term.role !== 'topic' || /\d/.test(term.word) || (inside[t]! >= 2 && capital[t]! / inside[t]! >= 0.7),
  );
}

/** The sentence is the article's headline (the text often opens with it). */
function isHeadline(sentence: Sentence, title: string): boolean {
  if (sentence.index > 1) return false;
  const a = sentence.text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  const b = title.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  return a.length > 0 && (a === b || (b.length > 20 && (a.startsWith(b) || b.startsWith(a))));
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
  // "Marcel Lazar, 44, known online as "Guccifer"", "a hacker nicknamed X", "a group called X": what precedes is who X is.
  if (/\b(?:known|nicknamed|dubbed|called|named)\s+(?:\w+\s+)?(?:as\s+)?["“'‘]?\s*$/i.test(before) && /\b(?:known|nicknamed|dubbed)\b|,\s+(?:a|an|the)\s+[^,]*\b(?:called|named)\s+["“'‘]?\s*$/i.test(before)) return 0.9;
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

/** The statements of the asked speaker in an article, by sentence (see statements.ts); a description is resolved to a name first. */
function statementsOf(question: QuestionAnalysis, article: StoredArticle, sentences: Sentence[]): number[] {
  let asked = question.speaker!;
  if (isDescription(asked)) {
    const name = nameForDescription(`${article.title}\n${article.text}`, asked);
    if (!name) return sentences.map(() => 0);
    asked = name;
  }
  return statementStrengths(sentences, article.text, article.analysis?.quotes ?? [], asked);
}

/**
 * Scores every sentence of the candidates for the question, best first. `idf` holds each question
 * term's inverse document frequency (same order as question.terms). `memo` is the candidates'
 * store's (store.memos.of(SENTENCE_MEMO)).
 */
export function rankPassages(question: QuestionAnalysis, candidates: StoredArticle[], idf: number[], memo: SentenceMemo): RankedPassage[] {
  const articles: ArticleSentences[] = candidates.map((article) => ({
    article,
    sentences: memo.sentencesOf(article),
    titleKeys: new Set(tokenize(article.title).map(termKey)),
  }));
  let keys = keyIndex(question.terms);
  let matches = articles.map((a) => a.sentences.map((sentence) => matchesIn(sentence, keys)));
  const isName = nameTerms(question, matches);
  // A name is matched as written: WordNet's senses of "trump" or "bush" are not the people.
  if (question.terms.some((term, t) => isName[t] && term.forms.some((f) => f.weight < DERIVED_WEIGHT))) {
    keys = keyIndex(question.terms, (t, weight) => !isName[t] || weight >= DERIVED_WEIGHT);
    matches = articles.map((a) => a.sentences.map((sentence) => matchesIn(sentence, keys)));
  }
  addSoftMatches(question, articles, matches, isName, idf);
  const questionWords = new Set(question.terms.map((t) => t.word).concat(tokenize(question.question)));
  const termWeight = question.terms.map((_, t) => (idf[t] ?? 0) * (isName[t] ? NAME_WEIGHT : 1));
  // The terms the passage must cover: what the question is about. The speaker of a "said"
  // question and the subject of a "who is" question are checked apart.
  const topic = question.terms.map((term) => term.role === 'topic' || (question.kind !== 'said' && question.kind !== 'describe'));
  const topicMass = question.terms.reduce((sum, _, t) => sum + (topic[t] ? termWeight[t]! : 0), 0);
  const nameMass = question.terms.reduce((sum, _, t) => sum + (topic[t] && isName[t] ? termWeight[t]! : 0), 0);
  let totalLength = 0;
  let sentenceCount = 0;
  for (const a of articles) {
    for (const s of a.sentences) {
      totalLength += s.keys.length;
      sentenceCount++;
    }
  }
  const averageLength = sentenceCount ? totalLength / sentenceCount : 1;
  const subjectKeys = new Set((question.subject ?? []).map(termKey));
  // "Who said ...", "who promised ...": the speaker of a quote is the answer.
  const asksSpeaker = speechVerbs(question.question, 0).length > 0;
  const subjectLast = question.subject ? termKey(question.subject[question.subject.length - 1]!) : '';
  const focusKeys = new Set(question.focus ? question.terms.find((t) => t.word === question.focus)?.forms.map((f) => f.key) ?? [termKey(question.focus)] : []);
  const roles = roleQuery(question);

  const scored: Scored[] = [];
  articles.forEach(({ article, sentences, titleKeys }, articleIndex) => {
    const perSentence = matches[articleIndex]!;
    const inTitle = new Set<number>();
    for (const key of titleKeys) for (const m of keys.get(key) ?? []) inTitle.add(m.term);
    const titleShare = topicMass ? [...inTitle].reduce((sum, t) => sum + (topic[t] ? termWeight[t]! : 0), 0) / topicMass : 0;
    // The terms the article holds anywhere (its headline included): a name it never writes means
    // it is about something else; for "what did X say about Y", how much it is about Y.
    const inArticle = new Set(inTitle);
    for (const found of perSentence) for (const t of heldTerms(found)) inArticle.add(t);
    const articleTopic = topicMass ? [...inArticle].reduce((sum, t) => sum + (topic[t] ? termWeight[t]! : 0), 0) / topicMass : 0;
    const statements = question.kind === 'said' ? statementsOf(question, article, sentences) : null;

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
      let namesNotInArticle = 0;
      question.terms.forEach((_, t) => {
        if (!topic[t]) return;
        const f = found.get(t);
        if (f) {
          bm25 += (termWeight[t]! * (f.tf * (K1 + 1))) / (f.tf + K1 * lengthNorm);
          matchedMass += termWeight[t]! * f.best;
        } else if (holds(perSentence[i - 1], t) || holds(perSentence[i + 1], t) || inTitle.has(t)) {
          nearby += termWeight[t]!;
        } else if (isName[t]) {
          if (inArticle.has(t)) namesAbsent += termWeight[t]!;
          else namesNotInArticle += termWeight[t]!;
        }
      });
      // Relevance: BM25 of the sentence as a share of the most the question's terms can give; terms
      // found only next to it (the sentence before or after, the headline) count for less; terms
      // close together for more. A question with nothing but a speaker or subject ("What did Obama
      // say?") has no topic to cover.
      parts.coverage = topicMass ? bm25 / (topicMass * (K1 + 1)) : 0.5;
      // (For someone's statements, the words around matter less: the article's topic counts apart, below.)
      if (nearby) parts.context = ((question.kind === 'said' ? WEIGHTS.statementContext : WEIGHTS.context) * nearby) / topicMass;
      const matched = [...found.entries()].filter(([t]) => topic[t]).map(([, f]) => f.at);
      if (matched.length >= 2) {
        const closeness = Math.min(1, (matched.length - 1) / Math.max(1, minimalWindow(matched) - 1));
        parts.proximity = (WEIGHTS.proximity * closeness * matchedMass) / topicMass;
      }
      let relevance = (parts.coverage ?? 0) + (parts.context ?? 0) + (parts.proximity ?? 0);
      // A sentence sharing nothing with the question is no answer (a description needs the subject,
      // a statement the speaker: checked below).
      if (relevance <= 0 && question.kind !== 'describe' && question.kind !== 'said') return;
      if (question.kind === 'describe' && !sentence.keys.includes(subjectLast)) return;
      // What multiplies it: the question's names absent from the sentence and its neighbours (less
      // when the article names them elsewhere), and the answer type (below).
      // (X's own words need not repeat the topic's names that their article gives: "what did sanders
      // think of the paris deal" is answered by his quote in an article about it.)
      const absentCounts = question.kind === 'said' && statements![i]! > 0 ? 0 : namesAbsent;
      const names = nameMass ? Math.max(0, 1 - (FACTORS.namesMissing * absentCounts + FACTORS.namesNotInArticle * namesNotInArticle) / nameMass) : 1;
      if (names < 1) parts.names = names;
      let factor = names;

      let first = i;
      let last = i;
      let quotes = quotesIn(article, sentence.start, sentence.end);
      let extra = 0;
      let typeCheck: (() => number) | null = null;
      switch (question.kind) {
        case 'said': {
          // Only X's statements answer; when X says nothing here, nothing does (the sentence
          // still tells which stories come closest when nothing answers).
          const strength = statements![i]!;
          parts.speaker = strength;
          if (!strength) factor = 0;
          if (topicMass) {
            parts.articleTopic = ARTICLE_TOPIC * articleTopic;
            relevance += parts.articleTopic;
          }
          // X's words in an article that shares no word with Y are not about Y ("what did Obama say
          // about the Cubs" in a story without them): they count for less.
          extra += SPOKEN * strength * names * (topicMass && !articleTopic ? FACTORS.offTopicStatement : 1);
          // A quotation that runs over several sentences is shown whole (up to three sentences).
          for (const q of quotes.filter((q) => q.speaker)) {
            while (first > 0 && i - first < 2 && sentences[first - 1]!.end > q.start && statements![first - 1]) first--;
            while (last < sentences.length - 1 && last - first < 2 && sentences[last + 1]!.start < q.end && statements![last + 1]) last++;
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
        case 'place': {
          const quoted = quotes;
          typeCheck = () => {
            const fit = nameFit(sentence.text, quoted, questionWords, { person: question.kind === 'person', asksSpeaker, focusKeys, surnames: memo.surnamesOf(article) });
            const agent = roles && fit > 0 ? agentEvidence(sentence.text, roles) : null;
            if (agent === null) return fit;
            parts.agent = agent;
            return agent === 0 ? fit * AGENT.patient : fit;
          };
          break;
        }
        case 'number':
          typeCheck = () => numberFit(sentence.text, question.question, question.numberKind, question.focus, focusKeys);
          break;
        case 'date':
          typeCheck = () => hasDate(sentence.text, question.wantsYear);
          break;
        case 'reason': {
          // Where the question's words start in the sentence: the reason should come after what it explains.
          const firstMatch = Math.min(...[...found.entries()].filter(([t]) => topic[t]).map(([, f]) => f.at[0]!));
          const eventAt = Number.isFinite(firstMatch) ? sentence.tokenStarts[firstMatch]! - sentence.start : 0;
          // And where each stands: a weaker sign right after one ("had a falling out after Beck read ...") is the reason.
          const eventWords = [...found.entries()].filter(([t]) => topic[t]).flatMap(([, f]) => f.at.map((k) => sentence.tokenStarts[k]! - sentence.start));
          const own = hasReason(sentence.text, eventAt, eventWords);
          // The reason often follows in the next sentence ("... cut the polling places. She said it
          // was because ..."): when this one gives none for sure, a sure one there joins the passage.
          const next = sentences[i + 1];
          if (own < 1 && next && !heldTerms(perSentence[i + 1]!).length && hasReason(next.text) === 1) {
            last = i + 1;
            parts.reasonAfter = 1;
            typeCheck = () => 1;
          } else typeCheck = () => own;
          break;
        }
        case 'other':
          break;
      }
      // Small boosts that order close passages: the lead, an article whose headline is about the
      // question; earlier sentences first.
      parts.articleCover = articleTopic;
      if (articleTopic >= ARTICLE_EVIDENCE.covered) parts.articleEvidence = ARTICLE_EVIDENCE.bonus;
      if (i <= 2) parts.lead = WEIGHTS.lead;
      if (titleShare >= 0.5) parts.headline = WEIGHTS.headline * titleShare;
      parts.position = -0.001 * i;
      const start = sentences[first]!.start;
      const end = sentences[last]!.end;
      if (first !== i || last !== i) quotes = quotesIn(article, start, end);
      const passage = new Passage(article, first, last, start, end, sentences[first - 1]?.start ?? start, sentences[last + 1]?.end ?? end, quotes, parts);
      scored.push({ passage, relevance, factor, extra, allQuoted: insideQuotation(sentence, quotes), typeCheck });
    });
  });
  return finish(scored, focusKeys.size > 0 && ['person', 'organisation', 'place'].includes(question.kind), roles !== null);
}

/**
 * Paraphrase: a common word of the question's topic that a sentence lacks in every form counts by
 * the sentence's word closest to it in meaning (at least SOFT_MIN in cosine), for SOFT_WEIGHT x
 * that cosine ("staff" in "how many staff are let go" finds "workers"). Names are matched as
 * written: "Clinton" is close to "Obama" in the vectors, but is not him.
 */
function addSoftMatches(question: QuestionAnalysis, articles: ArticleSentences[], matches: Matches[][], isName: boolean[], idf: number[]): void {
  const soft = question.terms.map((term, t) => (term.role === 'topic' && !isName[t] && /^\p{L}+$/u.test(term.word) ? SoftTerm.of(term.forms.filter((f) => f.weight === 1).flatMap((f) => [f.word, f.key])) : null));
  if (!soft.some(Boolean)) return;
  // The anchors: the question's names and its rarest word. A paraphrase counts only in a sentence
  // that shares one of them (itself or a sentence next to it): vectors also put related words of
  // other events close ("cup" and "primary" are both won), so alone they would match any story.
  const rarest = Math.max(...question.terms.map((term, t) => (term.role === 'topic' ? (idf[t] ?? 0) : 0)));
  const anchors = question.terms.map((term, t) => term.role === 'topic' && (isName[t]! || (idf[t] ?? 0) >= rarest));
  const anchored = (found: Matches | undefined) => anchors.some((anchor, t) => anchor && holds(found, t));
  articles.forEach(({ sentences }, a) => {
    sentences.forEach((sentence, i) => {
      const found = matches[a]![i]!;
      if (!anchored(found) && !anchored(matches[a]![i - 1]) && !anchored(matches[a]![i + 1])) return;
      soft.forEach((term, t) => {
        if (!term || found.has(t)) return;
        const best = term.best(sentence.rows);
        if (!best) return;
        const weight = SOFT_WEIGHT * best.similarity;
        found.set(t, { tf: weight, best: weight, at: [best.at], inside: 0, capitalised: 0, soft: true });
      });
    });
  });
}

/** The question's verb and the words it was done to, for "who VERBed Y" (see roles.ts). */
function roleQuery(question: QuestionAnalysis): RoleQuery | null {
  const verb = question.verb ? question.terms.find((t) => t.word === question.verb) : undefined;
  if (!verb) return null;
  return {
    verbKeys: new Set(verb.forms.map((f) => f.key)),
    objectKeys: new Set(question.terms.filter((t) => t !== verb).flatMap((t) => t.forms.filter((f) => f.weight === 1).map((f) => f.key))),
  };
}

/** A ranked passage; its text is cut from the article when first read (most passages never are). */
class Passage implements RankedPassage {
  score = 0;
  private cut: string | undefined;
  constructor(
    readonly article: StoredArticle,
    readonly first: number,
    readonly last: number,
    readonly start: number,
    readonly end: number,
    readonly contextStart: number,
    readonly contextEnd: number,
    readonly quotes: FoundQuote[],
    readonly parts: Record<string, number>,
  ) {}

  get text(): string {
    return (this.cut ??= this.article.text.slice(this.start, this.end).replace(/\s+/g, ' '));
  }
}

/** A passage scored but for its answer-type check, which is costly and so done for the most promising ones only. */
interface Scored {
  passage: Passage;
  relevance: number;
  factor: number;
  extra: number;
  /** The sentence is all quotation. */
  allQuoted: boolean;
  typeCheck: (() => number) | null;
}

/** How many of the best passages are ranked exactly (their answer-type check done); the rest cannot reach them. */
const EXACT_TOP = 12;

/**
 * The passage's score given its answer-type fit (`agent`: the doer evidence found with it, or, for
 * the bound before the check, the most it can be).
 */
function scoreOf(s: Scored, type: number | undefined, focusBonus: boolean, agent = s.passage.parts.agent ?? 0): number {
  const { parts } = s.passage;
  let factor = s.factor;
  let extra = s.extra;
  if (type !== undefined) {
    factor *= 1 - (1 - type) * (1 - FACTORS.typeMissing);
    if (type > 0 && s.allQuoted) factor *= FACTORS.quotedOnly;
    if (type === 1 && focusBonus) extra += FOCUS_NAME;
    if (type > 0) extra += AGENT.bonus * agent;
    if (type > 0) extra += parts.articleEvidence ?? 0;
  }
  return s.relevance * factor + extra + (parts.lead ?? 0) + (parts.headline ?? 0) + parts.position!;
}

/**
 * The final scores: the answer-type check is done in order of the score each passage would have
 * with the type present, until that bound falls below the EXACT_TOP-th best final score; the rest
 * could not reach the top and are taken to lack the type (their order among themselves matters
 * little: they are no answer).
 */
function finish(scored: Scored[], focusBonus: boolean, roles: boolean): RankedPassage[] {
  const bound = scored.map((s) => scoreOf(s, s.typeCheck ? 1 : undefined, focusBonus, roles ? 1 : 0));
  const order = scored.map((_, k) => k).sort((a, b) => bound[b]! - bound[a]!);
  const best: number[] = []; // the EXACT_TOP best final scores so far, descending
  for (const k of order) {
    const s = scored[k]!;
    const exact = best.length < EXACT_TOP || bound[k]! >= best[best.length - 1]!;
    const type = s.typeCheck ? (exact ? s.typeCheck() : 0) : undefined;
    if (type !== undefined) s.passage.parts.type = type;
    s.passage.score = scoreOf(s, type, focusBonus);
    s.passage.parts.factor = s.factor * (type === undefined ? 1 : 1 - (1 - type) * (1 - FACTORS.typeMissing));
    if (exact) {
      const at = best.findIndex((v) => v < s.passage.score);
      best.splice(at < 0 ? best.length : at, 0, s.passage.score);
      if (best.length > EXACT_TOP) best.pop();
    }
  }
  const out = scored.map((s) => s.passage);
  out.sort((a, b) => b.score - a.score || a.article.id - b.article.id || a.first - b.first);
  return out;
}
