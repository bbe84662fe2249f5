// The application services the front ends (bot, CLI, delivery) call: the one place where a
// request becomes a digest, an answer or a change to the sources, with the same defaults everywhere.
import type { FetchOptions } from '../ingest/http.ts';
import type { Summarizer } from '../llm/summarizer.ts';
import type { Store } from '../store/index.ts';
import { AnswerService } from './answers.ts';
import { DigestService, type DigestDefaults } from './digests.ts';
import { SourceService } from './sources.ts';

export { AnswerService, QUESTION_WINDOW_DAYS, type QuestionRequest } from './answers.ts';
export { MAX_SOURCE_NAME, SourceError, SourceService, type AddSourceRequest, type AddedSource } from './sources.ts';
export { DIGEST_DEFAULTS, DigestService, dailyDigestSettings, type DailyDigestDefaults, type DigestDefaults, type DigestRequest } from './digests.ts';

export interface AppServices {
  digests: DigestService;
  answers: AnswerService;
  sources: SourceService;
}

export interface ServiceDeps {
  store: Store;
  summarizer: Summarizer;
  now?: () => Date;
  digestDefaults?: Partial<DigestDefaults>;
  /** How a new source is fetched to check it; without it, default requests to public addresses only. */
  sourceChecks?: { fetchOptions: FetchOptions; allowPrivate: boolean };
}

export function createServices(deps: ServiceDeps): AppServices {
  const now = deps.now ?? (() => new Date());
  return {
    digests: new DigestService({ store: deps.store, summarizer: deps.summarizer, now, ...(deps.digestDefaults ? { defaults: deps.digestDefaults } : {}) }),
    answers: new AnswerService({ store: deps.store, summarizer: deps.summarizer, now }),
    sources: new SourceService({ store: deps.store, ...(deps.sourceChecks ?? { fetchOptions: {}, allowPrivate: false }) }),
  };
}
