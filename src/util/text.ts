// Cutting text for Telegram and the terminal: always between graphemes, never inside a
// surrogate pair, an emoji sequence or a letter with its accents.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` made of whole graphemes (so never half a surrogate pair, an
 * emoji sequence or a letter with its accents) within `max` UTF-16 units, or `maxBytes` UTF-8
 * bytes. Stops segmenting at the cut, so a 2-million-character title costs no more than a short one.
 */
export function cutText(text: string, limit: { max?: number; maxBytes?: number }): string {
  const max = limit.max ?? Infinity;
  const maxBytes = limit.maxBytes ?? Infinity;
  if (text.length <= max && (maxBytes === Infinity || Buffer.byteLength(text) <= maxBytes)) return text;
  let end = 0;
  let bytes = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    bytes += maxBytes === Infinity ? 0 : Buffer.byteLength(segment);
    if (index + segment.length > max || bytes > maxBytes) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** Cuts text to a visible length at a word boundary (by grapheme), with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = cutText(text, { max: max - 1 });
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A literal string as a regular-expression source ("Dr. No" matches only itself, the dot included). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
