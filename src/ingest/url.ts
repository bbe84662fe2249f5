// URL normalisation for deduplication: the same article reached through tracking links
// or cosmetic URL differences gets one canonical form.

import { hasHttpScheme } from '../util/url.ts';

const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|_gl|ref|ref_src|cmpid|ito|at_medium|at_campaign|ocid|smid|partner|cid)$/i;

/** Canonical form of an article URL, or null when the input is not an http(s) URL. */
export function canonicalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (!hasHttpScheme(url)) return null;
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  // http and https copies of one page are one article.
  url.protocol = 'https:';
  url.port = '';
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAMS.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}
