// Outbox decisions: which subscribers are due, and their digest, rendered and recorded in the
// same transaction that decides it (before anything is sent). The unique (subscriber, local
// date) key makes a second decision for the same day impossible, whatever runs it.
import { composeDigest, type StoryCandidate } from '../digest/compose.ts';
import type { Digest } from '../model/digest.ts';
import type { StoredArticle } from '../model.ts';
import { followButtons, renderTelegram } from '../digest/render.ts';
import { english, isLanguage, translator, type Language, type Translator } from '../i18n/index.ts';
import { selectStories } from '../digest/select.ts';
import type { Logger } from '../log.ts';
import type { Store, StoreTx, Subscriber } from '../store/index.ts';
import type { DecisionInputs, DigestDecision, OutboxMessageInput } from '../store/index.ts';
import { dueToday, localDate } from './schedule.ts';
import { normaliseTimeOfDay } from '../util/time-of-day.ts';

export interface DecideOptions {
  now: Date;
  /** `deliver --now`: everyone is due now (their local date, due time = now). */
  everyoneDue?: boolean;
  /** Stories per daily digest, and the window of a first digest (the app's dailyDigestSettings). */
  maxStories: number;
  firstWindowHours: number;
  /** Subscribers decided per write transaction (the event loop breathes between chunks). */
  chunkSize?: number;
  /** Stop deciding (shutdown, or the lease is lost). */
  shouldStop?: () => boolean;
  log?: Logger;
  /** Improves a digest before it is recorded (the LLM, when configured); never throws. */
  improve?: (digest: Digest) => Promise<Digest>;
}

export interface DecideReport {
  /** Active subscribers looked at. */
  active: number;
  /** Due and without a digest for their local date when the run started. */
  due: number;
  /** Digests recorded with messages to send. */
  queued: number;
  /** Empty digests recorded as skipped-empty. */
  skippedEmpty: number;
  /** Already decided by someone else meanwhile. */
  alreadyDecided: number;
  /** CPU time (user+system, microseconds) of the decisions: building or reusing, rendering, recording. */
  buildCpuMicros: number;
  /** Distinct digests built (the others were shared by subscribers with the same request). */
  built: number;
}

export interface DueSubscriber {
  subscriber: Subscriber;
  localDate: string;
  dueAt: Date;
}

/** Active subscribers whose delivery time has passed today and who have no digest for their local date. */
export async function findDue(store: Store, now: Date, options: { everyoneDue?: boolean } = {}): Promise<{ active: number; due: DueSubscriber[] }> {
  const active = await store.subscribers.listActive();
  const candidates: DueSubscriber[] = [];
  let minDate: string | undefined;
  for (const subscriber of active) {
    let info: { localDate: string; dueAt: Date; due: boolean };
    try {
      info = options.everyoneDue ? { localDate: localDate(now, subscriber.timezone), dueAt: now, due: true } : dueToday(subscriber, now);
    } catch {
      // A bad stored time zone or time: use UTC rather than never delivering.
      info = options.everyoneDue
        ? { localDate: localDate(now, 'UTC'), dueAt: now, due: true }
        : dueToday({ digestTime: normaliseTimeOfDay(subscriber.digestTime) ?? '08:00', timezone: 'UTC' }, now);
    }
    if (!info.due) continue;
    candidates.push({ subscriber, localDate: info.localDate, dueAt: info.dueAt });
    if (!minDate || info.localDate < minDate) minDate = info.localDate;
  }
  if (!candidates.length) return { active: active.length, due: [] };
  const decided = await store.outbox.digestKeysSince(minDate!);
  return { active: active.length, due: candidates.filter((c) => !decided.has(`${c.subscriber.chatId}|${c.localDate}`)) };
}

export interface DigestCache {
  get(key: string): { digest: Digest; messages: OutboxMessageInput[] } | undefined;
  set(key: string, value: { digest: Digest; messages: OutboxMessageInput[] }): void;
}

/** A selected story as a run shares it between subscribers: its members by id. */
type SelectedStory = Omit<StoryCandidate, 'articles'> & { articleIds: number[] };

