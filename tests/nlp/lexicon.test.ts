import { describe, expect, it } from 'vitest';
import * as lexicon from '../../src/nlp/lexicon.ts';

const duplicatesOf = (list: readonly string[]) => list.filter((word, i) => list.indexOf(word) !== i);
const missingFrom = (inner: Iterable<string>, outer: ReadonlySet<string> | Readonly<Record<string, unknown>>) =>
  [...inner].filter((word) => (outer instanceof Set ? !outer.has(word) : !(word in outer)));

describe('the lexicon', () => {
  it('lists every word once', () => {
    const lists = {
      SPEECH_VERB_FORMS: lexicon.SPEECH_VERB_FORMS,
      STOP_WORD_LIST: lexicon.STOP_WORD_LIST,
      KEY_QUOTE_STOP_WORD_LIST: lexicon.KEY_QUOTE_STOP_WORD_LIST,
      ABBREVIATED_TITLE_LIST: lexicon.ABBREVIATED_TITLE_LIST,
      WEAK_ABBREVIATION_LIST: lexicon.WEAK_ABBREVIATION_LIST,
      ROLE_NOUN_LIST: lexicon.ROLE_NOUN_LIST,
      QUESTION_TITLE_WORD_LIST: lexicon.QUESTION_TITLE_WORD_LIST,
      QUESTION_SPEECH_VERBS: lexicon.QUESTION_SPEECH_VERBS.split('|'),
    };
    for (const [name, list] of Object.entries(lists)) {
      expect({ name, duplicates: duplicatesOf(list) }).toEqual({ name, duplicates: [] });
      expect({ name, empty: list.filter((w) => !w.trim()) }).toEqual({ name, empty: [] });
    }
  });

  it('keeps the lists that must agree in agreement', () => {
    // A word too common to tie a quote to its story is too common to search for.
    expect(missingFrom(lexicon.KEY_QUOTE_STOP_WORDS, lexicon.STOP_WORDS)).toEqual([]);
    // The quote check accepts every mark the quotation finder reads, and the sentence splitter
    // never cuts inside a quotation the finder reads.
    for (const kind of ['double', 'single'] as const) {
      expect(missingFrom(lexicon.QUOTE_MARKS[kind], lexicon.VERIFY_QUOTE_MARKS[kind])).toEqual([]);
      expect(missingFrom(lexicon.QUOTE_MARKS[kind], lexicon.SENTENCE_QUOTE_MARKS[kind])).toEqual([]);
    }
    // A person's title that the splitter knows by its abbreviation is a title to the name reader,
    // and a title the question reader skips is one too.
    const personAbbreviations = ['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'adm', 'sen', 'rep', 'gov', 'atty', 'rev', 'pres'];
    expect(missingFrom(personAbbreviations, lexicon.ABBREVIATED_TITLES)).toEqual([]);
    expect(missingFrom(personAbbreviations, lexicon.PERSON_TITLES)).toEqual([]);
    expect(missingFrom(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'president', 'governor', 'senator', 'judge', 'mayor'], lexicon.QUESTION_TITLE_WORDS)).toEqual([]);
  });

  it('reads the key-quote stop words as words (a precedence slip once made them a set of letters)', () => {
    expect(lexicon.KEY_QUOTE_STOP_WORDS.has('which')).toBe(true);
    expect(lexicon.KEY_QUOTE_STOP_WORDS.has('w')).toBe(false);
  });
});
