import { describe, expect, it } from 'vitest';
import { countRequestTokens, countTokens, trimToTokens } from '../../src/llm/budget.ts';

describe('token budget (o200k_base)', () => {
  it('counts tokens, not characters', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
    // Same length in characters, very different in tokens.
    const words = 'the '.repeat(25);
    const noise = Array.from({ length: 100 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    expect(words.length).toBe(noise.length);
    expect(countTokens(noise)).toBeGreaterThan(countTokens(words) * 1.5);
  });

  it('leaves a text within budget alone', () => {
    expect(trimToTokens('Short text.', 100)).toEqual({ text: 'Short text.', tokens: 3, trimmed: false });
  });

  it('cuts a long text at a sentence end within the budget', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Sentence number ${i} says something about the talks.`).join(' ');
    const out = trimToTokens(text, 120);
    expect(out.trimmed).toBe(true);
    expect(out.tokens).toBeLessThanOrEqual(120);
    expect(out.tokens).toBeGreaterThan(90);
    expect(out.text).toMatch(/talks\.$/);
    expect(text.startsWith(out.text)).toBe(true);
  });

  it('never ends in half a multi-byte character', () => {
    const out = trimToTokens('🙂 '.repeat(100), 51);
    expect(out.text).not.toMatch(/\uFFFD/);
    expect(out.tokens).toBeLessThanOrEqual(51);
  });

  it('counts a request: messages, framing and the response schema', () => {
    const messages = [
      { role: 'system', content: 'You summarise.' },
      { role: 'user', content: 'hello world' },
    ];
    const plain = countRequestTokens(messages);
    expect(plain).toBe(3 + (3 + 1 + countTokens('You summarise.')) + (3 + 1 + 2));
    expect(countRequestTokens(messages, { type: 'object' })).toBeGreaterThan(plain);
  });
});
