import { describe, expect, it } from 'vitest';
import { windowStart } from '../../src/digest/window.ts';

describe('windowStart', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it.each([
    ['24h', '2026-11-26T12:00:00.000Z'],
    ['7d', '2026-11-20T12:00:00.000Z'],
    ['90m', '2026-11-27T10:30:00.000Z'],
    ['2w', '2026-11-13T12:00:00.000Z'],
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
  ])('%s', (spec, expected) => expect(windowStart(spec, now).toISOString()).toBe(expected));

  it('explains what it accepts', () => {
    expect(() => windowStart('yesterday', now)).toThrow(/24h, 7d/);
    expect(() => windowStart('-5h', now)).toThrow(/invalid time window/);
  });
});
