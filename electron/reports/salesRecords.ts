// Reads sales (and refunds) from SQLite into the plain records figures.ts computes from: a
// business day (or a range of days), driven by orders.business_day (the orders_day index), or
// one shift, driven by orders.shift_id / refunds.shift_id (the partial orders_shift and
// refunds_shift indexes). Each is a few prepared statements; lines, payments and refund
// tenders are grouped onto their records in one pass.
//
// What the rollup facts need beyond the money: a line's menu item and options (its snapshot),
// the local hour of a sale or refund (in the shop's time zone as set NOW: orders do not store
// the zone they were rung up in, so after a change of zone a rebuild files old hours by the new
// one), a refund's reason, and a discounted sale's reasons — kept only in the checkout's audit
// row, found by time on audit_events_created.
import type Database from 'better-sqlite3';
import { localHourOf } from '../orders/orderNumbers';
import type { RefundRecord, SaleRecord, TenderMethod } from './figures';
import type { ModifierChoice } from './rollupFacts';

interface OrderRow {
  id: string;
  /** Only in a shift's incremental read. */
  row_id?: number;
  created_at: number;
  order_number: string;
  business_day: string;
  status: SaleRecord['status'];
  staff_name: string;
  tax_rate_bp: number;
  prices_include_tax: number;
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
}
interface LineRow {
  order_id: string;
  menu_item_id: string;
  modifiers: string;
  quantity: number;
  line_subtotal: number;
  line_discount: number;
  line_tax: number;
  category_name: string | null;
}
interface PaymentRow {
  order_id: string;
  method: TenderMethod;
  amount: number;
  change_given: number;
}
interface RefundRow {
  id: string;
  /** Only in a shift's incremental read. */
  row_id?: number;
  order_id: string;
  business_day: string;
  created_at: number;
  kind: RefundRecord['kind'];
  reason: string;
  staff_name: string;
  tax_rate_bp: number;
  prices_include_tax: number;
}
interface RefundLineRow {
  refund_id: string;
  menu_item_id: string;
  amount: number;
  tax: number;
  category_name: string | null;
}
interface RefundTenderRow {
  refund_id: string;
  method: TenderMethod;
  amount: number;
}

/** What a shift's X or Z report is computed from. */
export interface ShiftRecords {
  sales: SaleRecord[];
  refunds: RefundRecord[];
  /** Of the shift's orders by time rung up; null when it has none. */
  firstOrderNumber: string | null;
  lastOrderNumber: string | null;
}

export const UNCATEGORISED = 'Uncategorised';

const ORDER_COLUMNS = `id, order_number, business_day, created_at, status, staff_name, tax_rate_bp, prices_include_tax, subtotal, discount_total, tax_total, total`;
// An order line's category is read from the current menu (an item since deleted is Uncategorised).
const LINE_SELECT = `select i.order_id, i.menu_item_id, i.modifiers, i.quantity, i.line_subtotal, i.line_discount, i.line_tax, c.name as category_name
         from orders o
         join order_items i on i.order_id = o.id
         left join menu_items m on m.id = i.menu_item_id
         left join categories c on c.id = m.category_id`;
const PAYMENT_SELECT = `select p.order_id, p.method, p.amount, p.change_given from orders o join payments p on p.order_id = o.id`;

// A refund counts against the staff member, tax rate and pricing of the sale it refunds, and its
// lines against the category of the line they refund.
const REFUND_COLUMNS = `r.id, r.order_id, r.business_day, r.created_at, r.kind, r.reason, o.staff_name, o.tax_rate_bp, o.prices_include_tax
         from refunds r join orders o on o.id = r.order_id`;
const REFUND_SELECT = `select ${REFUND_COLUMNS}`;
const REFUND_LINE_SELECT = `select rl.refund_id, i.menu_item_id, rl.amount, rl.tax, c.name as category_name
         from refunds r
         join refund_lines rl on rl.refund_id = r.id
         join order_items i on i.id = rl.order_item_id
         left join menu_items m on m.id = i.menu_item_id
         left join categories c on c.id = m.category_id`;
