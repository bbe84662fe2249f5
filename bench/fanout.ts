// Fan-out benchmark: FANOUT_SUBSCRIBERS (default 10,000) personalised daily digests through the
// Bot API emulator enforcing Telegram's pacing (30 msg/s overall, 1/s per chat).
// Run: npx tsx bench/fanout.ts   (about 6 minutes at 30/s for 10,000)
import { Delivery, botApi } from '../src/delivery/index.ts';
import { openStore } from '../src/store/index.ts';
import { startTelegramEmulator } from '../tests/support/telegram-emulator.ts';
import { addSubscribers, manySubscribers, memoryLogger, seedArticles, settings, tempDir } from '../tests/delivery/helpers.ts';

const N = Number(process.env.FANOUT_SUBSCRIBERS ?? 10_000);
const LIMIT = Number(process.env.FANOUT_TELEGRAM_RATE ?? 30);
const RATE = Number(process.env.SEND_RATE_PER_SECOND ?? 29);
const tmp = tempDir();
const store = await openStore(`${tmp.dir}/bench.db`);
await seedArticles(store, new Date(), 200);
const subs = manySubscribers(N);
await addSubscribers(store, subs);
const emulator = await startTelegramEmulator({ chats: subs.map((s) => s.chatId), rateLimits: { global: { perSecond: LIMIT, burst: LIMIT }, perChat: { perSecond: 1, burst: 3 } } });
const { log } = memoryLogger('warn');
const delivery = new Delivery({ store, log, api: botApi(emulator.token, emulator.apiRoot), settings: settings({ ratePerSecond: RATE, maxInFlight: 8, requestTimeoutMs: 30_000, maxStories: 8 }) });
await delivery.start();
const report = (await delivery.tick({ everyoneDue: true }))!;
await delivery.drain();
await delivery.stop();

const sends = emulator.requests.filter((r) => r.method === 'sendMessage' && r.ok);
const span = (sends.at(-1)!.time - sends[0]!.time) / 1000;
const byChat = new Map<number, number>();
for (const s of sends) byChat.set(s.chatId!, (byChat.get(s.chatId!) ?? 0) + 1);
const items = await store.outbox.items();
const expected = new Map<number, number>();
for (const i of items) expected.set(i.chatId, (expected.get(i.chatId) ?? 0) + 1);
let duplicates = 0;
let lost = 0;
for (const [chatId, n] of expected) {
  const got = byChat.get(chatId) ?? 0;
  if (got > n) duplicates += got - n;
  if (got < n) lost += n - got;
}
const rate = sends.length / span;
const cpuPerDigestMs = report.buildCpuMicros / 1000 / Math.max(1, report.queued + report.skippedEmpty);
const rows = [
  ['sustained messages/s', rate.toFixed(2), `>= ${(LIMIT * 28 / 30).toFixed(0)}`],
  ['sustained rate / configured pace', (rate / RATE).toFixed(2), '0.75 to 1.1'],
  ['duplicates', String(duplicates), '0'],
  ['lost', String(lost), '0'],
  ['CPU per personalised digest (ms)', cpuPerDigestMs.toFixed(3), '< 1'],
];
console.log(`\nfan-out: ${N} subscribers, ${items.length} messages, ${report.built} distinct digests built, ${emulator.rejected.filter((r) => r.errorCode === 429).length} 429 answers, ${span.toFixed(1)} s`);
console.log('| measure | value | target |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
await emulator.close();
await store.close();
tmp.cleanup();
