// Shifts, the Z close and refunds on the two-year database (issue 9's budgets): the X report of a
// full day's shift, closing it (blind count + Z report), and a refund, all through the router
// with the app's pragmas. The generated history ends with a day's shift still open; later cycles
// open a shift, fill it with a day of sales straight into SQLite (untimed setup: OrderWriter, as
// the checkout would have written them) and close it again, so every timed close covers a full day.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { businessDayOf } from '../../electron/orders/orderNumbers';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';
import { newId } from '../../db/ids';
import { applyPragmas } from '../../db/open';
import { makeTestCore, newRequestId, type TestCore } from '../support/testCore';
import type { BigDb } from './bigDb';
import { workingCopy } from './bigDb';
import { BenchClock, routerCheckout, setUpCounter, standardSpecs } from './counter';
import { rowInserter } from './floor';
import { localHourOf } from '../../electron/orders/orderNumbers';
import { refundFacts } from '../../electron/reports/rollupFacts';
import { RollupRows, UPSERT_ROLLUP, type RollupRow } from '../../electron/reports/rollupWriter';
import { OrderWriter, prng } from './orderWriter';
import { ms, QUICK, ratio, stats, type Table } from './report';

const TILL = 'till';

async function timed<C extends Channel>(t: TestCore<BenchClock>, channel: C, input: ChannelInput<C>): Promise<{ took: number; value: ChannelOutput<C> }> {
  const began = performance.now();
  const r = await t.call(channel, input, TILL);
  const took = performance.now() - began;
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return { took, value: r.value };
}

