// The sales report (reports.* channels) on a handcrafted week: every figure checked by hand
// (amounts in centavos, Manila, prices include 12% tax, the business day starts at 04:00).
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import type { SalesReport } from '../../electron/shared/contract';
import { addStaff, makeSetUpCore, makeTestCore, ManualClock, openShift, setupInput, type TestCore } from '../support/testCore';
import { countAndClose } from '../support/shiftFixtures';
import { jumpTo, local, OWNER_SELLER, refundItem, sell, staffSeller } from '../support/reportFixtures';

let t: TestCore;
afterEach(() => t?.close());

const MANILA = '+08:00';
const bea = staffSeller('bea');

/**
 * Mon 23 Nov 2026 … Sun 29 Nov in Manila:
 *  S1 Mon 09:30  3 Latte (Small, Oat: 195.00 each) = 585.00: card 200.00 + cash 385.00 (400.00 handed over)
 *  S2 Mon 13:00  2 Croissant 190.00, 5.00 off the line ("Day old") then 5% off the order ("Regular"): 175.75 by card
 *  S3 Mon 15:00  Americano 130.00 cash, cancelled at 15:05 ("Wrong drink": 130.00 back in cash)
 *  S4 Tue 01:30  Espresso 110.00 by card: before 04:00, so Monday's business day
 *  R1 Tue 10:00  1 of S1's lattes back ("Spilled"): 195.00 to the card
 *  S5 Tue 11:00  Latte (usual: Small, Whole) 165.00 by card, sold by Bea
 *  S6 Sun 20:00  Mocha 180.00 by card
 */
async function week(): Promise<{ s1: string }> {
  t = await makeSetUpCore(); // 09:30 Monday in Manila, the owner signed in, a shift open
  await addStaff(t, 'barista', 'bea');
  const s1 = await sell(t, [{ item: 'Latte', quantity: 3, options: ['Small', 'Oat'] }], () => [
    { method: 'card', amount: 20_000, reference: 'AUTH-1' },
    { method: 'cash', tendered: 40_000 },
  ]);
  expect(s1.change).toBe(1_500);
  await jumpTo(t, local('2026-11-23', '13:00', MANILA));
  await sell(t, [{ item: 'Croissant', quantity: 2, discount: { kind: 'amount', value: 500, reason: 'Day old' } }], 'card', {
    orderDiscount: { kind: 'percent', value: 500, reason: 'Regular' },
  });
  await jumpTo(t, local('2026-11-23', '15:00', MANILA));
  const s3 = await sell(t, [{ item: 'Americano' }], 'cash');
  await jumpTo(t, local('2026-11-23', '15:05', MANILA));
  await t.must('orders.cancel', { orderId: s3.order.id, reason: 'Wrong drink' });
  await jumpTo(t, local('2026-11-24', '01:30', MANILA));
  const s4 = await sell(t, [{ item: 'Espresso' }], 'card');
  expect(s4.order.orderNumber).toContain('-20261123-'); // a 01:30 sale belongs to the evening before
  await jumpTo(t, local('2026-11-24', '10:00', MANILA));
  await refundItem(t, s1.order, 'Latte', 1, 'Spilled');
  await jumpTo(t, local('2026-11-24', '11:00', MANILA), [OWNER_SELLER, bea]);
  await sell(t, [{ item: 'Latte' }], 'card', { seller: bea });
  await jumpTo(t, local('2026-11-29', '20:00', MANILA));
  await sell(t, [{ item: 'Mocha' }], 'card');
  return { s1: s1.order.id };
}

const NO_CHANGE = { gross: null, discounts: null, refunds: null, net: null, tax: null, collected: null, ordersCount: null, averageOrder: null };

