// Validation of what users type for their settings: delivery time and time zone.

/** "7:30", "07:30", "0730", "7.30", "7am", "7:30 pm" -> "07:30"; null when it is not a time. */
export function parseDigestTime(input: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm)?$/.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3];
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  if (match[2] === undefined && !meridiem && match[1]!.length > 2) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

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
