import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STOP_WORDS, contentTerms, entityMentions, namedEntities, stem, tokenAt, tokenSpans, tokenize } from '../../src/nlp/tokens.ts';

const seed = readFileSync(new URL('../fixtures/rt-2016-09-05-putin-obama-syria.txt', import.meta.url), 'utf8');

describe('tokenize', () => {
  it('lower-cases words, keeps numbers and acronyms whole and drops possessive s', () => {
    expect(tokenize("Putin's U.S. visit: don't miss 3.5% of $1,200 at the G20!")).toEqual([
      'putin', 'u.s', 'visit', "don't", 'miss', '3.5', 'of', '1,200', 'at', 'the', 'g20',
    ]);
  });
  it('handles non-ASCII letters and digits', () => {
    expect(tokenize('Naïve Zürich café — Москва 2016')).toEqual(['naïve', 'zürich', 'café', 'москва', '2016']);
  });
  it('lower-cases each token as toLowerCase would on its own (final sigma, dotted capital I)', () => {
    expect(tokenize('ΟΔΟΣ’s ΑΣ. İSTANBUL’s Straße DON’T')).toEqual([
      '\u03bf\u03b4\u03bf\u03c2', '\u03b1\u03c2', 'i\u0307stanbul', 'stra\u00dfe', 'don\u2019t',
    ]);
  });
  it('splits hyphenated words and ignores punctuation-only text', () => {
    expect(tokenize('full-scale Russia-US')).toEqual(['full', 'scale', 'russia', 'us']);
    expect(tokenize(' -- ... !')).toEqual([]);
  });
});

describe('stem', () => {
  it('applies the Porter stemmer and returns the same stem on repeated calls', () => {
    expect(stem('agreements')).toBe('agreement');
    expect(stem('running')).toBe('run');
    expect(stem('presidents')).toBe(stem('president'));
    expect(stem('running')).toBe('run');
  });
  it('leaves numbers alone', () => {
    expect(stem('2016')).toBe('2016');
  });
});

describe('contentTerms', () => {
  it('drops stop words and reporting verbs, and stems the rest', () => {
    expect(contentTerms('The presidents said they were talking about sanctions')).toEqual(['presid', 'talk', 'sanction']);
  });
  it('maps inflections of a word to one term', () => {
    expect(contentTerms('agreement agreements')).toEqual(['agreement', 'agreement']);
  });
  it('STOP_WORDS holds function words, not news content', () => {
    expect(STOP_WORDS.has('the')).toBe(true);
    expect(STOP_WORDS.has('said')).toBe(true);
    expect(STOP_WORDS.has('syria')).toBe(false);
    expect(STOP_WORDS.has('sanctions')).toBe(false);
  });
});

describe('namedEntities', () => {
  it('finds the people, places and acronyms of the seed article', () => {
    const names = namedEntities(seed);
    for (const name of ['Barack Obama', 'Sergey Lavrov', 'Putin', 'Obama', 'G20', 'ISIL', 'Hangzhou', 'China', 'United States', 'Minsk'])
      expect(names, name).toContain(name);
  });
  it('drops leading "The", titles and possessive s, and keeps "of" inside a name', () => {
    const names = namedEntities('Talks with the Bank of England went well, Mr Lavrov said. The Russian Foreign Ministry agreed with Obama\'s aides.');
    expect(names).toEqual(['Bank of England', 'Lavrov', 'Russian Foreign Ministry', 'Obama']);
  });
  it('skips a lone capitalised word at a sentence start but keeps acronyms there', () => {
    expect(namedEntities('Yesterday it rained. NATO met. Officials from Kenya came.')).toEqual(['NATO', 'Kenya']);
  });
  it('keeps initials inside a name and reports each mention with its offset', () => {
    const text = 'Talks with George W. Bush ended. Later George W. Bush left.';
    expect(namedEntities(text)).toEqual(['George W. Bush']);
    expect(entityMentions(text).map((m) => m.start)).toEqual([11, 39]);
  });
  it('finds the same mentions whether or not the text has non-ASCII letters (two regex variants)', () => {
    const text = "Yesterday the Bank of England and Mr. Lavrov met U.S. officials. George W. Bush said Obama's aides and NATO agreed. De la Cruz spoke";
    const expected = [
      { name: 'Bank of England', start: 14 }, { name: 'Lavrov', start: 38 }, { name: 'U.S.', start: 49 },
      { name: 'George W. Bush', start: 65 }, { name: 'Obama', start: 85 }, { name: 'NATO', start: 103 }, { name: 'De la Cruz', start: 116 },
    ];
    expect(entityMentions(text)).toEqual(expected);
    expect(entityMentions(`${text} Éric.`)).toEqual([...expected, { name: 'Éric', start: 133 }]);
  });
  it('reads a name run by where it stands, whatever earlier texts held the same run', () => {
    // Runs are memoised across texts: the same run at a sentence start and inside a sentence differ.
    expect(namedEntities('They met. Yesterday Obama left.')).toEqual(['Obama']);
    expect(namedEntities('They met Yesterday Obama at noon.')).toEqual(['Yesterday Obama']);
    expect(namedEntities('They met. Yesterday Obama left.')).toEqual(['Obama']);
    expect(entityMentions('A Ministry of Transportation official and the Ministry of Transportation agreed.')).toEqual([
      { name: 'Ministry of Transportation', start: 2 }, { name: 'Ministry of Transportation', start: 46 },
    ]);
  });
  it('returns nothing for text without names', () => {
    expect(namedEntities('it rained all day and nobody came.')).toEqual([]);
  });
});

describe('tokenSpans', () => {
  it('finds the tokens of tokenize', () => {
    for (const text of [seed, 'ΟΔΟΣ’s ΑΣ. İSTANBUL’s Straße DON’T', "Putin's U.S. visit: 3.5% of $1,200", '']) {
      const spans = tokenSpans(text);
      expect(Array.from({ length: spans.bounds.length / 2 }, (_, k) => tokenAt(spans, k))).toEqual(tokenize(text));
    }
  });
});
