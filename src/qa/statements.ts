// Who said it: the statements of the person a "what did X say" question asks about. A sentence
// is X's statement when it holds a quotation the article's analysis attributes to X, or reports
// X's speech: X (or "he" / "she" right after a sentence about X) as the subject of a speech verb
// ("Graham said that ...", "according to Graham", "He has called China ..."). A question may name X
// by a description ("the phoenix mayor"): the article's own "Phoenix Mayor Greg Stanton" tells who.
// Hand-written on top of the analysis' attribution (src/nlp/attribution.ts finds the speech verbs).
import type { FoundQuote } from '../model.ts';
import { speechVerbs } from '../nlp/attribution.ts';
import { firstNameGender } from '../nlp/people.ts';
import { tokenize } from '../nlp/tokens.ts';
import { escapeRegExp } from '../util/text.ts';
import { ROLE_NOUNS } from './question.ts';
import { termKey } from './terms.ts';

/** The sentence as rank.ts splits it: its text, offsets and the term key of each token. */
export interface StatementSentence {
  start: number;
  end: number;
  text: string;
  keys: string[];
  tokenStarts: number[];
}

/** How much a sentence is X's statement: a whole quotation of X, a piece of one, reported speech. */
export const STATEMENT = { quote: 1, fragment: 0.8, reported: 0.8, pronoun: 0.7 };

/** Speech verbs that say that X spoke, not what X said ("Graham spoke at a gathering"). */
const CONTENTLESS_VERBS = /^(?:spoke|speaking|began|begins|typed|posted|posts|headlined|headlines|headline|captioned|reads|continued|continues|went on|goes on|asked|asks|asking|questioned)$/i;

export function speakerMatches(speaker: string | null, asked: string[]): boolean {
  if (!speaker) return false;
  const words = new Set(tokenize(speaker));
  return asked.every((w) => words.has(w));
}

/** Whether the asked speaker is a description ("phoenix mayor", "wells fargo ceo") rather than a name. */
export function isDescription(asked: string[]): boolean {
  return asked.some((w) => ROLE_NOUNS.has(w));
}

/**
 * The name a description stands for in an article: a capitalised name written right after all the
 * description's words ("Phoenix Mayor Greg Stanton", "London's newly elected Muslim mayor Sadiq Khan")
 * or right before them as an appositive ("Greg Stanton, the mayor of Phoenix"). Lower-case words.
 */
