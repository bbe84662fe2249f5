// JSON Lines of articles (`.jsonl`, `.ndjson`, or standard input with --format jsonl): how
// scrapers and archives hand over articles. Each line is one article; it becomes one
// document (its text or HTML with the line's metadata as hints) that then takes the same
// path as a file: documentToDrafts, in a worker thread for large inputs. A bad line is
// reported with its line number and never stops the others.
import { z } from 'zod';
import { isHttpUrl } from '../util/url.ts';
import type { DocumentHint } from './document.ts';
import { toIsoUtc } from './page.ts';

/** A line as a scraper writes it. Unknown fields are ignored; null counts as absent. */
export const JsonlArticleSchema = z.object({
  url: z
    .string()
    .trim()
    .refine(isHttpUrl, 'not an http(s) URL')
    .nullish(),
  title: z.string().trim().max(1000).nullish(),
  published: z
    .string()
    .refine((value) => toIsoUtc(value) !== undefined, 'not a date (ISO 8601 or RFC 2822 expected)')
    .nullish(),
  outlet: z.string().trim().max(200).nullish(),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i, 'not a language tag (e.g. "en" or "en-GB")')
    .nullish(),
  // A scraper that gives both has usually cleaned the text already: the text is used.
  text: z.string().nullish(),
  html: z.string().nullish(),
});
export type JsonlArticle = z.infer<typeof JsonlArticleSchema>;

/** One line as a document ready for the pipeline, or why it cannot be one. */
export type JsonlDocument = { body: Uint8Array; hint: DocumentHint; error?: undefined } | { error: string };

const encoder = new TextEncoder();

/** A line of JSON Lines to a document with its hints; `name` says where it came from ("file.jsonl:12"). */
export function documentFromJsonlLine(line: string, name: string): JsonlDocument {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const parsed = JsonlArticleSchema.safeParse(value);
  if (!parsed.success) {
    return { error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ') };
  }
  const article = parsed.data;
  const content = article.text?.trim() ? { kind: 'text' as const, body: article.text } : article.html?.trim() ? { kind: 'html' as const, body: article.html } : null;
  if (!content) return { error: 'no "text" or "html" to read' };
  const hint: DocumentHint = { name, kind: content.kind, contentType: `text/${content.kind === 'html' ? 'html' : 'plain'}; charset=utf-8` };
  if (article.url) hint.url = article.url;
  const meta: NonNullable<DocumentHint['meta']> = {};
  if (article.title) meta.title = article.title;
  if (article.published) meta.published = toIsoUtc(article.published)!;
  if (article.outlet) meta.outlet = article.outlet;
  if (article.language) meta.language = article.language.replace('_', '-');
  if (Object.keys(meta).length) hint.meta = meta;
  return { body: encoder.encode(content.body), hint };
}

/** A line of input with its 1-based number; `tooLong` when it passed the size limit (its text is dropped). */
export type NumberedLine = { number: number; text: string; tooLong?: undefined } | { number: number; tooLong: true; text?: undefined };

/**
 * Splits a byte stream into lines (LF or CRLF), keeping count, without ever holding more
 * than `maxLineBytes` of one line: a longer line is reported as too long and skipped.
 * Hand-written because readline has no limit and split2 drops an over-long line silently,
 * which would lose the line number we must report.
 */
export async function* numberedLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<NumberedLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  const finish = (): NumberedLine => {
    number++;
    const line: NumberedLine = tooLong ? { number, tooLong: true } : { number, text: Buffer.concat(parts, size).toString('utf8').replace(/\r$/, '') };
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
      take(bytes.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    take(bytes.subarray(start));
  }
  if (size > 0 || tooLong) yield finish();

  function take(piece: Buffer): void {
    if (tooLong || piece.length === 0) return;
    if (size + piece.length > maxLineBytes) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    // A copy: the stream may reuse its chunk's memory.
    parts.push(Buffer.from(piece));
    size += piece.length;
  }
}

/** Whether a path names a JSON Lines file. */
export function isJsonlPath(path: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(path);
}
