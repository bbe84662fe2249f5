// Deciding due daily digests on each engine: N subscribers (DECIDE_SUBSCRIBERS, default 20,000;
// a third on the top stories, a third with one topic, a third with two) all due at once, over a
// store of PolNeAR train texts ingested in the day before. Two days are decided: the first
// digests (no history), then, after a day's more news, the second ones (each subscriber's last
// cutoff and the articles their first digest carried are read). Measured: the decideDue call
// (src/delivery/decide.ts, what the scheduler runs), wall and CPU of this process, and on
// PostgreSQL the statements it sent and the server's CPU (a local server) per subscriber. PostgreSQL runs when DATABASE_URL names a
// server: a fresh database BENCH_DECIDE_DATABASE (default news_digest_bench_decide) is created
// on it (the URL's user needs CREATEDB).
// Run: DATABASE_URL=postgres://user@127.0.0.1:5432/postgres npx tsx bench/decide.ts
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIGEST_DEFAULTS } from '../src/app/index.ts';
import { decideDue } from '../src/delivery/decide.ts';
import { prepareDocument, type PreparedArticle } from '../src/ingest/prepare.ts';
import { AnalysisContext } from '../src/nlp/context.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { DATA_DIR, QUICK, fmt, load1, machineLine } from './common.ts';
import { freshDatabase, serverCpuMs, statementsSent } from './pg-statements.ts';

const SUBSCRIBERS = Number(process.env.DECIDE_SUBSCRIBERS ?? (QUICK ? 2_000 : 20_000));
const ARTICLES_PER_DAY = QUICK ? 60 : 200;
const TOPICS = ['Trump', 'Clinton', 'Syria', 'email', 'debate', 'economy', 'police', 'Russia'];
const DAY1 = new Date('2026-05-01T08:00:00Z');
const DAY2 = new Date('2026-05-02T08:00:00Z');

/** A day's news: the articles ingested over the 20 hours before `now` (their own dates dropped, so that they are the day's). */
async function ingestDay(store: Store, articles: PreparedArticle[], now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    for (const [i, { draft, analysis, keys, storyFeatures }] of articles.entries()) {
      const ingestedAt = new Date(now.getTime() - 3_600_000 - Math.round((i / articles.length) * 19 * 3_600_000));
      await tx.articles.insert({ ...draft, published: undefined }, { analysis, keys, storyFeatures, ingestedAt });
    }
  });
}

async function addSubscribers(store: Store): Promise<void> {
  const created = new Date('2026-04-01T00:00:00Z');
  for (let first = 0; first < SUBSCRIBERS; first += 1_000) {
    await store.transaction(async (tx) => {
      for (let i = first; i < Math.min(SUBSCRIBERS, first + 1_000); i++) {
        const chatId = 1_000_000 + i;
        await tx.subscribers.subscribe({ chatId, digestTime: '08:00', timezone: 'UTC' }, created);
        const topics = i % 3 === 0 ? [] : i % 3 === 1 ? [TOPICS[i % TOPICS.length]!] : [TOPICS[i % TOPICS.length]!, TOPICS[(i + 3) % TOPICS.length]!];
        for (const topic of topics) await tx.subscribers.follow(chatId, topic, created);
      }
    });
  }
}

async function decideDay(store: Store, engine: string, label: string, now: Date, database?: string): Promise<void> {
  const loadStart = load1();
  const serverBefore = database && serverCpuMs(database);
  const statementsBefore = statementsSent();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const report = await decideDue(store, { ...DIGEST_DEFAULTS.daily, now });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const statements = statementsSent() - statementsBefore;
  const serverAfter = database && serverCpuMs(database);
  const serverCpu = typeof serverBefore === 'number' && typeof serverAfter === 'number' ? serverAfter - serverBefore : undefined;
  const decided = report.queued + report.skippedEmpty;
  console.log(
    `${engine}, ${label}: ${decided} of ${report.due} due decided (${report.queued} queued, ${report.skippedEmpty} empty, ${report.built} digests built) in ${fmt(ms / 1000, 1)} s wall, ` +
      `${fmt((used.user + used.system) / 1e6, 1)} s CPU: ${fmt(ms / decided, 2)} ms wall and ${fmt((used.user + used.system) / 1000 / decided, 2)} ms CPU per subscriber` +
      `${serverCpu === undefined ? '' : ` + ${fmt(serverCpu / decided, 2)} ms in the PostgreSQL server`}` +
      `${statements ? `, ${fmt(statements / decided, 2)} statements per subscriber` : ''} (load average ${fmt(loadStart, 1)} to ${fmt(load1(), 1)})`,
  );
}

console.log(machineLine());
const folder = resolve(DATA_DIR, 'polnear', 'train', 'text');
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().slice(0, ARTICLES_PER_DAY * 2);
const context = new AnalysisContext();
const prepared = files.flatMap((f) => prepareDocument(new Uint8Array(readFileSync(join(folder, f))), { name: f }, context));
const days = [prepared.slice(0, ARTICLES_PER_DAY), prepared.slice(ARTICLES_PER_DAY)];
const targets: [string, () => Promise<{ target: string; cleanup: () => void }>][] = [
  ['sqlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'news-digest-bench-decide-'));
    return { target: join(dir, 'news.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }],
];
const url = process.env.DATABASE_URL;
const only = process.env.DECIDE_ENGINE;
if (url) targets.push(['postgres', async () => ({ target: await freshDatabase(url, process.env.BENCH_DECIDE_DATABASE ?? 'news_digest_bench_decide'), cleanup: () => {} })]);
else console.log('DATABASE_URL not set: SQLite only');
for (const [engine, fresh] of targets.filter(([name]) => !only || name === only)) {
  const { target, cleanup } = await fresh();
  const store = await openStore(target);
  const database = engine === 'postgres' ? new URL(target).pathname.slice(1) : undefined;
  try {
    await ingestDay(store, days[0]!, DAY1);
    await addSubscribers(store);
    await decideDay(store, engine, 'first digests', DAY1, database);
    await ingestDay(store, days[1]!, DAY2);
    await decideDay(store, engine, 'second digests (with history)', DAY2, database);
  } finally {
    await store.close();
    cleanup();
  }
}
