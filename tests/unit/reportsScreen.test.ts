// The Reports screen's own arithmetic (renderer/src/components/reports): presets counted from
// main's business day across month, year and leap-day edges, the custom-period checks, the
// default bucket, percent words, and the heatmap's rows (the night left out, lulls folded).
import { describe, expect, it } from 'vitest';
import { busyHours, heatRows } from '../../renderer/src/components/reports/heatRows';
import { defaultBucket } from '../../electron/shared/contract';
import { bucketAllowed, customRangeProblem, daysIn, presetRange, rangeInWords } from '../../renderer/src/components/reports/periods';
import { percentWords } from '../../renderer/src/components/reports/reportFormat';

describe('presets', () => {
  it('count from a Thursday: this week starts on Monday, last 7 and 30 days end today', () => {
    const today = '2026-11-26'; // a Thursday
    expect(presetRange('today', today)).toEqual({ from: today, to: today });
    expect(presetRange('yesterday', today)).toEqual({ from: '2026-11-25', to: '2026-11-25' });
    expect(presetRange('thisWeek', today)).toEqual({ from: '2026-11-23', to: today });
    expect(presetRange('last7', today)).toEqual({ from: '2026-11-20', to: today });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-11-01', to: today });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('last30', today)).toEqual({ from: '2026-10-28', to: today });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: today });
  });

  it('on a Monday this week is one day; on a Sunday it is seven', () => {
    expect(presetRange('thisWeek', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(presetRange('thisWeek', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });

  it('cross month, year and leap-day edges', () => {
    expect(presetRange('yesterday', '2027-01-01')).toEqual({ from: '2026-12-31', to: '2026-12-31' });
    expect(presetRange('lastMonth', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('lastMonth', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetRange('thisWeek', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-01' }); // a Friday
    expect(presetRange('last7', '2028-03-02')).toEqual({ from: '2028-02-25', to: '2028-03-02' });
  });
});

describe('custom periods', () => {
  it('refuse missing, impossible, reversed and over-long ranges in words', () => {
    expect(customRangeProblem({ from: '', to: '2026-11-26' })).toEqual({ field: 'from', message: 'Choose a start date' });
    expect(customRangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toEqual({ field: 'from', message: 'Choose a start date' });
    expect(customRangeProblem({ from: '2026-11-26', to: '2026-13-01' })).toEqual({ field: 'to', message: 'Choose an end date' });
    expect(customRangeProblem({ from: '2026-11-26', to: '2026-11-25' })).toEqual({ field: 'to', message: 'The end date is before the start date' });
    expect(customRangeProblem({ from: '2024-01-01', to: '2027-12-31' })).toEqual({ field: 'to', message: 'Choose at most three years' });
    expect(customRangeProblem({ from: '2026-11-26', to: '2026-11-26' })).toBeNull();
  });

  it('count days inclusively, and the last allowed length is still a period', () => {
    expect(daysIn({ from: '2026-11-23', to: '2026-11-26' })).toBe(4);
    expect(daysIn({ from: '2028-02-28', to: '2028-03-01' })).toBe(3);
    expect(customRangeProblem({ from: '2024-01-01', to: '2027-01-04' })).toBeNull(); // 1,100 days
    expect(customRangeProblem({ from: '2024-01-01', to: '2027-01-05' })).not.toBeNull();
  });
});

describe('buckets', () => {
  it('follow the period: hours for a day or two, then days, weeks, months', () => {
    expect([1, 2, 3, 45, 46, 190, 191, 365].map((d) => defaultBucket(d))).toEqual(['hour', 'hour', 'day', 'day', 'week', 'week', 'month', 'month']);
  });
  it('offer hours for up to two weeks only', () => {
    expect(bucketAllowed('hour', 14)).toBe(true);
    expect(bucketAllowed('hour', 15)).toBe(false);
    expect(bucketAllowed('month', 1)).toBe(true);
  });
});

describe('words', () => {
  it('say ranges with the year once, or twice across a new year', () => {
    expect(rangeInWords({ from: '2026-11-23', to: '2026-11-26' })).toBe('Mon 23 Nov – Thu 26 Nov 2026');
    expect(rangeInWords({ from: '2026-11-26', to: '2026-11-26' })).toBe('Thu 26 Nov 2026');
    expect(rangeInWords({ from: '2026-12-28', to: '2027-01-03' })).toBe('Mon 28 Dec 2026 – Sun 3 Jan 2027');
  });
  it('say a change in basis points with one decimal, and none against nothing', () => {
    expect(percentWords(1250)).toBe('12.5%');
    expect(percentWords(-300)).toBe('3.0%');
    expect(percentWords(97308)).toBe('973.1%');
    expect(percentWords(1_234_567)).toBe('12,345.7%');
    expect(percentWords(4)).toBe('0.0%');
  });
});

describe('heatmap rows', () => {
  it('leave the night out and start after it, even when the shop closes after midnight', () => {
    expect(busyHours(new Set([8, 9, 10]))).toEqual([8, 9, 10]);
    expect(busyHours(new Set([7, 10, 12, 15, 18, 22, 1]))).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1]);
    expect(busyHours(new Set(Array.from({ length: 24 }, (_, h) => h)))).toHaveLength(24);
    expect(busyHours(new Set([5]))).toEqual([5]);
    expect(busyHours(new Set())).toEqual([]);
  });

  it('fold three or more quiet hours into one row, keep shorter lulls as hours', () => {
    const busy = new Set([1, 8, 9, 14]);
    expect(heatRows(busyHours(busy), busy)).toEqual([
      { kind: 'hour', hour: 1 },
      { kind: 'quiet', from: 2, to: 7 },
      { kind: 'hour', hour: 8 },
      { kind: 'hour', hour: 9 },
      { kind: 'quiet', from: 10, to: 13 },
      { kind: 'hour', hour: 14 },
    ]);
    const lull = new Set([7, 10]);
    expect(heatRows(busyHours(lull), lull)).toEqual([
      { kind: 'hour', hour: 7 },
      { kind: 'hour', hour: 8 },
      { kind: 'hour', hour: 9 },
      { kind: 'hour', hour: 10 },
    ]);
  });
});
