// The CPU-heavy, I/O-free part of ingest: a document's bytes to articles ready to store
// (draft, analysis, content keys). Runs in the ingest worker threads, or in-process.
import type { Analysis, ArticleDraft } from '../model.ts';
import { analyseArticle } from '../nlp/analyse.ts';
import type { AnalysisContext } from '../nlp/context.ts';
import { articleFeatures, type ArticleFeatures } from '../stories/features.ts';
import { contentKeys, type ContentKeys } from '../dedup/content-keys.ts';
import { storedAnalysisJson } from '../store/article-rules.ts';
import { documentToDrafts, type DocumentHint } from './document.ts';
import { sanitizeDraft } from './sanitize.ts';

export interface PreparedArticle {
  draft: ArticleDraft;
  analysis: Analysis;
  keys: ContentKeys;
  storyFeatures: ArticleFeatures;
}

/**
 * The analysis as the store keeps it: without its sentences (copying them back from a worker
 * costs time). The draft is sanitized first, whichever path built it. `context` is the calling
 * pipeline's (an ingest worker's, an ingest run's); without one the article is analysed on its own.
 */
export function prepareArticle(raw: ArticleDraft, context?: AnalysisContext): PreparedArticle {
  const draft = sanitizeDraft(raw);
  const { summary, quotes } = analyseArticle(draft, context);
  return { draft, analysis: { summary, quotes }, keys: contentKeys(draft), storyFeatures: articleFeatures(draft, context) };
}

/** A prepared article as a bulk ingest stores it: its analysis already encoded as the store keeps it (InsertMeta.analysisJson). */
export type StorableArticle = Omit<PreparedArticle, 'analysis'> & { analysisJson: string };

/**
 * Encodes the analysis where it was made (an ingest worker): the single writer then only stores
 * it, and postMessage copies one string instead of every summary sentence and quote object.
 */
export function storable({ analysis, ...article }: PreparedArticle): StorableArticle {
  return { ...article, analysisJson: storedAnalysisJson(analysis) };
}

export function prepareDocument(body: Uint8Array, hint: DocumentHint, context?: AnalysisContext): PreparedArticle[] {
  return documentToDrafts(body, hint).map((draft) => prepareArticle(draft, context));
}
