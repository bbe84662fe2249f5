// The digest service: select stories from the store, compose the Digest.
import type { StoreTx } from '../store/index.ts';
import { composeDigest } from './compose.ts';
import type { Digest } from '../model/digest.ts';
import { english } from '../i18n/index.ts';
import { shortTime } from './render.ts';
import { selectStories, suggestTopics } from './select.ts';

export interface DigestRequest {
  /** A topic as the user typed it; null/empty for top stories. */
  topic?: string | null;
  /** A subscriber's topics (used when no single topic is given). */
  topics?: string[];
  since: Date;
  now: Date;
  maxStories?: number;
  ingestedAfter?: Date;
}

export async function buildDigest(store: StoreTx, request: DigestRequest): Promise<Digest> {
  const topic = request.topic?.trim() ? request.topic.trim() : null;
  const topics = topic ? [topic] : (request.topics ?? []).filter((t) => t.trim());
  const selection = await selectStories(store, {
    topics,
    since: request.since,
    now: request.now,
    ...(request.maxStories ? { maxStories: request.maxStories } : {}),
    ...(request.ingestedAfter ? { ingestedAfter: request.ingestedAfter } : {}),
  });
  const label = topic ?? (topics.length ? topics.join(', ') : null);
  const digest = composeDigest({ topic: label, since: request.since, now: request.now, candidates: selection.candidates });
  if (selection.outsideWindow && digest.stories.length) {
    // The header says these are the most recent stories (render.ts); the note says since when nothing is new.
    digest.note = english.t('digest.nothingNewSince', { date: shortTime(request.since.toISOString(), request.now) });
  }
  if (!digest.stories.length && !request.ingestedAfter) {
    const suggestions = await suggestTopics(store, request.now);
    if (suggestions.length) digest.suggestions = suggestions;
  }
  return digest;
}
