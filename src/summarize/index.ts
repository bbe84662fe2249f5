// The summarizer the CLI and the bot use: offline (extractive) by default, the LLM on top
// when one is configured. Every LLM fault falls back to the offline result inside the LLM path.
import type { Config } from '../config.ts';
import type { Digest } from '../digest/model.ts';
import type { Logger } from '../log.ts';
import type { StoredArticle } from '../model.ts';
import type { Answer } from '../qa/answer.ts';
import type { Store } from '../store/index.ts';
import { createLlmSummarizer } from './llm/index.ts';

export interface Summarizer {
  /** 'offline' or the LLM model name, for logs and /stats. */
  readonly name: string;
  improveDigest(digest: Digest): Promise<Digest>;
  improveAnswer(question: string, articles: StoredArticle[], offline: Answer): Promise<Answer>;
  close(): void;
}

export const offlineSummarizer: Summarizer = {
  name: 'offline',
  improveDigest: async (digest) => digest,
  improveAnswer: async (_question, _articles, offline) => offline,
  close: () => undefined,
};

export function createSummarizer(deps: { config: Config; store: Store; log: Logger }): Summarizer {
  const llm = createLlmSummarizer(deps);
  if (!llm) return offlineSummarizer;
  return {
    name: deps.config.OPENAI_MODEL,
    async improveDigest(digest) {
      const improved = await llm.enhanceDigest(digest);
      const headline = await llm.digestHeadline(improved);
      return headline ? { ...improved, headline } : improved;
    },
    improveAnswer: (question, articles, offline) => llm.enhanceAnswer(question, articles, offline),
    close: () => llm.close(),
  };
}
