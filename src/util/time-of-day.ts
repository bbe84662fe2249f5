// A time of day as people write it and as it is stored: DEFAULT_DIGEST_TIME, a user's /time,
// the digest times the scheduler reads. One parser for all, so they cannot disagree.

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/**
 * "07:30", "7:30", "7.30", "7h30", "0730", "7", "7am", "7:30 pm" -> { hour: 7|19, minute: 30 };
 * null for anything else ("25:00", "7:5", "13pm", "noon").
 */
export function parseTimeOfDay(input: string): TimeOfDay | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm)?$/.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3];
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** "HH:MM", 24 hours, as stored and shown. */
export function formatTimeOfDay({ hour, minute }: TimeOfDay): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The stored form ("07:30") of what was written, or null when it is not a time of day. */
export function normaliseTimeOfDay(input: string): string | null {
  const time = parseTimeOfDay(input);
  return time ? formatTimeOfDay(time) : null;
}