/** How far back "stories you already got" reaches: a story is never followed for longer. */
const DELIVERED_LOOKBACK_DAYS = 30;

/** What a subscriber's earlier digests say: when the last one cut the news off, and the articles they carried (lately). */
export interface DigestHistory {
  last: Date | null;
  got: Set<number>;
}

const deliveredSince = (now: Date) => new Date(now.getTime() - DELIVERED_LOOKBACK_DAYS * 86_400_000).toISOString();

async function digestHistory(store: StoreTx, chatId: number, last: Date | null, now: Date): Promise<DigestHistory> {
  return { last, got: last ? await store.stories.deliveredArticles(chatId, deliveredSince(now)) : new Set<number>() };
}

/**
 * What deciding a page of subscribers reads, at once where the engine can (PostgreSQL: a round
 * trip per subscriber would bound the decider), else subscriber by subscriber. A subscriber
 * decided already has no history.
 */
async function readPage(tx: StoreTx, page: DueSubscriber[], now: Date): Promise<Map<number, DecisionInputs & { history?: DigestHistory }>> {
  let inputs: Map<number, DecisionInputs>;
  if (tx.outbox.decisionInputs) inputs = await tx.outbox.decisionInputs(page.map((d) => ({ chatId: d.subscriber.chatId, localDate: d.localDate })));
  else {
    inputs = new Map();
    for (const { subscriber, localDate: date } of page) {
      const chatId = subscriber.chatId;
      const decided = await tx.outbox.hasDigest(chatId, date);
      inputs.set(chatId, decided ? { decided, topics: [], lastCutoff: null } : { decided, topics: await tx.subscribers.topics(chatId), lastCutoff: await tx.outbox.lastCutoff(chatId) });
    }
  }
  const open = [...inputs].filter(([, i]) => !i.decided);
  const returning = open.filter(([, i]) => i.lastCutoff).map(([chatId]) => chatId);
  const delivered = tx.stories.deliveredArticlesOf && returning.length ? await tx.stories.deliveredArticlesOf(returning, deliveredSince(now)) : undefined;
  for (const [chatId, input] of open) {
    const got = delivered?.get(chatId);
    Object.assign(input, { history: got ? { last: input.lastCutoff, got } : await digestHistory(tx, chatId, input.lastCutoff, now) });
  }
  return inputs;
}

/** Records a page's decisions and what their digests carry, at once where the engine can; the digest ids in order (null: decided by someone else meanwhile). */
async function recordPage(tx: StoreTx, decided: { decision: DigestDecision; digest: Digest }[], now: Date): Promise<(number | null)[]> {
  const decisions = decided.map((d) => d.decision);
  let ids: (number | null)[];
  if (tx.outbox.recordDecisions) ids = await tx.outbox.recordDecisions(decisions, now);
  else {
    ids = [];
    for (const decision of decisions) ids.push(await tx.outbox.recordDecision(decision, now));
  }
  // What each carries, story by story: the next digest shows these stories as updates.
  const carried = decided.flatMap(({ decision, digest }, i) => (ids[i] !== null && decision.messages.length ? [{ digestId: ids[i]!, stories: carriedStories(digest) }] : []));
  if (tx.stories.recordDigests) await tx.stories.recordDigests(carried);
  else for (const { digestId, stories } of carried) await tx.stories.recordDigest(digestId, stories);
  return ids;
}

/** Stories a digest carries, with the articles shown for each: recorded with the decision. */
export function carriedStories(digest: Digest): { storyId: number; articleIds: number[] }[] {
  return digest.stories
    .filter((s) => /^s\d+$/.test(s.id))
    // A source line stands for its article and the copies folded into it ("also: AP").
    .map((s) => ({ storyId: Number(s.id.slice(1)), articleIds: [...new Set(s.sources.flatMap((src) => [src.articleId, ...(src.also ?? []).map((copy) => copy.articleId)]))] }));
}

