// The summarizer the CLI and the bot use: offline (extractive) by default, the LLM on top
// when one is configured. Every LLM fault falls back to the offline result inside the LLM path.
import type { LlmConfig } from '../config.ts';
import type { Digest } from '../model/digest.ts';
import type { Logger } from '../log.ts';
import type { StoredArticle } from '../model.ts';
import type { Answer, AnswerPassage } from '../model/answer.ts';
import type { Store } from '../store/index.ts';
import { loadPrompts } from './prompts.ts';
import type { Metrics } from '../util/metrics.ts';

export interface Summarizer {
  /** 'offline' or the LLM model name, for logs and /stats. */
  readonly name: string;
  improveDigest(digest: Digest): Promise<Digest>;
  /** The answer from the passages the offline ranking found (`articles` holds their articles, to check quotes). */
  improveAnswer(question: string, passages: AnswerPassage[], articles: StoredArticle[], offline: Answer): Promise<Answer>;
  close(): void;
}

export const offlineSummarizer: Summarizer = {
  name: 'offline',
  improveDigest: async (digest) => digest,
  improveAnswer: async (_question, _passages, _articles, offline) => offline,
  close: () => undefined,
};

/** Whether an LLM is configured (an API key, or a base URL for a local server). */
export function llmConfigured(llm: LlmConfig): boolean {
  return Boolean(llm.apiKey || llm.baseUrl);
}

export function createSummarizer(deps: { llm: LlmConfig; store: Store; log: Logger; metrics?: Pick<Metrics, 'llmTokens' | 'llmFailure'> }): Summarizer {
  if (!llmConfigured(deps.llm)) return offlineSummarizer;
  // Prompts are read now, so a broken prompts/ folder still fails at start.
  const prompts = loadPrompts();
  // openai, js-tiktoken and the LLM modules load only when an LLM is configured (8 MB of idle RSS).
  const loading = import('./index.ts').then((m) => m.createLlmSummarizer(deps, { prompts })!);
  loading.catch(() => undefined); // reported by the first call that awaits it
  return {
    name: deps.llm.model,
    async improveDigest(digest) {
      const llm = await loading;
      const improved = await llm.enhanceDigest(digest);
      const headline = await llm.digestHeadline(improved);
      return headline ? { ...improved, headline } : improved;
    },
    improveAnswer: async (question, passages, articles, offline) => (await loading).enhanceAnswer(question, passages, articles, offline),
    close: () => void loading.then((llm) => llm.close(), () => undefined),
  };
}
