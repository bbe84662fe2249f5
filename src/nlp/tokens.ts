// Word tokens, Porter stems, stop words and a cheap named-entity heuristic, shared by
// the summarizer, clustering and search. Everything here runs on every article at
// ingest, so it avoids per-call allocation where it can (one regex pass, cached stems).
import { stemmer } from 'stemmer';
import { ABSENT, CharTable } from './char-table.ts';

// Character classes by UTF-16 code unit, filled lazily: a hand-rolled scanner over
// this table is several times faster than a Unicode-property regex with matchAll.
const LETTER = 1;
const DIGIT = 2;
const charClass = new Int8Array(65536).fill(-1);
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;
function classOf(code: number): number {
  // charCodeAt past the end gives NaN: read it as code 0 (not a word character) rather than
  // index the table with NaN, which turns every lookup here into a slow generic one.
  const index = code & 0xffff;
  let kind = charClass[index]!;
  if (kind < 0) {
    const ch = String.fromCharCode(index);
    kind = LETTER_RE.test(ch) ? LETTER : DIGIT_RE.test(ch) ? DIGIT : 0;
    charClass[index] = kind;
  }
  return kind;
}
const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const PERIOD = 0x2e;
const COMMA = 0x2c;

/**
 * Lower-case word tokens (Unicode letters and digits). Word-internal apostrophes stay
 * ("don't"), possessive 's is dropped ("Putin's" -> "putin"), numbers keep their
 * separators ("3.5", "1,200") and dotted acronyms become one token ("U.S." -> "u.s").
 */
export function tokenize(text: string): string[] {
  const spans = tokenSpans(text);
  const tokens: string[] = new Array(spans.bounds.length >> 1);
  for (let k = 0; k < tokens.length; k++) tokens[k] = tokenAt(spans, k);
  return tokens;
}

/** The tokens of tokenize() as offsets, for callers that count or look up tokens without a string for each. */
export interface TokenSpans {
  text: string;
  /**
   * `text` lower-cased, when that keeps every offset: token k is then lower.slice(bounds[2k], bounds[2k + 1]).
   * Otherwise (lower-casing changes the length, only "İ" does, or depends on the next character, as
   * final sigma does) undefined, and each token is lower-cased alone.
   */
  lower: string | undefined;
  /** Start and end offsets of each token in `text`, flat: [start0, end0, start1, end1, ...]. */
  bounds: number[];
}

/** Token k of `spans` as tokenize() returns it. */
export function tokenAt(spans: TokenSpans, k: number): string {
  const start = spans.bounds[2 * k]!;
  const end = spans.bounds[2 * k + 1]!;
  return spans.lower !== undefined ? spans.lower.slice(start, end) : spans.text.slice(start, end).toLowerCase();
}

/** Where tokenize() finds its tokens; see there for the rules. */
export function tokenSpans(text: string): TokenSpans {
  // Offsets collect in a reused array and leave as one exact-size copy: a fresh array per call
  // (every sentence of every article) grew by reallocation, the largest allocation of the analysis.
  const bounds = boundsScratch;
  let count = 0;
  const length = text.length;
  // Slicing tokens out of the text lower-cased once is much cheaper than lower-casing every token.
  const lower = text.toLowerCase();
  const sliceLower = lower.length === length && !text.includes('Σ');
  let i = 0;
  while (i < length) {
    const kind = classOf(text.charCodeAt(i));
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    // Dotted acronym: letter "." letter "." ...
    if (kind === LETTER && text.charCodeAt(end) === PERIOD && classOf(text.charCodeAt(end + 1)) === LETTER && text.charCodeAt(end + 2) === PERIOD) {
      while (text.charCodeAt(end) === PERIOD && classOf(text.charCodeAt(end + 1)) === LETTER) end += 2;
      bounds[count++] = start;
      bounds[count++] = end;
      i = end;
      continue;
    }
    let possessiveAt = -1;
    while (end < length) {
      const code = text.charCodeAt(end);
      const next = classOf(code);
      if (next !== 0) {
        end++;
        continue;
      }
      const following = end + 1 < length ? classOf(text.charCodeAt(end + 1)) : 0;
      if ((code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE) && following === LETTER) {
        possessiveAt = end;
        end += 2;
        continue;
      }
      if ((code === PERIOD || code === COMMA) && following === DIGIT && classOf(text.charCodeAt(end - 1)) === DIGIT) {
        end += 2;
        continue;
      }
      break;
    }
    // Drop a possessive 's (the apostrophe is the last one in the token and only "s" follows).
    const cut = possessiveAt === end - 2 && (text.charCodeAt(end - 1) | 0x20) === 0x73 ? possessiveAt : end;
    bounds[count++] = start;
    bounds[count++] = cut;
    i = end;
  }
  const spans = { text, lower: sliceLower ? lower : undefined, bounds: bounds.slice(0, count) };
  // A huge text leaves no huge working array behind.
  if (count > SCRATCH_KEEP) bounds.length = 0;
  return spans;
}

