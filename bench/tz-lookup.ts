// The cost of a time zone from a shared location, through the bot's own path (src/bot/location.ts):
// loading @photostructure/tz-lookup on the first location, the first lookup, later lookups, and
// the memory it keeps. Run in a fresh process: `npx tsx bench/tz-lookup.ts`.
import { performance } from 'node:perf_hooks';
import { timezoneAt } from '../src/bot/location.ts';

const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const first = await timezoneAt(55.75, 37.62);
const firstMs = performance.now() - start;
const rssAfter = process.memoryUsage().rss;

// A fixed grid of points over the world (no randomness): land and sea.
const points: Array<[number, number]> = [];
for (let lat = -80; lat <= 80; lat += 4) for (let lon = -178; lon <= 178; lon += 6) points.push([lat, lon]);
const t0 = performance.now();
for (const [lat, lon] of points) await timezoneAt(lat, lon);
const perLookupUs = ((performance.now() - t0) * 1000) / points.length;

console.log(JSON.stringify({ first, firstLookupWithLoadMs: Math.round(firstMs * 10) / 10, rssGrowthMb: Math.round(((rssAfter - rssBefore) / 1e6) * 10) / 10, lookups: points.length, perLookupUs: Math.round(perLookupUs * 10) / 10 }));