const REFUND_TENDER_SELECT = `select t.refund_id, t.method, t.amount from refunds r join refund_tenders t on t.refund_id = r.id`;

type Stmt<P extends unknown[], R> = Database.Statement<P, R>;

export class SalesRecords {
  private readonly orders: Stmt<[string, string], OrderRow>;
  private readonly lines: Stmt<[string, string], LineRow>;
  private readonly payments: Stmt<[string, string], PaymentRow>;
  private readonly shiftOrders: Stmt<[string, number], OrderRow>;
  private readonly shiftLines: Stmt<[string, number], LineRow>;
  private readonly shiftPayments: Stmt<[string, number], PaymentRow>;
  private readonly shiftRefunds: Stmt<[string, number], RefundRow>;
  private readonly shiftRefundLines: Stmt<[string, number], RefundLineRow>;
  private readonly shiftRefundTenders: Stmt<[string, number], RefundTenderRow>;
  private readonly dayRefunds: Stmt<[string, string], RefundRow>;
  private readonly dayRefundLines: Stmt<[string, string], RefundLineRow>;
  private readonly dayRefundTenders: Stmt<[string, string], RefundTenderRow>;
  private readonly shopRow: Stmt<[], string>;
  private readonly checkoutReason: Stmt<[number, number, string], string>;

  constructor(db: Database.Database) {
    this.shopRow = db.prepare(`select value from settings where key = 'shop'`).pluck() as Stmt<[], string>;
    // `+action`, `+entity_id`: found by time on audit_events_created, never along every checkout in audit_events_action.
    this.checkoutReason = db
      .prepare(`select reason from audit_events where created_at between ? and ? and +action = 'order.checkout' and +entity_id = ?`)
      .pluck() as Stmt<[number, number, string], string>;
    this.orders = db.prepare(`select ${ORDER_COLUMNS} from orders where business_day between ? and ? order by business_day, created_at, id`);
    this.lines = db.prepare(`${LINE_SELECT} where o.business_day between ? and ? order by i.order_id, i.position`);
    this.payments = db.prepare(`${PAYMENT_SELECT} where o.business_day between ? and ? order by p.order_id, p.created_at, p.id`);
    // A shift's lines, payments and refund rows come in index order, unsorted: the figures do not
    // depend on their order, and grouping them onto their records needs none (no temp B-tree).
    // `rowid > ?` seeks within orders_shift (shift_id, rowid): a shift's report re-reads only what is new.
    this.shiftOrders = db.prepare(`select rowid as row_id, ${ORDER_COLUMNS} from orders where shift_id = ? and rowid > ? order by rowid`);
    this.shiftLines = db.prepare(`${LINE_SELECT} where o.shift_id = ? and o.rowid > ?`);
    this.shiftPayments = db.prepare(`${PAYMENT_SELECT} where o.shift_id = ? and o.rowid > ?`);
    // Like the sales: `rowid > ?` seeks within refunds_shift (shift_id, rowid), so only new refunds are read.
    this.shiftRefunds = db.prepare(`select r.rowid as row_id, ${REFUND_COLUMNS} where r.shift_id = ? and r.rowid > ? order by r.rowid`);
    this.shiftRefundLines = db.prepare(`${REFUND_LINE_SELECT} where r.shift_id = ? and r.rowid > ?`);
    this.shiftRefundTenders = db.prepare(`${REFUND_TENDER_SELECT} where r.shift_id = ? and r.rowid > ?`);
    this.dayRefunds = db.prepare(`${REFUND_SELECT} where r.business_day between ? and ? order by r.business_day, r.created_at, r.id`);
    this.dayRefundLines = db.prepare(`${REFUND_LINE_SELECT} where r.business_day between ? and ?`);
    this.dayRefundTenders = db.prepare(`${REFUND_TENDER_SELECT} where r.business_day between ? and ?`);
  }

