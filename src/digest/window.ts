// Time windows for digests: "24h", "7d", "90m", "2w", or an ISO date.

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The start of a window ending at `now`; throws a readable error for anything else. */
export function windowStart(spec: string, now: Date): Date {
  const trimmed = spec.trim().toLowerCase();
  const relative = /^(\d{1,4})\s*([mhdw])$/.exec(trimmed);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!]!);
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const date = new Date(spec.trim());
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new Error(`invalid time window "${spec}": use a duration like 24h, 7d, 90m, 2w, or a date like 2026-11-01`);
}
