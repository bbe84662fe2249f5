// "Is this an http(s) URL?" for settings, commands, sources files, JSON Lines and links:
// one answer everywhere, so that what one place accepts another does not refuse.

/** An absolute http:// or https:// URL with a host, as the WHATWG URL parser reads it (the caller trims if it wants to). */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}
