// `ingest` through the CLI as a user runs it: JSON Lines files and standard input, the
// per-document options, and the exit codes of DESIGN.md §3 (0, 1, 2 and 3 = partial success).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, runCli } from './cli.ts';

const ARTICLES = fileURLToPath(new URL('../fixtures/articles.jsonl', import.meta.url));

let dir: string;
const db = (name: string) => join(dir, `${name}.db`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nd-e2e-ingest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('news-digest ingest', () => {
  it('stores every line of a .jsonl file, wire copies as near-duplicates, with exit code 0', async () => {
    const result = await runCli(['ingest', ARTICLES, '--db', db('file')]);
    expect(result.stdout).toMatch(/^new: 2, duplicate: 0, near-duplicate: 2, failed: 0$/m);
    expect(result.code).toBe(0);
    const search = JSON.parse((await runCli(['search', 'dockers', '--json', '--db', db('file')])).stdout) as { articles: { outlet: string; published?: string }[] };
    expect(search.articles.map((a) => a.outlet).sort()).toEqual(['AP', 'Reuters', 'Valmora Post']);
  }, 60_000);

  it('reads .ndjson and standard input with --format jsonl; bad lines are reported by number and the rest stored, exit code 3', async () => {
    const lines = readFileSync(ARTICLES, 'utf8').trimEnd().split('\n');
    const withBadLines = [lines[0], '{"title": "cut', lines[3], JSON.stringify({ title: 'No body', outlet: 'X' })].join('\n');
    const ndjson = join(dir, 'mixed.ndjson');
    writeFileSync(ndjson, withBadLines);

    const fromFile = await runCli(['ingest', ndjson, '--db', db('ndjson')]);
    expect(fromFile.code).toBe(3);
    expect(fromFile.stdout).toMatch(/^new: 2, duplicate: 0, near-duplicate: 0, failed: 2$/m);
    expect(fromFile.stdout).toContain(`failed: ${ndjson}:2: not JSON`);
    expect(fromFile.stdout).toContain(`failed: ${ndjson}:4: no "text" or "html" to read`);
    // Printed once, in the counts: not again as a log line.
    expect(fromFile.stderr).toBe('');

    const fromStdin = await runCli(['ingest', '-', '--format', 'jsonl', '--json', '--db', db('stdin')], {}, withBadLines);
    expect(fromStdin.code).toBe(3);
    const counts = JSON.parse(fromStdin.stdout) as { new: number; failed: { input: string }[] };
    expect(counts.new).toBe(2);
    expect(counts.failed.map((f) => f.input)).toEqual(['stdin:2', 'stdin:4']);
  }, 60_000);

  it('gives a single text file its --url, --outlet and --published', async () => {
    const args = ['ingest', SEED, '--url', 'https://www.rt.com/news/358263-putin-obama-syria/', '--outlet', 'RT', '--published', '2016-09-05T14:12Z'];
    const result = await runCli([...args, '--db', db('single')]);
    expect(result.code).toBe(0);
    const search = JSON.parse((await runCli(['search', 'syria', '--json', '--db', db('single')])).stdout) as { articles: object[] };
    expect(search.articles[0]).toMatchObject({ url: 'https://www.rt.com/news/358263-putin-obama-syria/', outlet: 'RT', published: '2016-09-05T14:12:00.000Z' });
  }, 60_000);

  it('shows a publication given as a day only as that day, with no made-up midnight', async () => {
    const database = db('day-only');
    expect((await runCli(['ingest', SEED, '--outlet', 'RT', '--published', '2016-09-05', '--db', database])).code).toBe(0);
    const search = await runCli(['search', 'syria', '--db', database]);
    expect(search.stdout).toMatch(/\(RT, 2016-09-05\)/);
    const summary = await runCli(['summary', 'syria', '--since', '2016-09-01', '--db', database]);
    expect(summary.stdout).toMatch(/^\s+- RT, 5 Sep 2016$/m);
    expect(summary.stdout).not.toContain('00:00');
  }, 60_000);

  it('refuses options that do not fit the inputs with exit code 2 and one line', async () => {
    const cases = [
      ['ingest', ARTICLES, '--outlet', 'RT'],
      ['ingest', SEED, SEED, '--url', 'https://rt.com/a'],
      ['ingest', SEED, '--published', 'soon'],
      ['ingest', SEED, '--url', 'rt.com/a'],
      ['ingest', '-', '--format', 'csv'],
    ];
    const results = await Promise.all(cases.map((args) => runCli([...args, '--db', db('usage')])));
    results.forEach((result, i) => {
      expect(result.code, cases[i]!.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), cases[i]!.join(' ')).toHaveLength(1);
    });
  }, 60_000);

  it('then summary names the outlet and date of every source, wire copies as "also", an ingest time as one', async () => {
    const database = db('summary');
    expect((await runCli(['ingest', ARTICLES, '--db', database])).code).toBe(0);
    const text = await runCli(['summary', '--since', '2026-03-01', '--db', database]);
    expect(text.code).toBe(0);
    const sourceLines = text.stdout.split('\n').filter((line) => /^\s+- /.test(line));
    expect(sourceLines).toHaveLength(2);
    expect(sourceLines).toContainEqual(expect.stringMatching(/^\s+- Valmora Post, 3 Mar( 2026)?, 11:20 UTC: https:\/\/www\.valmorapost\.example\/news\/port-strike \(also: AP, Reuters\)$/));
    // No outlet or time in its line: the outlet comes from the host, the date is the ingest time, said so.
    expect(sourceLines).toContainEqual(expect.stringMatching(/^\s+- lorn-gazette\.example, ingested \d+ \w{3}( \d{4})?, \d\d:\d\d UTC: https:\/\/www\.lorn-gazette\.example\/council-budget$/));
    expect(text.stdout).not.toMatch(/date unknown|unknown outlet/);

    const json = JSON.parse((await runCli(['summary', 'valmora', '--since', '2026-03-01', '--json', '--db', database])).stdout) as {
      stories: { title: string; summary: string[]; sources: { outlet: string; published: string; also?: { outlet: string }[] }[] }[];
    };
    expect(json.stories).toHaveLength(1);
    const [story] = json.stories;
    expect(story!.sources).toEqual([expect.objectContaining({ outlet: 'Valmora Post', published: '2026-03-03T11:20:00.000Z' })]);
    expect(story!.sources[0]!.also?.map((copy) => copy.outlet)).toEqual(['AP', 'Reuters']);
    for (const sentence of story!.summary) expect(sentence.toLowerCase()).not.toContain(story!.title.toLowerCase());

    // search shows the publication time, and an ingest time only as one.
    const search = await runCli(['search', 'dock', 'library', '--db', database]);
    expect(search.stdout).toMatch(/Dock strike halts cargo at Valmora port \(Valmora Post, 2026-03-03 11:20 UTC\)/);
    expect(search.stdout).toMatch(/Lorn council cuts library hours to fix water pipes \(lorn-gazette\.example, ingested \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
  }, 60_000);
});

