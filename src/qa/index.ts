// Follow-up answers: the service the bot and the `ask` command call. It analyses the question,
// takes candidate articles from the FTS5 index (the digest's own stories first, then the default
// window, then older articles), ranks their sentences (rank.ts), and answers from the best when
// its score clears the abstention threshold; otherwise it says what it searched and names the
// closest stories. With an LLM configured, the same passages feed the model, under the same rule.
import { articleTime } from '../digest/compose.ts';
import { sourceRef } from '../digest/compose.ts';
import { buildDigest } from '../digest/index.ts';
import { shortTime } from '../digest/render.ts';
import type { StoredArticle } from '../model.ts';
import type { PassageQuery, Store } from '../store/index.ts';
import type { Summarizer } from '../llm/summarizer.ts';
import { choosePassages, composeAnswer, describeWindow } from './answer.ts';
import { notFoundAnswer, type Answer, type AnswerPassage } from '../model/answer.ts';
import { analyseQuestion, type QuestionAnalysis } from './question.ts';
import { SENTENCE_MEMO, rankPassages, type RankedPassage } from './rank.ts';
import { DERIVED_WEIGHT } from './terms.ts';
import { withNeighbours } from './paraphrase.ts';

export { NOT_FOUND_ANSWER, type Answer, type AnswerPassage, type AnswerSentence } from '../model/answer.ts';

export interface AskScope {
  /** The articles of the digest replied to (all its messages): searched first and ranked first. */
  articleIds?: number[];
  /** A topic whose current stories rank first (the subscriber's last /summary). */
  topic?: string | null;
  /** Start of the default window; older articles are searched when nothing in it answers. */
  since: Date;
  now: Date;
}

/**
 * The abstention threshold on the best passage's score: below it, "I don't find that". Calibrated
 * on the tuning half of eval/qa (npm run eval:qa -- --calibrate).
 */
export const ANSWER_THRESHOLD = 0.33;
/** Candidate articles taken from the index per search (window, then older). */
const CANDIDATES = 25;
/** Stories of a topic ranked first for a plain question after /summary. */
const TOPIC_STORIES = 10;
/** A derived form that is rarer than this share of the word itself adds little and is left out. */
const MIN_DERIVED_SHARE = 0.1;
/** A word in more than this share of the archive, and in more articles than COMMON_COUNT, is too common for the any-word query. */
const COMMON_SHARE = 0.1;
const COMMON_COUNT = 2_000;
/** Passages the LLM gets, best first. */
const LLM_PASSAGES = 6;

interface Prepared {
  question: QuestionAnalysis;
  idf: number[];
  query: PassageQuery;
}

/**
 * Keeps the forms of each term that the index holds, weighs the terms by IDF and builds the FTS
 * query; \`unknown\` lists the words that show no article can answer (see below).
 */
