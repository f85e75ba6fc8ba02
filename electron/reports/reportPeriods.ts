// Calendar arithmetic of business days ('YYYY-MM-DD', no time zone: a business day is a date)
// and the buckets of a report's "sales over time": hour, day, ISO week, month.
import type { ReportBucket, ReportPeriod } from '../shared/contract';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD'. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The 'YYYY-MM-DD' of a day number. */
export function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (day: string, days: number): string => dayOf(dayNumber(day) + days);

/** from..to inclusive, and the same number of days just before it. */
export function periodsOf(from: string, to: string): { period: ReportPeriod; previous: ReportPeriod } {
  const days = dayNumber(to) - dayNumber(from) + 1;
  return { period: { from, to, days }, previous: { from: addDays(from, -days), to: addDays(from, -1), days } };
}

/** Monday = 0 … Sunday = 6. */
export const weekdayOf = (day: string): number => (new Date(dayNumber(day) * DAY_MS).getUTCDay() + 6) % 7;


/** ISO 8601 week of a day: '2026-W48' (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(day: string): string {
  const n = dayNumber(day);
  const thursday = n - weekdayOf(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDay(day: string, options: Intl.DateTimeFormatOptions): string {
  const id = JSON.stringify(options);
  let format = dateFormats.get(id);
  if (!format) dateFormats.set(id, (format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' })));
  return format.format(new Date(dayNumber(day) * DAY_MS));
}

/** "Mon 30 Nov". */
export const dayLabel = (day: string): string => formatDay(day, { weekday: 'short', day: 'numeric', month: 'short' });

/** "Nov 2026". */
export const monthLabel = (day: string): string => formatDay(day, { month: 'short', year: 'numeric' });

/** "W48 · 23 Nov": the ISO week and its Monday. */
export function weekLabel(day: string): string {
  const monday = addDays(day, -weekdayOf(day));
  return `W${isoWeekOf(day).slice(-2)} · ${formatDay(monday, { day: 'numeric', month: 'short' })}`;
}

/** The bucket key of a business day ('hour' keys add the hour: see hourBucketKey). */
export function bucketKey(day: string, bucket: Exclude<ReportBucket, 'hour'>): string {
  return bucket === 'day' ? day : bucket === 'week' ? isoWeekOf(day) : day.slice(0, 7);
}

/** '2026-11-30T08': business day and local hour (after midnight, an hour still belongs to the business day before). */
export const hourBucketKey = (day: string, hourKey: string): string => `${day}T${hourKey}`;

/** The local hours of a business day in the order they happen: from the hour the day starts in (04:00 → 04, 05, …, 03). */
export function hoursOfBusinessDay(dayStartMinutes: number): number[] {
  const first = Math.floor(dayStartMinutes / 60);
  return Array.from({ length: 24 }, (_, i) => (first + i) % 24);
}
