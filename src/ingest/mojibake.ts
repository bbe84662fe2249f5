// Text that was encoded as UTF-8 and then decoded again as Windows-1252 somewhere upstream (a
// feed, an archive, a scraper): "GuantÃ¡namo", "JuliÃ¡n Castro", "itâ€™s". A reader sees the
// garbage in names and quotes, and a quotation opened by "â€œ" is no quotation to find.
//
// Hand-written: the npm packages for this (fix-utf8, fix-latin1-to-utf8) replace every pair from
// a table wherever it stands, so Portuguese "MAÇÃ " or French "ÉTÉ»" would be changed too. Here a
// run is repaired only when its Windows-1252 bytes are one valid UTF-8 character, and only into
// the characters such damage takes from Western text (accented letters, punctuation, € and ™).

/** The byte each Windows-1252 character stands for, where it differs from Latin-1. */
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/**
 * Spacing accents as compatibility normalisation (NFKD) leaves them: a space and the combining
 * mark ("naÃ ̄ve" for "naÃ¯ve"), as some archives store text.
 */
const SPACING_ACCENT: Record<string, number> = { ' \u0308': 0xa8, ' \u0304': 0xaf, ' \u0301': 0xb4, ' \u0327': 0xb8 };
const SPACING_ACCENTS = Object.keys(SPACING_ACCENT).join('|');

/** A continuation byte (0x80-0xBF) as Windows-1252 (or Latin-1, for the C1 controls) shows it. */
const CONTINUATION = `(?:[\\u0080-\\u00bf${Object.keys(CP1252).join('')}]|${SPACING_ACCENTS})`;
/**
 * A lead byte shown as Latin-1 (Â-ß: 2 bytes; à-ï: 3; ð-ô: 4), followed by its continuation bytes.
 * The lead may come decomposed ("A" and a combining tilde for "Ã"), as some archives store text.
 */
const LEAD = (range: string, base: string) => `(?:[${range}]|[${base}][\\u0300-\\u036f])`;
const DAMAGED = new RegExp(
  `${LEAD('\\u00c2-\\u00df', 'A-Z')}${CONTINUATION}|${LEAD('\\u00e0-\\u00ef', 'a-i')}${CONTINUATION}{2}|${LEAD('\\u00f0-\\u00f4', 'no')}${CONTINUATION}{3}`,
  'gu',
);
/** Cheap test first: almost every text has none of these lead characters before a continuation. */
const MAYBE = new RegExp(`(?:[\\u00c2-\\u00f4]|[\\u0300-\\u036f])${CONTINUATION}`, 'u');
/** What such damage takes from Western text: Latin-1 and Latin Extended-A/B letters, general punctuation, € and ™. */
const PLAUSIBLE = /^[\u00a0-\u024f\u2000-\u206f\u20ac\u2122]$/u;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A damaged run's units: its lead (perhaps decomposed), then each continuation. */
const UNITS = new RegExp(`^\\p{L}[\\u0300-\\u036f]?|${SPACING_ACCENTS}|.`, 'gsu');

/** The bytes a damaged run stands for: its lead (composed) and each continuation. */
function bytesOf(run: string): Uint8Array {
  const units = run.match(UNITS) ?? [];
  return Uint8Array.from(units.map((unit) => SPACING_ACCENT[unit] ?? CP1252[unit] ?? unit.normalize('NFC').charCodeAt(0)));
}

/** Each run of double-encoded UTF-8 in `text`: where it stands and the character it was. */
export function mojibakeRuns(text: string): { start: number; end: number; char: string }[] {
  if (!MAYBE.test(text)) return [];
  const runs: { start: number; end: number; char: string }[] = [];
  for (const m of text.matchAll(DAMAGED)) {
    let decoded: string;
    try {
      decoded = utf8.decode(bytesOf(m[0]));
    } catch {
      continue;
    }
    if (PLAUSIBLE.test(decoded)) runs.push({ start: m.index, end: m.index + m[0].length, char: decoded });
  }
  return runs;
}

/** `text` with each run of double-encoded UTF-8 turned back into the character it was; all else as it was. */
export function repairMojibake(text: string): string {
  return withRunsRepaired(text, mojibakeRuns(text));
}

/** `text` with the given runs (mojibakeRuns, in order) replaced by their characters. */
export function withRunsRepaired(text: string, runs: { start: number; end: number; char: string }[]): string {
  if (!runs.length) return text;
  let out = '';
  let at = 0;
  for (const run of runs) {
    out += text.slice(at, run.start) + run.char;
    at = run.end;
  }
  return out + text.slice(at);
}
