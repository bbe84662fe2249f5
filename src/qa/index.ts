// Follow-up questions against the store: pick the articles in context, then answer.
import { buildDigest } from '../digest/index.ts';
import type { StoredArticle } from '../model.ts';
import type { Store } from '../store/index.ts';
import type { Summarizer } from '../summarize/index.ts';
import { answerQuestion, type Answer } from './answer.ts';

export interface AskContext {
  /** Answer from this topic's stories. */
  topic?: string | null;
  /** Answer from exactly these articles (e.g. the stories of the digest message replied to). */
  articleIds?: number[];
  since: Date;
  now: Date;
}

const MAX_CONTEXT_ARTICLES = 40;

export function contextArticles(store: Store, question: string, context: AskContext): StoredArticle[] {
  if (context.articleIds?.length) return store.articles.getMany(context.articleIds);
  if (context.topic?.trim()) {
    const digest = buildDigest(store, { topic: context.topic, since: context.since, now: context.now, maxStories: 10 });
    return store.articles.getMany(digest.stories.flatMap((s) => s.sources.map((src) => src.articleId)).slice(0, MAX_CONTEXT_ARTICLES));
  }
  // No topic: recent articles that share words with the question; else the newest matches of any age.
  const since = context.since.toISOString();
  const hits = store.articles.search(question, { since, limit: MAX_CONTEXT_ARTICLES, now: context.now });
  const pool = hits.length ? hits : store.articles.search(question, { limit: 10, now: context.now });
  return pool.map((h) => h.article);
}

export function ask(store: Store, question: string, context: AskContext): Answer {
  return answerQuestion(question, contextArticles(store, question, context));
}

/** The offline answer, improved by the summarizer (the LLM, when configured) from the same articles. */
export async function askWith(summarizer: Summarizer, store: Store, question: string, context: AskContext): Promise<Answer> {
  const articles = contextArticles(store, question, context);
  const offline = answerQuestion(question, articles);
  return articles.length ? summarizer.improveAnswer(question, articles, offline) : offline;
}
