// Turns any user text into a safe FTS5 query. Only letters and digits survive, every term
// is quoted, so quotes, *, NEAR, -, parentheses or emoji can never cause a syntax error.

const MAX_TERMS = 16;
const MAX_TERM_LENGTH = 64;
/** Words too common to narrow a news search; dropped unless nothing else is left. */
const STOP_WORDS = new Set(
  'a an and are as at be but by did do does for from had has have he her his how i in is it its of on or she that the their they this to was were what when where which who why will with would you about said say says'.split(' '),
);

export interface FtsQuery {
  terms: string[];
  /** Every term must match. */
  all: string;
  /** Any term may match. */
  any: string;
}

function termExpression(term: string): string {
  // A prefix match lets "syria" find "Syrian" and "iran" find "Iranian"; the porter
  // tokenizer stems the query term first, so "sanctions" still finds "sanction".
  return term.length >= 4 ? `"${term}"*` : `"${term}"`;
}

export function searchTerms(text: string): string[] {
  const words = (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= MAX_TERM_LENGTH);
  const unique = [...new Set(words)];
  const meaningful = unique.filter((w) => !STOP_WORDS.has(w));
  return (meaningful.length ? meaningful : unique).slice(0, MAX_TERMS);
}

export function buildFtsQuery(text: string): FtsQuery | null {
  const terms = searchTerms(text);
  if (!terms.length) return null;
  const parts = terms.map(termExpression);
  return { terms, all: parts.join(' AND '), any: parts.join(' OR ') };
}
