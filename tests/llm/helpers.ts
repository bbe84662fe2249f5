import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config } from '../../src/config.ts';
import { composeDigest } from '../../src/digest/compose.ts';
import type { Digest } from '../../src/model/digest.ts';
import { parseRawText } from '../../src/ingest/rawtext.ts';
import { createLogger } from '../../src/log.ts';
import type { ArticleDraft, StoredArticle } from '../../src/model.ts';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createLlmSummarizer, type LlmOptions, type LlmSummarizer } from '../../src/llm/index.ts';
import { startOpenAiStub, type OpenAiStub } from '../support/openai-stub.ts';

export const SEED_PATH = new URL('../fixtures/rt-2016-09-05-putin-obama-syria.txt', import.meta.url);
export const SEED_RAW = readFileSync(SEED_PATH, 'utf8');
export const SEED_TITLE = "Putin: Russia & US may reach agreement on Syria 'within next few days'";

/**
 * The seed article as ingestion produces it. Uses parseRawText; while that is unfinished
 * (no title, or the site's icon line still in the text) the draft is built by hand from the
 * fixture: line 1 is site chrome, then a dateline, the headline and the body.
 */
export function seedDraft(): ArticleDraft {
  let draft: ArticleDraft | undefined;
  try {
    draft = parseRawText(SEED_RAW, { url: 'https://www.rt.com/news/358306-putin-obama-syria-agreement/' });
  } catch {
    draft = undefined;
  }
  if (draft && draft.title === SEED_TITLE && !draft.text.startsWith('icon bookmark')) return { ...draft, outlet: draft.outlet ?? 'RT' };
  const lines = SEED_RAW.split('\n');
  const titleAt = lines.findIndex((l) => l.trim() === SEED_TITLE);
  return {
    url: 'https://www.rt.com/news/358306-putin-obama-syria-agreement/',
    outlet: 'RT',
    title: SEED_TITLE,
    published: '2016-09-05T11:12:00.000Z',
    text: lines.slice(titleAt + 1).join('\n').trim(),
  };
}

export async function storeArticle(store: Store, draft: ArticleDraft, ingestedAt = new Date('2016-09-05T12:00:00Z')): Promise<StoredArticle> {
  const result = await store.articles.insert(draft, { analysis: analyseArticle(draft), ingestedAt });
  return await (await store.articles.get(result.id))!;
}

/** A short made-up article with one attributed quote. */
export function otherDraft(n: number, extra = ''): ArticleDraft {
  return {
    title: `Harbour strike enters day ${n}`,
    outlet: 'Example News',
    text:
      `Dock workers in the port city stayed off the job for the ${n}th day on Tuesday, halting container traffic along the coast. ` +
      `Union leaders said the strike would continue until the operators improved their offer. ${extra}\n\n` +
      `"We are not going back until the company treats our members with respect, and that means a real raise," union chief Maria Lopez ${n} said on Tuesday.\n\n` +
      `The port operator said it remained open to talks and hoped for an agreement within days.`,
  };
}

export function digestOf(groups: StoredArticle[][], topic: string | null = 'syria'): Digest {
  return composeDigest({
    topic,
    since: new Date('2016-09-04T00:00:00Z'),
    now: new Date('2016-09-05T18:00:00Z'),
    candidates: groups.map((articles) => ({ articles })),
  });
}

export interface Harness {
  stub: OpenAiStub;
  store: Store;
  config: Config;
  logs: string[];
  llm: LlmSummarizer;
  dir: string;
  /** A second summarizer on the same store (e.g. after a restart). */
  another(options?: LlmOptions): LlmSummarizer;
  close(): Promise<void>;
}

export async function harness(env: Record<string, string> = {}, options: LlmOptions = {}): Promise<Harness> {
  const stub = await startOpenAiStub();
  const dir = mkdtempSync(join(tmpdir(), 'nd-llm-'));
  const store = await openStore(join(dir, 'test.db'));
  const config = parseConfig({ OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'sk-test-stub-key', OPENAI_MODEL: 'stub-model', OPENAI_TIMEOUT_MS: '10000', ...env });
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } });
  const defaults: LlmOptions = { backoffBaseMs: 10, ...options };
  const make = (o: LlmOptions = defaults) => createLlmSummarizer({ llm: config.llm, store, log }, o)!;
  const llm = make();
  const made = [llm];
  return {
    stub,
    store,
    config,
    logs,
    llm,
    dir,
    another: (o) => {
      const s = make({ ...defaults, ...o });
      made.push(s);
      return s;
    },
    close: async () => {
      for (const s of made) s.close();
      await stub.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collapses quote marks, whitespace and case, as the verifier does. */
export function loose(text: string): string {
  return text.replace(/[\u201C\u201D\u201E]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').toLowerCase();
}
