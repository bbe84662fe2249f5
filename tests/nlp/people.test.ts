import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/nlp/quotes.ts';

const speakers = (text: string) => extractQuotes(text).map((q) => q.speaker);

describe('role words before a name (people.ts)', () => {
  it('stop at a line break: a heading\'s last words are no role of the name that opens the next paragraph', () => {
    // "Dad" in the heading once made Betsy Sharp a man, so "she" found no one and "he" found her.
    expect(speakers('Why My Dad Quit\n\nBetsy Sharp met reporters in Denver on Monday.\n\n"I never saw it coming," she said.'))
      .toEqual(['Betsy Sharp']);
    expect(speakers('Why My Dad Quit\n\nBetsy Sharp met reporters in Denver on Monday with her brother, Tom Sharp.\n\n"I never saw it coming," he said.'))
      .toEqual(['Tom Sharp']);
  });

  it('"Pres." is a title like "President": a later "the president" finds the one so titled', () => {
    expect(speakers('In an interview, Pres. Obama admits the plan failed.\n\nHillary Clinton, who served as secretary of state, called it regrettable. She has named her experience as her qualification to be president.\n\nObama defended the process. "We executed this plan as well as I could," the president told a reporter.'))
      .toEqual(['Obama']);
  });
});
