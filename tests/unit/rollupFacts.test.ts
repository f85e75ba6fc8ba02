// The facts a sale or refund contributes to the daily rollups (by hand), the report's change in
// basis points, and the calendar of business days (ISO weeks, weekdays, buckets).
import { describe, expect, test } from 'vitest';
import { refundFacts, saleFacts } from '../../electron/reports/rollupFacts';
import { RollupRows, type RollupRow } from '../../electron/reports/rollupWriter';
import { changeBp } from '../../electron/reports/salesReports';
import { localHourOf } from '../../electron/orders/orderNumbers';
import { hoursOfBusinessDay, isoWeekOf, periodsOf, weekdayOf } from '../../electron/reports/reportPeriods';

const DAY = '2026-11-23';
const NEXT_DAY = '2026-11-24';

describe('rollup facts, changes and business days', () => {
  test('hand example: options sold per unit and pick, reasons, hours; a refund with no lines counts only as a refund issued', () => {
    const facts: RollupRow[] = [];
    const sink = { add: (...row: RollupRow) => void facts.push(row) };
    saleFacts(
      {
        businessDay: DAY,
        staffName: 'Bea T.',
        taxRateBp: 1200,
        pricesIncludeTax: true,
        hour: 1,
        discountReason: 'Regular; Day old',
        lines: [
          { itemId: 'latte', quantity: 2, gross: 50_000, discount: 2_000, tax: 5_143, modifiers: [{ group: 'Milk', name: 'Oat', priceDelta: 3_000 }, { group: 'Extras', name: 'Vanilla', priceDelta: 2_500 }, { group: 'Extras', name: 'Vanilla', priceDelta: 2_500 }] },
        ],
        payments: [{ method: 'card', amount: 48_000 }],
      },
      sink,
    );
    expect(facts).toEqual([
      [DAY, 'item', 'latte', 0, 2, 50_000, 2_000, 0, 0],
      [DAY, 'modifier', 'Milk\u001fOat', 0, 2, 6_000, 0, 0, 0],
      [DAY, 'modifier', 'Extras\u001fVanilla', 0, 2, 5_000, 0, 0, 0],
      [DAY, 'modifier', 'Extras\u001fVanilla', 0, 2, 5_000, 0, 0, 0], // two pumps on each of 2 lattes: 4 sold
      [DAY, 'total', '', 1, 2, 50_000, 2_000, 0, 5_143],
      [DAY, 'pricing', 'inclusive', 1, 0, 0, 0, 0, 5_143],
      [DAY, 'rate', '1200', 1, 0, 0, 0, 0, 5_143],
      [DAY, 'tender', 'card', 1, 0, 48_000, 0, 0, 0],
      [DAY, 'staff', 'Bea T.', 1, 0, 50_000, 2_000, 0, 0],
      [DAY, 'hour', '01', 1, 0, 50_000, 2_000, 0, 0],
      [DAY, 'discountReason', 'Regular; Day old', 1, 0, 0, 2_000, 0, 0],
    ]);
    facts.length = 0;
    const cancel = { refundId: 'r', businessDay: NEXT_DAY, kind: 'cancel' as const, reason: 'Customer left', hour: 23, staffName: 'Bea T.', taxRateBp: 1200, pricesIncludeTax: false, lines: [], tenders: [] };
    refundFacts(cancel, sink);
    expect(facts).toEqual([
      [NEXT_DAY, 'refundKind', 'cancel', 1, 0, 0, 0, 0, 0],
      [NEXT_DAY, 'refundReason', 'Customer left', 1, 0, 0, 0, 0, 0],
    ]);
    facts.length = 0;
    // Tax-exclusive: refunds on the sales basis (what was handed back less its tax), by the hour and tender it went back on.
    refundFacts({ ...cancel, kind: 'refund', reason: 'Spilled', lines: [{ itemId: 'latte', amount: 10_750, tax: 750 }], tenders: [{ method: 'cash', amount: 10_750 }, { method: 'card', amount: 0 }] }, sink);
    expect(facts).toEqual([
      [NEXT_DAY, 'item', 'latte', 0, 0, 0, 0, 10_000, 0],
      [NEXT_DAY, 'total', '', 0, 0, 0, 0, 10_000, -750],
      [NEXT_DAY, 'pricing', 'exclusive', 0, 0, 0, 0, 0, -750],
      [NEXT_DAY, 'rate', '1200', 0, 0, 0, 0, 0, -750],
      [NEXT_DAY, 'staff', 'Bea T.', 0, 0, 0, 0, 10_000, 0],
      [NEXT_DAY, 'hour', '23', 0, 0, 0, 0, 10_000, 0],
      [NEXT_DAY, 'tender', 'cash', 0, 0, 0, 0, 10_750, 0],
      [NEXT_DAY, 'refundKind', 'refund', 1, 0, 0, 0, 0, 0],
      [NEXT_DAY, 'refundReason', 'Spilled', 1, 0, 0, 0, 10_750, 0],
    ]);
    // The same facts summed per row, as the checkout upserts them: the two pumps are one row.
    const rows = new RollupRows();
    for (const f of facts) rows.add(...f);
    expect(rows.size).toBe(facts.length);
  });

  test('change in basis points: half away from zero, against the size of the previous figure; null with nothing before', () => {
    expect(changeBp(16_500, 101_500)).toBe(-8_374);
    expect(changeBp(3, 2)).toBe(5_000);
    expect(changeBp(2, 3)).toBe(-3_333);
    expect(changeBp(1, 200_000)).toBe(-10_000); // −99.9995% rounds to −100%
    expect(changeBp(-3_000, -1_000)).toBe(-20_000); // a bigger loss is down 200%
    expect(changeBp(1_000, -1_000)).toBe(20_000);
    expect(changeBp(5, 0)).toBeNull();
    expect(changeBp(0, 0)).toBeNull();
  });

  test('business days: ISO weeks across years, weekdays, default buckets, hours from the day start', () => {
    expect(['2026-12-31', '2027-01-01', '2027-01-03', '2027-01-04', '2025-12-29', '2024-12-30', '2020-12-31', '2021-01-03'].map(isoWeekOf)).toEqual([
      '2026-W53',
      '2026-W53',
      '2026-W53',
      '2027-W01',
      '2026-W01',
      '2025-W01',
      '2020-W53',
      '2020-W53',
    ]);
    expect(['2026-11-23', '2026-11-29', '2024-02-29'].map(weekdayOf)).toEqual([0, 6, 3]);
    expect(hoursOfBusinessDay(5 * 60 + 30).slice(0, 3)).toEqual([5, 6, 7]);
    expect(hoursOfBusinessDay(0).at(-1)).toBe(23);
    expect(periodsOf('2024-02-28', '2024-03-01')).toEqual({ period: { from: '2024-02-28', to: '2024-03-01', days: 3 }, previous: { from: '2024-02-25', to: '2024-02-27', days: 3 } });
  });

  test('the local hour follows the wall clock through DST changes and half- and quarter-hour zones (as Intl says)', () => {
    // New York, 1 Nov 2026: 01:30 EDT, 01:30 again in EST, then 02:30 EST.
    expect(['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-01T07:30:00Z'].map((at) => localHourOf(Date.parse(at), 'America/New_York'))).toEqual([1, 1, 2]);
    expect(localHourOf(Date.parse('2026-11-23T17:30:00Z'), 'Asia/Manila')).toBe(1);
    const intlHour = (at: number, zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(at)));
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];
    for (let at = Date.parse('2026-01-01T00:00:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += 7 * 3_600_000 + 13 * 60_000 + 7_000) {
      for (const zone of zones) expect(localHourOf(at, zone)).toBe(intlHour(at, zone));
    }
  });
});
