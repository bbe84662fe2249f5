// What a feed or page may not bring into the store, whatever its kind: terminal control
// sequences (a title with ESC[2J clears the screen of whoever runs `search`), other control
// characters, and fields of absurd length (a 2,000,000-character title).
import stripAnsi from 'strip-ansi';
import type { ArticleDraft } from '../model.ts';

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

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `max` UTF-16 units, cut between graphemes (never inside a surrogate pair or an emoji sequence). */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  // Only the head is segmented: cheap even for a 2,000,000-character title.
  for (const { index, segment } of graphemes.segment(text.slice(0, max + 32))) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

function cleanLine(text: string, max: number): string {
  return capLength(stripControlCharacters(text).replace(/\s+/g, ' ').trim(), max);
}

/** A draft fit to store and print: control characters stripped, title and outlet capped, absurd identifiers dropped. */
export function sanitizeDraft(draft: ArticleDraft): ArticleDraft {
  const clean: ArticleDraft = { ...draft, title: cleanLine(draft.title, MAX_TITLE_CHARS), text: stripControlCharacters(draft.text) };
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
