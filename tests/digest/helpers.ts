import type { StoredArticle } from '../../src/model.ts';

let nextId = 1;

/** A stored article for pure-logic tests (no store needed). */
export function article(fields: Partial<StoredArticle> & { title: string; text: string }): StoredArticle {
  return {
    id: nextId++,
    sourceId: null,
    canonicalUrl: null,
    ingestedAt: '2026-11-27T08:00:00.000Z',
    fingerprint: '',
    nearDuplicateOf: null,
    analysis: null,
    ...fields,
  };
}
