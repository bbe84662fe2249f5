// The configured default sources (sources.json) and OPML import. Errors name the file and
// the entry at fault, so a typo in sources.json is fixed in one look.
import { readFileSync } from 'node:fs';
import { parseOpml as parseOpmlDocument } from 'feedsmith';
import { z } from 'zod';
import type { SourceInput } from './store/index.ts';
import { isHttpUrl } from './util/url.ts';

export class SourcesFileError extends Error {
  override readonly name = 'SourcesFileError';
}

const httpUrl = z
  .string()
  .trim()
  .refine(isHttpUrl, 'expected an absolute http(s) URL such as https://example.org/rss.xml');

export const SourceEntrySchema = z.strictObject({
  name: z.string().trim().min(1, 'expected a non-empty name'),
  url: httpUrl,
  kind: z.enum(['feed', 'page']).optional(),
  /** BCP 47 language tag of the source's articles, e.g. "en" or "pt-BR". */
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "en" or "pt-BR"')
    .optional(),
  enabled: z.boolean().optional(),
});

export const SourcesFileSchema = z.strictObject({
  sources: z.array(SourceEntrySchema),
});

export type SourcesFile = z.infer<typeof SourcesFileSchema>;

/** Validates the text of a sources file; `path` only names the file in errors. */
export function parseSourcesFile(text: string, path = 'sources.json'): SourceInput[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SourcesFileError(`${path}: invalid JSON: ${(err as Error).message}`);
  }
  const result = SourcesFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new SourcesFileError(`${path}: ${describeIssue(issue, json)}`);
  }
  const seen = new Map<string, number>();
  const sources: SourceInput[] = [];
  result.data.sources.forEach((entry, index) => {
    const earlier = seen.get(entry.url);
    if (earlier !== undefined) {
      throw new SourcesFileError(`${path}: sources[${index}] ("${entry.name}"): url ${entry.url} is already listed at sources[${earlier}]`);
    }
    seen.set(entry.url, index);
    const input: SourceInput = { name: entry.name, url: entry.url, kind: entry.kind ?? 'feed' };
    if (entry.language) input.language = entry.language;
    if (entry.enabled !== undefined) input.enabled = entry.enabled;
    sources.push(input);
  });
  return sources;
}

/** Reads and validates a sources file. Throws SourcesFileError naming the file and entry. */
export function loadSourcesFile(path: string): SourceInput[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SourcesFileError(code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot read (${code ?? (err as Error).message})`);
  }
  return parseSourcesFile(text, path);
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const [top, index, field] = issue.path;
  if (top === 'sources' && typeof index === 'number') {
    const entry = (json as { sources: unknown[] }).sources[index];
    const name = entry && typeof entry === 'object' && typeof (entry as { name?: unknown }).name === 'string' ? ` ("${(entry as { name: string }).name}")` : '';
    const where = `sources[${index}]${name}`;
    if (issue.code === 'unrecognized_keys') return `${where}: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed: name, url, kind, language, enabled)`;
    if (field === undefined) return `${where}: expected an object with "name" and "url"`;
    return `${where}: ${String(field)}: ${issue.message}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown top-level field ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected { "sources": [...] })`;
  if (top === undefined || top === 'sources') return `expected { "sources": [ { "name": ..., "url": ... } ] }: ${issue.message}`;
  return issue.message;
}

/**
 * Feeds listed in an OPML file (every outline with an xmlUrl, at any depth), de-duplicated.
 * Outlines whose xmlUrl is not http(s) are skipped. Throws on a file that is not OPML.
 */
export function parseOpml(xml: string): SourceInput[] {
  let doc: ReturnType<typeof parseOpmlDocument>;
  try {
    doc = parseOpmlDocument(xml.replace(/^\uFEFF/, ''));
  } catch {
    throw new SourcesFileError('not an OPML file (expected <opml> with <body> and <outline xmlUrl="..."> elements)');
  }
  type Outline = { text?: string; title?: string; xmlUrl?: string; language?: string; outlines?: Outline[] };
  const sources: SourceInput[] = [];
  const seen = new Set<string>();
  const visit = (outlines: Outline[] | undefined) => {
    for (const o of outlines ?? []) {
      const url = o.xmlUrl?.trim();
      if (url && httpUrl.safeParse(url).success && !seen.has(url)) {
        seen.add(url);
        const input: SourceInput = { name: (o.title ?? o.text ?? '').trim() || new URL(url).hostname, url, kind: 'feed' };
        if (o.language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(o.language.trim())) input.language = o.language.trim();
        sources.push(input);
      }
      visit(o.outlines);
    }
  };
  visit(doc.body?.outlines as Outline[] | undefined);
  return sources;
}
