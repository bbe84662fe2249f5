// A shared location's time zone, offline: @photostructure/tz-lookup (CC0, one 73 KB file with its
// own coarse world map, no dependencies; the maintained fork of tz-lookup, last release 2026-09).
// Chosen over geo-tz, whose exact borders come from boundary data files it reads from disk:
// a digest's delivery hour needs the zone, not the street. Loaded on the first location, so a bot
// nobody shares a location with never pays for it (figures: docs/benchmarks.md).
import { normaliseTimezone } from './settings.ts';

type Lookup = (latitude: number, longitude: number) => string;

let lookup: Promise<Lookup> | undefined;

/** The IANA zone at a point, as the bot stores zones; null off the map or for an invalid point. */
export async function timezoneAt(latitude: number, longitude: number): Promise<string | null> {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  lookup ??= import('@photostructure/tz-lookup').then((module) => module.default as Lookup);
  try {
    return normaliseTimezone((await lookup)(latitude, longitude));
  } catch {
    return null;
  }
}
