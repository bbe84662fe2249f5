// The content tables' rows as both engines read them, and their mapping to the api.ts and model
// types. The columns are the same on SQLite and PostgreSQL; only how a flag and stored JSON come
// back differs (SQLite: 0/1 and text; PostgreSQL: boolean and parsed JSONB), so each engine says
// how to read those and the rest is mapped once, here (as delivery-rows.ts does for delivery).
import type { Analysis, ArticleDraft, StoredArticle } from '../model.ts';
import type { Source, SourceKind } from './api.ts';
import { storedAnalysisJson } from './article-rules.ts';

/** An article row; `Json` is how the engine returns the subheadings and analysis columns. */
export interface ArticleRow<Json> {
  id: number;
  source_id: number | null;
  url: string | null;
  canonical_url: string | null;
  guid: string | null;
  outlet: string | null;
  title: string;
  published_at: string | null;
  ingested_at: string;
  language: string | null;
  text: string;
  subheadings: Json | null;
  fingerprint: string;
  near_duplicate_of: number | null;
  analysis: Json | null;
}

/** The columns of an ArticleRow, for SELECTs. */
export const ARTICLE_COLUMNS =
  'id, source_id, url, canonical_url, guid, outlet, title, published_at, ingested_at, language, text, subheadings, fingerprint, near_duplicate_of, analysis';

/** The columns a new article's row is written with, in the order of newArticleValues. */
export const NEW_ARTICLE_COLUMNS =
  'source_id, url, canonical_url, guid, outlet, title, published_at, ingested_at, language, text, subheadings, text_hash, fingerprint, near_duplicate_of, analysis';

/** What the store decided about a new article (its keys, claims, times and original), beside its draft. */
export interface NewArticle {
  sourceId: number | null;
  canonical: string | null;
  guid: string | null;
  published: string | undefined;
  ingestedAt: Date;
  hash: string;
  signature: string;
  nearDuplicateOf: number | undefined;
  analysis: Analysis | null | undefined;
  /** The analysis encoded already (InsertMeta.analysisJson); wins over `analysis`. */
  analysisJson?: string | undefined;
}

/** The values of NEW_ARTICLE_COLUMNS for a new article. */
export function newArticleValues(draft: ArticleDraft, row: NewArticle): unknown[] {
  return [
    row.sourceId,
    draft.url ?? null,
    row.canonical,
    row.guid,
    draft.outlet ?? null,
    draft.title,
    row.published ?? null,
    row.ingestedAt.toISOString(),
    draft.language ?? null,
    draft.text,
    draft.subheadings?.length ? JSON.stringify(draft.subheadings) : null,
    row.hash,
    row.signature,
    row.nearDuplicateOf ?? null,
    row.analysisJson ?? (row.analysis ? storedAnalysisJson(row.analysis) : null),
  ];
}

export function toArticle<Json>(row: ArticleRow<Json>, json: (value: Json) => unknown): StoredArticle {
  const article: StoredArticle = {
    id: row.id,
    sourceId: row.source_id,
    canonicalUrl: row.canonical_url,
    title: row.title,
    text: row.text,
    ingestedAt: row.ingested_at,
    fingerprint: row.fingerprint,
    nearDuplicateOf: row.near_duplicate_of,
    analysis: row.analysis ? (json(row.analysis) as Analysis) : null,
  };
  if (row.url) article.url = row.url;
  if (row.guid) article.guid = row.guid;
  if (row.outlet) article.outlet = row.outlet;
  if (row.published_at) article.published = row.published_at;
  if (row.language) article.language = row.language;
  if (row.subheadings) article.subheadings = json(row.subheadings) as string[];
  return article;
}

/** A source row; `Flag` is how the engine returns `enabled`. */
export interface SourceRow<Flag> {
  id: number;
  url: string;
  name: string;
  kind: SourceKind;
  language: string | null;
  enabled: Flag;
  etag: string | null;
  last_modified: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  consecutive_failures: number;
  next_attempt_at: string | null;
  last_error: string | null;
}

export function toSource<Flag>(row: SourceRow<Flag>, enabled: (flag: Flag) => boolean): Source {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    kind: row.kind,
    language: row.language,
    enabled: enabled(row.enabled),
    etag: row.etag,
    lastModified: row.last_modified,
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    consecutiveFailures: row.consecutive_failures,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
  };
}