export async function shiftFigures(big: BigDb, table: Table): Promise<void> {
  const size = (big.orders / 1000).toLocaleString('en') + 'k';
  const perDay = Math.max(1, Math.round(big.orders / 730));
  const dir = workingCopy(big);
  const t = makeTestCore({ clock: new BenchClock(), dir });
  try {
    const manager = big.managers[0]!;
    await t.must('auth.loginPin', { username: manager.username, pin: big.staffPin }, TILL);
    const { sqlite } = t.core;
    const shop = t.core.services.settings.requireShop();
    const items = (await t.must('menu.list', {}, TILL)).flatMap((c) => c.items).filter((i) => i.isAvailable);
    const sellers = [...big.baristas, ...big.managers].map((s) => ({ id: s.id, name: s.username }));
    const writer = new OrderWriter({ sqlite, audit: t.core.services.audit, clock: { current: 0 }, shop, terminal: t.core.terminal, items, sellers, managers: big.managers, rand: prng(11) });
    const bump = sqlite.prepare(
      `insert into order_counters (terminal_id, business_day, last_seq) values (?, ?, ?)
       on conflict (terminal_id, business_day) do update set last_seq = last_seq + excluded.last_seq returning last_seq`,
    );
    /** A day of sales into the open shift, untimed. */
    const fill = (shiftId: string) =>
      sqlite.transaction(() => {
        const now = Date.now();
        const day = businessDayOf(now, shop.timezone, shop.businessDayStartMinutes);
        const last = (bump.get(t.core.terminal.id, day, perDay) as { last_seq: number }).last_seq;
        for (let k = 0; k < perDay; k++) writer.write(now + k, day, last - perDay + k + 1, shiftId);
      })();

    const specs = standardSpecs(items);
    const xs: number[] = [];
    const firsts: number[] = [];
    const counts: number[] = [];
    const closes: number[] = [];
    const orderCounts: number[] = [];
    const cycles = QUICK ? 2 : 6;
    for (let cycle = 0; cycle < cycles; cycle++) {
      if (cycle > 0) {
        // A day at the till: a day's sales rung up through the router (the shift's figures follow
        // each sale in the background), then the X reports, the count and the close.
        await t.must('shifts.open', { requestId: newRequestId(), float: { amount: 200_000 } }, TILL);
        for (let k = 0; k < perDay; k++) {
          const spec = specs[k % specs.length]!;
          let total = 0;
          for (const line of spec.lines) total = (await t.must('cart.addItem', line, TILL)).totals.total;
          await routerCheckout(t, spec, total, TILL);
          // Each IPC call is its own turn of main's event loop; back-to-back awaits here are not,
          // so yield one turn as the app would between two sales.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      let x = await timed(t, 'shifts.xReport', {});
      firsts.push(x.took);
      for (let i = 0; i < 15; i++) {
        x = await timed(t, 'shifts.xReport', {});
        xs.push(x.took);
      }
      orderCounts.push(x.value.figures.ordersCount);
      // The blind count comes to exactly what is expected; then the close writes the Z report.
      const count = await timed(t, 'shifts.count', { shiftId: x.value.shiftId, count: { amount: x.value.figures.expectedCash } });
      counts.push(count.took);
      const close = await timed(t, 'shifts.close', { shiftId: x.value.shiftId, leftInDrawer: 200_000 });
      closes.push(close.took);
    }
    const orderNote = `${Math.min(...orderCounts).toLocaleString('en')}–${Math.max(...orderCounts).toLocaleString('en')} orders in the shift`;
    const x = stats(xs);
    const f1 = stats(firsts);
    table.add(`X report of a day's shift, the day's first (${size} orders in the DB)`, { p50: ms(f1.p50), p99: ms(f1.max) }, 'max < 20 ms', f1.max < 20, `${f1.n} shifts (the first read at start-up, the others rung up through the router); ${orderNote}`);
    table.add(`X report of a day's shift, again (${size} orders in the DB)`, { p50: ms(x.p50), p99: ms(x.p99) }, 'p99 < 20 ms', x.p99 < 20, `${x.n} reports`);
    const c = stats(counts);
    table.add(`  blind count (expected computed, count audited)`, { p50: ms(c.p50), p99: ms(c.max) }, '—', 'info', `${c.n} counts`);
    const z = stats(closes);
    table.add(`Z close of a day's shift (${size} orders in the DB)`, { p50: ms(z.p50), p99: ms(z.max) }, 'max < 50 ms', z.max < 50, `${z.n} closes (the first is the generated day); ${orderNote}`);

    // Refunds: one latte of an order of today's shift, back to the tender it was paid with.
    const opened = await t.must('shifts.open', { requestId: newRequestId(), float: { amount: 200_000 } }, TILL);
    fill(opened.shift!.id);
    const candidates = sqlite
      .prepare(`select o.id as orderId, i.id as lineId from orders o join order_items i on i.order_id = o.id and i.position = 0
                where o.shift_id = ? and o.status = 'completed' and not exists (select 1 from refunds r where r.order_id = o.id) limit ?`)
      .all(opened.shift!.id, QUICK ? 150 : 600) as { orderId: string; lineId: string }[];
    const refunds: number[] = [];
    const floors: number[] = [];
    const warmup = Math.min(50, Math.floor(candidates.length / 5)); // a quick run's day holds few sales
    const floor = await RefundFloor.create();
    try {
      for (const [i, c] of candidates.entries()) {
        // Router and floor alternate (which goes first too), so load drift hits both alike.
        const floorFirst = i % 2 === 1;
        if (floorFirst) floors.push(floor.time());
        const r = await timed(t, 'refunds.issue', { requestId: newRequestId(), orderId: c.orderId, what: { kind: 'lines', lines: [{ lineId: c.lineId, quantity: 1 }] }, tender: 'original', reason: 'Wrong order' });
        floor.capture(sqlite, r.value.refund.id);
        if (!floorFirst) floors.push(floor.time());
        if (i >= warmup) refunds.push(r.took);
      }
    } finally {
      floor.close();
    }
    const r = stats(refunds);
    const f = stats(floors.slice(warmup));
    table.add(`  refund floor (raw SQL, same rows, fresh file)`, { p50: ms(f.p50), p99: ms(f.p99) }, '—', 'info', `${f.n} samples, interleaved`);
    table.add(
      `refund of one line via router (${size} orders)`,
      { p50: ms(r.p50), p99: ms(r.p99) },
      'p99 < 5 ms',
      r.p99 < 5,
      `${r.n} refunds (1 of the first line, original tender); p50 ${ratio(r.p50 / f.p50)}, p99 ${ratio(r.p99 / f.p99)} floor`,
    );
    printPlans(t, opened.shift!.id);
  } finally {
    t.core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** EXPLAIN QUERY PLAN of the shift report's reads (DESIGN §6): each driven by an index. */
function printPlans(t: TestCore<BenchClock>, shiftId: string): void {
  const queries: [string, string][] = [
    ['shift sales', `select id from orders where shift_id = '${shiftId}'`],
    ['shift sales lines', `select i.id from orders o join order_items i on i.order_id = o.id where o.shift_id = '${shiftId}'`],
    ['shift refunds', `select id from refunds where shift_id = '${shiftId}'`],
    ['shift movements', `select id from drawer_movements where shift_id = '${shiftId}'`],
  ];
  console.log('\nQuery plans (EXPLAIN QUERY PLAN) of the shift report on the big database:');
  for (const [name, sql] of queries) {
    console.log(`  ${name}`);
    for (const row of t.core.sqlite.prepare(`explain query plan ${sql}`).all() as { detail: string }[]) console.log(`    ${row.detail}`);
  }
}

type Row = Record<string, unknown>;

/**
 * The refund floor (DESIGN §6): the rows a router refund wrote (the refund, its line, its tenders,
 * its audit row, the day's sales rollups it added to), copied by raw prepared statements in one
 * transaction into a small app database (one sale in it, the refunds pointing at its line) opened
 * with the app's pragmas, on the same disk.
 */
class RefundFloor {
  private template: { refund: Row; lines: Row[]; tenders: Row[]; audit: Row; rollups: RollupRow[] } | null = null;
  private seq = 0;
  private upsertRollup: Database.Statement<RollupRow> | null = null;

  private constructor(
    private readonly dir: string,
    private readonly db: Database.Database,
    private readonly order: { orderId: string; lineId: string; terminalId: string; userId: string },
  ) {}

  static async create(): Promise<RefundFloor> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brewline-refund-floor-'));
    const { t, items } = await setUpCounter(dir);
    await t.must('cart.addItem', { menuItemId: items.find((i) => i.name === 'Latte')!.id, quantity: 99 });
    const sale = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'card', amount: (await t.must('cart.get', {})).totals.total }] });
    t.core.close();
    const db = new Database(path.join(dir, 'brewline.sqlite'));
    applyPragmas(db);
    const ids = db.prepare(`select terminal_id as terminalId, user_id as userId from orders where id = ?`).get(sale.order.id) as { terminalId: string; userId: string };
    return new RefundFloor(dir, db, { orderId: sale.order.id, lineId: sale.order.lines[0]!.id, ...ids });
  }

  /** What the router's refund wrote, read back (untimed). */
  capture(app: Database.Database, refundId: string): void {
    const refund = app.prepare('select * from refunds where id = ?').get(refundId) as Row;
    const lines = app.prepare('select * from refund_lines where refund_id = ?').all(refundId) as Row[];
    const tenders = app.prepare('select * from refund_tenders where refund_id = ?').all(refundId) as Row[];
    // The rollup deltas the router's refund added, worked out before the clock starts.
    const sale = app.prepare('select staff_name, tax_rate_bp, prices_include_tax from orders where id = ?').get(refund.order_id) as Row;
    const zone = (JSON.parse(app.prepare(`select value from settings where key = 'shop'`).pluck().get() as string) as { timezone: string }).timezone;
    const itemOf = app.prepare('select menu_item_id from order_items where id = ?').pluck();
    const rows = new RollupRows();
    refundFacts(
      {
        refundId,
        businessDay: refund.business_day as string,
        kind: refund.kind as 'refund' | 'cancel',
        reason: refund.reason as string,
        hour: localHourOf(refund.created_at as number, zone),
        staffName: sale.staff_name as string,
        taxRateBp: sale.tax_rate_bp as number,
        pricesIncludeTax: sale.prices_include_tax === 1,
        lines: lines.map((l) => ({ itemId: itemOf.get(l.order_item_id) as string, amount: l.amount as number, tax: l.tax as number })),
        tenders: tenders.map((x) => ({ method: x.method as 'cash' | 'card' | 'other', amount: x.amount as number })),
      },
      rows,
    );
    this.template = {
      refund,
      lines,
      tenders,
      audit: app.prepare(`select * from audit_events where action = 'order.refund' order by seq desc limit 1`).get() as Row,
      rollups: [...rows.all()],
    };
    this.upsertRollup ??= this.db.prepare<RollupRow>(UPSERT_ROLLUP);
  }

  private readonly insert = rowInserter(() => this.db);

  /** The timed part; 0 before the first capture. */
  time(): number {
    const t = this.template;
    if (!t) return 0;
    const began = performance.now();
    this.db
      .transaction(() => {
        const now = Date.now();
        const refundId = newId(now);
        const { terminalId, userId, orderId, lineId } = this.order;
        this.insert('refunds', { ...t.refund, id: refundId, order_id: orderId, seq: ++this.seq, request_id: randomUUID(), created_at: now, terminal_id: terminalId, shift_id: null, user_id: userId, approved_by: null });
        for (const l of t.lines) this.insert('refund_lines', { ...l, id: newId(now), refund_id: refundId, order_item_id: lineId, quantity: 0 });
        for (const x of t.tenders) this.insert('refund_tenders', { ...x, id: newId(now), refund_id: refundId });
        for (const row of t.rollups) this.upsertRollup!.run(...row);
        const { seq: _seq, ...audit } = t.audit;
        this.insert('audit_events', { ...audit, id: newId(now), created_at: now, entity_id: orderId, actor_user_id: userId, approver_user_id: null, terminal_id: terminalId });
      })
      .immediate();
    return performance.now() - began;
  }

  close(): void {
    this.db.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