/** tokenSpans' working array; module-level, as tokenSpans copies it out before returning (and never re-enters). */
const boundsScratch: number[] = [];
/** Offsets a working array keeps between calls: a long article's whole text, not a hostile one's. */
const SCRATCH_KEEP = 1 << 16;

// The Porter stemmer costs a few microseconds per call; news vocabulary repeats a lot,
// so a bounded memo makes stemming nearly free after warm-up. Module-level: a pure function of the word.
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Porter stem of a lower-case word (memoised). Non-alphabetic tokens are returned unchanged. */
export function stem(word: string): string {
  const cached = STEM_CACHE.get(word);
  if (cached !== undefined) return cached;
  const result = /^[a-z]+$/.test(word) && word.length > 2 ? stemmer(word) : word;
  if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
  STEM_CACHE.set(word, result);
  return result;
}

import { STOP_WORDS } from './lexicon.ts';

export { STOP_WORDS };

/** Stemmed tokens that are not stop words and not single characters: the terms that say what a text is about. */
export function contentTerms(text: string): string[] {
  return contentTermsOf(tokenize(text));
}

/** contentTerms() over tokens already produced by tokenize(). */
export function contentTermsOf(tokens: readonly string[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    const term = contentTermOf(token);
    if (term !== undefined) terms.push(term);
  }
  return terms;
}

/** The term a token adds to contentTermsOf: its stem, or undefined for a stop word or a single character. */
export function contentTermOf(token: string): string | undefined {
  return token.length < 2 || STOP_WORDS.has(token) ? undefined : stem(token);
}

// A run of capitalised words, initials and acronyms, allowing one lower-case particle
// between two of them ("Bank of England", "Charles de Gaulle"). One native regex pass
// over the text; the JS below only trims each run.
// The leading (?=\p{Lu}) changes nothing but lets the engine reject most positions before
// it evaluates the costlier lookbehind.
function nameRun(upper: string, letter: string, mark: string, digit: string): RegExp {
  const capWord = String.raw`(?:(?:${upper}\.)+|${upper}[${letter}${mark}${digit}'’-]*)`;
  return new RegExp(
    String.raw`(?=${upper})(?<![${letter}${digit}'’-])${capWord}(?:[ \u00a0](?:(?:of|de|del|la|van|von|der|bin|al|le|da|du)[ \u00a0])?${capWord})*`,
    'gu',
  );
}
const NAME_RUN = nameRun(String.raw`\p{Lu}`, String.raw`\p{L}`, String.raw`\p{M}`, String.raw`\p{N}`);
// The same regex with ASCII classes matches the same runs in a text whose letters, marks and
// digits are all ASCII (most news in English), and runs about twice as fast.
const NAME_RUN_ASCII = nameRun('[A-Z]', 'A-Za-z', '', '0-9');

// Outside ASCII and General Punctuation (U+2000-206F: spaces, dashes, quote marks, none of them a
// letter, mark or digit): most English news has no such character, and this test is cheap.
const BEYOND_ASCII_AND_PUNCTUATION = /[^\0-\x7f\u2000-\u206f]/;
const NON_ASCII_WORD_CHAR = /(?=[^\0-\x7f])[\p{L}\p{M}\p{N}]/u;

