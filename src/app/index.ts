// The application services the front ends (bot, CLI, delivery) call: the one place where a
// request becomes a digest or an answer, with the same defaults everywhere.
import type { Summarizer } from '../llm/summarizer.ts';
import type { Store } from '../store/index.ts';
import { AnswerService } from './answers.ts';
import { DigestService, type DigestDefaults } from './digests.ts';
import { SubscriptionService, type SubscriberDefaults } from './subscriptions.ts';

export { AnswerService, QUESTION_WINDOW_DAYS, type QuestionRequest } from './answers.ts';
export { DIGEST_DEFAULTS, DigestService, type DigestDefaults, type DigestRequest } from './digests.ts';
export { STORIES_PER_DIGEST_CHOICES, SubscriptionService, type ChatIdentity, type FollowResult, type SubscriberDefaults } from './subscriptions.ts';

export interface AppServices {
  digests: DigestService;
  answers: AnswerService;
  subscriptions: SubscriptionService;
}

/** A new chat's settings until it changes them (the bot's DEFAULT_DIGEST_TIME and DEFAULT_TIMEZONE). */
const FALLBACK_SUBSCRIBER_DEFAULTS: SubscriberDefaults = { digestTime: '08:00', timezone: 'UTC' };

export function createServices(deps: {
  store: Store;
  summarizer: Summarizer;
  now?: () => Date;
  digestDefaults?: Partial<DigestDefaults>;
  subscriberDefaults?: SubscriberDefaults;
}): AppServices {
  const now = deps.now ?? (() => new Date());
  return {
    digests: new DigestService({ store: deps.store, summarizer: deps.summarizer, now, ...(deps.digestDefaults ? { defaults: deps.digestDefaults } : {}) }),
    answers: new AnswerService({ store: deps.store, summarizer: deps.summarizer, now }),
    subscriptions: new SubscriptionService({ store: deps.store, now, defaults: deps.subscriberDefaults ?? FALLBACK_SUBSCRIBER_DEFAULTS }),
  };
}
