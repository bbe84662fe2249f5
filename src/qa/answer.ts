// Follow-up answers grounded in stored articles: retrieve the sentences and quotes that
// best answer a question, and cite their sources. Hand-written retrieval: BM25-style term
// weights over the context's sentences, plus the person the question asks about, matched
// against the speakers of the quotes inside each sentence.
import type { FoundQuote, StoredArticle } from '../model.ts';
import { sourceRef, toStoryQuote } from '../digest/compose.ts';
import type { SourceRef, StoryQuote } from '../digest/model.ts';
import { contentTerms, namedEntities, stem, tokenize } from '../nlp/tokens.ts';
import { splitSentences } from '../nlp/sentences.ts';

export interface Answer {
  question: string;
  /** True when the articles hold an answer. */
  found: boolean;
  answer: string;
  quotes: StoryQuote[];
  sources: SourceRef[];
}

export const NOT_FOUND_ANSWER = "I don't find that in today's articles.";

interface Passage {
  article: StoredArticle;
  text: string;
  start: number;
  end: number;
  index: number;
  terms: Set<string>;
  quotes: FoundQuote[];
}

/** Words that shape a question but say nothing about its subject. */
const QUESTION_WORDS = new Set(
  'what whats who whom whose which when where why how did does do say said says think thinks tell told mean about is are was were there any anything happen happened news latest today know explain'.split(' ').map(stem),
);

function sentencePassages(article: StoredArticle): Passage[] {
  const sentences = article.analysis?.sentences ?? splitSentences(article.text);
  const passages: Passage[] = [];
  let cursor = 0;
  sentences.forEach((text, index) => {
    const found = article.text.indexOf(text, cursor);
    const start = found >= 0 ? found : cursor;
    const end = found >= 0 ? found + text.length : cursor;
    if (found >= 0) cursor = end;
    const quotes = (article.analysis?.quotes ?? []).filter((q) => q.start < end && q.end > start);
    passages.push({ article, text, start, end, index, terms: new Set(contentTerms(text)), quotes });
  });
  return passages;
}

/** The people a question names ("Obama", "Vladimir Putin"), as lower-case name words. */
function peopleAsked(question: string): string[][] {
  return namedEntities(question.replace(/^\s*\p{Ll}/u, (c) => c.toUpperCase()))
    .filter((name) => !/^(What|Who|Why|How|When|Where|Did|Does|Is|Are|Was)$/.test(name))
    .map((name) => tokenize(name));
}

function namesPerson(speaker: string | null, person: string[]): boolean {
  if (!speaker) return false;
  const words = new Set(tokenize(speaker));
  return person.length > 0 && person.every((w) => words.has(w));
}

function mentionsPerson(passage: Passage, person: string[]): boolean {
  const words = new Set(tokenize(passage.text));
  return person.every((w) => words.has(w));
}

export function answerQuestion(question: string, articles: StoredArticle[]): Answer {
  const notFound: Answer = { question, found: false, answer: NOT_FOUND_ANSWER, quotes: [], sources: [] };
  const people = peopleAsked(question);
  const personWords = new Set(people.flat().map(stem));
  const subject = [...new Set(contentTerms(question))].filter((t) => !QUESTION_WORDS.has(t) && !personWords.has(t));
  if (!subject.length && !people.length) return notFound;

  const passages = articles.flatMap(sentencePassages);
  if (!passages.length) return notFound;
  const documentFrequency = new Map<string, number>();
  for (const p of passages) for (const t of p.terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + (passages.length - (documentFrequency.get(t) ?? 0) + 0.5) / ((documentFrequency.get(t) ?? 0) + 0.5));
  const subjectWeight = subject.reduce((sum, t) => sum + idf(t), 0);

  const scored = passages.map((p) => {
    const matched = subject.filter((t) => p.terms.has(t));
    let score = subjectWeight ? matched.reduce((sum, t) => sum + idf(t), 0) / subjectWeight : 0;
    if (people.length) {
      const saidByPerson = p.quotes.some((q) => people.some((person) => namesPerson(q.speaker, person)));
      const saidByOther = p.quotes.length > 0 && !saidByPerson;
      if (saidByPerson) score += 0.6;
      else if (people.some((person) => mentionsPerson(p, person))) score += 0.3;
      if (saidByOther) score -= 0.3;
    }
    // Earlier sentences tend to carry the facts; a tiny tie-breaker.
    score -= p.index * 0.001;
    return { p, score, matched: matched.length };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  // The subject must be there: an answer about something else is worse than none.
  if ((subject.length && best.matched === 0) || best.score < 0.5) return notFound;

  const chosen = scored.filter((s, i) => i === 0 || (s.score >= best.score * 0.75 && s.matched > 0)).slice(0, 2);
  chosen.sort((a, b) => a.p.article.id - b.p.article.id || a.p.index - b.p.index);

  const quotes: StoryQuote[] = [];
  for (const { p } of chosen) {
    for (const q of p.quotes) {
      if (q.fragment || quotes.some((x) => x.text === q.text)) continue;
      quotes.push(toStoryQuote(q, p.article.id));
    }
  }
  const sourceArticles = [...new Map(chosen.map(({ p }) => [p.article.id, p.article])).values()];
  return {
    question,
    found: true,
    answer: chosen.map(({ p }) => p.text).join(' '),
    quotes: quotes.slice(0, 2),
    sources: sourceArticles.map(sourceRef),
  };
}
