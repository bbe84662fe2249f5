import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { documentToDrafts } from '../../src/ingest/document.ts';
import { documentFromJsonlLine, numberedLines } from '../../src/ingest/jsonl.ts';

const BODY = [
  'Harbour workers in Valmora walked out on Tuesday over a new shift system, halting cargo traffic at the port.',
  '"We were never asked," said union leader Marta Ilves, who called the plan unworkable for families.',
  'The port authority said talks would resume on Thursday and that perishable goods would be moved first.',
].join('\n\n');

function drafts(line: object | string) {
  const document = documentFromJsonlLine(typeof line === 'string' ? line : JSON.stringify(line), 'news.jsonl:1');
  if (document.error !== undefined) throw new Error(document.error);
  return documentToDrafts(document.body, document.hint);
}

function errorOf(line: object | string): string | undefined {
  return documentFromJsonlLine(typeof line === 'string' ? line : JSON.stringify(line), 'news.jsonl:1').error;
}

describe('documentFromJsonlLine', () => {
  it('reads a text line through the raw-text path, with the given title, time, outlet, language and URL', () => {
    const [draft] = drafts({
      url: 'https://valmora-post.example/port-strike',
      title: 'Port strike halts cargo in Valmora',
      published: '2026-03-03T09:30:00+01:00',
      outlet: 'Valmora Post',
      language: 'en_GB',
      text: BODY,
    });
    expect(draft).toMatchObject({
      url: 'https://valmora-post.example/port-strike',
      title: 'Port strike halts cargo in Valmora',
      published: '2026-03-03T08:30:00.000Z',
      outlet: 'Valmora Post',
      language: 'en-GB',
    });
    expect(draft!.text.startsWith('Harbour workers in Valmora walked out')).toBe(true);
  });

  it('drops the headline line of the text when it is the given title, and keeps a different first line as text', () => {
    const [same] = drafts({ title: 'Port strike halts cargo in Valmora', text: `Port strike halts cargo in Valmora\n\n${BODY}` });
    expect(same!.text.startsWith('Harbour workers')).toBe(true);
    const [kicker] = drafts({ title: 'Port strike halts cargo in Valmora', text: `Dockers say shift plan ignores families\n\n${BODY}` });
    expect(kicker!.title).toBe('Port strike halts cargo in Valmora');
    expect(kicker!.text.startsWith('Dockers say shift plan ignores families')).toBe(true);
  });

  it('reads an html line through the page path, the given fields winning over the page metadata', () => {
    const html = `<html><head><meta property="og:site_name" content="Page Site"><meta property="og:title" content="Page title"></head>
      <body><article><h1>Page title</h1>${BODY.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const [draft] = drafts({ html, outlet: 'Given Outlet', published: '2026-03-03' });
    expect(draft).toMatchObject({ title: 'Page title', outlet: 'Given Outlet', published: '2026-03-03T00:00:00.000Z' });
    expect(draft!.text).toContain('union leader Marta Ilves');
  });

  it('takes the text when a line has both text and html, and treats null as absent', () => {
    const [draft] = drafts({ title: 'T', text: BODY, html: '<p>other</p>', outlet: null, published: null });
    expect(draft!.text).toContain('Harbour workers');
    expect(draft!.outlet).toBeUndefined();
  });

  it('says what is wrong with a bad line', () => {
    expect(errorOf('{"title": ')).toMatch(/^not JSON/);
    expect(errorOf('[1, 2]')).toBe('not a JSON object');
    expect(errorOf({ title: 'No body' })).toBe('no "text" or "html" to read');
    expect(errorOf({ text: '   ' })).toBe('no "text" or "html" to read');
    expect(errorOf({ text: BODY, published: 'last week' })).toMatch(/^published: not a date/);
    expect(errorOf({ text: BODY, url: 'ftp://x.example/a' })).toBe('url: not an http(s) URL');
    expect(errorOf({ text: BODY, title: 42 })).toMatch(/^title: /);
    expect(errorOf({ text: BODY, language: 'English please' })).toMatch(/^language: not a language tag/);
  });
});

describe('numberedLines', () => {
  async function lines(chunks: string[], max = 100) {
    const out = [];
    for await (const line of numberedLines(Readable.from(chunks.map((c) => Buffer.from(c))), max)) out.push(line);
    return out;
  }

  it('numbers lines across chunk boundaries, LF and CRLF, keeping blank ones and a last line without a newline', async () => {
    expect(await lines(['{"a":', '1}\r\n\n{"b"', ':2}\n{"c":3}'])).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '' },
      { number: 3, text: '{"b":2}' },
      { number: 4, text: '{"c":3}' },
    ]);
  });

  it('reports a line over the limit as too long without holding it, and goes on with the next', async () => {
    expect(await lines(['short\n', 'x'.repeat(60), 'y'.repeat(60), '\nafter\n'], 100)).toEqual([
      { number: 1, text: 'short' },
      { number: 2, tooLong: true },
      { number: 3, text: 'after' },
    ]);
  });

  it('keeps a multi-byte character split between chunks whole', async () => {
    const bytes = Buffer.from('“Zoë”\n');
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 6), bytes.subarray(6)];
    const out = [];
    for await (const line of numberedLines(Readable.from(chunks), 100)) out.push(line);
    expect(out).toEqual([{ number: 1, text: '“Zoë”' }]);
  });
});
