// The outlet of an article: the name a reader knows the site by ("RT", "The Guardian"),
// from what the site declares (og:site_name, the feed's title, a configured source name, a
// JSON Lines "outlet") or, without that, from the host of its URL. Pure.
import { parse } from 'tldts';

/** Longer names are cut (at a word) so that a source line stays one line. */
export const MAX_OUTLET_LENGTH = 60;

/** " - ", " | ", " — ", ": " and the like between a site's name and a slogan or section. */
const SEPARATOR = /\s+[|\-–—·•»/]\s+|\s*[|·•»]\s*|:\s+/;
const URL_LIKE = /^(?:https?:\/\/|www\.)/i;
/** "rt.com", "Nytimes.com", "news.bbc.co.uk": a name that is a host. */
const HOST_LIKE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
/** "@politifact": a social-media handle, not a name. */
const HANDLE = /^@[\w.]+$/;
/** Host labels this short are initials ("rt" -> "RT", "bbc" -> "BBC"). */
const MAX_INITIALS = 4;

/**
 * The outlet's name, never an empty string: the declared name without a slogan or section
 * ("RT - Daily news" -> "RT"; "Politics | The Guardian" -> "The Guardian" on theguardian.com),
 * else a name from the URL's host ("https://www.rt.com/news/..." -> "RT", else the site's
 * domain, "nytimes.com"); undefined when there is neither.
 */
export function outletName(declared: string | null | undefined, url?: string | null): string | undefined {
  // Control and format characters (zero-width, direction marks) never belong in a name.
  const name = (declared ?? '').replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (URL_LIKE.test(name) || HOST_LIKE.test(name)) return hostOutlet(name) ?? hostOutlet(url);
  // "@politifact" is a handle, and "Hosted" on hosted.ap.org names the subdomain: the host says more.
  if (HANDLE.test(name) || isSubdomainLabel(name, url)) return hostOutlet(url) ?? capLength(name);
  const chosen = name ? siteNamePart(name, url) : '';
  return chosen ? capLength(chosen) : hostOutlet(url);
}

/** Of "Name - slogan" parts, the one that matches the host, else the first; a part that is a host ("JPost.com") only when no other is left. */
function siteNamePart(name: string, url: string | null | undefined): string {
  const all = name.split(SEPARATOR).map((part) => part.trim()).filter((part) => /[\p{L}\p{N}]/u.test(part));
  const names = all.filter((part) => !HOST_LIKE.test(part));
  const parts = names.length ? names : all;
  if (parts.length < 2) return parts[0] ?? '';
  const label = url ? parse(url, { allowPrivateDomains: true }).domainWithoutSuffix?.toLowerCase() : undefined;
  const compact = (part: string) => part.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const matching = label ? parts.find((part) => compact(part).length >= 2 && (compact(part).startsWith(label) || label.startsWith(compact(part)))) : undefined;
  return matching ?? parts[0]!;
}

/** Whether a declared name is only a label of the URL's subdomain ("Hosted" on hosted.ap.org, "Blog" on blog.example.com). */
function isSubdomainLabel(name: string, url: string | null | undefined): boolean {
  if (!url || !/^[\p{L}\p{N}-]+$/u.test(name)) return false;
  const subdomain = parse(url, { allowPrivateDomains: true }).subdomain;
  return !!subdomain && subdomain.toLowerCase().split('.').includes(name.toLowerCase()) && name.toLowerCase() !== 'www';
}

/** A name from a URL's (or a bare host's) host: initials in capitals, else the registrable domain. */
function hostOutlet(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
  const host = parse(withScheme, { allowPrivateDomains: true });
  if (!host.hostname) return undefined;
  if (host.isIp || !host.domain || !host.domainWithoutSuffix) return host.hostname.replace(/^www\./, '');
  const label = host.domainWithoutSuffix;
  return label.length <= MAX_INITIALS && /^[a-z]+$/i.test(label) ? label.toUpperCase() : host.domain.toLowerCase();
}

function capLength(name: string): string {
  if (name.length <= MAX_OUTLET_LENGTH) return name;
  const cut = name.slice(0, MAX_OUTLET_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_OUTLET_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
