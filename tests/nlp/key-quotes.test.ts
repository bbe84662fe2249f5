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
