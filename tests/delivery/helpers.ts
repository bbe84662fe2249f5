// Shared set-up for delivery tests: a store with news, subscribers, an emulator, a logger that records.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Logger } from '../../src/log.ts';
import type { ArticleDraft } from '../../src/model.ts';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import type { Store } from '../../src/store/index.ts';
import type { DeliverySettings } from '../../src/delivery/index.ts';

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'nd-delivery-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const TOPICS = ['Syria', 'election', 'markets', 'climate', 'football'];

/** n articles over the hour before `now`, spread over the topics and four outlets. */
export async function seedArticles(store: Store, now: Date, n = 40, options: { prefix?: string; ingestedAt?: Date } = {}): Promise<void> {
  const prefix = options.prefix ?? 'a';
  for (let i = 0; i < n; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const at = options.ingestedAt ?? new Date(now.getTime() - (i + 1) * 60_000);
    const draft: ArticleDraft = {
      title: `${topic} update ${prefix}${i}: officials respond to events`,
      text: `The ${topic} news of the day, item ${prefix}${i}. Officials said a new development in ${topic} was under review on ${i % 7} fronts. "We are watching this closely and will act," said Jane Doe, a spokeswoman. Analysts expect more on ${topic} soon, report ${prefix}${i * 13}.`,
      url: `https://news${i % 4}.example.org/${prefix}/${i}`,
      outlet: `Outlet ${i % 4}`,
      published: at.toISOString(),
    };
    await store.articles.insert(draft, { analysis: analyseArticle(draft), ingestedAt: at });
  }
}

export interface SubscriberSpec {
  chatId: number;
  digestTime?: string;
  timezone?: string;
  topics?: string[];
}

export async function addSubscribers(store: Store, specs: SubscriberSpec[], createdAt = new Date('2026-01-01T00:00:00Z')): Promise<void> {
  for (const s of specs) {
    await store.subscribers.subscribe({ chatId: s.chatId, digestTime: s.digestTime ?? '08:00', timezone: s.timezone ?? 'UTC' }, createdAt);
    for (const t of s.topics ?? []) await store.subscribers.follow(s.chatId, t, createdAt);
  }
}

/** n subscribers, chat ids from `first`, a third with no topics (top stories), the rest with one or two. */
export function manySubscribers(n: number, first = 100_001): SubscriberSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    chatId: first + i,
    topics: i % 3 === 0 ? [] : i % 3 === 1 ? [TOPICS[i % TOPICS.length]!] : [TOPICS[i % TOPICS.length]!, TOPICS[(i + 2) % TOPICS.length]!],
  }));
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger that keeps its lines for assertions. */
export function memoryLogger(level = 'info'): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = pino(
    { level },
    {
      write(chunk: string) {
        lines.push(JSON.parse(chunk) as LogLine);
      },
    },
  );
  return { log, lines };
}

export function settings(overrides: Partial<DeliverySettings> = {}): DeliverySettings {
  return {
    ratePerSecond: 1000,
    maxInFlight: 16,
    perChatIntervalMs: 1000,
    maxAttempts: 5,
    retryBaseMs: 50,
    requestTimeoutMs: 2000,
    leaseMs: 5000,
    maxStories: 3,
    ...overrides,
  };
}
