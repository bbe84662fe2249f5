import { describe, expect, it } from 'vitest';
import { closeInMeaning, neighbours, SOFT_MIN, SoftTerm, tokenRow, withNeighbours } from '../../src/qa/paraphrase.ts';
import { termForms } from '../../src/qa/terms.ts';

const rows = (words: string[]) => Int32Array.from(words.map(tokenRow));

describe('paraphrase through word vectors', () => {
  it('finds the word of a sentence that stands for a question word, through the closest of its inflections', () => {
    // "slashing" alone is far from "cut"; its base form "slash" is not.
    const slashing = SoftTerm.of(termForms('slashing').filter((f) => f.weight === 1).flatMap((f) => [f.word, f.key]))!;
    const best = slashing.best(rows(['the', 'company', 'will', 'cut', '277', 'jobs']));
    expect(best?.at).toBe(3);
    expect(best!.similarity).toBeGreaterThanOrEqual(SOFT_MIN);
    // Nothing close enough in a sentence about something else.
    expect(slashing.best(rows(['the', 'bridge', 'opens', 'in', 'june']))).toBeNull();
  });

  it('leaves stop words and numbers out, and tells close words from related ones', () => {
    expect(tokenRow('the')).toBe(-1);
    expect(tokenRow('277')).toBe(-1);
    expect(closeInMeaning('staff', 'employees')).toBe(true);
    expect(closeInMeaning('staff', 'bridge')).toBe(false);
  });

  it('widens the rarer common words of a question with their close neighbours, never a capitalised name', () => {
    expect(neighbours('layoffs').map((n) => n.word)).toContain('cutbacks');
    const terms = [
      { word: 'layoffs', forms: termForms('layoffs'), capitalised: false, role: 'topic' as const },
      { word: 'nabisco', forms: termForms('nabisco'), capitalised: true, role: 'topic' as const },
    ];
    const [layoffs, nabisco] = withNeighbours(terms);
    expect(layoffs!.forms.filter((f) => f.neighbour).map((f) => f.word)).toContain('cutbacks');
    expect(layoffs!.forms.filter((f) => f.neighbour).every((f) => f.weight < 1)).toBe(true);
    expect(nabisco!.forms).toEqual(terms[1]!.forms);
  });
});
