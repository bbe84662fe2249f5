// Small helpers for terminal output.
import { isDayOnly } from '../i18n/index.ts';

/** "2016-09-05 14:12 UTC" from an ISO time ("2016-09-05" for a day given without a time), or "" when unknown. */
export function formatTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (isDayOnly(date)) return date.toISOString().slice(0, 10);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}
