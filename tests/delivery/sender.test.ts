// The delivery pipeline against the Bot API emulator: fan-out with pacing enforced, faults,
// ordering, crash recovery and graceful stop.
import { afterEach, describe, expect, it } from 'vitest';
import { Delivery, Pacer, botApi } from '../../src/delivery/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { startTelegramEmulator, type TelegramEmulator } from '../support/telegram-emulator.ts';
import { TestClock } from '../support/test-clock.ts';
import { addSubscribers, manySubscribers, memoryLogger, seedArticles, settings, tempDir } from './helpers.ts';
import type { DeliverySettings } from '../../src/delivery/index.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface SetupOptions {
  emulator?: Parameters<typeof startTelegramEmulator>[0];
  settings?: Partial<DeliverySettings>;
  register?: boolean;
  /** A fake clock shared by the sender and the emulator: pacing is checked in its time, and nothing sleeps. */
  clock?: TestClock;
}

async function setup(n: number, options: SetupOptions = {}) {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const store = await openStore(`${dir}/db.sqlite`);
  cleanups.push(async () => await store.close());
  const now = new Date();
  await seedArticles(store, now, 40);
  const subs = manySubscribers(n);
  await addSubscribers(store, subs);
  const clock = options.clock;
  const emulator = await startTelegramEmulator({
    ...options.emulator,
    ...(clock ? { now: () => clock.now() } : {}),
    chats: options.register === false ? [] : subs.map((s) => s.chatId),
  });
  cleanups.push(() => emulator.close());
  const { log, lines } = memoryLogger();
  const make = (overrides: Partial<DeliverySettings> = {}) => {
    const delivery = new Delivery({ store, log, api: botApi(emulator.token, emulator.apiRoot), settings: settings({ ...options.settings, ...overrides }), ...(clock ? { time: clock } : {}) });
    // Fake time moves on whenever the sender waits only for it (nothing in flight to the emulator).
    if (clock) cleanups.push(clock.autoAdvance(() => delivery.sender.inFlightCount === 0));
    return delivery;
  };
  return { store, emulator, subs, log, lines, make, dir };
}

function okSends(emulator: TelegramEmulator) {
  return emulator.requests.filter((r) => r.method === 'sendMessage' && r.ok);
}

/** Every chat got exactly the messages of its digest, once each, in order. */
async function expectExactlyOnce(store: Store, emulator: TelegramEmulator, chatIds: number[]) {
  const sends = okSends(emulator);
  const byChat = new Map<number, string[]>();
  for (const s of sends) byChat.set(s.chatId!, [...(byChat.get(s.chatId!) ?? []), String(s.params.text)]);
  for (const chatId of chatIds) {
    const digests = await store.outbox.digests({ chatId });
    expect(digests).toHaveLength(1);
    const items = await store.outbox.items(digests[0]!.id);
    expect(items.every((i) => i.status === 'sent')).toBe(true);
    expect(byChat.get(chatId)?.length ?? 0).toBe(items.length);
    expect(emulator.deliveredCount(chatId)).toBe(items.length);
    // Replies and buttons work on it: each message is in sent_messages with its stories.
    for (const item of items) expect((await store.subscribers.sentMessage(chatId, item.messageId!))?.stories.length).toBeGreaterThan(0);
    // A reply to any one of them is about all the digest's stories.
    let all = 0;
    for (const item of items) all += (await store.subscribers.sentMessage(chatId, item.messageId!))!.stories.length;
    for (const item of items) expect((await store.subscribers.digestStories(chatId, item.messageId!))?.stories.length).toBe(all);
  }
}

// Telegram's pace (30 messages/s, 1 per second to a chat), enforced by the emulator on the
// same fake clock as the sender: a message sent too early is a 429 the test sees. The real
// rate in wall time is measured by `npm run bench` (bench/fanout.ts).
const TELEGRAM_RATE = 30;
const RATE = 29;
// About 20 s of fake time at that pace: every one-second window is checked many times over.
// (The scale, 2,000 subscribers and more, is the bench's: each message here is a real HTTP
// request, and 2,000 of them took up to 45 s of a loaded two-core machine.)
const FANOUT_SUBSCRIBERS = 600;