/**
 * The digest a due subscriber gets: the stories of their topics (or the top stories) with
 * news ingested since their last digest (first digest: the last 24 h). A story they got
 * before comes as an update: only what is new since. The selection depends only on (topics,
 * window, now) and is shared by subscribers with the same request within a run (`selections`);
 * the composed digest is shared too (`cache`) unless one of its stories is an update for them.
 */
export async function dailyDigest(
  store: StoreTx,
  chatId: number,
  topics: string[],
  now: Date,
  options: {
    maxStories: number;
    firstWindowHours: number;
    cache?: DigestCache;
    selections?: Map<string, SelectedStory[]>;
    language?: Language;
    /** The subscriber's history when read already (for a page of subscribers at once); else read here. */
    history?: DigestHistory;
  },
): Promise<{ digest: Digest; messages: OutboxMessageInput[]; ingestedAfter: Date; key: string }> {
  const { maxStories } = options;
  const { last, got } = options.history ?? (await digestHistory(store, chatId, await store.outbox.lastCutoff(chatId), now));
  const firstWindow = options.firstWindowHours * 3_600_000;
  const ingestedAfter = last ?? new Date(now.getTime() - firstWindow);
  // Published-time window: at least the last 24 h, and back to the last digest if that is older;
  // "new" is decided by the ingested time.
  const since = new Date(Math.min(ingestedAfter.getTime(), now.getTime() - firstWindow));
  const requestKey = JSON.stringify([[...topics].map((t) => t.trim().toLowerCase()).sort(), ingestedAfter.getTime(), since.getTime(), now.getTime(), maxStories]);
  let fresh: StoryCandidate[] | undefined;
  let selected = options.selections?.get(requestKey);
  if (!selected) {
    fresh = (await selectStories(store, { topics: topics.filter((t) => t.trim()), since, now, maxStories, ingestedAfter })).candidates;
    // Shared by the run as ids only: holding every selection's articles (text and analysis) for
    // thousands of subscribers would cost hundreds of megabytes.
    selected = fresh.map(({ articles, ...rest }) => ({ ...rest, articleIds: articles.map((a) => a.id) }));
    options.selections?.set(requestKey, selected);
  }
  // The articles of these stories this subscriber got in earlier digests.
  const delivered = selected.map((story) => story.articleIds.filter((id) => got.has(id)));
  const personal = delivered.flatMap((ids, i) => (ids.length ? [[i, ids] as const] : []));
  // The messages are in the subscriber's language: it is part of what subscribers share.
  const language = options.language ?? 'en';
  const key = `${personal.length ? `${requestKey}|${JSON.stringify(personal)}` : requestKey}|${language}`;
  const cached = options.cache?.get(key);
  if (cached) return { ...cached, ingestedAfter, key };
  const articles = fresh ? undefined : new Map((await store.articles.getMany(selected.flatMap((s) => s.articleIds))).map((a) => [a.id, a]));
  const candidates: StoryCandidate[] = selected.map(({ articleIds, ...rest }, i) => {
    const members = fresh ? fresh[i]!.articles : articleIds.map((id) => articles!.get(id)).filter((a): a is StoredArticle => a !== undefined);
    return { ...rest, articles: members, ...(delivered[i]!.length ? { delivered: new Set(delivered[i]) } : {}) };
  });
  const label = topics.filter((t) => t.trim()).join(', ') || null;
  const digest = composeDigest({ topic: label, since, now, candidates, storedTitles: true });
  const messages = toOutboxMessages(digest, translator(language), topics);
  options.cache?.set(key, { digest, messages });
  return { digest, messages, ingestedAfter, key };
}

/** A daily digest's messages in the reader's language, with Follow / Unfollow under each story for the topics they follow. */
export function toOutboxMessages(digest: Digest, tr: Translator = english, followed: readonly string[] = []): OutboxMessageInput[] {
  if (!digest.stories.length) return [];
  return renderTelegram(digest, { tr, extraButtons: followButtons(null, followed, tr) }).map((m) => ({
    html: m.html,
    keyboard: m.keyboard,
    stories: digest.stories.filter((s) => m.storyIds.includes(s.id)),
  }));
}

