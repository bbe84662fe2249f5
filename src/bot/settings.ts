// Validation of what users type for their settings: delivery time and time zone.

const ZONES: string[] = Intl.supportedValuesOf('timeZone');
const ZONES_LOWER = new Map(ZONES.map((z) => [z.toLowerCase(), z]));

/** The canonical IANA name for what the user typed ("europe/berlin" -> "Europe/Berlin"), or null. */
export function normaliseTimezone(input: string): string | null {
  const text = input.trim().replace(/\s+/g, '_');
  if (!text || text.length > 64) return null;
  if (/^(utc|gmt|z)$/i.test(text)) return 'UTC';
  const known = ZONES_LOWER.get(text.toLowerCase());
  if (known) return known;
  try {
    // Accepts valid names that supportedValuesOf leaves out (aliases like "Asia/Calcutta").
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Zones whose city part resembles the input, for a helpful error ("Berlin" -> Europe/Berlin). */
export function suggestTimezones(input: string, max = 3): string[] {
  const words = input.toLowerCase().split(/[\s/_,-]+/).filter((w) => w.length >= 3);
  if (!words.length) return [];
  return ZONES.filter((zone) => words.some((w) => zone.toLowerCase().includes(w))).slice(0, max);
}
