import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../src/util/text.ts';

describe('escapeRegExp', () => {
  it('makes a name with regex characters match only itself', () => {
    const pattern = new RegExp(`^${escapeRegExp("St. Kitts (and Nevis)? O'Neil+$1")}$`);
    expect(pattern.test("St. Kitts (and Nevis)? O'Neil+$1")).toBe(true);
    expect(pattern.test("StX Kitts and Nevis O'Neill$1")).toBe(false);
  });
});
