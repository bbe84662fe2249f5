import { describe, expect, it } from 'vitest';
import { commonSubsequenceLength, repeatsHeadline } from '../../src/summarize/headline.ts';

describe('repeatsHeadline', () => {
  const headline = 'Lorn council cuts library hours to fix water pipes';

  it('catches the headline itself, with or without a full stop, and in other case', () => {
    expect(repeatsHeadline(headline, headline)).toBe(true);
    expect(repeatsHeadline(`${headline.toUpperCase()}.`, headline)).toBe(true);
  });

  it('catches a near-copy: most of the headline\'s words in the same order, inflections and small words aside', () => {
    expect(repeatsHeadline('The Lorn city council has cut library opening hours to fix its water pipes, officials said.', headline)).toBe(true);
    expect(repeatsHeadline("Lorn's council is cutting library hours so it can fix the pipes.", headline)).toBe(true);
  });

  it('catches half the content words in order when most of all the words are too, and the first sentence of a two-sentence headline', () => {
    expect(repeatsHeadline('Donald Trump will do well in Ohio in November, his team expects.', 'Trump will win in Ohio, adviser says')).toBe(true);
    expect(repeatsHeadline('One remark from the mayor set off a storm.', 'One remark from the mayor set off a storm. Her answer surprised everyone.')).toBe(true);
  });

  it('lets through a sentence that shares a few words, or most words in another order', () => {
    expect(repeatsHeadline('Library staff will collect signatures against the new hours next week.', headline)).toBe(false);
    expect(repeatsHeadline('Water pipes under the city are old, the council said, and the libraries will pay for them.', headline)).toBe(false);
  });

  it('does not match on function words, nor on a one-word headline', () => {
    expect(repeatsHeadline('It is one of the things that the city has to do to be ready for the winter.', 'The end of the line for the city')).toBe(false);
    expect(repeatsHeadline('Brexit talks resumed in Brussels on Monday.', 'Brexit')).toBe(false);
    expect(repeatsHeadline('The speech was the longest of the president\'s term and touched on the union of the states.', 'The State of the Union')).toBe(false);
  });

  it('commonSubsequenceLength counts words shared in order', () => {
    expect(commonSubsequenceLength(['a', 'b', 'c', 'd'], ['b', 'x', 'd', 'a'])).toBe(2);
    expect(commonSubsequenceLength([], ['a'])).toBe(0);
  });
});
