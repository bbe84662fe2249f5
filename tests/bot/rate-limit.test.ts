import { afterEach, describe, expect, it } from 'vitest';
import { UserRateLimiter, oneMomentText } from '../../src/bot/rate-limit.ts';
import { startHarness, type Harness } from './harness.ts';

describe('UserRateLimiter (token bucket, injected clock)', () => {
  it('lets 5 through in a burst, refuses the 6th and tells the user once, then refills one per 2 s', () => {
    const limiter = new UserRateLimiter({ commands: 5, windowMs: 10_000 });
    const t0 = 1_000_000;
    const burst = Array.from({ length: 8 }, () => limiter.take(1, t0));
    expect(burst.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false, false]);
    expect(burst.map((d) => d.notify)).toEqual([false, false, false, false, false, true, false, false]);
    expect(burst[5]!.retryAfterMs).toBe(2_000);
    // Another user is not affected.
    expect(limiter.take(2, t0).allowed).toBe(true);
    expect(limiter.take(1, t0 + 1_999).allowed).toBe(false);
    expect(limiter.take(1, t0 + 2_000)).toEqual({ allowed: true, notify: false, retryAfterMs: 0 });
    // Refused again after an allowed one: told again.
    expect(limiter.take(1, t0 + 2_000).notify).toBe(true);
    // A quiet minute refills the bucket to 5, not more.
    const later = Array.from({ length: 6 }, () => limiter.take(1, t0 + 60_000).allowed);
    expect(later).toEqual([true, true, true, true, true, false]);
  });

  it('0 commands turns the limit off', () => {
    const limiter = new UserRateLimiter({ commands: 0, windowMs: 10_000 });
    expect(Array.from({ length: 100 }, () => limiter.take(1, 0).allowed).every(Boolean)).toBe(true);
  });

  it('says how long to wait, in whole seconds', () => {
    expect(oneMomentText(1_200)).toMatch(/^One moment, please: .* 2 s\.$/);
  });
});

const FLOODER = 8101;
const OTHER = 8102;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('per-user fairness through the Bot API emulator', () => {
  it('a user flooding /summary gets 5 answers and one "one moment"; another user is answered before the flood is done', async () => {
    // Telegram's per-chat limit, made strict: one message per second to a chat, no burst. The
    // clock is frozen, so the flooder's bucket does not refill during the test.
    harness = await startHarness({
      emulator: { rateLimits: { perChat: { perSecond: 1, burst: 1 } } },
      settings: { rateLimit: { commands: 5, windowMs: 10_000 } },
    });
    const { emulator } = harness;
    const flood = Array.from({ length: 40 }, () => emulator.sendCommand(FLOODER, '/summary syria'));
    // The bot has taken the whole flood before the other user writes.
    await emulator.waitFor(() => emulator.deliveryCount(flood.at(-1)!.update_id) > 0);
    emulator.sendCommand(OTHER, '/help');
    const [help] = await emulator.waitForBotMessages(OTHER, 1, 30_000);
    expect(help!.text).toMatch(/What I can do/);
    await emulator.waitForBotMessages(FLOODER, 6, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    const texts = emulator.botMessages(FLOODER).map((m) => m.text ?? '');
    expect(texts).toHaveLength(6);
    expect(texts.filter((t) => /Putin/.test(t))).toHaveLength(5);
    expect(texts.filter((t) => /^One moment, please/.test(t))).toHaveLength(1);
    // Order of the messages Telegram accepted: the other user's reply went out while the
    // flooder's replies were still waiting for their chat's turn (each takes a second).
    const sends = emulator.requests.filter((r) => r.method === 'sendMessage' && r.ok).map((r) => r.chatId);
    const flooderBeforeHelp = sends.slice(0, sends.indexOf(OTHER)).filter((c) => c === FLOODER).length;
    expect(flooderBeforeHelp).toBeLessThan(6);
    expect(sends.filter((c) => c === FLOODER)).toHaveLength(6);
  });
});
