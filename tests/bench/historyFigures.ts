// Order history on the two-year database (DESIGN.md §6: a 50-row page at any depth, p99 < 10 ms;
// a CSV export of 100,000 orders < 5 s), through the router as the owner, so every page and count
// is answered by the read worker as in the app: the first page; pages 50% and 95% of the way down
// and at the very oldest orders; a filtered page (one person + 30 days) at several depths; the
// count and total for a month; a budgeted step of a rare customer search; and a 100,000-order
// export on its own worker while a till keeps adding to its cart. The cursors are made from the
// rows at those depths (untimed); every query shape's plan is printed.
import fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { historyPlans, SCAN_BUDGET } from '../../electron/orders/orderSearch';
import type { ChannelInput, OrderFilters } from '../../electron/shared/contract';
import type { TestCore } from '../support/testCore';
import type { BenchClock } from './counter';
import { ms, QUICK, stats, type Table } from './report';

const EXPORT_ORDERS = 100_000;

export async function historyFigures(t: TestCore<BenchClock>, senderId: string, orders: number, table: Table, till?: { senderId: string; addItem: ChannelInput<'cart.addItem'> }): Promise<void> {
  const size = (orders / 1000).toLocaleString('en') + 'k';
  const { sqlite } = t.core;
  const samples = QUICK ? 50 : 200;

  /** p50/p99 of `samples` calls (after 10 untimed: the worker warms its statements). */
  const timed = async (name: string, input: ChannelInput<'orders.list'>, note = ''): Promise<void> => {
    const took: number[] = [];
    let rows = 0;
    for (let i = 0; i < samples + 10; i++) {
      const began = performance.now();
      const r = await t.call('orders.list', input, senderId);
      if (!r.ok) throw new Error(`orders.list failed: ${r.error.message}`);
      if (i >= 10) took.push(performance.now() - began);
      rows = r.value.orders.length;
    }
    const s = stats(took);
    table.add(`order history page of 50, ${name} (${size} orders)`, { p50: ms(s.p50), p99: ms(s.p99) }, 'p99 < 10 ms', s.p99 < 10, `${s.n} pages of ${rows}${note ? `; ${note}` : ''}`);
  };

  // ---------- unfiltered pages at any depth ----------
  const at = sqlite.prepare(`select created_at, id from orders order by created_at desc, id desc limit 1 offset ?`);
  const cursorAt = (offset: number) => {
    const row = at.get(Math.max(0, Math.min(orders - 1, offset))) as { created_at: number; id: string };
    return `${row.created_at}_${row.id}`;
  };
  await timed('first page', { limit: 50 });
  await timed('50% deep', { limit: 50, before: cursorAt(Math.floor(orders * 0.5)) });
  await timed('95% deep', { limit: 50, before: cursorAt(Math.floor(orders * 0.95)) });
  await timed('the oldest orders', { limit: 50, before: cursorAt(orders - 30) });

  // ---------- one person + 30 days, at several depths ----------
  const lastDay = sqlite.prepare(`select max(business_day) from orders`).pluck().get() as string;
  const dayBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  // The month ending a week before the last day: orders newer than the range are there to be skipped.
  const to = dayBefore(lastDay, 7);
  const from = dayBefore(to, 29);
  const staffId = sqlite.prepare(`select user_id from orders where business_day between ? and ? group by user_id order by count(*) desc limit 1`).pluck().get(from, to) as string;
  const staffMonth: OrderFilters = { staffId, from, to };
  const inFilter = sqlite
    .prepare(`select created_at, id from orders where user_id = ? and business_day between ? and ? order by created_at desc, id desc limit 1 offset ?`)
    .raw();
  const filtered = sqlite.prepare(`select count(*) from orders where user_id = ? and business_day between ? and ?`).pluck().get(staffId, from, to) as number;
  const filteredCursor = (offset: number) => {
    const [createdAt, id] = inFilter.get(staffId, from, to, Math.max(0, Math.min(filtered - 1, offset))) as [number, string];
    return `${createdAt}_${id}`;
  };
  const note = `one person, ${from}…${to}: ${filtered.toLocaleString('en')} orders`;
  await timed('one person + 30 days, first page', { limit: 50, filters: staffMonth }, note);
  await timed('one person + 30 days, 50% deep', { limit: 50, filters: staffMonth, before: filteredCursor(Math.floor(filtered * 0.5)) }, note);
  await timed('one person + 30 days, last page', { limit: 50, filters: staffMonth, before: filteredCursor(filtered - 30) }, note);
  // The range's rows sit below every newer one in the newest-first order.
  const newer = sqlite.prepare(`select count(*) from orders where business_day > ?`).pluck().get(to) as number;
  const inRange = sqlite.prepare(`select count(*) from orders where business_day between ? and ?`).pluck().get(from, to) as number;
  await timed('30 days, 95% deep', { limit: 50, filters: { from, to }, before: cursorAt(newer + Math.floor(inRange * 0.95)) }, `${inRange.toLocaleString('en')} orders`);
  await timed('one business day (a barista, Today)', { limit: 50, filters: { from: lastDay, to: lastDay } });

  // ---------- the count line ----------
  const totals: number[] = [];
  let counted = '';
  for (let i = 0; i < samples + 10; i++) {
    const began = performance.now();
    const r = await t.call('orders.totals', { filters: { from, to } }, senderId);
    if (!r.ok) throw new Error(`orders.totals failed: ${r.error.message}`);
    if (i >= 10) totals.push(performance.now() - began);
    counted = `${r.value.count.toLocaleString('en')} orders`;
  }
  const ts = stats(totals);
  table.add(`order history count and total, 30 days (${size} orders)`, { p50: ms(ts.p50), p99: ms(ts.p99) }, '—', 'info', `${ts.n} counts of ${counted}`);

  // ---------- a rare customer with no dates: one budgeted step ----------
  const steps: number[] = [];
  for (let i = 0; i < Math.min(samples, 50) + 5; i++) {
    const began = performance.now();
    const r = await t.call('orders.list', { limit: 50, filters: { customer: 'nobody by this name' } }, senderId);
    if (!r.ok) throw new Error(`orders.list failed: ${r.error.message}`);
    if (i >= 5) steps.push(performance.now() - began);
  }
  const ss = stats(steps);
  table.add(
    `order history, a customer no order has, no dates: one step (${size} orders)`,
    { p50: ms(ss.p50), p99: ms(ss.p99) },
    '—',
    'info',
    `each step walks ${SCAN_BUDGET.toLocaleString('en')} orders and answers; all ${size}: ${Math.ceil(orders / SCAN_BUDGET)} steps ≈ ${ms((ss.p50 * orders) / SCAN_BUDGET)}`,
  );

  // ---------- a 100,000-order export while the till adds to its cart ----------
  await exportFigure(t, senderId, orders, lastDay, table, till);

  console.log('\nQuery plans (EXPLAIN QUERY PLAN) of the history, its count and its export:');
  for (const { name, plan } of historyPlans(sqlite, { staffId, from, to, day: lastDay })) {
    console.log(`  ${name}`);
    for (const line of plan) console.log(`    ${line}`);
  }
}

