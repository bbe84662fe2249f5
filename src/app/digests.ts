// Digests on demand (/summary, /digest, `news-digest summary`): one place for the defaults, so
// that every front end sends the same stories for the same request.
import { buildDigest } from '../digest/index.ts';
import type { Summarizer } from '../llm/summarizer.ts';
import type { Digest } from '../model/digest.ts';
import type { Store } from '../store/index.ts';

export interface DigestDefaults {
  /** Most stories in one on-demand digest. */
  maxStories: number;
  /** How far back an on-demand digest looks when no window is given. */
  windowHours: number;
}

export const DIGEST_DEFAULTS: DigestDefaults = { maxStories: 6, windowHours: 24 };

export interface DigestRequest {
  /** A topic ("syria"); none for the top stories. */
  topic?: string | null;
  /** Several topics at once (a subscriber's followed topics). */
  topics?: string[];
  /** Start of the window; the default window ends at `now`. */
  since?: Date;
  /** The reader's stories per digest (/settings); the default otherwise. */
  maxStories?: number | null;
}

export class DigestService {
  readonly defaults: DigestDefaults;

  constructor(private readonly deps: { store: Store; summarizer: Summarizer; now: () => Date; defaults?: Partial<DigestDefaults> }) {
    this.defaults = { ...DIGEST_DEFAULTS, ...deps.defaults };
  }

  /** The digest a reader asked for, improved by the LLM when one is configured. */
  async onDemand(request: DigestRequest = {}): Promise<Digest> {
    const now = this.deps.now();
    const since = request.since ?? new Date(now.getTime() - this.defaults.windowHours * 3_600_000);
    const built = buildDigest(this.deps.store, {
      topic: request.topic ?? null,
      topics: request.topics ?? [],
      since,
      now,
      maxStories: request.maxStories ?? this.defaults.maxStories,
    });
    return this.deps.summarizer.improveDigest(built);
  }
}