  /** Every order (cancelled ones too: a cancel is a sale plus a refund) of the days from..to, inclusive. */
  read(from: string, to: string = from): SaleRecord[] {
    return assembleSales(this.context(), this.orders.all(from, to), this.lines.all(from, to), this.payments.all(from, to));
  }

  /** The sales of the days from..to and the refunds ISSUED on them (whatever day they refund). */
  readDays(from: string, to: string = from): { sales: SaleRecord[]; refunds: RefundRecord[] } {
    return {
      sales: this.read(from, to),
      refunds: assembleRefunds(this.context(), this.dayRefunds.all(from, to), this.dayRefundLines.all(from, to), this.dayRefundTenders.all(from, to)),
    };
  }

  /** The orders rung up and the refunds issued in one shift (whatever their business day). */
  readShift(shiftId: string): ShiftRecords {
    const { sales, orders } = this.readShiftSales(shiftId, -Infinity);
    const first = orders.reduce<ShiftOrder | null>((a, o) => (a === null || earlier(o, a) ? o : a), null);
    const last = orders.reduce<ShiftOrder | null>((a, o) => (a === null || earlier(a, o) ? o : a), null);
    return { sales, refunds: this.readShiftRefunds(shiftId, -Infinity).refunds, firstOrderNumber: first?.orderNumber ?? null, lastOrderNumber: last?.orderNumber ?? null };
  }

  /**
   * The shift's orders stored after row `afterRowid` (-Infinity: all of them), with their lines and
   * payments, in storage order; `orders` says where each was stored and when it was rung up.
   */
  readShiftSales(shiftId: string, afterRowid: number): { sales: SaleRecord[]; orders: ShiftOrder[] } {
    const orderRows = this.shiftOrders.all(shiftId, afterRowid);
    return {
      sales: assembleSales(this.context(), orderRows, this.shiftLines.all(shiftId, afterRowid), this.shiftPayments.all(shiftId, afterRowid)),
      orders: orderRows.map((o) => ({ rowid: o.row_id!, createdAt: o.created_at!, id: o.id, orderNumber: o.order_number })),
    };
  }

  /** The refunds issued in the shift and stored after row `afterRowid` (-Infinity: all), with the highest row read. */
  readShiftRefunds(shiftId: string, afterRowid: number): { refunds: RefundRecord[]; lastRowid: number } {
    const rows = this.shiftRefunds.all(shiftId, afterRowid);
    return {
      refunds: assembleRefunds(this.context(), rows, this.shiftRefundLines.all(shiftId, afterRowid), this.shiftRefundTenders.all(shiftId, afterRowid)),
      lastRowid: rows.reduce((a, r) => Math.max(a, r.row_id!), afterRowid),
    };
  }

  /** What turns rows into records beyond their columns: the shop's zone now, and a sale's discount reasons. */
  private context(): Context {
    return {
      zone: zoneOf(this.shopRow.get()),
      reasonOf: (orderId, at) => this.checkoutReason.get(at - REASON_WINDOW_MS, at + REASON_WINDOW_MS, orderId) ?? '',
    };
  }
}

/** Where a shift's order is stored and when it was rung up. */
export interface ShiftOrder {
  rowid: number;
  createdAt: number;
  id: string;
  orderNumber: string;
}

/** Rung up before `b` (by time, then id): the first and last order numbers of a report. */
export function earlier(a: Pick<ShiftOrder, 'createdAt' | 'id'>, b: Pick<ShiftOrder, 'createdAt' | 'id'>): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/** The checkout writes its audit row in the sale's transaction, stamped by the same clock: well inside a minute. */
const REASON_WINDOW_MS = 60_000;

interface Context {
  zone: string;
  /** The discount reasons of a sale rung up at `at` (its checkout audit row), '' when none. */
  reasonOf(orderId: string, at: number): string;
}

