// Checks a would-be source before it is saved: fetched once, a feed (with its title) or a page.
import { decodeBodyChecked } from './charset.ts';
import { detectDocumentKind } from './detect.ts';
import { parseFeed } from './feed.ts';
import { fetchUrl, type FetchOptions } from './http.ts';
import type { SourceKind } from '../store/index.ts';

export interface ProbedSource {
  kind: SourceKind;
  /** The feed's title, when it is a feed that has one. */
  title?: string;
  /** What was wrong but did not stop it (invalid UTF-8, replaced): `fetch` will warn the same. */
  warnings: string[];
}

/** Throws with a readable reason when the URL cannot be fetched or is a broken feed. */
export async function probeSource(url: string, options: FetchOptions): Promise<ProbedSource> {
  const response = await fetchUrl(url, options);
  const contentType = response.headers['content-type'] ?? null;
  const { text: body, warnings } = decodeBodyChecked(response.body, contentType);
  if (detectDocumentKind(body, { contentType }) !== 'feed') return { kind: 'page', warnings };
  const title = parseFeed(body, response.url).title;
  return title ? { kind: 'feed', title, warnings } : { kind: 'feed', warnings };
}
