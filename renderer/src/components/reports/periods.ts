// The Reports screen's periods: presets counted back from the shop's business day as main sees
// it (never the browser clock: a till whose clock is off, or a 01:30 close, would show the
// wrong day), on plain YYYY-MM-DD strings in UTC arithmetic so no local time zone leaks in.
import type { ReportBucket } from '../../../../electron/shared/contract';
import { MAX_HOUR_BUCKET_DAYS, MAX_REPORT_DAYS } from '../../../../electron/shared/contract/reports';
import { isCalendarDay } from '../../../../electron/shared/schemas';

export type PresetId = 'today' | 'yesterday' | 'thisWeek' | 'last7' | 'thisMonth' | 'lastMonth' | 'last30' | 'thisYear' | 'custom';

export const PRESETS: { id: PresetId; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'yesterday', label: 'Yesterday' },
  { id: 'thisWeek', label: 'This week' },
  { id: 'last7', label: 'Last 7 days' },
  { id: 'thisMonth', label: 'This month' },
  { id: 'lastMonth', label: 'Last month' },
  { id: 'last30', label: 'Last 30 days' },
  { id: 'thisYear', label: 'This year' },
  { id: 'custom', label: 'Custom' },
];

export const BUCKET_LABELS: Record<ReportBucket, string> = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month' };

export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** Days from..to inclusive. */
export function daysIn(range: DayRange): number {
  return Math.round((toUtc(range.to) - toUtc(range.from)) / DAY_MS) + 1;
}

/** The preset's business days, counted from `today` (main's business day). */
export function presetRange(preset: Exclude<PresetId, 'custom'>, today: string): DayRange {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const d = addDays(today, -1);
      return { from: d, to: d };
    }
    case 'thisWeek': {
      const weekday = (new Date(toUtc(today)).getUTCDay() + 6) % 7; // Monday 0
      return { from: addDays(today, -weekday), to: today };
    }
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'thisMonth':
      return { from: fromUtc(Date.UTC(y, m, 1)), to: today };
    case 'lastMonth':
      return { from: fromUtc(Date.UTC(y, m - 1, 1)), to: fromUtc(Date.UTC(y, m, 0)) };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** Why two typed dates are not a period yet (null when they are one). Mirrors the contract's own check. */
export function customRangeProblem(range: DayRange): { field: 'from' | 'to'; message: string } | null {
  if (!isCalendarDay(range.from)) return { field: 'from', message: 'Choose a start date' };
  if (!isCalendarDay(range.to)) return { field: 'to', message: 'Choose an end date' };
  if (range.from > range.to) return { field: 'to', message: 'The end date is before the start date' };
  if (daysIn(range) > MAX_REPORT_DAYS) return { field: 'to', message: 'Choose at most three years' };
  return null;
}

/** Hour bars beyond two weeks (336 of them) are too thin to read or tap. */
export function bucketAllowed(bucket: ReportBucket, days: number): boolean {
  return bucket !== 'hour' || days <= MAX_HOUR_BUCKET_DAYS;
}

const dayWords = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayWordsYear = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Mon 23 Nov 2026", or "Mon 23 Nov – Sun 29 Nov 2026" (both years when they differ). */
export function rangeInWords(range: DayRange): string {
  const words = (d: string, withYear: boolean) => (withYear ? dayWordsYear : dayWords).format(new Date(toUtc(d))).replace(',', '');
  if (range.from === range.to) return words(range.from, true);
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  return `${words(range.from, !sameYear)} – ${words(range.to, true)}`;
}

/** Short weekday names, Monday first (the heatmap's columns; weekday 0 = Monday in the contract). */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "08:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