async function prepare(store: Store, analysed: QuestionAnalysis): Promise<Prepared & { unknown: string[] }> {
  const question = { ...analysed, terms: withNeighbours(analysed.terms) };
  const counts = await store.passages.documentCounts([...new Set(question.terms.flatMap((t) => t.forms.map((f) => f.word)))]);
  const total = Math.max(1, await store.passages.articleCount());
  const count = (word: string) => counts.get(word) ?? 0;
  const terms = question.terms.map((term) => {
    const own = Math.max(...term.forms.filter((f) => f.weight === 1).map((f) => count(f.word)));
    // A derived form much rarer than the word adds little; a WordNet synonym is kept when the index holds it.
    const forms = term.forms.filter((f) => f.weight === 1 || (count(f.word) > 0 && (f.weight < DERIVED_WEIGHT || count(f.word) >= MIN_DERIVED_SHARE * own)));
    return { ...term, forms, own };
  });
  // A term's rarity is the word's own (its synonyms only stand in when the archive lacks the word).
  // (Not its vector neighbours: a word no article holds, nor any synonym of it, still names something the archive lacks.)
  const df = terms.map((term) => (term.own > 0 ? term.own : Math.max(0, ...term.forms.filter((f) => !f.neighbour).map((f) => count(f.word)))));
  // A word that no article holds in any form (nor any synonym of it) names something the archive
  // has never mentioned ("Tillerson", "measles"): no article can answer. (Plain words only:
  // "mark-viverito" or "u.s" are indexed as their parts.)
  const unknown = terms.filter((_, i) => df[i] === 0 && /^\p{L}+$/u.test(terms[i]!.word)).map((t) => t.word);
  const idf = df.map((n) => Math.log(1 + (total - n + 0.5) / (n + 0.5)));
  const order = terms.map((_, i) => i).sort((a, b) => df[a]! - df[b]!);
  const required = order.map((i, at) => ({ i, at })).filter(({ i }) => terms[i]!.role !== 'topic' || terms[i]!.capitalised).map(({ at }) => at);
  // The broad query leaves out words in a large share of the archive (they find everything); the rarest word always goes in.
  const broad = order.map((i, at) => ({ i, at })).filter(({ i }, at) => at === 0 || df[i]! <= Math.max(COMMON_COUNT, COMMON_SHARE * total)).map(({ at }) => at);
  return {
    question: { ...question, terms: terms.map(({ own: _, ...term }) => term) },
    idf,
    query: {
      groups: order.map((i) => terms[i]!.forms.filter((f) => f.weight >= DERIVED_WEIGHT).map((f) => f.word)),
      // Synonyms that half the archive holds would find everything: the widened query leaves them out.
      widened: order.map((i) => terms[i]!.forms.filter((f) => f.weight >= DERIVED_WEIGHT || count(f.word) <= Math.max(COMMON_COUNT, COMMON_SHARE * total)).map((f) => f.word)),
      required,
      broad,
    },
    unknown,
  };
}

/** How sure the ranking is of its best passage: its score, or nothing without one. */
function confidence(passage: RankedPassage | undefined): number {
  return passage ? passage.score : -Infinity;
}

async function contextIds(store: Store, scope: AskScope): Promise<number[]> {
  if (scope.articleIds?.length) return scope.articleIds;
  if (!scope.topic?.trim()) return [];
  const digest = await buildDigest(store, { topic: scope.topic, since: scope.since, now: scope.now, maxStories: TOPIC_STORIES });
  return digest.stories.flatMap((s) => s.sources.map((src) => src.articleId));
}

function searchedText(scope: AskScope, window: string): string {
  const replying = Boolean(scope.articleIds?.length);
  return `${replying ? "this digest's stories, " : ''}${window} of news, then older articles`;
}

/** The closest stories when nothing answers: the best-scoring distinct articles that match something. */
function relatedStories(ranked: RankedPassage[]): ReturnType<typeof sourceRef>[] {
  const out = new Map<number, ReturnType<typeof sourceRef>>();
  for (const p of ranked) {
    if (out.size >= 3) break;
    if ((p.parts.coverage ?? 0) <= 0) continue;
    const key = p.article.nearDuplicateOf ?? p.article.id;
    if (!out.has(key)) out.set(key, sourceRef(p.article));
  }
  return [...out.values()];
}

export interface OfflineResult {
  answer: Answer;
  /** The passages answered from (best first), or, when nothing answers, the best ones found. */
  passages: RankedPassage[];
}

/**
 * The offline answer and the passages behind it. Synchronous: no network. `minScore` is for the
 * eval's calibration sweep only; the product uses ANSWER_THRESHOLD.
 */
