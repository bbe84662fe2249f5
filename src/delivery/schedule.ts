// Pure due-time computation: when a subscriber's daily digest is due, in UTC, from their
// local delivery time (HH:MM) and IANA time zone, daylight saving time included. No I/O;
// the clock is a parameter.
import { formatTimeOfDay, parseTimeOfDay } from '../util/time-of-day.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where tests put it. */
export function fixedClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(at) {
      current = new Date(at);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// One Intl formatter per time zone, made once: they hold no per-request state, so module-level.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock date and time of an instant in a time zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const values: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const year = values.year!;
  const month = values.month!;
  const day = values.day!;
  const hour = values.hour! % 24;
  const minute = values.minute!;
  const second = values.second!;
  return { date: `${year}-${pad(month)}-${pad(day)}`, time: `${pad(hour)}:${pad(minute)}`, year, month, day, hour, minute, second };
}

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return localParts(instant, timeZone).date;
}

/** UTC offset of a time zone at an instant, in ms (local = UTC + offset). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`expected a date YYYY-MM-DD, got "${date}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * The instant at which a local wall-clock time occurs on a local date. A time skipped by a
 * DST change (02:30 on a spring-forward night) moves forward by the gap (03:30); a time that
 * occurs twice (autumn) is its first occurrence.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const { year, month, day } = parseDate(date);
  const timeOfDay = parseTimeOfDay(time);
  if (!timeOfDay) throw new Error(`expected a time HH:MM, got "${time}"`);
  const { hour, minute } = timeOfDay;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = zoneOffsetMs(new Date(wall - 86_400_000), timeZone);
  const after = zoneOffsetMs(new Date(wall + 86_400_000), timeZone);
  const candidates = [...new Set([wall - before, wall - after])].sort((a, b) => a - b);
  const target = `${date} ${formatTimeOfDay(timeOfDay)}`;
  for (const t of candidates) {
    const p = localParts(new Date(t), timeZone);
    if (`${p.date} ${p.time}` === target) return new Date(t);
  }
  // In a gap: the offset from before the change puts it just after the gap.
  return new Date(wall - before);
}

/** The next local date after `date` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export interface ScheduleSubject {
  digestTime: string;
  timezone: string;
}

export interface DueInfo {
  /** The subscriber's local date now. */
  localDate: string;
  /** When today's digest is (or was) due. */
  dueAt: Date;
  /** Whether it is due now (its time has passed today). */
  due: boolean;
}

/** Today's delivery for a subscriber: local date, due instant, and whether it has passed. */
export function dueToday(subject: ScheduleSubject, now: Date): DueInfo {
  const date = localDate(now, subject.timezone);
  const dueAt = zonedTimeToUtc(date, subject.digestTime, subject.timezone);
  return { localDate: date, dueAt, due: dueAt.getTime() <= now.getTime() };
}

/** The next instant strictly after `now` at which a digest falls due. */
export function nextDueAt(subject: ScheduleSubject, now: Date): Date {
  let date = localDate(now, subject.timezone);
  for (let i = 0; i < 3; i++) {
    const at = zonedTimeToUtc(date, subject.digestTime, subject.timezone);
    if (at.getTime() > now.getTime()) return at;
    date = addDays(date, 1);
  }
  return zonedTimeToUtc(date, subject.digestTime, subject.timezone);
}
