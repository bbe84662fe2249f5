// Digests on demand (/summary, /digest, `news-digest summary`), and the defaults of every digest,
// daily ones included: one place, so that every front end sends the same stories for the same request.
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

export interface DailyDigestDefaults {
  /** Most stories in one daily digest. */
  maxStories: number;
  /** How far back a subscriber's first daily digest looks (later ones start at the last one). */
  firstWindowHours: number;
}

/**
 * Every digest default, on demand and daily, in one place. A daily digest holds more: it is the
 * day's news for someone who asked for nothing in particular.
 */
export const DIGEST_DEFAULTS: { onDemand: DigestDefaults; daily: DailyDigestDefaults } = {
  onDemand: { maxStories: 6, windowHours: 24 },
  daily: { maxStories: 8, firstWindowHours: 24 },
};

/** The daily digest's settings: the defaults, with the configured count (DIGEST_MAX_STORIES) over them. */
export function dailyDigestSettings(configured: { maxStories?: number }): DailyDigestDefaults {
  return { ...DIGEST_DEFAULTS.daily, ...(configured.maxStories !== undefined ? { maxStories: configured.maxStories } : {}) };
}

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
  /** A reader's own digest (daily, and /digest now): its story count unless they chose one in /settings. */
  readonly daily: DailyDigestDefaults;

  constructor(private readonly deps: { store: Store; summarizer: Summarizer; now: () => Date; defaults?: Partial<DigestDefaults>; daily?: { maxStories?: number } }) {
    this.defaults = { ...DIGEST_DEFAULTS.onDemand, ...deps.defaults };
    this.daily = dailyDigestSettings(deps.daily ?? {});
  }

  /** The digest a reader asked for, improved by the LLM when one is configured. */
  async onDemand(request: DigestRequest = {}): Promise<Digest> {
    const now = this.deps.now();
    const since = request.since ?? new Date(now.getTime() - this.defaults.windowHours * 3_600_000);
    const built = await buildDigest(this.deps.store, {
      topic: request.topic ?? null,
      topics: request.topics ?? [],
      since,
      now,
      maxStories: request.maxStories ?? this.defaults.maxStories,
    });
    return this.deps.summarizer.improveDigest(built);
  }
}