describe('delivery through the Bot API emulator', () => {
  it(`fans out to ${FANOUT_SUBSCRIBERS} subscribers at the configured pace, each exactly once, without a single 429 (fake clock)`, async () => {
    const clock = new TestClock();
    const { store, emulator, subs, make } = await setup(FANOUT_SUBSCRIBERS, {
      clock,
      emulator: { rateLimits: { global: { perSecond: TELEGRAM_RATE, burst: TELEGRAM_RATE }, perChat: { perSecond: 1, burst: 1 } } },
      settings: { ratePerSecond: RATE, maxInFlight: 32, requestTimeoutMs: 30_000 },
    });
    const delivery = make();
    expect((await delivery.start()).acquired).toBe(true);
    const report = await delivery.tick({ everyoneDue: true });
    expect(report?.queued).toBe(FANOUT_SUBSCRIBERS);
    await delivery.drain();
    await delivery.stop();

    await expectExactlyOnce(store, emulator, subs.map((s) => s.chatId));
    const counts = await store.outbox.counts();
    expect(counts.digests.sent).toBe(FANOUT_SUBSCRIBERS);
    expect(counts.messages.pending + counts.messages.sending + counts.messages.failed).toBe(0);
    expect(emulator.rejected.filter((r) => r.errorCode === 429)).toEqual([]);
    // In any one second (of the fake clock) at most the pace plus its burst of 2 (RATE / 10).
    const times = okSends(emulator).map((r) => r.time);
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1_000) j++;
      expect(i - j + 1).toBeLessThanOrEqual(RATE + 2);
    }
    const span = (times.at(-1)! - times[0]!) / 1000;
    console.log(`fan-out: ${times.length} messages in ${span.toFixed(2)} s of fake time = ${(times.length / span).toFixed(1)}/s (pace ${RATE}/s, Telegram ${TELEGRAM_RATE}/s)`);
    expect(span).toBeGreaterThanOrEqual((times.length - 2) / RATE);
  }, 120_000);

  it('survives 429 storms, 500/502s, timeouts, dropped connections and blocked users: nothing lost, nothing twice', async () => {
    const { store, emulator, subs, make, lines } = await setup(300, {
      emulator: { rateLimits: { global: { perSecond: 500, burst: 50 } } },
      // A time-out well above what a busy machine takes to answer: only the injected slow answers
      // (never processed) time out; an ordinary answer that merely came late would be sent twice.
      settings: { ratePerSecond: 400, maxInFlight: 16, requestTimeoutMs: 8_000, retryBaseMs: 50, maxAttempts: 6 },
    });
    const blocked = subs.slice(10, 15).map((s) => s.chatId);
    for (const chatId of blocked) emulator.blockChat(chatId);
    // A subscriber whose chat no longer exists (400 chat not found).
    await addSubscribers(store, [{ chatId: 999_999 }]);
    emulator.injectFault({ type: 'rate-limit', retryAfter: 1, times: 25 });
    emulator.injectFault({ type: 'server-error', times: 15 });
    emulator.injectFault({ type: 'bad-gateway', times: 5 });
    emulator.injectFault({ type: 'slow', delayMs: 15_000, times: 4 });
    emulator.injectFault({ type: 'drop', times: 3 });
    emulator.injectFault({ type: 'blocked', chatId: subs[20]!.chatId });

    const delivery = make();
    await delivery.start();
    await delivery.tick({ everyoneDue: true });
    await delivery.drain();
    await delivery.stop();

    const deactivated = [...blocked, subs[20]!.chatId, 999_999];
    for (const chatId of deactivated) {
      expect((await store.subscribers.get(chatId))?.active).toBe(false);
      expect((await store.outbox.digests({ chatId }))[0]).toMatchObject({ status: 'failed' });
    }
    expect((await store.subscribers.get(999_999))?.stopReason).toBe('chat not found');
    expect((await store.subscribers.get(blocked[0]!))?.stopReason).toBe('blocked');
    const others = subs.map((s) => s.chatId).filter((id) => !deactivated.includes(id));
    await expectExactlyOnce(store, emulator, others);
    const stats = (await delivery.stats()).sender;
    expect(stats.rateLimited).toBeGreaterThanOrEqual(25);
    expect(stats.retried).toBeGreaterThanOrEqual(15 + 5 + 4 + 3);
    expect(stats.deactivated).toBe(deactivated.length);
    expect(lines.some((l) => l.msg === 'subscriber deactivated')).toBe(true);
  }, 120_000);

  it('a message that keeps failing with 5xx is marked failed with the reason after the attempt limit', async () => {
    const { store, emulator, subs, make } = await setup(3, { settings: { maxAttempts: 3, retryBaseMs: 20 }, clock: new TestClock() });
    emulator.injectFault({ type: 'server-error', chatId: subs[1]!.chatId, times: Infinity });
    const delivery = make();
    await delivery.start();
    await delivery.tick({ everyoneDue: true });
    await delivery.drain();
    await delivery.stop();
    const failed = (await store.outbox.items((await store.outbox.digests({ chatId: subs[1]!.chatId }))[0]!.id))[0]!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.error).toMatch(/500 .*after 3 attempts/);
    expect((await store.subscribers.get(subs[1]!.chatId))?.active).toBe(true);
    await expectExactlyOnce(store, emulator, [subs[0]!.chatId, subs[2]!.chatId]);
  });

  it('a Bot API answer that is not JSON (proxy page, wrong API root) is retried, then failed with a reason that holds no bot token', async () => {
    const { store, emulator, subs, make, lines } = await setup(2, { settings: { maxAttempts: 2, retryBaseMs: 20 }, clock: new TestClock() });
    emulator.injectFault({ type: 'not-json', method: 'sendMessage', chatId: subs[0]!.chatId, status: 404, times: Infinity });
    const delivery = make();
    await delivery.start();
    await delivery.tick({ everyoneDue: true });
    await delivery.drain();
    await delivery.stop();
    const digest = (await store.outbox.digests({ chatId: subs[0]!.chatId }))[0]!;
    const item = (await store.outbox.items(digest.id))[0]!;
    expect(item).toMatchObject({ status: 'failed', attempts: 2 });
    expect(item.error).toMatch(/answered with something other than JSON .*after 2 attempts/);
    expect(digest).toMatchObject({ status: 'failed', error: expect.stringMatching(/other than JSON/) });
    const everything = JSON.stringify([await store.outbox.items(), await store.outbox.digests(), lines]);
    expect(everything).not.toContain(emulator.token);
    expect(everything).not.toContain(emulator.token.split(':')[1]);
    await expectExactlyOnce(store, emulator, [subs[1]!.chatId]);
  });

  it('sends a multi-message digest in order, at most one message per second to the chat (fake clock)', async () => {
    const { store, emulator, make } = await setup(0, { emulator: { chats: [42] }, clock: new TestClock() });
    emulator.registerChat(42);
    await addSubscribers(store, [{ chatId: 42 }]);
    const now = new Date();
    await store.outbox.recordDecision({
      chatId: 42,
      localDate: '2026-05-01',
      dueAt: now,
      cutoffAt: now,
      ingestedAfter: null,
      topic: null,
      storyCount: 3,
      messages: [1, 2, 3].map((n) => ({ html: `<b>part ${n}</b>`, keyboard: [[{ text: `More on ${n}`, callback_data: `more:s${n}` }]], stories: [{ id: `s${n}` }] })),
    });
    const delivery = make();
    await delivery.start();
    await delivery.drain();
    await delivery.stop();
    const sends = okSends(emulator).filter((r) => r.chatId === 42);
    expect(sends.map((s) => s.params.text)).toEqual(['<b>part 1</b>', '<b>part 2</b>', '<b>part 3</b>']);
    expect(sends[1]!.time - sends[0]!.answeredAt).toBeGreaterThanOrEqual(1_000);
    expect(sends[2]!.time - sends[1]!.answeredAt).toBeGreaterThanOrEqual(1_000);
    expect(emulator.botMessages(42).map((m) => m.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data)).toEqual(['more:s1', 'more:s2', 'more:s3']);
  });

  it('after a crash, messages left "sending" become unknown and are not resent; the rest resumes', async () => {
    const { store, emulator, subs, make, lines } = await setup(5);
    const first = make();
    await first.start();
    // Decide, then "crash" with one message taken for sending and never finished.
    await first.sender.stop();
    await first.tick({ everyoneDue: true });
    const victim = (await store.outbox.items())[0]!;
    expect(await store.outbox.markSending(victim.id)).toBe(true);
    await first.lease.release();

    const second = make();
    expect((await second.start()).recoveredUnknown).toBe(1);
    await second.drain();
    await second.stop();
    expect((await store.outbox.items(victim.digestId))[0]!.status).toBe('unknown');
    expect((await store.outbox.digests({ chatId: victim.chatId }))[0]!.status).toBe('unknown');
    expect(emulator.deliveredCount(victim.chatId)).toBe(0);
    await expectExactlyOnce(store, emulator, subs.map((s) => s.chatId).filter((id) => id !== victim.chatId));
    expect((await second.stats()).recoveredUnknown).toBe(1);
    expect((await store.outbox.counts()).messages.unknown).toBe(1);
    expect(lines.some((l) => l.recoveredUnknown === 1)).toBe(true);
  });

  it('graceful stop finishes what is in flight, leaves nothing "sending", and a restart completes the job', async () => {
    const { store, emulator, subs, make } = await setup(150, { settings: { ratePerSecond: 100, maxInFlight: 4 } });
    emulator.injectFault({ type: 'slow', delayMs: 300, processed: true, times: 4 });
    const first = make();
    await first.start();
    await first.tick({ everyoneDue: true });
    // Stop while the first (slow) messages are in flight: no waiting for a time that a busy machine may not keep.
    await expect.poll(async () => (await store.outbox.counts()).messages.sending, { interval: 2, timeout: 30_000 }).toBeGreaterThan(0);
    await first.stop();
    const afterStop = (await store.outbox.counts()).messages;
    expect(afterStop.sending).toBe(0);
    expect(afterStop.unknown).toBe(0);
    expect(afterStop.sent).toBeGreaterThan(0);
    expect(afterStop.pending).toBeGreaterThan(0);

    const second = make();
    expect((await second.start()).recoveredUnknown).toBe(0);
    await second.tick({ everyoneDue: true });
    await second.drain();
    await second.stop();
    await expectExactlyOnce(store, emulator, subs.map((s) => s.chatId));
  });
});

describe('Pacer', () => {
  it('sends one message at once, then one per 1/rate seconds; after an idle moment up to its burst at once', () => {
    const pacer = new Pacer(10, 3, 0);
    const sendAt = (now: number): number => {
      const wait = pacer.waitMs(now);
      if (wait === 0) pacer.take();
      return wait;
    };
    expect(sendAt(0)).toBe(0);
    expect(sendAt(0)).toBe(100);
    expect(sendAt(50)).toBe(50);
    expect(sendAt(100)).toBe(0);
    // Idle for 10 s: the bucket holds 3, no more.
    expect([sendAt(10_100), sendAt(10_100), sendAt(10_100), sendAt(10_100)]).toEqual([0, 0, 0, 100]);
  });
});
