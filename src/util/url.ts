// "Is this an http(s) URL?" for settings, commands, sources files, JSON Lines, links and
// fetches: one answer everywhere, so that what one place accepts another does not refuse.

/** Whether a parsed URL's scheme is http or https (the only ones we fetch or link to). */
export function hasHttpScheme(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** An absolute http:// or https:// URL with a host, as the WHATWG URL parser reads it (the caller trims if it wants to). */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

/** A link as written in a page or feed (`href`, maybe relative), resolved against `base`, when it gives an http(s) URL. */
export function resolveHttpUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return hasHttpScheme(url) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
