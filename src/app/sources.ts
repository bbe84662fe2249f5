// News sources (the bot's /sources, /addsource, /removesource; `news-digest sources`): one place
// that checks a would-be source before it is saved (a public address unless private ones are
// allowed, fetched once to learn its kind and name) and keeps the list, so the front ends parse
// and print, and neither reaches into the store for sources.
import { assertPublicUrl, type FetchOptions } from '../ingest/http.ts';
import { probeSource } from '../ingest/probe.ts';
import type { Source, SourceInput, SourceKind, Store } from '../store/index.ts';
import { truncateText } from '../util/text.ts';
import { isHttpUrl } from '../util/url.ts';

/** Longest source name stored: a feed title can be any length. */
export const MAX_SOURCE_NAME = 200;

/** A source that cannot be added; the message says why, for the reader. */
export class SourceError extends Error {}

export interface AddSourceRequest {
  /** Display name; default: the feed's title, else the host name. */
  name?: string;
  /** Default: what the check found, else a feed. */
  kind?: SourceKind;
  /** Fetch it once before saving (default): a typo does not become a source that fails forever. */
  check?: boolean;
}

export interface AddedSource {
  source: Source;
  /** What the check found wrong without refusing it (invalid UTF-8, replaced): `fetch` warns the same. */
  warnings: string[];
}

export class SourceService {
  constructor(private readonly deps: { store: Store; fetchOptions: FetchOptions; allowPrivate: boolean }) {}

  /** The sources in use (not removed), in the order they were added. */
  async list(): Promise<Source[]> {
    return await this.deps.store.sources.list();
  }

  /** Adds (or updates, or brings back) a source; throws SourceError with the reason when it cannot. */
  async add(url: string, request: AddSourceRequest = {}): Promise<AddedSource> {
    if (!isHttpUrl(url)) throw new SourceError(`not an http(s) URL: ${url}`);
    let { kind, name } = request;
    let warnings: string[] = [];
    if (request.check !== false) {
      try {
        await assertPublicUrl(url, this.deps.allowPrivate, this.deps.fetchOptions.network);
        const probed = await probeSource(url, { ...this.deps.fetchOptions, allowPrivate: this.deps.allowPrivate });
        kind ??= probed.kind;
        name ??= probed.title;
        warnings = probed.warnings;
      } catch (error) {
        throw new SourceError(error instanceof Error ? error.message : String(error));
      }
    }
    const source = await this.deps.store.sources.add({ url, name: truncateText(name ?? new URL(url).hostname, MAX_SOURCE_NAME), kind: kind ?? 'feed' });
    return { source, warnings };
  }

  /** Adds the sources not known yet (a removed one stays removed); how many were new. */
  async seed(inputs: SourceInput[]): Promise<number> {
    return await this.deps.store.sources.seed(inputs);
  }

  /** Removes a source by its number or URL; false when there is none. */
  async remove(idOrUrl: string): Promise<boolean> {
    return await this.deps.store.sources.remove(sourceKey(idOrUrl));
  }

  /** Stops or resumes fetching a source, by its number or URL; the source, or undefined when there is none. */
  async setEnabled(idOrUrl: string, enabled: boolean): Promise<Source | undefined> {
    return await this.deps.store.sources.setEnabled(sourceKey(idOrUrl), enabled);
  }
}

/** "3" names source 3; anything else is a URL. */
function sourceKey(idOrUrl: string): number | string {
  return /^\d+$/.test(idOrUrl) ? Number(idOrUrl) : idOrUrl;
}
