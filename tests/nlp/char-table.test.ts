import { describe, expect, it } from 'vitest';
import { ABSENT, CharTable } from '../../src/nlp/char-table.ts';

describe('CharTable', () => {
  it('maps character ranges of any string to values, across growth and clear', () => {
    const table = new CharTable();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}é`);
    for (const [i, word] of words.entries()) table.set(word, 0, word.length, i);
    expect(table.size).toBe(words.length);
    const text = `say ${words[12_345]} now`;
    expect(table.get(text, 4, 4 + words[12_345]!.length)).toBe(12_345);
    expect(table.get(text, 0, 3)).toBe(ABSENT);
    table.set('xx say', 3, 6, -1);
    expect(table.get('say', 0, 3)).toBe(-1);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get(words[0]!, 0, words[0]!.length)).toBe(ABSENT);
  });
});
