// Retrieval for follow-up answers: the offline pipeline picks the passages the model may
// answer from. The offline answer's sentences come first (with a sentence either side for
// context), then the sentences that share the most (IDF-weighted) terms with the question,
// up to a token budget. Adjacent sentences of one article are merged into one passage.
import type { StoredArticle } from '../../model.ts';
import type { Answer } from '../../qa/answer.ts';
import { contentTerms } from '../../nlp/tokens.ts';
import { splitSentences } from '../../nlp/sentences.ts';
import { countTokens } from './budget.ts';

export interface Passage {
  articleId: number;
  title: string;
  text: string;
}

const MAX_PASSAGES = 10;

interface Sentence {
  article: StoredArticle;
  index: number;
  text: string;
  terms: Set<string>;
}

export function selectPassages(question: string, articles: StoredArticle[], offline: Answer, maxTokens: number): Passage[] {
  const byArticle = new Map<number, Sentence[]>();
  const all: Sentence[] = [];
  for (const article of articles) {
    if (byArticle.has(article.id)) continue;
    const texts = article.analysis?.sentences?.length ? article.analysis.sentences : splitSentences(article.text);
    const sentences = texts.map((text, index) => ({ article, index, text, terms: new Set(contentTerms(text)) }));
    byArticle.set(article.id, sentences);
    all.push(...sentences);
  }
  if (!all.length) return [];

  const questionTerms = [...new Set(contentTerms(question))];
  const df = new Map<string, number>();
  for (const s of all) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + all.length / (df.get(t) ?? 0.5));
  const offlineText = offline.found ? offline.answer : '';

  const scored = all.map((s) => {
    let score = questionTerms.reduce((sum, t) => sum + (s.terms.has(t) ? idf(t) : 0), 0);
    // The offline answer's own sentences: retrieval already chose them.
    if (offlineText && s.text.length > 20 && offlineText.includes(s.text)) score += 1_000;
    return { s, score };
  });
  scored.sort((a, b) => b.score - a.score || a.s.article.id - b.s.article.id || a.s.index - b.s.index);

  const chosen = new Map<number, Set<number>>();
  let tokens = 0;
  const take = (s: Sentence): boolean => {
    const set = chosen.get(s.article.id) ?? new Set<number>();
    if (set.has(s.index)) return true;
    const cost = countTokens(s.text) + 1;
    if (tokens + cost > maxTokens) return false;
    tokens += cost;
    set.add(s.index);
    chosen.set(s.article.id, set);
    return true;
  };
  for (const { s, score } of scored) {
    if (score <= 0) break;
    if (!take(s)) break;
    const siblings = byArticle.get(s.article.id)!;
    for (const neighbour of [siblings[s.index - 1], siblings[s.index + 1]]) if (neighbour) take(neighbour);
    if ([...chosen.values()].reduce((n, set) => n + set.size, 0) >= MAX_PASSAGES * 3) break;
  }

  const passages: Passage[] = [];
  for (const [articleId, indexes] of [...chosen.entries()].sort((a, b) => a[0] - b[0])) {
    const sentences = byArticle.get(articleId)!;
    const sorted = [...indexes].sort((a, b) => a - b);
    let run: number[] = [];
    const flush = () => {
      if (!run.length) return;
      const article = sentences[run[0]!]!.article;
      passages.push({ articleId, title: article.title, text: run.map((i) => sentences[i]!.text).join(' ') });
      run = [];
    };
    for (const i of sorted) {
      if (run.length && i !== run[run.length - 1]! + 1) flush();
      run.push(i);
    }
    flush();
  }
  return passages.slice(0, MAX_PASSAGES);
}
