import { describe, expect, it } from 'vitest';
import { StoreMemos, type MemoKind } from '../../src/store/memos.ts';

describe('StoreMemos', () => {
  it('makes one memo per kind on first use and keeps it; another store gets its own', () => {
    let made = 0;
    const counts: MemoKind<Map<number, string>> = {
      name: 'test',
      create: () => {
        made++;
        return new Map();
      },
    };
    const one = new StoreMemos();
    const two = new StoreMemos();
    one.of(counts).set(1, 'from the first store');
    expect(one.of(counts).get(1)).toBe('from the first store');
    expect(two.of(counts).get(1)).toBeUndefined();
    expect(made).toBe(2);
  });
});
