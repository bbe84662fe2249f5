// What the store deduplicates on, computed from the text alone: the exact hash of title and
// text, the MinHash signature and its LSH band keys. Pure, so ingest workers compute it
// and the single writer only runs the SQL.
import type { ArticleDraft } from '../model.ts';
import { MIN_SHINGLES_FOR_NEAR_DUPLICATE, contentHashes } from './fingerprint.ts';

export interface ContentKeys {
  textHash: string;
  signature: string;
  /** LSH band keys; empty when the text is too short for a near-duplicate estimate. */
  bands: number[];
}

export function contentKeys(draft: Pick<ArticleDraft, 'title' | 'text'>): ContentKeys {
  const { textHash, print, bands } = contentHashes(draft.title, draft.text);
  return {
    textHash,
    signature: print.signature,
    bands: print.shingles >= MIN_SHINGLES_FOR_NEAR_DUPLICATE ? bands : [],
  };
}
