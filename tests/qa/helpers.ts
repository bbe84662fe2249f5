// Small hand-written articles for the follow-up answer tests, stored through the product path
// (storeDraft: analysis and insert) in a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeDraft } from '../../src/ingest/pipeline.ts';
import type { ArticleDraft, StoredArticle } from '../../src/model.ts';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import { openStore, type Store } from '../../src/store/index.ts';

/** The tests' "now": articles are dated relative to it. */
export const NOW = new Date('2026-03-10T12:00:00Z');
export const WEEK_AGO = new Date(NOW.getTime() - 7 * 86_400_000);

const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

export const BRIDGE: ArticleDraft = {
  title: 'Harbour council approves the new river bridge',
  outlet: 'Example Gazette',
  url: 'https://gazette.example/2026/03/bridge',
  published: daysAgo(2),
  text:
    'Harbour council approves the new river bridge\n\n' +
    'The harbour council voted 7-2 on Monday to approve a new bridge across the river.\n\n' +
    'Mayor Jane Holloway, a former civil engineer, said the bridge would open in 2028.\n\n' +
    '"This bridge will finally connect both halves of our city," Holloway said at the town hall.\n\n' +
    'The project will cost 48 million euros, paid for by the region and the port authority.\n\n' +
    'Fishermen opposed the plan because the old ferry landing would have to close.',
};

export const STORM: ArticleDraft = {
  title: 'Storm closes valley schools',
  outlet: 'Valley Post',
  url: 'https://valleypost.example/storm',
  published: daysAgo(1),
  text:
    'Storm closes valley schools\n\n' +
    'Heavy rain closed twelve schools in the valley on Tuesday, and two roads were flooded.\n\n' +
    'The weather service said the storm would pass by Thursday evening.\n\n' +
    'Governor Tom Reyes, who leads the regional cabinet, visited the flooded town of Marlow.\n\n' +
    '"We will rebuild every road that the water took," Reyes told reporters in Marlow.',
};

/** Older than the week-long window. */
export const CHESS: ArticleDraft = {
  title: 'Student takes the national chess title',
  outlet: 'Sports Daily',
  url: 'https://sports.example/chess',
  published: daysAgo(30),
  text:
    'Student takes the national chess title\n\n' +
    'Lena Varga won the national chess championship in Ljubljana on Sunday.\n\n' +
    'Varga, a 19-year-old physics student, beat the defending champion in the final round.',
};

export interface TestStore {
  store: Store;
  ids: Map<ArticleDraft, number>;
  article(draft: ArticleDraft): Promise<StoredArticle>;
  close(): Promise<void>;
}

export async function testStore(drafts: ArticleDraft[] = [BRIDGE, STORM, CHESS]): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'nd-qa-'));
  const store = await openStore(join(dir, 'qa.db'));
  const ids = new Map<ArticleDraft, number>();
  for (const d of drafts) ids.set(d, (await storeDraft(store, d)).id);
  return {
    store,
    ids,
    article: async (draft) => await (await store.articles.get(ids.get(draft)!))!,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An article as the store returns it, without a store (for the pure ranking tests). */
export function storedArticle(draft: ArticleDraft, id: number): StoredArticle {
  return { ...draft, id, sourceId: null, canonicalUrl: draft.url ?? null, ingestedAt: NOW.toISOString(), fingerprint: '', nearDuplicateOf: null, analysis: analyseArticle(draft) };
}
