// Byte-identity check for ingest speed work: ingests the 924 PolNeAR train and dev texts through
// the whole pipeline (`ingestInputs`, one worker per core, as `news-digest ingest <folder>`) into a
// fresh SQLite file, with a fake clock on the writer thread (each `new Date()` / `Date.now()` without
// arguments steps 1 s from a fixed instant, so undated texts get the same ingest times in every run),
// then prints an md5 of every row of every table (FTS5's shadow tables included) and one over all.
// Two checkouts that store the same bytes print the same total.
//   npx tsx bench/store-identity.ts [<checkout>]   (default: this one; a source copy sharing one node_modules works)
// Also run with WORKERS=0 for the in-process path.
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATA_DIR } from './common.ts';

const root = resolve(process.argv[2] ?? '.');
const workers = Number(process.env.WORKERS ?? 2);

const RealDate = Date;
let clock = RealDate.UTC(2026, 0, 15, 12, 0, 0);
class FakeDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) {
      clock += 1000;
      super(clock);
    } else super(...(args as [number]));
  }
  static override now(): number {
    clock += 1000;
    return clock;
  }
}
globalThis.Date = FakeDate as DateConstructor;

const pipeline = await import(join(root, 'src/ingest/pipeline.ts'));
const pool = await import(join(root, 'src/ingest/worker-pool.ts'));
const stores = await import(join(root, 'src/store/index.ts'));
const log = (await import(join(root, 'src/log.ts'))).createLogger({ level: 'silent' });

const dir = mkdtempSync(join(tmpdir(), 'nd-identity-'));
try {
  const file = join(dir, 'news.db');
  const store = await stores.openStore(file);
  const inputs = ['train', 'dev'].map((split) => resolve(DATA_DIR, 'polnear', split, 'text'));
  const counts = await pipeline.ingestInputs(inputs, { store, log, fetchOptions: { timeoutMs: 1000, maxBytes: 10_000_000, userAgent: 'bench' }, workers });
  if (counts.failed.length) throw new Error(`failed: ${JSON.stringify(counts.failed.slice(0, 3))}`);
  await store.close();
  if (workers > 0) await pool.sharedPreparePool(workers).close();
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations') ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const all = createHash('md5');
  for (const table of tables) {
    const hash = createHash('md5');
    let rows = 0;
    // Virtual tables are read through their shadow tables (listed too); the content-less FTS5 table itself reads the articles.
    if (table === 'articles_fts') continue;
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
      const line = JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? v.toString() : v));
      hash.update(line).update('\n');
      rows++;
    }
    const digest = hash.digest('hex');
    all.update(`${table} ${digest}\n`);
    console.log(`${table.padEnd(24)} ${String(rows).padStart(7)} ${digest}`);
  }
  db.close();
  console.log(`counts new ${counts.new}, duplicate ${counts.duplicate}, near ${counts.nearDuplicate}, failed ${counts.failed.length}`);
  console.log(`TOTAL ${all.digest('hex')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