/** The shop's time zone from its settings row (UTC before setup: there are no sales then). */
function zoneOf(shopJson: string | undefined): string {
  if (!shopJson) return 'UTC';
  try {
    const zone = (JSON.parse(shopJson) as { timezone?: unknown }).timezone;
    return typeof zone === 'string' && zone ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}

const NO_MODIFIERS: readonly ModifierChoice[] = Object.freeze([]);

/** A line's options snapshot ([{ group, name, priceDelta }]); anything unreadable in it is left out. */
export function modifiersOf(json: string): readonly ModifierChoice[] {
  if (json === '[]') return NO_MODIFIERS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return NO_MODIFIERS;
  }
  if (!Array.isArray(raw)) return NO_MODIFIERS;
  const out: ModifierChoice[] = [];
  for (const m of raw as unknown[]) {
    if (!m || typeof m !== 'object') continue;
    const { group, name, priceDelta } = m as Record<string, unknown>;
    out.push({ group: typeof group === 'string' ? group : '', name: typeof name === 'string' ? name : '', priceDelta: Number.isSafeInteger(priceDelta) ? (priceDelta as number) : 0 });
  }
  return out;
}

/** Orders with their lines and payments grouped on (rows of one read, in order). */
function assembleSales(context: Context, orderRows: readonly OrderRow[], lineRows: readonly LineRow[], paymentRows: readonly PaymentRow[]): SaleRecord[] {
  const byId = new Map<string, SaleRecord>();
  const out: SaleRecord[] = [];
  for (const o of orderRows) {
    const rec: SaleRecord = {
      orderId: o.id,
      businessDay: o.business_day,
      status: o.status,
      staffName: o.staff_name,
      taxRateBp: o.tax_rate_bp,
      pricesIncludeTax: o.prices_include_tax === 1,
      hour: localHourOf(o.created_at, context.zone),
      // Looked up only where there is a discount (the only sales whose reasons are reported).
      discountReason: o.discount_total > 0 ? context.reasonOf(o.id, o.created_at) : '',
      subtotal: o.subtotal,
      discountTotal: o.discount_total,
      taxTotal: o.tax_total,
      total: o.total,
      lines: [],
      payments: [],
    };
    byId.set(o.id, rec);
    out.push(rec);
  }
  for (const l of lineRows) {
    byId.get(l.order_id)?.lines.push({
      itemId: l.menu_item_id,
      quantity: l.quantity,
      gross: l.line_subtotal,
      discount: l.line_discount,
      tax: l.line_tax,
      modifiers: modifiersOf(l.modifiers),
      categoryName: l.category_name ?? UNCATEGORISED,
    });
  }
  for (const p of paymentRows) byId.get(p.order_id)?.payments.push({ method: p.method, amount: p.amount, change: p.change_given });
  return out;
}

/** Refunds with their lines and tenders grouped on. */
function assembleRefunds(context: Context, refundRows: readonly RefundRow[], lineRows: readonly RefundLineRow[], tenderRows: readonly RefundTenderRow[]): RefundRecord[] {
  const byId = new Map<string, RefundRecord>();
  const out: RefundRecord[] = [];
  for (const r of refundRows) {
    const rec: RefundRecord = {
      refundId: r.id,
      orderId: r.order_id,
      businessDay: r.business_day,
      kind: r.kind,
      reason: r.reason,
      hour: localHourOf(r.created_at, context.zone),
      tenders: [],
      staffName: r.staff_name,
      taxRateBp: r.tax_rate_bp,
      pricesIncludeTax: r.prices_include_tax === 1,
      lines: [],
    };
    byId.set(r.id, rec);
    out.push(rec);
  }
  for (const l of lineRows) byId.get(l.refund_id)?.lines.push({ itemId: l.menu_item_id, categoryName: l.category_name ?? UNCATEGORISED, amount: l.amount, tax: l.tax });
  for (const t of tenderRows) byId.get(t.refund_id)?.tenders.push({ method: t.method, amount: t.amount });
  return out;
}