export async function askOffline(store: Store, text: string, scope: AskScope, minScore = ANSWER_THRESHOLD): Promise<OfflineResult> {
  const window = describeWindow(scope.since, scope.now);
  const searched = searchedText(scope, window);
  const scoped: NonNullable<Answer['scope']> = { since: scope.since.toISOString(), now: scope.now.toISOString(), replying: Boolean(scope.articleIds?.length) };
  const analysed = analyseQuestion(text);
  if (!analysed.terms.length) return { answer: notFoundAnswer(analysed.question || text, searched, [], scoped), passages: [] };
  const { question, idf, query, unknown } = await prepare(store, analysed);
  // A word no article holds: nothing answers, but the stories closest to the rest are still named.
  const threshold = unknown.length ? Infinity : minScore;

  const ownIds = await contextIds(store, scope);
  const own = new Set(ownIds);
  const memo = store.memos.of(SENTENCE_MEMO);
  const rank = (articles: StoredArticle[]): RankedPassage[] => rankPassages(question, articles, idf, memo);
  const answerFrom = (ranked: RankedPassage[], older = false): OfflineResult => {
    const chosen = choosePassages(ranked, question, threshold);
    if (!older) return { answer: composeAnswer(question, chosen, { searched, scope: scoped }), passages: ranked };
    const newest = new Date(Math.max(...chosen.map((p) => articleTime(p.article)))).toISOString();
    const age = `This is from ${shortTime(newest, scope.now)}, before ${window}.`;
    return { answer: composeAnswer(question, chosen, { searched, age, scope: { ...scoped, answeredFrom: newest } }), passages: ranked };
  };
  const since = scope.since.toISOString();

  // The digest replied to (or the last topic's stories) first: when they answer, that is the answer.
  const mine = ownIds.length ? rank(await store.articles.getMany(ownIds)) : [];
  if (confidence(mine[0]) >= threshold) return answerFrom(mine);
  // Then the window, then the archive behind it.
  const windowIds = (await store.passages.candidates(query, { since, limit: CANDIDATES })).filter((id) => !own.has(id));
  const recent = rank(await store.articles.getMany(windowIds));
  if (confidence(recent[0]) >= threshold) return answerFrom(recent);
  // Nothing in the window answers: the archive behind it, saying how old the answer is.
  const olderIds = (await store.passages.candidates(query, { before: since, limit: CANDIDATES })).filter((id) => !own.has(id));
  const older = rank(await store.articles.getMany(olderIds));
  if (confidence(older[0]) >= threshold) {
    return answerFrom(older, true);
  }
  const best = [...mine, ...recent, ...older].sort((a, b) => b.score - a.score);
  return { answer: notFoundAnswer(question.question, searched, relatedStories(best), scoped), passages: best };
}

/** What the LLM is given: the best distinct passages, each with a sentence either side for context. */
export function llmPassages(passages: RankedPassage[]): AnswerPassage[] {
  const out: (AnswerPassage & { start: number; end: number })[] = [];
  for (const p of passages) {
    if (out.length >= LLM_PASSAGES) break;
    if (out.some((o) => o.articleId === p.article.id && o.start <= p.start && p.end <= o.end)) continue;
    out.push({ articleId: p.article.id, title: p.article.title, text: p.article.text.slice(p.contextStart, p.contextEnd).replace(/\s+/g, ' ').trim(), start: p.contextStart, end: p.contextEnd });
  }
  return out.map(({ articleId, title, text }) => ({ articleId, title, text }));
}

/**
 * The answer to a follow-up question: offline, improved by the summarizer (the LLM, when one is
 * configured) from the same passages. When the offline ranking abstains, the LLM is not asked.
 */
export async function ask(deps: { store: Store; summarizer?: Summarizer }, question: string, scope: AskScope): Promise<Answer> {
  const { answer, passages } = await askOffline(deps.store, question, scope);
  if (!answer.found || !deps.summarizer) return answer;
  const given = llmPassages(passages);
  const articles = [...new Map(passages.map((p) => [p.article.id, p.article])).values()].filter((a) => given.some((g) => g.articleId === a.id));
  return deps.summarizer.improveAnswer(answer.question, given, articles, answer);
}
