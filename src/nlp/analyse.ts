// The per-article analysis, computed once at ingest and stored with the article:
// sentences, the extractive summary and every quote with its speaker.
import type { Analysis, ArticleDraft } from '../model.ts';
import type { AnalysisContext } from './context.ts';
import { summarize } from './extractive.ts';
import { extractQuotes } from './quotes.ts';
import { splitSentences } from './sentences.ts';

/** `context`: the calling pipeline's (see context.ts); without one, the article is analysed on its own. */
export function analyseArticle(draft: Pick<ArticleDraft, 'title' | 'text'>, context?: AnalysisContext): Analysis {
  const sentences = splitSentences(draft.text);
  return {
    sentences,
    summary: summarize({ title: draft.title, text: draft.text, sentences }, context ? { context } : {}),
    quotes: extractQuotes(draft.text, { title: draft.title }),
  };
}
