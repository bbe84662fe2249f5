// What a feed or page may not bring into the store, whatever its kind: terminal control
// sequences (a title with ESC[2J clears the screen of whoever runs `search`), other control
// characters, and fields of absurd length (a 2,000,000-character title).
import { cutText } from '../util/text.ts';
import stripAnsi from 'strip-ansi';
import type { ArticleDraft } from '../model.ts';
import { repairMojibake } from './mojibake.ts';

/** Longest title kept; longer ones are cut at a character boundary and end in "…". */
export const MAX_TITLE_CHARS = 300;
/** Longest outlet (feed or site name) kept. */
export const MAX_OUTLET_CHARS = 100;
/** Longer URLs and GUIDs are not identifiers anyone links to: dropped. */
export const MAX_URL_CHARS = 2048;

// C0 controls but tab and newline, DEL, and C1 controls (0x9B alone is a CSI on some terminals).
const HAS_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Text without escape sequences (CSI such as ESC[2J, OSC such as OSC 8 links) or other control characters; newlines and tabs stay. */
export function stripControlCharacters(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  // Whole sequences first, so that no "[2J" is left behind; then lone control characters.
  return stripAnsi(text.replace(/\r\n?/g, '\n')).replace(CONTROL, '');
}

/** At most `max` UTF-16 units with the ellipsis, cut between graphemes. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${cutText(text, { max: max - 1 }).trimEnd()}…`;
}

function cleanLine(text: string, max: number): string {
  return capLength(stripControlCharacters(repairMojibake(text)).replace(/\s+/g, ' ').trim(), max);
}

/** A draft fit to store and print: double-encoded characters repaired (before the C1 controls they may hold go), control characters stripped, title and outlet capped, absurd identifiers dropped. */
export function sanitizeDraft(draft: ArticleDraft): ArticleDraft {
  const clean: ArticleDraft = { ...draft, title: cleanLine(draft.title, MAX_TITLE_CHARS), text: stripControlCharacters(repairMojibake(draft.text)) };
  if (draft.outlet !== undefined) clean.outlet = cleanLine(draft.outlet, MAX_OUTLET_CHARS);
  if (draft.language !== undefined) clean.language = cleanLine(draft.language, 35);
  if (draft.subheadings) clean.subheadings = draft.subheadings.map((line) => cleanLine(line, MAX_TITLE_CHARS));
  for (const key of ['url', 'guid'] as const) {
    const value = draft[key];
    if (value === undefined) continue;
    if (value.length > MAX_URL_CHARS || HAS_CONTROL.test(value)) delete clean[key];
  }
  return clean;
}