async function exportFigure(t: TestCore<BenchClock>, senderId: string, orders: number, lastDay: string, table: Table, till?: { senderId: string; addItem: ChannelInput<'cart.addItem'> }): Promise<void> {
  const { sqlite } = t.core;
  // The most recent days holding 100,000 orders (all of them on a quick run's smaller database).
  const want = Math.min(EXPORT_ORDERS, orders);
  const days = sqlite.prepare(`select business_day day, count(*) n from orders group by business_day order by business_day desc`).all() as { day: string; n: number }[];
  let from = lastDay;
  let n = 0;
  for (const d of days) {
    from = d.day;
    n += d.n;
    if (n >= want) break;
  }
  const filters: OrderFilters = { from, to: lastDay };
  // An export starts a worker of its own; under tsx (the bench) that includes compiling it, which
  // the app's bundled worker does not: shown apart so the export's own time can be read.
  const spawn = performance.now();
  await t.core.services.reads.runAlone('pool.echo', { value: null });
  const startup = performance.now() - spawn;
  const exportId = crypto.randomUUID();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const taps: number[] = [];
  let running = true;
  // The till keeps tapping items into its cart meanwhile (the longest tap is what a barista feels).
  const tapping = (async () => {
    if (!till) return;
    while (running) {
      const began = performance.now();
      await t.must('cart.addItem', till.addItem, till.senderId);
      taps.push(performance.now() - began);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  loop.enable();
  const began = performance.now();
  const start = await t.call('orders.exportCsv', { exportId, filters }, senderId);
  if (!start.ok) throw new Error(`orders.exportCsv failed: ${start.error.message}`);
  let progress = start.value;
  while (progress.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    progress = await t.must('orders.exportProgress', { exportId }, senderId);
  }
  const took = performance.now() - began;
  running = false;
  await tapping;
  loop.disable();
  if (progress.state !== 'done') throw new Error(`the export ended ${progress.state}: ${progress.error}`);
  const bytes = fs.statSync(progress.path!).size;
  fs.rmSync(progress.path!, { force: true });
  const label = `CSV export of ${progress.done.toLocaleString('en')} orders, ${from}…${lastDay} (own worker)`;
  const target = want === EXPORT_ORDERS ? took < 5000 : 'info';
  table.add(label, { p50: ms(took) }, '< 5 s for 100,000', target, `${(bytes / 2 ** 20).toFixed(1)} MiB; a solo worker starts in ${ms(startup)} of that; longest main-loop stall ${ms(loop.max / 1e6)}`);
  if (till && taps.length) {
    const s = stats(taps);
    table.add(`  add to cart while that export runs`, { p50: ms(s.p50), p99: ms(s.max) }, 'longest < 50 ms', s.max < 50, `${s.n} taps`);
  }
}
