// Word tokens, Porter stems, stop words and a cheap named-entity heuristic, shared by
// the summarizer, clustering and search. Everything here runs on every article at
// ingest, so it avoids per-call allocation where it can (one regex pass, cached stems).
import { stemmer } from 'stemmer';

// Character classes by UTF-16 code unit, filled lazily: a hand-rolled scanner over
// this table is several times faster than a Unicode-property regex with matchAll.
const LETTER = 1;
const DIGIT = 2;
const charClass = new Int8Array(65536).fill(-1);
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;
function classOf(code: number): number {
  let kind = charClass[code]!;
  if (kind < 0) {
    const ch = String.fromCharCode(code);
    kind = LETTER_RE.test(ch) ? LETTER : DIGIT_RE.test(ch) ? DIGIT : 0;
    charClass[code] = kind;
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
  const tokens: string[] = [];
  const length = text.length;
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
      tokens.push(text.slice(start, end).toLowerCase());
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
    tokens.push(text.slice(start, cut).toLowerCase());
    i = end;
  }
  return tokens;
}

// The Porter stemmer costs a few microseconds per call; news vocabulary repeats a lot,
// so a bounded memo makes stemming nearly free after warm-up.
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

// Hand-written rather than a package: a short English function-word list (articles,
// pronouns, auxiliaries, prepositions, conjunctions) plus reporting filler that carries
// no topic ("said", "told"); a big generic list would also remove news content words.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are aren\'t as at be because been before being below ' +
    'between both but by can can\'t cannot could couldn\'t did didn\'t do does doesn\'t doing don\'t down during each ' +
    'few for from further had hadn\'t has hasn\'t have haven\'t having he he\'d he\'ll he\'s her here here\'s hers herself ' +
    'him himself his how how\'s i i\'d i\'ll i\'m i\'ve if in into is isn\'t it it\'s its itself let\'s me more most mustn\'t ' +
    'my myself no nor not of off on once only or other ought our ours ourselves out over own same shan\'t she she\'d ' +
    'she\'ll she\'s should shouldn\'t so some such than that that\'s the their theirs them themselves then there there\'s ' +
    'these they they\'d they\'ll they\'re they\'ve this those through to too under until up very was wasn\'t we we\'d ' +
    'we\'ll we\'re we\'ve were weren\'t what what\'s when when\'s where where\'s which while who who\'s whom why why\'s ' +
    'with won\'t would wouldn\'t you you\'d you\'ll you\'re you\'ve your yours yourself yourselves ' +
    'will may might must shall just also yet still even now then however although though since whether ' +
    'said says say saying told tell according added adding asked one two three new us mr mrs ms dr'
  ).split(/\s+/),
);

/** Stemmed tokens that are not stop words and not single characters: the terms that say what a text is about. */
export function contentTerms(text: string): string[] {
  return contentTermsOf(tokenize(text));
}

/** contentTerms() over tokens already produced by tokenize(). */
export function contentTermsOf(tokens: readonly string[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    if (token.length < 2 || STOP_WORDS.has(token)) continue;
    terms.push(stem(token));
  }
  return terms;
}

// A run of capitalised words, initials and acronyms, allowing one lower-case particle
// between two of them ("Bank of England", "Charles de Gaulle"). One native regex pass
// over the text; the JS below only trims each run.
const CAP_WORD = String.raw`(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}\p{M}\p{N}'’-]*)`;
const NAME_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])${CAP_WORD}(?:[ \u00a0](?:(?:of|de|del|la|van|von|der|bin|al|le|da|du)[ \u00a0])?${CAP_WORD})*`,
  'gu',
);
const ACRONYM = /^(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\p{N}]+)$/u;
const INITIAL_OR_TITLE = /(?:^|[\s("“‘'])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|St|Rev)\.$/u;
// Capitalised words that are not names on their own.
const NOT_NAMES = new Set([
  'I', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept',
  'Oct', 'Nov', 'Dec', 'Mr', 'Mrs', 'Ms', 'Dr', 'PUBLISHED', 'UPDATED', 'EST', 'GMT', 'BST',
]);

function isSentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"“‘'(\[]/.test(text[i]!)) {
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

/** The name in `words` without leading stop words/titles or trailing non-names, and the index of its first word. */
function trimName(words: string[], atSentenceStart: boolean): { name: string; first: number } | undefined {
  let first = 0;
  if (atSentenceStart && words.length > 1 && (SENTENCE_OPENERS.has(words[0]!) || /^\p{Lu}\p{Ll}+ly$/u.test(words[0]!))) {
    first = 1;
    atSentenceStart = false;
  }
  let last = words.length - 1;
  while (first <= last && (NOT_NAMES.has(words[first]!) || (STOP_WORDS.has(words[first]!.toLowerCase()) && !ACRONYM.test(words[first]!)))) {
    first++;
    atSentenceStart = false;
  }
  while (last >= first && NOT_NAMES.has(words[last]!)) last--;
  if (last < first) return undefined;
  // A lone capitalised word opening a sentence says nothing; an acronym still counts.
  if (first === last && atSentenceStart && !ACRONYM.test(words[first]!)) return undefined;
  return { name: words.slice(first, last + 1).join(' '), first };
}

export interface EntityMention {
  name: string;
  /** Offset of the mention in the text. */
  start: number;
}

/** Every mention of a name or acronym, in text order (see namedEntities for what counts). */
export function entityMentions(text: string): EntityMention[] {
  const mentions: EntityMention[] = [];
  for (const match of text.matchAll(NAME_RUN)) {
    let atSentenceStart = isSentenceStart(text, match.index);
    let words: string[] = [];
    let offsets: number[] = [];
    const flush = (): void => {
      const found = words.length > 0 ? trimName(words, atSentenceStart) : undefined;
      if (found) mentions.push({ name: found.name, start: offsets[found.first]! });
      words = [];
      offsets = [];
      atSentenceStart = false;
    };
    let offset = match.index;
    for (const raw of match[0].split(/[ \u00a0]/)) {
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
      if (possessive) flush();
    }
    flush();
  }
  return mentions;
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