describe('reports.sales', () => {
  test('a week: summary, day buckets with empty days, heatmap, best sellers, options, staff, tenders, discounts and refunds by reason', async () => {
    await week();
    const r = await t.must('reports.sales', { from: '2026-11-23', to: '2026-11-29' });

    expect(r.period).toEqual({ from: '2026-11-23', to: '2026-11-29', days: 7 });
    expect(r.previous).toEqual({ from: '2026-11-16', to: '2026-11-22', days: 7 });
    expect(r).toMatchObject({ currency: 'PHP', timezone: 'Asia/Manila', bucket: 'day' });
    // Tax: per order, half-up, inside the price (6268 + 1883 + 1393 + 1179 + 1768 + 1929 = 14420), less the cancel's 1393
    // and the refunded latte's share of its line's 6268 (2089).
    expect(r.summary).toEqual({
      gross: 136_000,
      discounts: 1_425,
      refunds: 32_500,
      net: 102_075,
      tax: 10_938,
      taxAdded: 0,
      taxByRate: [{ rateBp: 1200, tax: 10_938 }],
      tenders: {
        cash: { sales: 51_500, refunded: 13_000, collected: 38_500 },
        card: { sales: 83_075, refunded: 19_500, collected: 63_575 },
        other: { sales: 0, refunded: 0, collected: 0 },
      },
      collected: 102_075,
      ordersCount: 6,
      refundsCount: 2,
      cancellations: 1,
      averageOrder: 22_429, // (136000 − 1425) ÷ 6 = 22429.17
    });
    expect(r.previousSummary).toMatchObject({ gross: 0, net: 0, ordersCount: 0, collected: 0, averageOrder: 0 });
    expect(r.change).toEqual(NO_CHANGE);

    const day = (key: string, label: string, orders = 0, gross = 0, net = 0) => ({ key, label, orders, gross, net });
    expect(r.series).toEqual([
      day('2026-11-23', 'Mon 23 Nov', 4, 101_500, 87_075), // S1–S4, less the discount and the cancel
      day('2026-11-24', 'Tue 24 Nov', 1, 16_500, -3_000), // S5, less the refunded latte
      day('2026-11-25', 'Wed 25 Nov'),
      day('2026-11-26', 'Thu 26 Nov'),
      day('2026-11-27', 'Fri 27 Nov'),
      day('2026-11-28', 'Sat 28 Nov'),
      day('2026-11-29', 'Sun 29 Nov', 1, 18_000, 18_000),
    ]);
    expect(r.heatmap).toEqual([
      { weekday: 0, hour: 1, orders: 1, net: 11_000 }, // Tuesday 01:30 on Monday's business day
      { weekday: 0, hour: 9, orders: 1, net: 58_500 },
      { weekday: 0, hour: 13, orders: 1, net: 17_575 },
      { weekday: 0, hour: 15, orders: 1, net: 0 }, // sold and cancelled in the same hour
      { weekday: 1, hour: 10, orders: 0, net: -19_500 }, // the refund, in the hour it was issued
      { weekday: 1, hour: 11, orders: 1, net: 16_500 },
      { weekday: 6, hour: 20, orders: 1, net: 18_000 },
    ]);
    const ids = Object.fromEntries(r.items.map((i) => [i.name, i.itemId]));
    expect(r.items).toEqual([
      { itemId: ids.Latte, name: 'Latte', category: 'Espresso', quantity: 4, net: 55_500 },
      { itemId: ids.Mocha, name: 'Mocha', category: 'Espresso', quantity: 1, net: 18_000 },
      { itemId: ids.Croissant, name: 'Croissant', category: 'Bakery', quantity: 2, net: 17_575 },
      { itemId: ids.Espresso, name: 'Espresso', category: 'Espresso', quantity: 1, net: 11_000 },
      { itemId: ids.Americano, name: 'Americano', category: 'Espresso', quantity: 1, net: 0 },
    ]);
    expect(r.categories).toEqual([
      { name: 'Espresso', quantity: 7, net: 84_500 },
      { name: 'Bakery', quantity: 2, net: 17_575 },
    ]);
    // Sold quantities: the refunded latte still had its oat milk poured.
    expect(r.modifiers).toEqual([
      { group: 'Size', name: 'Small', quantity: 6, revenue: 0 },
      { group: 'Milk', name: 'Oat', quantity: 3, revenue: 9_000 },
      { group: 'Milk', name: 'Whole', quantity: 2, revenue: 0 },
    ]);
    expect(r.staff).toEqual([
      { name: 'Olivia R.', orders: 5, net: 85_575 }, // S1's refund counts against S1's seller
      { name: 'Bea T.', orders: 1, net: 16_500 },
    ]);
    expect(r.tenders).toEqual([
      { method: 'cash', count: 2, sales: 51_500, refunded: 13_000, collected: 38_500 },
      { method: 'card', count: 5, sales: 83_075, refunded: 19_500, collected: 63_575 },
    ]);
    expect(r.discounts).toEqual([{ reason: 'Regular; Day old', count: 1, amount: 1_425 }]);
    expect(r.refunds).toEqual([
      { reason: 'Spilled', count: 1, amount: 19_500 },
      { reason: 'Wrong drink', count: 1, amount: 13_000 },
    ]);
  });

  test('against the previous period of the same length, in basis points; nothing before → null', async () => {
    await week();
    const tuesday = await t.must('reports.sales', { from: '2026-11-24', to: '2026-11-24' });
    expect(tuesday.previous).toEqual({ from: '2026-11-23', to: '2026-11-23', days: 1 });
    expect(tuesday.summary).toMatchObject({ gross: 16_500, net: -3_000, refunds: 19_500, collected: -3_000, ordersCount: 1, averageOrder: 16_500 });
    expect(tuesday.previousSummary).toMatchObject({ gross: 101_500, net: 87_075, refunds: 13_000, collected: 87_075, ordersCount: 4, averageOrder: 25_019 });
    expect(tuesday.change).toEqual({
      gross: -8_374, // (16500 − 101500) ÷ 101500 = −83.74%
      discounts: -10_000, // Monday's discount, none on Tuesday
      tax: Math.round(((tuesday.summary.tax - tuesday.previousSummary.tax) * 10_000) / Math.abs(tuesday.previousSummary.tax)),
      net: -10_345, // (−3000 − 87075) ÷ 87075 = −103.45%
      refunds: 5_000,
      collected: -10_345,
      ordersCount: -7_500,
      averageOrder: -3_405, // (16500 − 25019) ÷ 25019
    });
    const monday = await t.must('reports.sales', { from: '2026-11-23', to: '2026-11-23' });
    expect(monday.change).toEqual(NO_CHANGE);
  });

  test('one day in hours: 24 buckets from the 04:00 start, the 01:30 sale near the end', async () => {
    await week();
    const r = await t.must('reports.sales', { from: '2026-11-23', to: '2026-11-23' });
    expect(r.bucket).toBe('hour');
    expect(r.series.map((b) => b.key)).toEqual([...Array.from({ length: 20 }, (_, i) => `2026-11-23T${String(i + 4).padStart(2, '0')}`), '2026-11-23T00', '2026-11-23T01', '2026-11-23T02', '2026-11-23T03']);
    expect(r.series[0]!.label).toBe('04:00');
    expect(r.series.filter((b) => b.orders || b.gross || b.net)).toEqual([
      { key: '2026-11-23T09', label: '09:00', orders: 1, gross: 58_500, net: 58_500 },
      { key: '2026-11-23T13', label: '13:00', orders: 1, gross: 19_000, net: 17_575 },
      { key: '2026-11-23T15', label: '15:00', orders: 1, gross: 13_000, net: 0 },
      { key: '2026-11-23T01', label: '01:00', orders: 1, gross: 11_000, net: 11_000 },
    ]);
    expect(r.series.reduce((a, b) => a + b.net, 0)).toBe(r.summary.net);
  });

  test('week and month buckets: ISO weeks and months of the business day, empty ones included', async () => {
    await week();
    const weeks = await t.must('reports.sales', { from: '2026-11-01', to: '2026-12-31', bucket: 'week' });
    expect(weeks.series.map((b) => [b.key, b.label, b.orders, b.net])).toEqual([
      ['2026-W44', 'W44 · 26 Oct', 0, 0], // Sunday 1 Nov belongs to the week of Monday 26 Oct
      ['2026-W45', 'W45 · 2 Nov', 0, 0],
      ['2026-W46', 'W46 · 9 Nov', 0, 0],
      ['2026-W47', 'W47 · 16 Nov', 0, 0],
      ['2026-W48', 'W48 · 23 Nov', 6, 102_075],
      ['2026-W49', 'W49 · 30 Nov', 0, 0],
      ['2026-W50', 'W50 · 7 Dec', 0, 0],
      ['2026-W51', 'W51 · 14 Dec', 0, 0],
      ['2026-W52', 'W52 · 21 Dec', 0, 0],
      ['2026-W53', 'W53 · 28 Dec', 0, 0], // 2026 has 53 ISO weeks
    ]);
    const months = await t.must('reports.sales', { from: '2026-06-01', to: '2026-12-31' }); // 214 days: months by default
    expect(months.bucket).toBe('month');
    expect(months.series.map((b) => [b.key, b.label, b.orders, b.gross])).toEqual([
      ['2026-06', 'Jun 2026', 0, 0],
      ['2026-07', 'Jul 2026', 0, 0],
      ['2026-08', 'Aug 2026', 0, 0],
      ['2026-09', 'Sept 2026', 0, 0],
      ['2026-10', 'Oct 2026', 0, 0],
      ['2026-11', 'Nov 2026', 6, 136_000],
      ['2026-12', 'Dec 2026', 0, 0],
    ]);
    expect((await t.must('reports.sales', { from: '2026-11-01', to: '2026-12-31' })).bucket).toBe('week'); // 61 days
    expect((await t.must('reports.sales', { from: '2026-11-01', to: '2026-11-30' })).bucket).toBe('day');
    // The heatmap and every table cover the whole period whatever the bucket.
    expect(months.summary.net).toBe(102_075);
    expect(months.heatmap).toHaveLength(7);
  });

  test('New York across the end of daylight saving: the business day and the local hour follow the clock on the wall', async () => {
    // Sat 31 Oct 2026 in New York (EDT, UTC−4); at 02:00 on Sun 1 Nov clocks go back to 01:00 (EST, UTC−5).
    t = makeTestCore({ clock: new ManualClock(Date.parse('2026-10-31T16:00:00Z')) });
    await t.must('setup.complete', setupInput({ timezone: 'America/New_York' }));
    await openShift(t);
    await jumpTo(t, Date.parse('2026-11-01T03:30:00Z')); // 23:30 EDT Saturday
    await sell(t, [{ item: 'Croissant' }], 'card');
    await jumpTo(t, Date.parse('2026-11-01T05:30:00Z')); // 01:30 EDT: still Saturday's business day
    await sell(t, [{ item: 'Espresso' }], 'card');
    await jumpTo(t, Date.parse('2026-11-01T06:30:00Z')); // 01:30 EST, the hour again
    await sell(t, [{ item: 'Espresso' }], 'card');
    await jumpTo(t, Date.parse('2026-11-01T09:30:00Z')); // 04:30 EST: Sunday's business day has begun
    await sell(t, [{ item: 'Americano' }], 'card');

    const r = await t.must('reports.sales', { from: '2026-10-31', to: '2026-11-01', bucket: 'hour' });
    expect(r.timezone).toBe('America/New_York');
    expect(r.series).toHaveLength(48);
    expect(r.series.filter((b) => b.orders).map((b) => [b.key, b.label, b.orders, b.gross])).toEqual([
      ['2026-10-31T23', 'Sat 31 Oct 23:00', 1, 9_500],
      ['2026-10-31T01', 'Sat 31 Oct 01:00', 2, 22_000],
      ['2026-11-01T04', 'Sun 1 Nov 04:00', 1, 13_000],
    ]);
    expect(r.heatmap).toEqual([
      { weekday: 5, hour: 1, orders: 2, net: 22_000 },
      { weekday: 5, hour: 23, orders: 1, net: 9_500 },
      { weekday: 6, hour: 4, orders: 1, net: 13_000 },
    ]);
    expect((await t.must('reports.sales', { from: '2026-10-31', to: '2026-10-31' })).summary.ordersCount).toBe(3);
  });

  test("one day's report agrees with the Z report of that day's only shift (tax added on top, split tenders, a refund and a cancel)", async () => {
    t = await makeSetUpCore({ taxRatePercent: '7.5', pricesIncludeTax: false }); // the shift opened at 09:30
    const a = await sell(t, [{ item: 'Latte', quantity: 2, options: ['Large', 'Soy', 'Vanilla syrup'] }, { item: 'Banana Bread' }], (due) => [
      { method: 'other', amount: 10_000, reference: 'GCash' },
      { method: 'cash', tendered: due - 10_000 + 4_321 },
    ], { orderDiscount: { kind: 'percent', value: 1_000, reason: 'Staff' } });
    await jumpTo(t, t.clock.current + 3_600_000);
    const b = await sell(t, [{ item: 'Matcha Latte' }, { item: 'Ensaymada', quantity: 3, discount: { kind: 'percent', value: 2_500, reason: 'Yesterday’s' } }], 'card');
    await refundItem(t, a.order, 'Banana Bread', 1, 'Stale');
    await t.must('orders.cancel', { orderId: b.order.id, reason: 'Changed their mind' });
    await sell(t, [{ item: 'Cold Brew' }], 'cash');
    const z = await countAndClose(t);
    const r = await t.must('reports.sales', { from: z.businessDay, to: z.businessDay });

    const { byCategory, byStaff, drawer: _drawer, expectedCash: _expected, inconsistentOrders, ...headline } = z.figures;
    expect(inconsistentOrders).toEqual([]);
    expect(r.summary).toEqual(headline);
    expect(r.summary.taxAdded).toBeGreaterThan(0);
    expect(r.summary.ordersCount).toBe(3);
    expect(r.summary.cancellations).toBe(1);
    const sorted = <T extends { name: string }>(xs: readonly T[]) => [...xs].sort((x, y) => x.name.localeCompare(y.name));
    expect(sorted(r.categories.map(({ name, net }) => ({ name, net })))).toEqual(sorted(byCategory));
    expect(sorted(r.staff.map(({ name, net }) => ({ name, net })))).toEqual(sorted(byStaff));
  });
});

