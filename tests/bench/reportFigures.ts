// Sales reports on the two-year database (DESIGN.md §6: one day < 20 ms, 30 days with the charts'
// series < 100 ms, 365 days < 300 ms), through the router as the owner, so each report is built by
// the read worker from the daily rollups exactly as in the app. Also: the longest add-to-cart on
// the till while 365-day reports run back to back and a 100,000-order export runs (< 50 ms), a check that a generated day's report
// equals computeFigures over that day's orders, the rollups' share of the file, and the plan of
// every report query.
import fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { computeFigures } from '../../electron/reports/figures';
import { REPORT_SQL } from '../../electron/reports/salesReports';
import { addDays } from '../../electron/reports/reportPeriods';
import { SalesRecords } from '../../electron/reports/salesRecords';
import type { ChannelInput } from '../../electron/shared/contract';
import type { TestCore } from '../support/testCore';
import type { BenchClock } from './counter';
import { ms, QUICK, stats, type Table } from './report';

const BUDGETS: [label: string, days: number, budgetMs: number][] = [
  ['one day (hours)', 1, 20],
  ['30 days (days)', 30, 100],
  ['365 days (months)', 365, 300],
];

export async function reportFigures(t: TestCore<BenchClock>, senderId: string, orders: number, table: Table, till?: { senderId: string; addItem: ChannelInput<'cart.addItem'> }): Promise<void> {
  const size = (orders / 1000).toLocaleString('en') + 'k';
  const { sqlite } = t.core;
  const last = sqlite.prepare(`select max(business_day) from orders`).pluck().get() as string;
  const samples = QUICK ? 10 : 30;
  const report = async (input: ChannelInput<'reports.sales'>) => {
    const r = await t.call('reports.sales', input, senderId);
    if (!r.ok) throw new Error(`reports.sales failed: ${r.error.message}`);
    return r.value;
  };
  for (let i = 0; i < 3; i++) await report({ from: last, to: last }); // the worker starts and prepares its statements

  for (const [label, days, budget] of BUDGETS) {
    const took: number[] = [];
    let note = '';
    for (let i = 0; i < samples; i++) {
      // A different period each time, ending on each of the last `samples` days.
      const to = addDays(last, -i);
      const began = performance.now();
      const r = await report({ from: addDays(to, -(days - 1)), to });
      took.push(performance.now() - began);
      note = `${r.summary.ordersCount.toLocaleString('en')} orders, ${r.series.length} ${r.bucket} buckets, ${r.items.length} items, ${r.heatmap.length} heatmap cells`;
    }
    const s = stats(took);
    table.add(`sales report, ${label} (${size} orders)`, { p50: ms(s.p50), p99: ms(s.max) }, `max < ${budget} ms`, s.max < budget, `${s.n} reports; ${note}; with the previous period`);
  }

  // The rollups agree with the orders: a generated day's report (the last before today's) against computeFigures over its records.
  const day = (sqlite.prepare(`select max(business_day) from orders where business_day < ?`).pluck().get(last) as string | null) ?? last;
  const r = await report({ from: day, to: day });
  const { byCategory: _c, byStaff: _s, drawer: _d, expectedCash: _e, inconsistentOrders: _i, ...headline } = computeFigures(new SalesRecords(sqlite).readDays(day));
  const agrees = JSON.stringify(r.summary) === JSON.stringify(headline);
  table.add(`  report of ${day} = computeFigures over its orders`, {}, 'equal', agrees, agrees ? `net ${r.summary.net}, ${r.summary.ordersCount} orders, ${r.summary.refundsCount} refunds` : 'the rollups disagree with the orders');

  if (till) await saleDuringReports(t, senderId, till, last, table);

  const rollupBytes = (() => {
    try {
      return sqlite.prepare(`select sum(pgsize) from dbstat where name = 'sales_rollups'`).pluck().get() as number;
    } catch {
      return null; // a SQLite without dbstat
    }
  })();
  const rows = sqlite.prepare(`select count(*) from sales_rollups`).pluck().get() as number;
  table.add(`  sales rollups: rows and size`, {}, '—', 'info', `${rows.toLocaleString('en')} rows${rollupBytes === null ? '' : `, ${(rollupBytes / 2 ** 20).toFixed(1)} MiB = ${Math.round(rollupBytes / orders)} B per order`}`);

  printPlans(t, addDays(last, -364), last);
}

