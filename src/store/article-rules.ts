// The engine-neutral rules of the article store: which stored GUID or URL claim makes an item a
// duplicate, how far ahead a published time may be, what of an analysis is stored, and how a
// search hit's score blends relevance with recency. Both engines (sqlite/, pg/) apply these.
import { createRequire } from 'node:module';
import type { Analysis } from '../model.ts';

// tldts (the public-suffix list) loads with the first cross-source claim, not with every command that opens the store.
const require = createRequire(import.meta.url);
let tldts: typeof import('tldts') | undefined;

/** The site (registrable domain, e.g. nytimes.com for rss.nytimes.com) of a URL-like string. */
function siteOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  tldts ??= require('tldts') as typeof import('tldts');
  return tldts.getDomain(url) ?? tldts.getHostname(url) ?? undefined;
}

export interface Incoming {
  sourceId: number | null;
  sourceUrl: string | null;
  itemUrl: string | undefined;
}

/** The item's source (or, ingested by hand, the item's own URL) is on the site the key names. */
export function isFirstParty(key: string, incoming: Incoming): boolean {
  const site = siteOf(key);
  return site !== undefined && site === siteOf(incoming.sourceUrl ?? incoming.itemUrl);
}

/**
 * Whether a stored article's GUID or URL makes a later item a duplicate. Keyed by source: a
 * feed may claim another outlet's URL or GUID first, and must not hide the real article. So
 * the claim counts when it comes from the same source, from the operator (no source), from
 * another feed of the same site, or when the key is the claiming source's own (first-party).
 * Any other claim dedups only with a text match (the text hash and near-duplicate checks).
 */
export function claimCounts(stored: { sourceId: number | null; sourceUrl: string | null }, key: string, incoming: Incoming): boolean {
  if (stored.sourceId === incoming.sourceId || stored.sourceId === null) return true;
  const storedSite = siteOf(stored.sourceUrl);
  if (storedSite === undefined) return true;
  if (storedSite === siteOf(incoming.sourceUrl ?? incoming.itemUrl)) return true;
  return siteOf(key) === storedSite;
}

/** A published time later than this past the ingest time is taken as a mistake (or a trick to stay on top). */
export const MAX_FUTURE_SKEW_MS = 15 * 60_000;

/** Published times are clamped to the ingest time plus a small skew: a 9999-12-31 date must not pin an article on top forever. */
export function clampPublished(published: string | undefined, ingestedAt: Date): string | undefined {
  if (published === undefined) return undefined;
  const latest = ingestedAt.getTime() + MAX_FUTURE_SKEW_MS;
  const time = Date.parse(published);
  return Number.isNaN(time) || time <= latest ? published : new Date(latest).toISOString();
}

/** The analysis as stored: without its sentences, which the text already holds (about a third of a row). */
export function storedAnalysis({ summary, quotes }: Analysis): Pick<Analysis, 'summary' | 'quotes'> {
  return { summary, quotes };
}

/** The analysis column's value: storedAnalysis as JSON. */
export function storedAnalysisJson(analysis: Analysis): string {
  return JSON.stringify(storedAnalysis(analysis));
}

/** A search match as an engine's index ranks it: higher relevance is better. */
export interface RankedMatch {
  id: number;
  relevance: number;
  /** Published, else ingested, ISO time. */
  at: string;
}

/**
 * Search hits best first: articles with every term above any with only some, and within each,
 * by score: relevance weighted by recency (halved every 3 days). The score is the relevance
 * alone, so that callers can compare hits by it (a story about the topic against one that
 * mentions it in passing).
 */
export function rankMatches(matches: RankedMatch[], withAll: ReadonlySet<number>, now: number, limit: number): { id: number; score: number; matchedAll: boolean }[] {
  const scored = matches.map((m) => {
    const ageDays = Math.max(0, (now - Date.parse(m.at)) / 86_400_000) || 0;
    return { id: m.id, score: m.relevance * (0.5 + 0.5 * 0.5 ** (ageDays / 3)), matchedAll: withAll.has(m.id) };
  });
  scored.sort((a, b) => Number(b.matchedAll) - Number(a.matchedAll) || b.score - a.score);
  return scored.slice(0, limit);
}
