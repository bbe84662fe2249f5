// The application services the front ends (bot, CLI, delivery) call: the one place where a
// request becomes a digest, an answer or a change to the sources, with the same defaults everywhere.
import type { FetchOptions } from '../ingest/http.ts';
import type { Summarizer } from '../llm/summarizer.ts';
import type { Store } from '../store/index.ts';
import { AnswerService } from './answers.ts';
import { DigestService, type DigestDefaults } from './digests.ts';
import { SourceService } from './sources.ts';
import { SubscriptionService, type SubscriberDefaults } from './subscriptions.ts';

export { AnswerService, QUESTION_WINDOW_DAYS, type QuestionRequest } from './answers.ts';
export { MAX_SOURCE_NAME, SourceError, SourceService, type AddSourceRequest, type AddedSource } from './sources.ts';
export { DIGEST_DEFAULTS, DigestService, dailyDigestSettings, type DailyDigestDefaults, type DigestDefaults, type DigestRequest } from './digests.ts';
export { STORIES_PER_DIGEST_CHOICES, SubscriptionService, type ChatIdentity, type FollowResult, type SubscriberDefaults } from './subscriptions.ts';

export interface AppServices {
  digests: DigestService;
  answers: AnswerService;
  subscriptions: SubscriptionService;
  sources: SourceService;
}

/** A new chat's settings until it changes them (the bot's DEFAULT_DIGEST_TIME and DEFAULT_TIMEZONE). */
const FALLBACK_SUBSCRIBER_DEFAULTS: SubscriberDefaults = { digestTime: '08:00', timezone: 'UTC' };

export interface ServiceDeps {
  store: Store;
  summarizer: Summarizer;
  now?: () => Date;
  digestDefaults?: Partial<DigestDefaults>;
  /** The configured daily digest count (DIGEST_MAX_STORIES), if any. */
  dailyDigest?: { maxStories?: number };
  subscriberDefaults?: SubscriberDefaults;
  /** How a new source is fetched to check it; without it, default requests to public addresses only. */
  sourceChecks?: { fetchOptions: FetchOptions; allowPrivate: boolean };
}

export function createServices(deps: ServiceDeps): AppServices {
  const now = deps.now ?? (() => new Date());
  return {
    digests: new DigestService({ store: deps.store, summarizer: deps.summarizer, now, ...(deps.digestDefaults ? { defaults: deps.digestDefaults } : {}), ...(deps.dailyDigest ? { daily: deps.dailyDigest } : {}) }),
    answers: new AnswerService({ store: deps.store, summarizer: deps.summarizer, now }),
    subscriptions: new SubscriptionService({ store: deps.store, now, defaults: deps.subscriberDefaults ?? FALLBACK_SUBSCRIBER_DEFAULTS }),
    sources: new SourceService({ store: deps.store, ...(deps.sourceChecks ?? { fetchOptions: {}, allowPrivate: false }) }),
  };
}