/**
 * DESIGN §8 / issue 10: a till adding to its cart every 20 ms while the owner runs 365-day reports
 * back to back AND a 100,000-order CSV export runs, all at once: the longest add-to-cart (measured
 * from when the tap was due, so a stalled main loop shows in full).
 */
async function saleDuringReports(t: TestCore<BenchClock>, office: string, till: { senderId: string; addItem: ChannelInput<'cart.addItem'> }, last: string, table: Table): Promise<void> {
  const { sqlite } = t.core;
  // The most recent days holding 100,000 orders (all of them on a quick run's smaller database).
  const days = sqlite.prepare(`select business_day day, count(*) n from orders group by business_day order by business_day desc`).all() as { day: string; n: number }[];
  let from = last;
  let inExport = 0;
  for (const d of days) {
    from = d.day;
    inExport += d.n;
    if (inExport >= 100_000) break;
  }
  const loop = monitorEventLoopDelay({ resolution: 5 });
  let stop = false;
  const reports = (async () => {
    let n = 0;
    while (!stop) {
      const to = addDays(last, -(n % 30));
      const r = await t.call('reports.sales', { from: addDays(to, -364), to }, office);
      if (!r.ok) throw new Error(`reports.sales failed: ${r.error.message}`);
      n++;
    }
    return n;
  })();
  const exportId = crypto.randomUUID();
  const started = performance.now();
  const begun = await t.call('orders.exportCsv', { exportId, filters: { from, to: last } }, office);
  if (!begun.ok) throw new Error(`orders.exportCsv failed: ${begun.error.message}`);
  let exported = begun.value;
  const adds: number[] = [];
  loop.enable();
  // Until the export is done, and at least 6 s (2 s quick) of reports.
  for (let k = 0; exported.state === 'running' || performance.now() - started < (QUICK ? 2_000 : 6_000); k++) {
    const due = started + k * 20;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const r = await t.call('cart.addItem', till.addItem, till.senderId);
    if (!r.ok) throw new Error(`cart.addItem failed: ${r.error.message}`);
    adds.push(performance.now() - due);
    if (k % 50 === 49) await t.call('cart.clear', {}, till.senderId);
    if (k % 10 === 0 && exported.state === 'running') exported = await t.must('orders.exportProgress', { exportId }, office);
  }
  loop.disable();
  stop = true;
  const n = await reports;
  await t.call('cart.clear', {}, till.senderId);
  if (exported.state !== 'done') throw new Error(`the export ended ${exported.state}: ${exported.error}`);
  fs.rmSync(exported.path!, { force: true });
  const s = stats(adds);
  table.add(
    `add-to-cart while 365-day reports and a ${exported.done.toLocaleString('en')}-order export run`,
    { p50: ms(s.p50), p99: ms(s.max) },
    'longest < 50 ms',
    s.max < 50,
    `${s.n} taps every 20 ms (delay from when due), ${n} reports meanwhile; longest event-loop stall ${loop.max > 0 ? ms(loop.max / 1e6) : '—'}`,
  );
}

/** EXPLAIN QUERY PLAN of every report query (DESIGN §6): ranges of the rollups' primary key, no full scan. */
function printPlans(t: TestCore<BenchClock>, from: string, to: string): void {
  const { sqlite } = t.core;
  const anyItem = sqlite.prepare(`select key from sales_rollups where business_day = ? and dim = 'item' limit 1`).pluck().get(to) as string | undefined;
  console.log(`\nQuery plans (EXPLAIN QUERY PLAN) of the sales report (${from} to ${to}) on the big database:`);
  for (const [name, sql] of Object.entries(REPORT_SQL)) {
    const args = name === 'item' ? [anyItem ?? ''] : [from, to];
    console.log(`  ${name}`);
    for (const row of sqlite.prepare(`explain query plan ${sql}`).all(...args) as { detail: string }[]) console.log(`    ${row.detail}`);
  }
}
