// `news-digest summary syria` with an OpenAI-compatible server configured (the local stub):
// an LLM digest whose every quote is verbatim in the seed article.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiStub, type OpenAiStub } from '../support/openai-stub.ts';
import { SEED, runCli } from './cli.ts';

let dir: string;
let db: string;
let stub: OpenAiStub;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-llm-'));
  db = join(dir, 'news.db');
  stub = await startOpenAiStub();
  expect((await runCli(['ingest', SEED, '--db', db])).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('summary with an LLM configured', () => {
  it('shows the model\'s digest, with every quote verbatim in the article, and calls it once per article', async () => {
    const env = { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'sk-test-key-for-stub', OPENAI_MODEL: 'stub-model' };
    const result = await runCli(['summary', 'syria', '--since', '7d', '--json', '--db', db], env);
    expect(result.code).toBe(0);
    const digest = JSON.parse(result.stdout) as { stories: { summary: string[]; quotes: { text: string; speaker: string | null; verified: boolean }[] }[] };
    expect(stub.requests.length).toBeGreaterThan(0);
    const article = readFileSync(SEED, 'utf8');
    const story = digest.stories[0]!;
    expect(story.quotes.length).toBeGreaterThan(0);
    for (const quote of story.quotes) {
      expect(quote.verified).toBe(true);
      expect(article).toContain(quote.text);
    }
    const calls = stub.requests.length;
    // The same article is never sent twice: the second digest comes from the cache.
    await runCli(['summary', 'syria', '--since', '7d', '--json', '--db', db], env);
    expect(stub.requests.length).toBe(calls);
    expect(result.stderr).not.toContain('sk-test-key-for-stub');
  });

  it('falls back to the offline digest when the server fails, without an error', async () => {
    stub.mode = 'server-error';
    const fresh = join(dir, 'fresh.db');
    await runCli(['ingest', SEED, '--db', fresh]);
    const result = await runCli(['summary', 'syria', '--since', '7d', '--db', fresh], { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'sk-test', OPENAI_TIMEOUT_MS: '2000' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/— Vladimir Putin/);
    stub.mode = 'normal';
  }, 60_000);
});
