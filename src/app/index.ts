// The application services the front ends (bot, CLI, delivery) call: the one place where a
// request becomes a digest or an answer, with the same defaults everywhere.
import type { Summarizer } from '../llm/summarizer.ts';
import type { Store } from '../store/index.ts';
import { AnswerService } from './answers.ts';
import { DigestService, type DigestDefaults } from './digests.ts';

export { AnswerService, QUESTION_WINDOW_DAYS, type QuestionRequest } from './answers.ts';
export { DIGEST_DEFAULTS, DigestService, dailyDigestSettings, type DailyDigestDefaults, type DigestDefaults, type DigestRequest } from './digests.ts';

export interface AppServices {
  digests: DigestService;
  answers: AnswerService;
}

export function createServices(deps: { store: Store; summarizer: Summarizer; now?: () => Date; digestDefaults?: Partial<DigestDefaults> }): AppServices {
  const now = deps.now ?? (() => new Date());
  return {
    digests: new DigestService({ store: deps.store, summarizer: deps.summarizer, now, ...(deps.digestDefaults ? { defaults: deps.digestDefaults } : {}) }),
    answers: new AnswerService({ store: deps.store, summarizer: deps.summarizer, now }),
  };
}
