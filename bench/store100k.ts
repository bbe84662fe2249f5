// The 100,000-article store the /summary and memory benchmarks run against, built from the
// real PolNeAR train texts (840 articles, 2016 US politics) and cached in bench/out/.
//
// How the 100,000 articles are made from 840 texts: article i is text (i mod 840), copy
// k = floor(i / 840) (0..119). Each copy gets
//   - its own outlet (one of 40) and URL (so URL dedup does not collapse it),
//   - a publication time in the 30 days before BENCH_NOW, growing with i (ingest order follows
//     time, as in a running bot; +-90 minutes of jitter), so every text has about 4 copies per
//     day, and an ingest time 5-65 minutes later,
//   - one extra closing line naming the outlet and copy ("— Outlet 17 News, edition 3"),
//     so the exact-text dedup does not reject it; the rest of the text is unchanged, so the
//     store links it to the first copy as a near-duplicate (like a republished wire story).
// The analysis (sentences, summary, quotes) is computed once per text with analyseArticle and
// stored with every copy (the trailer is appended after the text, so quote offsets stay valid).
// Every article goes through ArticleStore.insert (hash, MinHash fingerprint and LSH bands,
// near-duplicate lookup, FTS5 index), in transactions of 500 inserts to build faster.
//
// Run: npx tsx bench/store100k.ts [count]   (builds bench/out/store-<count>.db unless cached)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Analysis, ArticleDraft } from '../src/model.ts';
import { documentToDrafts } from '../src/ingest/document.ts';
import { analyseArticle } from '../src/nlp/analyse.ts';
import { AnalysisContext } from '../src/nlp/context.ts';
import { migrations } from '../src/store/sqlite/migrations.ts';
import { openStore } from '../src/store/index.ts';
import { DATA_DIR, OUT_DIR, isMain, peakRss } from './common.ts';

/** The benchmark's "now": the end of the 30 days of articles. Fixed, so runs are comparable. */
export const BENCH_NOW = new Date('2025-06-30T12:00:00Z');
const DAYS = 30;
const OUTLETS = 40;
const BATCH = 500;
/** Bump when the way the store is built changes: cached stores of older versions are rebuilt. */
const BUILDER_VERSION = 2;

export interface BaseArticle {
  file: string;
  draft: ArticleDraft;
  analysis: Analysis;
}

export function loadBaseArticles(limit = Infinity): BaseArticle[] {
  const folder = resolve(DATA_DIR, 'polnear', 'train', 'text');
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, limit);
  const context = new AnalysisContext();
  return files.map((f) => {
    const draft = documentToDrafts(readFileSync(join(folder, f)), { name: f })[0]!;
    return { file: f, draft, analysis: analyseArticle(draft, context) };
  });
}

function outletName(n: number): string {
  return `Outlet ${n + 1} News`;
}

/** The i-th of `count` articles (see the header for how). */
export function variant(base: BaseArticle[], i: number, count: number): { draft: ArticleDraft; analysis: Analysis; ingestedAt: Date } {
  const b = base[i % base.length]!;
  const copy = Math.floor(i / base.length);
  const outlet = (i * 7 + copy) % OUTLETS;
  // Ingest order follows time, as in a running bot: article i is published at i/count of the
  // 30 days, give or take up to 90 minutes (so ids and times are correlated, not identical).
  const jitterMinutes = ((i * 7919) % 181) - 90;
  const published = new Date(BENCH_NOW.getTime() - (1 - (i + 0.5) / count) * DAYS * 86_400_000 + jitterMinutes * 60_000);
  const ingestedAt = new Date(published.getTime() + (5 + (i % 61)) * 60_000);
  const slug = b.file.replace(/\.txt$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
  const draft: ArticleDraft = {
    title: b.draft.title,
    text: `${b.draft.text}\n\n— ${outletName(outlet)}, edition ${copy + 1}`,
    url: `https://outlet${outlet + 1}.example/${published.toISOString().slice(0, 10).replace(/-/g, '/')}/${slug}-${i}`,
    outlet: outletName(outlet),
    published: published.toISOString(),
    language: 'en',
  };
  return { draft, analysis: b.analysis, ingestedAt };
}

/** Identifies a build: builder version, schema, article count and the texts used. */
function buildKey(count: number): string {
  const folder = resolve(DATA_DIR, 'polnear', 'train', 'text');
  const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  return createHash('sha256')
    .update(JSON.stringify({ BUILDER_VERSION, count, schema: migrations.map((m) => [m.version, m.sql]), files }))
    .digest('hex')
    .slice(0, 12);
}

export function storePath(count: number): string {
  return resolve(OUT_DIR, `store-${count}-${buildKey(count)}.db`);
}

/** Builds (or finds cached) the store of `count` articles; returns its path. */
export async function ensureStore(count: number, options: { log?: (line: string) => void } = {}): Promise<{ path: string; built: boolean; buildSeconds?: number }> {
  const path = storePath(count);
  if (existsSync(path) && !/^(1|true|yes)$/i.test(process.env.BENCH_REBUILD ?? '')) return { path, built: false };
  const say = options.log ?? ((line: string) => console.error(line));
  const started = performance.now();
  const base = loadBaseArticles();
  say(`store: ${base.length} texts parsed and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s; inserting ${count} articles`);
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  const store = await openStore(partial);
  const statuses = { new: 0, duplicate: 0, 'near-duplicate': 0 };
  for (let start = 0; start < count; start += BATCH) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const { draft, analysis, ingestedAt } = variant(base, i, count);
        statuses[(await tx.articles.insert(draft, { analysis, ingestedAt })).status]++;
      }
    });
    if ((start / BATCH) % 20 === 19) say(`store: ${start + BATCH} articles, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await store.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  renameSync(partial, path);
  const buildSeconds = (performance.now() - started) / 1000;
  say(
    `store: built ${path} in ${buildSeconds.toFixed(0)} s (${statuses.new} new, ${statuses['near-duplicate']} near-duplicates, ${statuses.duplicate} rejected); ` +
      `${(statSync(path).size / 2 ** 20).toFixed(0)} MB; builder peak RSS ${(peakRss() / 2 ** 20).toFixed(0)} MB`,
  );
  return { path, built: true, buildSeconds };
}

if (isMain(import.meta.url)) {
  const count = Number(process.argv[2] ?? 100_000);
  const result = await ensureStore(count);
  console.log(JSON.stringify(result));
}
