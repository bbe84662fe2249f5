import { describe, expect, it } from 'vitest';
import type { FoundQuote } from '../../src/model.ts';
import { containsQuote, rankKeyQuotes } from '../../src/nlp/key-quotes.ts';

describe('containsQuote', () => {
  it('finds a quote inside a longer text whatever its quote marks, case and spacing', () => {
    expect(containsQuote('He said the talks were “Candid  and useful,” and left.', '"candid and useful."')).toBe(true);
    expect(containsQuote('“It’s a deal,” she said.', "it's a deal")).toBe(true);
    expect(containsQuote('The talks were useful.', 'candid and useful')).toBe(false);
    expect(containsQuote('anything', '  “ ”  ')).toBe(false);
  });
});

describe('rankKeyQuotes and repetition', () => {
  it('never shows a quote beside a piece of itself', () => {
    const mk = (text: string, fragment: boolean, start: number): FoundQuote => ({ text, speaker: 'Tom Reyes', verified: true, start, end: start + text.length, fragment });
    const whole = mk('The bridge took ten years and it was worth every one of them,', false, 0);
    const piece = mk('worth every one of them', true, 100);
    expect(rankKeyQuotes([whole, piece], { max: 3 })).toEqual([whole]);
  });
});

describe('rankKeyQuotes and the evidence for a speaker', () => {
  it('of two equal quotes, takes the one whose cue names its speaker over one reached through "he said"', () => {
    const mk = (text: string, speaker: string, cue: string, start: number): FoundQuote => ({ text, speaker, cue, verified: true, start, end: start + text.length, fragment: false });
    const throughPronoun = mk('The new bridge will carry forty thousand cars a day by the spring,', 'Tom Reyes', 'he said', 0);
    const named = mk('The old bridge has carried forty thousand cars a day for thirty years,', 'Ana Lima', 'Lima said', 200);
    expect(rankKeyQuotes([throughPronoun, named], { title: 'Bridge', max: 1 })).toEqual([named]);
    expect(rankKeyQuotes([{ ...throughPronoun, cue: 'Reyes said' }, named], { title: 'Bridge', max: 1 })).toEqual([{ ...throughPronoun, cue: 'Reyes said' }]);
  });
});

describe('rankKeyQuotes and how far a speaker can be trusted (2026-12-07)', () => {
  const mk = (text: string, speaker: string, cue: string, attribution: FoundQuote['attribution'], start: number): FoundQuote => ({ text, speaker, cue, attribution, verified: true, start, end: start + text.length, fragment: false });
  const title = 'Council approves the bridge toll for forty thousand daily cars';

  it('puts a quote whose speaker came through a description ("the engineer said") after one the cue names', () => {
    const throughDescription = mk('The bridge toll will cut the forty thousand daily cars by a quarter, and the council knows it,', 'Tom Reyes', 'the engineer said', 'after/descriptor', 0);
    const named = mk('We approved the toll because the bridge cannot carry more cars,', 'Ana Lima', 'Lima said', 'after/name', 300);
    expect(rankKeyQuotes([throughDescription, named], { title, max: 1 })).toEqual([named]);
    // Found the same way, the more telling quote goes first.
    expect(rankKeyQuotes([{ ...throughDescription, cue: 'Reyes said', attribution: 'after/name' }, named], { title, max: 1 })[0]!.speaker).toBe('Tom Reyes');
  });

  it('puts "he said" and a cue before the quotation after "..., Lima said", but still shows them when nothing better is there', () => {
    const before = mk('The bridge toll will cut the forty thousand daily cars by a quarter, and the council knows it,', 'Tom Reyes', 'he told the council', 'before/pronoun', 0);
    const named = mk('We approved the toll because the bridge cannot carry more cars,', 'Ana Lima', 'Lima said', 'after/name', 300);
    expect(rankKeyQuotes([before, named], { title, max: 1 })).toEqual([named]);
    expect(rankKeyQuotes([before], { title, max: 1 })).toEqual([before]);
  });

  it('trusts "he said" less the further back the article last named him', () => {
    const telling = 'The bridge toll will cut the forty thousand daily cars by a quarter, and the council knows it,';
    const named = mk('We did what we had to do for the town and its people,', 'Ana Lima', 'Lima said', 'after/name', 300);
    const near = mk(telling, 'Tom Reyes', 'he said', 'after/pronoun/1', 0);
    const far: FoundQuote = { ...near, attribution: 'after/pronoun/5' };
    expect(rankKeyQuotes([near, named], { title, max: 1 })).toEqual([near]);
    expect(rankKeyQuotes([far, named], { title, max: 1 })).toEqual([named]);
  });
});