/** Whether every letter, mark and digit in `text` is ASCII. */
export function hasOnlyAsciiWordChars(text: string): boolean {
  return !BEYOND_ASCII_AND_PUNCTUATION.test(text) || !NON_ASCII_WORD_CHAR.test(text);
}
const ACRONYM = /^(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\p{N}]+)$/u;
const INITIAL_OR_TITLE = /(?:^|[\s("“‘'])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|St|Rev)\.$/u;
// Capitalised words that are not names on their own.
const NOT_NAMES = new Set([
  'I', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept',
  'Oct', 'Nov', 'Dec', 'Mr', 'Mrs', 'Ms', 'Dr', 'PUBLISHED', 'UPDATED', 'EST', 'GMT', 'BST',
]);

const OPENING_SPACE_OR_MARK = /[\s"“‘'([]/;

function isSentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && OPENING_SPACE_OR_MARK.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  if (i < 0) return true;
  const ch = text[i]!;
  if (ch === '!' || ch === '?' || ch === '…' || ch === ':') return true;
  if (ch !== '.') return false;
  // "Mr. Putin", "George W. Bush": the period belongs to a title or an initial.
  return !INITIAL_OR_TITLE.test(text.slice(Math.max(0, i - 6), i + 1));
}

// Capitalised only because they open the sentence: "Yesterday Obama said" names Obama.
const SENTENCE_OPENERS = new Set([
  'Yesterday', 'Today', 'Tonight', 'Tomorrow', 'Later', 'Earlier', 'Meanwhile', 'Now', 'Last', 'Next',
  'Still', 'Instead', 'Speaking', 'Asked', 'Despite', 'After', 'Before', 'During', 'Under', 'Like', 'Unlike',
]);

const ADVERB = /^\p{Lu}\p{Ll}+ly$/u;

// Capitalised forms of the stop words ("The", "Don't"): a word of that shape is looked up as it
// is, which saves lower-casing most words of a name.
const CAPITALISED_STOP_WORDS = new Set([...STOP_WORDS].map((word) => word[0]!.toUpperCase() + word.slice(1)));

/** [A-Z][a-z']* */
function isCapitalisedAscii(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first < 0x41 || first > 0x5a) return false;
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code < 0x61 || code > 0x7a) && code !== 0x27) return false;
  }
  return true;
}

/** A leading word that is not part of the name: a title, month, or stop word ("The") unless an acronym ("US"). */
function isDroppedLeadingWord(word: string): boolean {
  if (NOT_NAMES.has(word)) return true;
  // A capitalised ASCII word is never an ACRONYM, and its lower case is a stop word exactly when
  // it is in CAPITALISED_STOP_WORDS: no lower-casing or regex needed.
  if (isCapitalisedAscii(word)) return CAPITALISED_STOP_WORDS.has(word);
  return STOP_WORDS.has(word.toLowerCase()) && !ACRONYM.test(word);
}

function isAcronym(word: string): boolean {
  return !isCapitalisedAscii(word) && ACRONYM.test(word);
}

/** The name in `words` without leading stop words/titles or trailing non-names, and the index of its first word. */
function trimName(words: string[], atSentenceStart: boolean): { name: string; first: number } | undefined {
  let first = 0;
  if (atSentenceStart && words.length > 1 && (SENTENCE_OPENERS.has(words[0]!) || ADVERB.test(words[0]!))) {
    first = 1;
    atSentenceStart = false;
  }
  let last = words.length - 1;
  while (first <= last && isDroppedLeadingWord(words[first]!)) {
    first++;
    atSentenceStart = false;
  }
  while (last >= first && NOT_NAMES.has(words[last]!)) last--;
  if (last < first) return undefined;
  // A lone capitalised word opening a sentence says nothing; an acronym still counts.
  if (first === last && atSentenceStart && !isAcronym(words[first]!)) return undefined;
  return { name: first === last ? words[first]! : words.slice(first, last + 1).join(' '), first };
}

export interface EntityMention {
  name: string;
  /** Offset of the mention in the text. */
  start: number;
}

