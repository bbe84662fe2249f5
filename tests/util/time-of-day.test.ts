import { describe, expect, it } from 'vitest';
import { normaliseTimeOfDay, parseTimeOfDay } from '../../src/util/time-of-day.ts';

describe('time of day', () => {
  it('reads what people write for a time and stores it as HH:MM', () => {
    const cases: [string, string][] = [
      ['07:30', '07:30'],
      ['7:30', '07:30'],
      [' 7.30 ', '07:30'],
      ['7h30', '07:30'],
      ['0730', '07:30'],
      ['730', '07:30'],
      ['7', '07:00'],
      ['7am', '07:00'],
      ['7:30 pm', '19:30'],
      ['12am', '00:00'],
      ['12pm', '12:00'],
      ['23:59', '23:59'],
      ['00:00', '00:00'],
    ];
    for (const [input, stored] of cases) expect(normaliseTimeOfDay(input), input).toBe(stored);
  });

  it('refuses what is not a time of day', () => {
    for (const input of ['25:00', '24:00', '7:60', '7:5', '13pm', '0am', 'noon', '', '7:30:00', '-1']) expect(parseTimeOfDay(input), input).toBeNull();
  });
});
