import { describe, expect, it } from 'vitest';
import { speechVerbs, wellFormedSpeaker } from '../../src/nlp/attribution.ts';
import { extractQuotes } from '../../src/nlp/quotes.ts';

describe('speechVerbs', () => {
  // The same matches as /\b(?:said|says|...)\b/gi over the verb list: whole ASCII words in any
  // case, two-word forms with one space, the first listed form winning ("added" before "added later").
  it('finds whole speech verbs in any case, including two-word forms', () => {
    const text = 'He SAID, then fired back: "No." She added later that resaid said_x 2said told-him Fired  back, went on; points out. Saying';
    expect(speechVerbs(text, 100)).toEqual([
      { verb: 'SAID', start: 103, end: 107 },
      { verb: 'fired back', start: 114, end: 124 },
      { verb: 'added', start: 136, end: 141 },
      { verb: 'told', start: 173, end: 177 },
      { verb: 'went on', start: 195, end: 202 },
      { verb: 'points out', start: 204, end: 214 },
      { verb: 'Saying', start: 216, end: 222 },
    ]);
  });
  it('treats letters outside ASCII as word boundaries, as \\b does', () => {
    expect(speechVerbs('éditeur saidé ĺtold', 0).map((v) => v.verb)).toEqual(['said', 'told']);
  });
});

describe('wellFormedSpeaker', () => {
  // Speaker strings seen on real multi-outlet news before this check: none of them names anyone.
  it.each([
    ['his'], ['the'], ['three'], ['He'], ['that'], ['a'], ['Friday'], ['officials'],
    ["Clinton's campaign has sharply"], ['North Carolina (Clinton'], ['the city embodied the'],
    ['a swiftly'], ['the so-'], ["that Sanders's"], ['of State John F. Kerry'], ['THAN EXPECTED TURNOUT IN IOWA DOESN’T INCREASE'],
    ['husband’s economic record—Q —and'],
  ])('rejects %j', (s) => {
    expect(wellFormedSpeaker(s)).toBeNull();
  });
  it.each([
    ['Ted Cruz'], ['Trump'], ['Al From'], ['a Trump campaign spokeswoman'], ['the Clinton campaign'],
    ['Sen. Claire McCaskill (D-Mo.)'], ['the editorial board'], ["Hillary Clinton's right-hand woman"],
  ])('keeps %j', (s) => {
    expect(wellFormedSpeaker(s)).toBe(s);
  });
});

describe('speechVerbs inside names', () => {
  it('does not read "States" in "the United States" as a speech verb', () => {
    expect(speechVerbs('entering the United States, the aide rallied', 0)).toEqual([]);
    expect(speechVerbs('He Says so', 0).map((v) => v.verb)).toEqual(['Says']);
  });
});

describe('a quantifier with its "of" phrase is the speaker', () => {
  const speakers = (text: string) => extractQuotes(text).map((q) => q.speaker);

  it('"said one of those advisers" names the advisers, cut before the relative clause', () => {
    expect(speakers('"There will be no path," said one of those advisers, who spoke on the condition of anonymity.')).toEqual(['one of those advisers']);
    expect(speakers('"It was awful," said one of two witnesses who relayed the same story.')).toEqual(['one of two witnesses']);
  });

  it('"one" alone or "one of them" names no one', () => {
    expect(speakers('"It was awful," said one.')).toEqual([null]);
    expect(speakers('"It was awful," said one of them.')).toEqual([null]);
  });
});

describe('a descriptor that gives a name', () => {
  it('"said the base chief known as Bob" is Bob, "said a resident named Caroline Smith" is Caroline Smith', () => {
    const speakers = (text: string) => extractQuotes(text).map((q) => q.speaker);
    expect(speakers('"There never was an order," said the base chief known as Bob, speaking for the first time.')).toEqual(['Bob']);
    expect(speakers('"He cares," said a resident named Caroline Smith.')).toEqual(['Caroline Smith']);
  });
});

describe('the outlet someone speaks to is not the speaker', () => {
  const speakers = (text: string) => extractQuotes(text).map((q) => q.speaker);

  it('"a source speaking to Fox News said" is the source, "Sen. Jane Roe talking with CNN said" is Jane Roe', () => {
    expect(speakers('A senior official talking with NBC News said, "The agents are investigating."')).toEqual(['a senior official']);
    expect(speakers('Sen. Jane Roe speaking to CNN said, "We will win in November."')).toEqual(['Jane Roe']);
  });
});

describe('an indefinite pronoun placed by its phrase', () => {
  const speakers = (text: string) => extractQuotes(text).map((q) => q.speaker);

  it('"someone in the audience shouted" is someone in the audience, not the audience', () => {
    expect(speakers('Someone in the audience shouted, "Four more years!"')).toEqual(['Someone in the audience']);
    expect(speakers('Trump spoke in Ohio.\n\nMany in the crowd chanted, "Lock her up!"')).toEqual(['Many in the crowd']);
  });
});

describe('a name set off by commas before the verb', () => {
  const speakers = (text: string) => extractQuotes(text).map((q) => q.speaker);

  it('never takes a place with its region for the speaker ("Cape Breton, Nova Scotia,")', () => {
    // The lower-case word before ", Nova Scotia," used to be found inside "Breton".
    expect(speakers('Rob Calabrese, a radio host in Cape Breton, Nova Scotia, said: "Come north."')).toEqual(['Rob Calabrese']);
    expect(speakers('A radio host in Cape Breton, Nova Scotia, said: "Come north."')).toEqual([null]);
    expect(speakers('The mayor of Sydney, Cape Breton, said: "Come north."')).toEqual([null]);
  });

  it('reads a name after a preposition as its object: the person it belongs to speaks', () => {
    expect(speakers('Sen. Bob Corker of Tennessee, the committee chairman, said: "We will vote."')).toEqual(['Bob Corker']);
    expect(speakers('Dana Welch, 22, of Flint, Mich., said: "We want water."')).toEqual(['Dana Welch']);
    expect(speakers('Ann Ortiz, a pollster who works with Priorities USA, a super PAC, said the race was "close and getting closer."')).toEqual(['Ann Ortiz']);
  });

  it('lets officials at a body speak for it', () => {
    expect(speakers('Officials at Border Security Investigations, a division of the agency, said they feared "more sophisticated fraud."')).toEqual(['Border Security Investigations']);
  });

  it('gives no name when several people are the subject', () => {
    expect(speakers('Mark Penn and Howard Lee, both Democrats, said: "We agree."')).toEqual([null]);
  });

  it('keeps a name with a particle whole ("Anwar al-Awlaki")', () => {
    expect(speakers('In the video, the cleric Anwar al-Awlaki, who was killed in 2011, is shown lecturing: "Take heed."')).toEqual(['Anwar al-Awlaki']);
  });
});
