// Building what is sent: articles formatted for the prompt and trimmed to a token budget,
// the rendered prompts, and the cache key (a hash of exactly what is sent). Shared by the
// summarizer and eval/llm-tokens.ts, so the token figures measure the real requests.
import { createHash } from 'node:crypto';
import type { StoredArticle } from '../../model.ts';
import type { Digest } from '../../digest/model.ts';
import { NOT_FOUND_ANSWER, type AnswerPassage } from '../../qa/answer.ts';
import { countRequestTokens, trimToTokens } from './budget.ts';
import { renderPrompt, type Prompts, type RenderedPrompt } from './prompts.ts';
import { jsonSchemaOf, type OutputFormat } from './schemas.ts';

/** Tokens of article text per summary request (the prompt and schema come on top: about 700). */
export const DEFAULT_ARTICLE_TOKENS = 3_000;
/** Tokens of passages per follow-up answer. */
export const DEFAULT_PASSAGE_TOKENS = 1_500;
/** A follow-up question longer than this is cut (Telegram allows 4096 characters). */
export const MAX_QUESTION_TOKENS = 200;

function attr(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** One article as the model sees it; `trimmed` says whether its text was cut to the budget. */
export function formatArticle(article: Pick<StoredArticle, 'id' | 'title' | 'text' | 'outlet' | 'published'>, maxTokens: number): { block: string; trimmed: boolean } {
  const body = trimToTokens(article.text.trim(), maxTokens);
  const attrs = [`id="${article.id}"`, `title="${attr(article.title)}"`];
  if (article.outlet) attrs.push(`outlet="${attr(article.outlet)}"`);
  if (article.published) attrs.push(`published="${attr(article.published)}"`);
  const note = body.trimmed ? '\n[the rest of the article is not shown]' : '';
  return { block: `<article ${attrs.join(' ')}>\n${body.text}${note}\n</article>`, trimmed: body.trimmed };
}

export function articleSummaryPrompt(prompts: Prompts, article: Pick<StoredArticle, 'id' | 'title' | 'text' | 'outlet' | 'published'>, maxTokens = DEFAULT_ARTICLE_TOKENS): RenderedPrompt {
  return renderPrompt<'story-summary'>(prompts['story-summary'], {
    title: article.title.trim() || '(untitled)',
    articles: formatArticle(article, maxTokens).block,
  });
}

export function formatPassages(passages: AnswerPassage[]): string {
  return passages.map((p, i) => `[${i + 1}] article ${p.articleId} ("${attr(p.title)}"):\n${p.text}`).join('\n\n');
}

export function answerPrompt(prompts: Prompts, question: string, passages: AnswerPassage[]): RenderedPrompt {
  return renderPrompt<'follow-up-answer'>(prompts['follow-up-answer'], {
    question: trimToTokens(question.replace(/\s+/g, ' ').trim(), MAX_QUESTION_TOKENS).text,
    passages: formatPassages(passages),
    not_found: NOT_FOUND_ANSWER,
  });
}

export function headlinePrompt(prompts: Prompts, digest: Digest): RenderedPrompt {
  const stories = digest.stories
    .map((s, i) => `${i + 1}. ${s.title}\n${s.summary.join(' ')}`)
    .join('\n\n');
  return renderPrompt<'digest-headline'>(prompts['digest-headline'], { topic: digest.topic ?? 'top stories', stories });
}

/** The cache key: a hash of everything that shapes the answer. */
export function cacheKey(kind: string, model: string, format: OutputFormat<unknown>, prompt: RenderedPrompt): string {
  return createHash('sha256').update(JSON.stringify([kind, model, format.name, prompt.system, prompt.user])).digest('hex');
}

/** Input tokens of the first request for a prompt (messages plus response schema). */
export function promptTokens(prompt: RenderedPrompt, format: OutputFormat<unknown>): number {
  return countRequestTokens(
    [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ],
    jsonSchemaOf(format.schema),
  );
}