// The same runs recur throughout a text and across articles ("Trump", "The"): each distinct run
// is split and trimmed once, for each value of the sentence-start flag that trimming depends on.
// Module-level: a pure function of the run. A CharTable from the run to its index in the list
// (as people.ts memoises runs): looked up in place in the text, and it keeps no article alive.
const RUN_MEMO_LIMIT = 50_000;
const runMentionIndices = [new CharTable(), new CharTable()];
const runMentionLists: EntityMention[][][] = [[], []];

/** runMentions(run, atSentenceStart) for the run text[start, end), memoised. */
function runMentionsAt(text: string, start: number, end: number, atSentenceStart: boolean): EntityMention[] {
  const flag = atSentenceStart ? 1 : 0;
  const indices = runMentionIndices[flag]!;
  const list = runMentionLists[flag]!;
  const index = indices.get(text, start, end);
  if (index !== ABSENT) return list[index]!;
  const mentions = runMentions(text.slice(start, end), atSentenceStart).map(({ name, start }) => ({ name: detached(name), start }));
  if (list.length >= RUN_MEMO_LIMIT) {
    indices.clear();
    list.length = 0;
  }
  indices.set(text, start, end, list.push(mentions) - 1);
  return mentions;
}

/**
 * A copy of a string that may be a slice of a whole article: V8 keeps a long slice's parent
 * string alive, and a memo must not hold articles.
 */
function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** Every mention of a name or acronym, in text order (see namedEntities for what counts). */
export function entityMentions(text: string): EntityMention[] {
  const mentions: EntityMention[] = [];
  // An exec loop rather than matchAll, which clones the regex and builds an iterator per call.
  const nameRuns = hasOnlyAsciiWordChars(text) ? NAME_RUN_ASCII : NAME_RUN;
  nameRuns.lastIndex = 0;
  for (let match = nameRuns.exec(text); match; match = nameRuns.exec(text)) {
    const atSentenceStart = isSentenceStart(text, match.index);
    const inRun = runMentionsAt(text, match.index, match.index + match[0].length, atSentenceStart);
    for (const mention of inRun) mentions.push({ name: mention.name, start: match.index + mention.start });
  }
  return mentions;
}

/** The mentions in one name run, with offsets in the run. */
function runMentions(run: string, atSentenceStart: boolean): EntityMention[] {
  const mentions: EntityMention[] = [];
  // The words of the current name and their offsets.
  const words: string[] = [];
  const offsets: number[] = [];
  // The words of the run: it has single spaces or no-break spaces between them.
  for (let offset = 0, from = 0; from <= run.length; ) {
    let to = from;
    while (to < run.length && run.charCodeAt(to) !== 0x20 && run.charCodeAt(to) !== 0xa0) to++;
    const raw = run.slice(from, to);
    from = to + 1;
    let word = raw;
    const possessive = word.endsWith("'s") || word.endsWith('’s');
    if (possessive) word = word.slice(0, -2);
    const last = word[word.length - 1];
    if (last === "'" || last === '’' || last === '-') word = word.replace(/['’-]+$/, '');
    if (word) {
      words.push(word);
      offsets.push(offset);
    }
    offset += raw.length + 1;
    // A possessive ends a name: "Russia's President Putin" is two names.
    if (possessive) {
      addMention(mentions, words, offsets, atSentenceStart);
      atSentenceStart = false;
    }
  }
  addMention(mentions, words, offsets, atSentenceStart);
  return mentions;
}

/** Adds the name in `words` (if any) to `mentions` and empties `words` and `offsets`. */
function addMention(mentions: EntityMention[], words: string[], offsets: number[], atSentenceStart: boolean): void {
  const found = words.length > 0 ? trimName(words, atSentenceStart) : undefined;
  if (found) mentions.push({ name: found.name, start: offsets[found.first]! });
  words.length = 0;
  offsets.length = 0;
}

/**
 * Names and acronyms in order of first appearance, de-duplicated: runs of capitalised
 * words ("Barack Obama", "Bank of England") and acronyms ("G20", "U.S."), without
 * possessive 's, leading stop words ("The") or titles ("Mr"). A single capitalised word
 * at a sentence start is skipped, since capitals there say nothing. A heuristic for
 * ranking and clustering, not a tagger.
 */
export function namedEntities(text: string): string[] {
  return [...new Set(entityMentions(text).map((mention) => mention.name))];
}
