// Turns any user text into a safe FTS5 query. Only letters and digits survive, every term
// is quoted, so quotes, *, NEAR, -, parentheses or emoji can never cause a syntax error.
import { stemmer } from 'stemmer';

const MAX_TERMS = 16;
const MAX_TERM_LENGTH = 64;
/** Words too common to narrow a news search; dropped unless nothing else is left. */
const STOP_WORDS = new Set(
  'a an and are as at be but by did do does for from had has have he her his how i in is it its of on or she that the their they this to was were what when where which who why will with would you about said say says'.split(' '),
);
/**
 * Endings that turn a name into its people or adjective: "syria" also finds "Syrian", "iran"
 * "Iranian", "iraq" "Iraqi", "italy" "Italian", "japan" "Japanese", "islam" "Islamist".
 * Listed rather than a prefix match: a prefix makes FTS5 merge the whole archive's doclists
 * of every such word (the rowid range does not apply) and lets "trump" find "trumpet" and
 * "party" "participant". Each applies after the stem's last letter as below.
 */
const DERIVED_ENDINGS: { ending: string; after: RegExp }[] = [
  { ending: 'n', after: /a$/ }, // syrian, american; not "state" -> "staten"
  { ending: 'an', after: /[eio]$/ }, // italian (stem "itali"), ohioan, chilean
  { ending: 'i', after: /[^aeiouy]$/ }, // iraqi, pakistani; only for a word that is its own stem (below)
  ...['ian', 'ean', 'ese', 'ish', 'ist', 'ism'].map((ending) => ({ ending, after: /[^aeiouy]$/ })),
];
/**
 * A word's index term: the original Porter algorithm, as SQLite's porter tokenizer applies it
 * to a-z tokens of 3 to 64 letters (tests/store/fts-query.test.ts checks the two agree).
 */
function porter(word: string): string {
  return word.length < 3 ? word : stemmer(word);
}

/** The index term FTS5 stores for a lower-case word: its Porter stem for a-z words (accents folded), else the word. */
export function indexTerm(word: string): string {
  const folded = word.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[a-z]+$/.test(folded) ? porter(folded) : folded;
}

/** A derived form much rarer than the name (under 1 in 10) is left out; see buildFtsQuery. */
const MIN_DERIVED_SHARE = 0.1;

/** A word to match: by its stem (as the index stores it), or as a prefix of indexed words. */
export interface QueryWord {
  word: string;
  prefix: boolean;
}

export interface FtsQuery {
  terms: string[];
  /** Per term, the words any of which matches it (the term and its derived forms): for an engine with another query syntax. */
  groups: QueryWord[][];
  /** Every term must match. */
  all: string;
  /** Any term may match. */
  any: string;
}

/** How many articles contain each index term (0 or absent: none). */
export type DocCounts = (indexTerms: string[]) => ReadonlyMap<string, number>;

export interface DerivedForms {
  /** The term's own index term (its porter stem). */
  base: string;
  /** Index term (porter stem, as FTS5 stores it) -> the word to quote for it (FTS5 stems query words too). */
  forms: Map<string, string>;
}

/**
 * The derived forms of a term that can be in the index. Only for plain a-z terms (accents
 * folded as the tokenizer does), where the JS Porter stemmer agrees with SQLite's; null otherwise.
 */
export function derivedForms(term: string): DerivedForms | null {
  const folded = term.normalize('NFD').replace(/\p{M}/gu, '');
  if (!/^[a-z]+$/.test(folded)) return null;
  const base = porter(folded);
  const forms = new Map<string, string>();
  if (folded.length < 4) return { base, forms };
  for (const { ending, after } of DERIVED_ENDINGS) {
    if (!after.test(base)) continue;
    // Stem + "i" is also the stem of a "-y" word: "united" (stem "unit") must not find "unity".
    if (ending === 'i' && base !== folded) continue;
    const word = base + ending;
    const indexed = porter(word);
    // Only longer forms of the same stem: "syrian", not back to "syria" nor to another word.
    if (word.length <= MAX_TERM_LENGTH && indexed.length > base.length && indexed.startsWith(base)) forms.set(indexed, word);
  }
  return { base, forms };
}

export function searchTerms(text: string): string[] {
  const words = (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= MAX_TERM_LENGTH);
  const unique = [...new Set(words)];
  const meaningful = unique.filter((w) => !STOP_WORDS.has(w));
  return (meaningful.length ? meaningful : unique).slice(0, MAX_TERMS);
}

/**
 * `docCounts` tells which derived forms are in the index (a missing one would still cost FTS5
 * a seek per segment); without it, terms match their own stem only. A form used in under a
 * tenth as many articles as the name is left out: it adds little recall (such articles name
 * the name too), but as its own phrase with a high IDF it would outrank the name itself
 * ("Trumpian" over "Trump").
 */
export function buildFtsQuery(text: string, docCounts: DocCounts = () => new Map()): FtsQuery | null {
  const terms = searchTerms(text);
  if (!terms.length) return null;
  const derived = terms.map(derivedForms);
  const candidates = derived.flatMap((d) => [...(d?.forms.keys() ?? [])]);
  const counts = candidates.length ? docCounts(candidates) : new Map<string, number>();
  const count = (t: string) => counts.get(t) ?? 0;
  const bases = derived.filter((d) => d && [...d.forms.keys()].some(count)).map((d) => d!.base);
  const baseCounts = bases.length ? docCounts(bases) : new Map<string, number>();
  const groups = terms.map((term, i): QueryWord[] => {
    const d = derived[i];
    // Digits and other scripts, where the JS stemmer may not mirror the tokenizer: a prefix as before.
    if (!d) return [{ word: term, prefix: term.length >= 4 }];
    const floor = MIN_DERIVED_SHARE * (baseCounts.get(d.base) ?? 0);
    const kept = [...d.forms].filter(([t]) => count(t) > 0 && count(t) >= floor).map(([, word]) => word);
    return [term, ...kept].map((word) => ({ word, prefix: false }));
  });
  const quoted = groups.map((g) => g.map(({ word, prefix }) => (prefix ? `"${word}"*` : `"${word}"`)));
  const parts = quoted.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!));
  return { terms, groups, all: parts.join(' AND '), any: parts.join(' OR ') };
}

/**
 * Every index term buildFtsQuery(text) may ask `docCounts` about (each term's derived forms and
 * its own stem): an engine whose counts cost a round trip fetches them all at once first.
 */
export function countedTerms(text: string): string[] {
  const derived = searchTerms(text).map(derivedForms);
  return [...new Set(derived.flatMap((d) => (d?.forms.size ? [d.base, ...d.forms.keys()] : [])))];
}