describe('reports.exportCsv, reports.print, reports.savePdf', () => {
  test('one CSV (BOM, CRLF) with a section per table; names and reasons a spreadsheet would run stay text', async () => {
    await week();
    const r = await t.must('reports.sales', { from: '2026-11-23', to: '2026-11-29' });
    const saved = await t.must('reports.exportCsv', { from: '2026-11-23', to: '2026-11-29' });
    expect(t.saveDialog.asked.at(-1)).toEqual({ suggestedName: 'brewline-report-2026-11-23-to-2026-11-29.csv', filter: { name: 'CSV (spreadsheet)', extensions: ['csv'] } });
    expect(saved.saved).toBe(true);
    const text = fs.readFileSync(saved.path!, 'utf8');
    expect(text.startsWith('\ufeffSummary\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    const titles = rows.filter((row, i) => row.length === 1 && row[0] !== '' && (i === 0 || rows[i - 1]!.join('') === ''));
    expect(titles.map((row) => row[0])).toEqual(['Summary', 'Sales over time', 'Heatmap', 'Items', 'Categories', 'Options', 'Staff', 'Tenders', 'Discounts', 'Refunds']);
    const section = (title: string) => {
      const at = rows.findIndex((row) => row.length === 1 && row[0] === title);
      const end = rows.findIndex((row, i) => i > at && row.join('') === '');
      return rows.slice(at + 1, end === -1 ? undefined : end);
    };
    const summary = section('Summary');
    expect(summary[0]).toEqual(['Figure', 'This period', 'Previous period', 'Change (%)']);
    expect(summary).toContainEqual(['Net sales', '1020.75', '0.00', '']);
    expect(summary).toContainEqual(['Orders', '6', '0', '']);
    expect(summary).toContainEqual(['Tax at 12%', '109.38', '0.00', '']);
    expect(section('Sales over time')).toHaveLength(1 + 7);
    expect(section('Sales over time')[2]).toEqual(['2026-11-24', 'Tue 24 Nov', '1', '165.00', '-30.00']);
    expect(section('Heatmap')[1]).toEqual(['Monday', '01:00', '1', '110.00']);
    expect(section('Items').slice(1)).toEqual(r.items.map((i) => [i.name, i.category, String(i.quantity), (i.net / 100).toFixed(2)]));
    expect(section('Options')[2]).toEqual(['Milk', 'Oat', '3', '90.00']);
    expect(section('Refunds').slice(1)).toEqual([
      ['Spilled', '1', '195.00'],
      ['Wrong drink', '1', '130.00'],
    ]);
    // Every data row counted once: 10 sections' rows minus their headers.
    const dataRows = titles.reduce((n, [title]) => n + section(title!).length - 1, 0);
    expect(saved.rows).toBe(dataRows);
  });

  test('formula-like names and reasons are neutralised; a cancelled dialog writes nothing', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'cmd', { firstName: '=cmd|calc', lastName: 'X' });
    await jumpTo(t, t.clock.current, [OWNER_SELLER, staffSeller('cmd')]);
    const sale = await sell(t, [{ item: 'Latte', quantity: 2 }], 'card', { seller: staffSeller('cmd') });
    const discounted = await sell(t, [{ item: 'Latte' }], 'card', { orderDiscount: { kind: 'amount', value: 100, reason: '+SUM(A1:A9)' } });
    expect(discounted.order.total).toBe(16_400);
    await refundItem(t, sale.order, 'Latte', 1, '@HYPERLINK("http://x")');
    const saved = await t.must('reports.exportCsv', { from: '2026-11-23', to: '2026-11-23' });
    const text = fs.readFileSync(saved.path!, 'utf8');
    expect(text).toContain(`'=cmd|calc X.`);
    expect(text).toContain(`'+SUM(A1:A9)`);
    expect(text).toContain(`"'@HYPERLINK(""http://x"")"`);
    expect(text).not.toMatch(/(^|,)[=+@]/m);

    t.saveDialog.answer = null;
    const files = fs.readdirSync(t.dir).length;
    expect(await t.must('reports.exportCsv', { from: '2026-11-23', to: '2026-11-23' })).toEqual({ saved: false, path: null, rows: 0 });
    expect(fs.readdirSync(t.dir)).toHaveLength(files);
  });

  test('print and save as PDF send the summary page (escaped, no script) to the printer', async () => {
    await week();
    await t.must('settings.updateShop', { name: 'Brews <&> Chews', taxRatePercent: '12', pricesIncludeTax: true, businessDayStart: '04:00', receiptFooter: '', silentPrint: true, printerName: 'EPSON TM-T82' });
    expect(await t.must('reports.print', { from: '2026-11-23', to: '2026-11-29' })).toEqual({ printer: 'EPSON TM-T82' });
    const job = t.printer.jobs.at(-1)!;
    expect(job).toMatchObject({ silent: true, deviceName: 'EPSON TM-T82' });
    expect(job.html).toContain('<h1>Brews &lt;&amp;&gt; Chews</h1>');
    expect(job.html).toContain('2026-11-23 to 2026-11-29 (7 business days)');
    expect(job.html).toContain('<tr class="strong"><td>Net sales</td><td class="amt">₱1,020.75</td></tr>');
    expect(job.html).toContain('<td>Latte × 4</td><td class="amt">₱555.00</td>');
    expect(job.html).toContain('<td>Regular; Day old × 1</td><td class="amt">−₱14.25</td>');
    expect(job.html).not.toMatch(/<script/i);
    expect(await t.must('reports.savePdf', { from: '2026-11-24', to: '2026-11-24' })).toEqual({ saved: true, path: '/tmp/brewline-report-2026-11-24-to-2026-11-24.pdf' });
    const pdf = t.printer.pdfs.at(-1)!;
    expect(pdf.suggestedName).toBe('brewline-report-2026-11-24-to-2026-11-24.pdf');
    expect(pdf.html).toContain('2026-11-24 (1 business day)');
    expect(pdf.html).toContain('<tr class="sub"><td>&nbsp; vs previous</td><td class="amt">−103.45%</td></tr>');
  });
});