/**
 * The LLM is asynchronous and must not run inside the write transaction: the chunk's digests
 * are built and improved first, into the shared cache that the transaction then reads.
 */
async function improveChunk(
  store: Store,
  chunk: DueSubscriber[],
  now: Date,
  options: DecideOptions,
  cache: Map<string, { digest: Digest; messages: OutboxMessageInput[] }>,
  selections: Map<string, SelectedStory[]>,
  improved: Set<string>,
): Promise<void> {
  for (const { subscriber } of chunk) {
    const topics = await store.subscribers.topics(subscriber.chatId);
    const own = subscriberOptions(subscriber, options);
    const built = await dailyDigest(store, subscriber.chatId, topics, now, { ...options, ...own, cache, selections });
    if (improved.has(built.key) || !built.digest.stories.length) continue;
    improved.add(built.key);
    const digest = await options.improve!(built.digest);
    cache.set(built.key, { digest, messages: toOutboxMessages(digest, translator(own.language), topics) });
  }
}

/** A subscriber's own choices for their digest (/settings, /language, Telegram's language). */
function subscriberOptions(subscriber: Subscriber, options: DecideOptions): { maxStories: number; language: Language } {
  const language = isLanguage(subscriber.language) ? subscriber.language : isLanguage(subscriber.clientLanguage) ? subscriber.clientLanguage : 'en';
  // The reader's own count (/settings) wins over the run's (the app's default or DIGEST_MAX_STORIES).
  return { language, maxStories: subscriber.storiesPerDigest ?? options.maxStories };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Decides every due subscriber: one digest each, recorded in the outbox. */
export async function decideDue(store: Store, options: DecideOptions): Promise<DecideReport> {
  const { now } = options;
  const { active, due } = await findDue(store, now, { everyoneDue: options.everyoneDue ?? false });
  const report: DecideReport = { active, due: due.length, queued: 0, skippedEmpty: 0, alreadyDecided: 0, buildCpuMicros: 0, built: 0 };
  const chunkSize = options.chunkSize ?? 100;
  const cache = new Map<string, { digest: Digest; messages: OutboxMessageInput[] }>();
  const selections = new Map<string, SelectedStory[]>();
  const improved = new Set<string>();
  for (let start = 0; start < due.length; start += chunkSize) {
    if (options.shouldStop?.()) break;
    const chunk = due.slice(start, start + chunkSize);
    if (options.improve) await improveChunk(store, chunk, now, options, cache, selections, improved);
    // CPU of the whole decision (digest build or reuse, render, outbox insert), per chunk.
    const cpu = process.cpuUsage();
    await store.transaction(async (tx) => {
      // Inside the write transaction: on SQLite nobody else decides meanwhile; on PostgreSQL a
      // digest decided by another instance since this read makes recordDecisions skip it.
      const inputs = await readPage(tx, chunk, now);
      const decided: { decision: DigestDecision; digest: Digest }[] = [];
      for (const { subscriber, localDate: date, dueAt } of chunk) {
        const { decided: before, topics, history } = inputs.get(subscriber.chatId)!;
        if (before) {
          report.alreadyDecided++;
          continue;
        }
        const { digest, messages, ingestedAfter } = await dailyDigest(tx, subscriber.chatId, topics, now, {
          ...options,
          ...subscriberOptions(subscriber, options),
          cache,
          selections,
          history,
        });
        report.built = cache.size;
        decided.push({
          decision: { chatId: subscriber.chatId, localDate: date, dueAt, cutoffAt: now, ingestedAfter, topic: digest.topic, storyCount: digest.stories.length, messages },
          digest,
        });
      }
      await recordPage(tx, decided, now);
      for (const { decision } of decided) {
        if (decision.messages.length) report.queued++;
        else report.skippedEmpty++;
      }
    });
    const used = process.cpuUsage(cpu);
    report.buildCpuMicros += used.user + used.system;
    await yieldToEventLoop();
  }
  if (report.due) options.log?.info(report, 'daily digests decided');
  return report;
}
