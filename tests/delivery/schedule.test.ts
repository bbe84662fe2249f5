import { describe, expect, it } from 'vitest';
import { addDays, dueToday, localParts, nextDueAt, zonedTimeToUtc } from '../../src/delivery/schedule.ts';

describe('due-time computation', () => {
  it('Tokyo 08:00 is 23:00 UTC the day before (no DST)', () => {
    expect(zonedTimeToUtc('2026-11-01', '08:00', 'Asia/Tokyo').toISOString()).toBe('2026-10-31T23:00:00.000Z');
    const tokyo = { digestTime: '08:00', timezone: 'Asia/Tokyo' };
    expect(dueToday(tokyo, new Date('2026-10-31T22:59:00Z'))).toMatchObject({ localDate: '2026-11-01', due: false });
    expect(dueToday(tokyo, new Date('2026-10-31T23:00:00Z'))).toMatchObject({ localDate: '2026-11-01', due: true });
  });

  it('New York 08:00 moves from 12:00 to 13:00 UTC when DST ends on 2026-11-01', () => {
    expect(zonedTimeToUtc('2026-10-31', '08:00', 'America/New_York').toISOString()).toBe('2026-10-31T12:00:00.000Z');
    expect(zonedTimeToUtc('2026-11-01', '08:00', 'America/New_York').toISOString()).toBe('2026-11-01T13:00:00.000Z');
    expect(zonedTimeToUtc('2026-11-02', '08:00', 'America/New_York').toISOString()).toBe('2026-11-02T13:00:00.000Z');
    const ny = { digestTime: '08:00', timezone: 'America/New_York' };
    expect(nextDueAt(ny, new Date('2026-10-31T12:00:00Z')).toISOString()).toBe('2026-11-01T13:00:00.000Z');
    expect(dueToday(ny, new Date('2026-11-01T12:30:00Z'))).toMatchObject({ localDate: '2026-11-01', due: false });
  });

  it('New York in spring: 08:00 is 13:00 UTC before and 12:00 UTC after 2026-03-08', () => {
    expect(zonedTimeToUtc('2026-03-07', '08:00', 'America/New_York').toISOString()).toBe('2026-03-07T13:00:00.000Z');
    expect(zonedTimeToUtc('2026-03-08', '08:00', 'America/New_York').toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });

  it('a skipped local time moves forward by the gap; a repeated one is its first occurrence', () => {
    // 02:30 does not exist on 2026-03-08 in New York: 03:30 EDT.
    expect(zonedTimeToUtc('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: first at 01:30 EDT (05:30 UTC).
    expect(zonedTimeToUtc('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // Europe/Berlin, spring forward 2026-03-29 02:00 -> 03:00.
    expect(zonedTimeToUtc('2026-03-29', '02:15', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:15:00.000Z');
  });

  it('works for half-hour zones and the date line', () => {
    expect(zonedTimeToUtc('2026-06-01', '08:00', 'Asia/Kolkata').toISOString()).toBe('2026-06-01T02:30:00.000Z');
    expect(zonedTimeToUtc('2026-06-01', '08:00', 'Pacific/Kiritimati').toISOString()).toBe('2026-05-31T18:00:00.000Z');
    expect(localParts(new Date('2026-05-31T18:00:00Z'), 'Pacific/Kiritimati')).toMatchObject({ date: '2026-06-01', time: '08:00' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('midnight and 23:59 delivery times', () => {
    expect(zonedTimeToUtc('2026-11-01', '00:00', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(zonedTimeToUtc('2026-11-01', '23:59', 'America/New_York').toISOString()).toBe('2026-11-02T04:59:00.000Z');
  });
});
