// Writes a shop's sales straight into SQLite for the bench: orders with 2–4 lines, cash / card /
// split tenders, the bar statuses, an audit event each through the app's own AuditLog (so the
// keyed chain is real), the shift each sale belongs to, cancels as "refund everything + cancel"
// and a few partial refunds, as the app itself would have written them — the day's sales rollups
// included, through the app's own facts (rollupFacts.ts) and RollupWriter. Used by the generator
// (bigDb.ts) for two years of history and by the shift figures (shiftFigures.ts) to fill a
// day's shift on the big database without timing it.
import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditLog } from '../../electron/audit/auditLog';
import { formatOrderNumber, localHourOf } from '../../electron/orders/orderNumbers';
import { refundFacts, saleFacts, type FactSink } from '../../electron/reports/rollupFacts';
import { RollupRows, RollupWriter } from '../../electron/reports/rollupWriter';
import type { MenuItemView } from '../../electron/shared/contract';
import { allocate, divRoundHalfUp } from '../../electron/shared/money';
import type { ShopSettings } from '../../electron/settings/shopSettings';

/** A UUIDv7 for `at` (db/ids' newId is monotonic per process and would drag later stamps forward). */
export function idAt(at: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(at, 0, 6);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** mulberry32: the same shop every time (apart from ids). */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WriterContext {
  sqlite: Database.Database;
  audit: AuditLog;
  /** The clock the AuditLog stamps with: set to each row's time. */
  clock: { current: number };
  shop: ShopSettings;
  terminal: { id: string; code: string };
  items: MenuItemView[];
  sellers: { id: string; name: string }[];
  managers: { id: string }[];
  rand: () => number;
}

/** What a written order put in (or took out of) the drawer. */
export interface Written {
  cashIn: number;
  cashOut: number;
}

type Tender = { method: 'cash' | 'card' | 'other'; amount: number; tendered: number; reference: string };
type Line = ReturnType<typeof line> & { id: string };

export class OrderWriter {
  private readonly insOrder;
  private readonly insLine;
  private readonly insPay;
  private readonly insStatus;
  private readonly insRefund;
  private readonly insRefundLine;
  private readonly insRefundTender;
  private readonly rollups: RollupWriter;
  /** Rollup facts not written yet (batched: see flushRollups). */
  private readonly pending = new RollupRows();

  /**
   * `batchRollups`: sum the rollup facts in memory and write them at flushRollups() (the generator
   * does so once per day: a day's ~1,400 sales touch ~100 rows); otherwise each sale writes its own.
   */
  constructor(
    private readonly c: WriterContext,
    private readonly batchRollups = false,
  ) {
    const { sqlite } = c;
    this.rollups = new RollupWriter(sqlite);
    this.insOrder = sqlite.prepare(
      `insert into orders (id, order_number, business_day, day_seq, client_request_id, terminal_id, user_id, staff_name, status,
         currency, tax_rate_bp, prices_include_tax, subtotal, discount_total, tax_total, total, item_count, shift_id, paid_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insLine = sqlite.prepare(
      `insert into order_items (id, order_id, menu_item_id, position, menu_item_name, unit_price, quantity, modifiers, note,
         line_subtotal, line_discount, line_tax, line_total) values (?, ?, ?, ?, ?, ?, ?, ?, '', ?, 0, ?, ?)`,
    );
    this.insPay = sqlite.prepare(`insert into payments (id, order_id, method, amount, tendered, change_given, reference, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insStatus = sqlite.prepare(`insert into order_status_events (id, order_id, from_status, to_status, user_id, reason, created_at) values (?, ?, ?, ?, ?, ?, ?)`);
    this.insRefund = sqlite.prepare(
      `insert into refunds (id, order_id, seq, kind, request_id, terminal_id, shift_id, business_day, user_id, staff_name, approved_by, reason, amount, tax, created_at)
       values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insRefundLine = sqlite.prepare(`insert into refund_lines (id, refund_id, order_item_id, quantity, amount, tax) values (?, ?, ?, ?, ?, ?)`);
    this.insRefundTender = sqlite.prepare(`insert into refund_tenders (id, refund_id, method, amount) values (?, ?, ?, ?)`);
  }

  /** Writes the batched rollup facts (inside the caller's transaction). */
  flushRollups(): void {
    this.rollups.write(this.pending);
    this.pending.clear();
  }

  private facts(): { sink: FactSink; done: () => void } {
    if (this.batchRollups) return { sink: this.pending, done: () => undefined };
    const rows = new RollupRows();
    return { sink: rows, done: () => this.rollups.write(rows) };
  }

  /** One sale at `at` (caller's transaction), number `seq` of `day`, in shift `shiftId`. */
  write(at: number, day: string, seq: number, shiftId: string | null): Written {
    const { c } = this;
    const { shop, rand } = c;
    c.clock.current = at;
    const seller = pick(c.sellers, rand);
    const orderId = idAt(at);
    const orderNumber = formatOrderNumber(shop.code, c.terminal.code, day, seq);
    const lines: Line[] = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => ({ ...line(pick(c.items, rand), rand, shop.taxRateBp, shop.pricesIncludeTax), id: idAt(at) }));
    const subtotal = lines.reduce((a, l) => a + l.subtotal, 0);
    const taxTotal = lines.reduce((a, l) => a + l.tax, 0);
    const total = shop.pricesIncludeTax ? subtotal : subtotal + taxTotal;
    const r = rand();
    const cancelled = r < 0.002;
    const refunded = !cancelled && r < 0.005; // one unit of the first line handed back
    this.insOrder.run(orderId, orderNumber, day, seq, randomUUID(), c.terminal.id, seller.id, seller.name, cancelled ? 'cancelled' : 'completed',
      shop.currency, shop.taxRateBp, shop.pricesIncludeTax ? 1 : 0, subtotal, taxTotal, total, lines.reduce((a, l) => a + l.quantity, 0), shiftId, at, at, at + 300_000);
    lines.forEach((l, i) => this.insLine.run(l.id, orderId, l.item.id, i, l.item.name, l.unit, l.quantity, l.modifiers, l.subtotal, l.tax, l.total));
    const t = rand();
    const cashNote = (amount: number) => Math.ceil(amount / 10_000) * 10_000; // paid with ₱100 notes
    const half = Math.floor(total / 2);
    const tenders: Tender[] =
      t < 0.65
        ? [{ method: 'cash', amount: total, tendered: cashNote(total), reference: '' }]
        : t < 0.9
          ? [{ method: 'card', amount: total, tendered: total, reference: `AUTH${Math.floor(rand() * 1e6)}` }]
          : [
              { method: 'card', amount: half, tendered: half, reference: `AUTH${Math.floor(rand() * 1e6)}` },
              { method: 'cash', amount: total - half, tendered: cashNote(total - half), reference: '' },
            ];
    for (const p of tenders) this.insPay.run(idAt(at), orderId, p.method, p.amount, p.tendered, p.tendered - p.amount, p.reference, at);
    const moves = cancelled ? [['pending', 'cancelled']] : [['pending', 'preparing'], ['preparing', 'ready'], ['ready', 'completed']];
    this.insStatus.run(idAt(at), orderId, null, 'pending', seller.id, '', at);
    moves.forEach(([from, to], i) => this.insStatus.run(idAt(at + (i + 1) * 90_000), orderId, from, to, seller.id, to === 'cancelled' ? 'Customer left' : '', at + (i + 1) * 90_000));
    const facts = this.facts();
    saleFacts(
      {
        businessDay: day,
        staffName: seller.name,
        taxRateBp: shop.taxRateBp,
        pricesIncludeTax: shop.pricesIncludeTax,
        hour: localHourOf(at, shop.timezone),
        discountReason: '',
        lines: lines.map((l) => ({ itemId: l.item.id, quantity: l.quantity, gross: l.subtotal, discount: 0, tax: l.tax, modifiers: l.choices })),
        payments: tenders,
      },
      facts.sink,
    );
    c.audit.append({
      actorUserId: seller.id,
      approverUserId: null,
      action: 'order.checkout',
      entityType: 'order',
      entityId: orderId,
      newValue: { orderNumber, total, taxTotal, discountTotal: 0, discount: null, payments: tenders.map((p) => ({ method: p.method, amount: p.amount })) },
      reason: '',
    });
    const cashIn = tenders.filter((p) => p.method === 'cash').reduce((a, p) => a + p.amount, 0);
    if (!cancelled && !refunded) {
      facts.done();
      return { cashIn, cashOut: 0 };
    }

    // Cancel = refund everything to the tenders it came in on; a partial refund = one unit of the first line.
    const when = at + 120_000;
    c.clock.current = when;
    const manager = pick(c.managers, rand);
    const parts = cancelled
      ? lines.map((l) => ({ l, quantity: l.quantity, amount: l.total, tax: l.tax }))
      : [lines[0]!].map((l) => {
          const amount = divRoundHalfUp(l.total, l.quantity);
          return { l, quantity: 1, amount, tax: amount === l.total ? l.tax : divRoundHalfUp(l.tax * amount, l.total) };
        });
    const amount = parts.reduce((a, p) => a + p.amount, 0);
    const tax = parts.reduce((a, p) => a + p.tax, 0);
    const back = allocate(amount, tenders.map((p) => p.amount));
    const refundId = idAt(when);
    const kind = cancelled ? 'cancel' : 'refund';
    const reason = cancelled ? 'Customer left' : 'Wrong order';
    this.insRefund.run(refundId, orderId, kind, cancelled ? `cancel:${orderId}` : randomUUID(), c.terminal.id, shiftId, day, manager.id, seller.name, null, reason, amount, tax, when);
    for (const p of parts) this.insRefundLine.run(idAt(when), refundId, p.l.id, p.quantity, p.amount, p.tax);
    tenders.forEach((p, i) => back[i]! > 0 && this.insRefundTender.run(idAt(when), refundId, p.method, back[i]!));
    refundFacts(
      {
        refundId,
        businessDay: day,
        kind,
        reason,
        hour: localHourOf(when, shop.timezone),
        staffName: seller.name,
        taxRateBp: shop.taxRateBp,
        pricesIncludeTax: shop.pricesIncludeTax,
        lines: parts.map((p) => ({ itemId: p.l.item.id, amount: p.amount, tax: p.tax })),
        tenders: tenders.map((p, i) => ({ method: p.method, amount: back[i]! })),
      },
      facts.sink,
    );
    facts.done();
    c.audit.append({
      actorUserId: manager.id,
      approverUserId: null,
      action: cancelled ? 'order.cancel' : 'order.refund',
      entityType: 'order',
      entityId: orderId,
      newValue: { refundId, amount, tax, tenders: tenders.map((p, i) => ({ method: p.method, amount: back[i] })) },
      reason,
    });
    const cashOut = tenders.reduce((a, p, i) => a + (p.method === 'cash' ? back[i]! : 0), 0);
    return { cashIn, cashOut };
  }
}

const pick = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)]!;

/** One cart line as the counter would sell it: the item's required choices, sometimes another option. */
function line(item: MenuItemView, rand: () => number, rateBp: number, inclusive: boolean) {
  const chosen = item.modifierGroups.flatMap((g) => {
    if (rand() < 0.3 && g.options.length > 0) return [{ group: g.name, option: g.options[Math.floor(rand() * g.options.length)]! }];
    const option = g.options.find((o) => o.isDefault) ?? (g.minChoices > 0 ? g.options[0] : undefined);
    return option ? [{ group: g.name, option }] : [];
  });
  const unit = item.price + chosen.reduce((a, c) => a + c.option.priceDelta, 0);
  const choices = chosen.map((c) => ({ group: c.group, name: c.option.name, priceDelta: c.option.priceDelta }));
  const quantity = rand() < 0.85 ? 1 : 2;
  const subtotal = unit * quantity;
  const tax = Math.round((subtotal * rateBp) / (inclusive ? 10_000 + rateBp : 10_000));
  return {
    item,
    unit,
    quantity,
    subtotal,
    tax,
    total: inclusive ? subtotal : subtotal + tax,
    choices,
    modifiers: JSON.stringify(choices),
  };
}