describe('who may ask, and what is refused', () => {
  test('a barista is FORBIDDEN every report channel; a manager may', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'gina');
    const period = { from: '2026-11-23', to: '2026-11-23' };
    await t.must('auth.loginPin', { username: 'bea', pin: '730516' }, 'bea');
    for (const channel of ['reports.sales', 'reports.exportCsv', 'reports.print', 'reports.savePdf'] as const) {
      expect(await t.call(channel, period, 'bea')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(t.saveDialog.asked).toEqual([]);
    expect(t.printer.jobs).toEqual([]);
    await t.must('auth.loginPin', { username: 'gina', pin: '730516' }, 'gina');
    expect((await t.must('reports.sales', period, 'gina')).summary.ordersCount).toBe(0);
  });

  test('bad periods are refused in plain words', async () => {
    t = await makeSetUpCore();
    const refusal = async (input: unknown) => {
      const r = await t.raw('reports.sales', input);
      if (r.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
      return `${r.error.code}: ${Object.values(r.error.fields ?? {}).join(' / ') || r.error.message}`;
    };
    expect(await refusal({ from: '2026-11-24', to: '2026-11-23' })).toBe('VALIDATION: The end date is before the start date');
    expect(await refusal({ from: '2026-02-30', to: '2026-03-01' })).toBe('VALIDATION: That date does not exist on the calendar');
    expect(await refusal({ from: '2023-11-28', to: '2026-12-02' })).toBe('VALIDATION: Choose at most three years'); // 1,101 days
    expect(await refusal({ from: '2026-10-01', to: '2026-11-30', bucket: 'hour' })).toBe('VALIDATION: Choose days, weeks or months for a longer period');
    // The longest period allowed (1,100 days) answers, and quickly enough to test.
    const longest = await t.must('reports.sales', { from: '2023-11-29', to: '2026-12-02' });
    expect(longest.period.days).toBe(1_100);
    expect(longest.series).toHaveLength(38); // months, Nov 2023 … Dec 2026
  });

  test('many reports at once (as a screen opening several charts) each answer the same', async () => {
    await week();
    const all = await Promise.all(Array.from({ length: 8 }, (_, i) => t.must('reports.sales', { from: '2026-11-23', to: i % 2 ? '2026-11-29' : '2026-11-24' })));
    const json = (r: SalesReport) => JSON.stringify(r);
    for (const r of all) expect(json(r)).toBe(json(all[r.period.days === 7 ? 1 : 0]!));
  });
});
