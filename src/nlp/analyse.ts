// The per-article analysis, computed once at ingest and stored with the article:
// sentences, the extractive summary and every quote with its speaker.
import type { Analysis, ArticleDraft } from '../model.ts';
import { summarize } from './extractive.ts';
import { extractQuotes } from './quotes.ts';
import { splitSentences } from './sentences.ts';

export function analyseArticle(draft: Pick<ArticleDraft, 'title' | 'text'>): Analysis {
  const sentences = splitSentences(draft.text);
  return {
    sentences,
    summary: summarize({ title: draft.title, text: draft.text, sentences }),
    quotes: extractQuotes(draft.text, { title: draft.title }),
  };
}