export function nameForDescription(text: string, asked: string[]): string[] | null {
  const wanted = new Set(asked.map(termKey));
  const names = /(?:\p{Lu}[\p{L}'’.-]*\s){0,4}\p{Lu}[\p{L}'’-]+/gu;
  for (const m of text.matchAll(names)) {
    // The description's words may open the capitalised run itself ("Harbour Mayor Jane Holloway").
    const before = tokenize(text.slice(Math.max(0, m.index - 60), m.index + m[0].length)).slice(-8).map(termKey);
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const after = /^\s*,/.test(rest) ? tokenize(rest).slice(0, 6).map(termKey) : [];
    const name = tokenize(m[0]).filter((w) => !ROLE_NOUNS.has(w) && !wanted.has(termKey(w)));
    if (name.length < 2) continue;
    if ([...wanted].every((k) => before.includes(k)) || [...wanted].every((k) => after.includes(k))) return name;
  }
  return null;
}

/**
 * Where the text names someone with the asked surname in full ("Jane Sanders", "Jane O'Meara
 * Sanders", "Bernie Sanders"), in order, and whether it is the asked person (same first name).
 */
export function fullMentions(text: string, asked: string[]): { at: number; isX: boolean }[] {
  // The surname in any case, the words before it capitalised (no `i` flag: it would let \p{Lu} match lower case).
  const last = [...asked[asked.length - 1]!].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toUpperCase()}${c.toLowerCase()}]` : escapeRegExp(c))).join('');
  const out: { at: number; isX: boolean }[] = [];
  // The capitalised words right before each surname: a first name among them ("Former President
  // Bill Clinton", "Jane O'Meara Sanders") tells which bearer it is.
  for (const m of text.matchAll(new RegExp(String.raw`((?:\p{Lu}[\p{L}.'’-]*[ \t\u00a0]+){1,3})(?=${last}(?![\p{L}]))`, 'gu'))) {
    // The nearest first name decides ("Ellen Marsh. Robert Marsh": the second is Robert).
    const first = m[1]!.trim().split(/\s+/).reverse().find((w) => w.toLowerCase() === asked[0] || firstNameGender(w) !== null);
    if (first !== undefined) out.push({ at: m.index, isX: first.toLowerCase() === asked[0] });
  }
  return out;
}

/** Whether the asked person is the one of their surname named in full most often (first named on a tie); false when never named in full. */
function mainBearerIsX(mentions: { isX: boolean }[]): boolean {
  const x = mentions.filter((m) => m.isX).length;
  const others = mentions.length - x;
  return x > others || (x > 0 && x === others && mentions[0]!.isX);
}

/**
 * X as the subject of a speech verb with something said after it: "Graham said", "said Caddell",
 * "according to Graham". Not X named inside someone else's quotation (`othersQuotes`): "Cuban has
 * been out there saying ..." in Pence's words is Pence's statement.
 */
function reportsSpeech(sentence: StatementSentence, articleText: string, surnameKey: string, othersQuotes: FoundQuote[]): boolean {
  const positions: number[] = [];
  sentence.keys.forEach((key, k) => {
    const at = sentence.tokenStarts[k]!;
    if (key === surnameKey && !othersQuotes.some((q) => q.start <= at && at < q.end)) positions.push(at);
  });
  if (!positions.length) return false;
  for (const at of positions) {
    // "Graham's comments": a possessive is no subject.
    if (/^[\p{L}-]+['’](?:s(?!\p{L}))?/u.test(articleText.slice(at, at + 40))) continue;
    if (/according\s+to\s+(?:[\p{L}.]+\s+){0,3}$/iu.test(articleText.slice(Math.max(sentence.start, at - 40), at))) return true;
    for (const verb of speechVerbs(sentence.text, sentence.start)) {
      if (CONTENTLESS_VERBS.test(verb.verb)) continue;
      const before = articleText.slice(at, verb.start);
      const after = articleText.slice(verb.end, at);
      // Something said: the sentence holds more than the name and the verb ("Graham said." alone says nothing).
      const saysSomething = sentence.keys.length >= 6;
      // "Graham said", "Warren told Stumpf", "Sullivan, the commissioner, says": the name shortly
      // before the verb, with no quote mark between them; or "said Caddell" right after it.
      if (at < verb.start && before.length <= 60 && !/["“”.;]/.test(before) && saysSomething) return true;
      // "said Caddell", "said Douglas Holtz-Eakin": only the rest of the name between the verb and the
      // surname; the verb ends a quotation or a clause ("..., said Caddell"), else it has a subject of
      // its own and X is whom it is about ("Pataki says Kasich has a record").
      const opensVerb = articleText.slice(Math.max(sentence.start, verb.start - 3), verb.start);
      if (at >= verb.end && (verb.start === sentence.start || /[,"”’'—–-]\s*$/.test(opensVerb)) && /^\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}(?:\p{Lu}[\p{L}'’]*-)?$/u.test(after) && after.length <= 40) return true;
    }
  }
  return false;
}

/** "He said ...", "She has called China ...": a pronoun subject of a speech verb. */
function pronounSpeech(sentence: StatementSentence): boolean {
  for (const verb of speechVerbs(sentence.text, sentence.start)) {
    if (CONTENTLESS_VERBS.test(verb.verb)) continue;
    const before = sentence.text.slice(0, verb.start - sentence.start);
    if (/(?:^|[,;]\s+|\band\s+)(?:he|she)\s+(?:\w+ly\s+|also\s+|has\s+|had\s+|have\s+|later\s+|then\s+){0,2}$/i.test(before)) return true;
  }
  return false;
}

/**
 * How much each sentence of an article is a statement of the asked speaker (0: none), by index.
 * `asked` are the speaker's lower-case name words; `quotes` the article's analysed quotations.
 */
export function statementStrengths(sentences: StatementSentence[], articleText: string, quotes: FoundQuote[], asked: string[]): number[] {
  const surnameKey = termKey(asked[asked.length - 1]!);
  const own = quotes.filter((q) => speakerMatches(q.speaker, asked));
  const othersQuotes = quotes.filter((q) => !q.fragment && !speakerMatches(q.speaker, asked));
  // An article that never names X holds no statement of X (and costs no more look).
  if (!own.length && !sentences.some((s) => s.keys.includes(surnameKey))) return sentences.map(() => 0);
  // "What did Jane Sanders say": a lone "Sanders" is the Sanders the article names in full most
  // often (the first named, on a tie): in a story about Bernie Sanders that mentions his wife
  // once, "Sanders said" is him. Where it is not her, only her own sentences and quotes count.
  const surnameIsX = asked.length < 2 || firstNameGender(asked[0]!) === null || isDescription(asked) || mainBearerIsX(fullMentions(articleText, asked));
  const strengths: number[] = [];
  for (const [i, sentence] of sentences.entries()) strengths.push(strengthOf(sentence, i));
  return strengths;

  function strengthOf(sentence: StatementSentence, i: number): number {
    const quoted = own.filter((q) => q.start < sentence.end && q.end > sentence.start);
    if (quoted.some((q) => !q.fragment)) return STATEMENT.quote;
    if (quoted.length) return STATEMENT.fragment;
    if (!surnameIsX && !fullMentions(sentence.text, asked).some((m) => m.isX)) return 0;
    if (reportsSpeech(sentence, articleText, surnameKey, othersQuotes)) return STATEMENT.reported;
    // "He has called China ...": the sentence before is about X (names X), so "he" is X; unless
    // someone else spoke there ("Pataki says Kasich ... He warns ...": he is Pataki).
    if ((sentence.keys.includes('he') || sentence.keys.includes('she')) && !sentence.keys.includes(surnameKey) && pronounSpeech(sentence)) {
      const previous = sentences[i - 1];
      if (previous?.keys.includes(surnameKey) && (strengths[i - 1]! > 0 || !speechVerbs(previous.text, previous.start).length)) return STATEMENT.pronoun;
    }
    return 0;
  }
}
