// The ONE module that computes every money figure a report, an X/Z report or an export shows
// (DESIGN §9). Pure: plain records in, integer minor units out; no database, no Node or DOM
// imports, so the renderer may import it too. Rounding only through ../shared/money.
//
// Definitions (also in the README, "Money figures (definitions)"):
//
// - Which records count: a sale counts on its order's business day, a refund on the business
//   day it is issued (not the day of the sale it refunds), a drawer movement on its own day.
//   A cancelled order is a sale like any other plus a refund of everything left on it
//   ("refund everything + cancel", kind 'cancel'): the sale counts on its day, the money handed
//   back on the day of the cancel, so the money trail is complete.
// - "Sales basis" is what the checkout stores as line_subtotal (unit price with modifiers ×
//   quantity, at shelf price). In a tax-INCLUSIVE shop that price contains the tax; in a
//   tax-EXCLUSIVE shop it does not, and the tax is added on top. Each order carries its own
//   prices_include_tax, so a day that mixes both is still well defined order by order.
// - gross      = Σ line_subtotal of the counted orders (= Σ orders.subtotal): what the customer
//                was charged before discounts — tax included in an inclusive shop, excluded in an
//                exclusive one.
// - discounts  = Σ line_discount (line discounts plus each line's share of the order discount;
//                = Σ orders.discount_total), on the same basis as gross.
// - refunds    = Σ refunded amount on the sales basis: the money handed back in an inclusive
//                shop; the money handed back minus its tax in an exclusive one.
// - net        = gross − discounts − refunds.
// - taxAdded   = tax charged on top of prices (tax-exclusive orders) minus that tax refunded;
//                0 in an inclusive shop. So money taken = net + taxAdded.
// - tax        = Σ orders.tax_total − Σ tax refunded; byRate splits it by the order's rate.
// - tenders    = per method (cash, card, other): sales = Σ payment amount applied to the order
//                (= tendered − change); refunded = Σ refunds paid back on that tender;
//                collected = sales − refunded. collected total = Σ collected.
// - ordersCount = orders sold (cancelled ones too); refundsCount = refunds issued (cancels
//                included); cancellations = cancels issued.
// - averageOrder = (gross − discounts) ÷ ordersCount, rounded half-up to the minor unit
//                (money.divRoundHalfUp); 0 with no orders. Refunds are left out: they may be for
//                another day's orders.
// - byCategory / byStaff = net split by the line's category / the order's staff member;
//                refund lines count against the category and staff of the sale they refund.
// - expectedCash = opening float + cash sales − cash refunds + pay-ins − pay-outs − safe drops
//                (a no-sale opens the drawer and moves nothing).
// - inconsistentOrders: counted orders whose stored totals disagree with their lines or whose
//                payments do not add up to their total — should always be empty.
//
// How: every sale and refund turns into facts per dimension (rollupFacts.ts); FigureTotals sums
// them and summaryOf turns the sums into the headline figures. computeFigures does that over
// records in memory (the X/Z reports); a sales report does it over the daily rollup rows, which
// hold the same facts summed per business day. One path, so the two cannot disagree.

import { divRoundHalfUp, type Minor } from '../shared/money';
import { assertMinor, refundFacts, saleFacts, type FactSink, type RefundFacts, type RefundLineFacts, type RollupDim, type SaleFacts, type SaleLineFacts, type TenderMethod } from './rollupFacts';

export type { TenderMethod } from './rollupFacts';
export const TENDER_METHODS: readonly TenderMethod[] = ['cash', 'card', 'other'];

export interface SaleLineRecord extends SaleLineFacts {
  categoryName: string;
}

export interface SalePaymentRecord {
  method: TenderMethod;
  /** Applied to the order (what was handed over minus change). */
  amount: Minor;
  change: Minor;
}

export interface SaleRecord extends SaleFacts {
  orderId: string;
  status: 'pending' | 'preparing' | 'ready' | 'completed' | 'cancelled';
  /** As stored on the order. */
  subtotal: Minor;
  discountTotal: Minor;
  taxTotal: Minor;
  total: Minor;
  lines: SaleLineRecord[];
  payments: SalePaymentRecord[];
}

export interface RefundLineRecord extends RefundLineFacts {
  categoryName: string;
}

/** A refund as the refunds work records it. */
export interface RefundRecord extends RefundFacts {
  orderId: string; // the sale refunded
  lines: RefundLineRecord[];
  tenders: { method: TenderMethod; amount: Minor }[];
}

export interface DrawerMovementRecord {
  businessDay: string;
  kind: 'pay_in' | 'pay_out' | 'safe_drop' | 'no_sale';
  /** Positive; 0 for no_sale; a void is a counter-movement carrying the negated amount. */
  amount: Minor;
}

export interface FiguresInput {
  sales: readonly SaleRecord[];
  refunds?: readonly RefundRecord[];
  drawer?: readonly DrawerMovementRecord[];
  openingFloat?: Minor;
  /** Only records whose business day is within [from, to] (inclusive) count; all when omitted. */
  days?: { from: string; to: string };
}

export interface TenderFigures {
  sales: Minor;
  refunded: Minor;
  collected: Minor;
}

/** The headline figures of a set of sales and refunds (a report's summary; the first part of an X/Z report). */
export interface SummaryFigures {
  gross: Minor;
  discounts: Minor;
  refunds: Minor;
  net: Minor;
  taxAdded: Minor;
  tax: Minor;
  taxByRate: { rateBp: number; tax: Minor }[];
  tenders: Record<TenderMethod, TenderFigures>;
  collected: Minor;
  ordersCount: number;
  refundsCount: number;
  cancellations: number;
  averageOrder: Minor;
}

export interface DayFigures extends SummaryFigures {
  byCategory: { name: string; net: Minor }[];
  byStaff: { name: string; net: Minor }[];
  drawer: { openingFloat: Minor; cashSales: Minor; cashRefunds: Minor; payIns: Minor; payOuts: Minor; safeDrops: Minor };
  expectedCash: Minor;
  inconsistentOrders: string[];
}

/** One dimension key's sums (a rollup row without its day). */
export interface RollupAmounts {
  n: number;
  qty: number;
  gross: Minor;
  discounts: Minor;
  refunds: Minor;
  tax: Minor;
}

/** gross − discounts − refunds of a dimension key. */
export const netOf = (a: RollupAmounts): Minor => a.gross - a.discounts - a.refunds;

/**
 * The facts of many sales and refunds summed per dimension and key, whatever their day: what
 * computeFigures adds up from records and what a report adds up from the daily rollup rows.
 */
export class FigureTotals implements FactSink {
  private readonly dims: Partial<Record<RollupDim, Map<string, RollupAmounts>>> = {};

  /** `only`: keep just these dimensions (the X/Z report needs no options, hours or reasons) and drop the rest at once. */
  constructor(readonly only?: readonly RollupDim[]) {
    for (const dim of only ?? []) this.dims[dim] = new Map();
  }

  add(_day: string, dim: RollupDim, key: string, n: number, qty: number, gross: Minor, discounts: Minor, refunds: Minor, tax: Minor): void {
    let keys = this.dims[dim];
    if (!keys) {
      if (this.only) return;
      this.dims[dim] = keys = new Map();
    }
    const a = keys.get(key);
    if (a) {
      a.n += n;
      a.qty += qty;
      a.gross += gross;
      a.discounts += discounts;
      a.refunds += refunds;
      a.tax += tax;
    } else {
      keys.set(key, { n, qty, gross, discounts, refunds, tax });
    }
  }

  /** The keys of a dimension with their sums (empty when none). */
  of(dim: RollupDim): ReadonlyMap<string, RollupAmounts> {
    return this.dims[dim] ?? EMPTY;
  }

  get(dim: RollupDim, key: string): RollupAmounts {
    return this.dims[dim]?.get(key) ?? ZERO;
  }
}
/** What summaryOf reads. */
export const SUMMARY_DIMS: readonly RollupDim[] = ['total', 'pricing', 'rate', 'tender', 'refundKind'];
const EMPTY: ReadonlyMap<string, RollupAmounts> = new Map();
const ZERO: RollupAmounts = Object.freeze({ n: 0, qty: 0, gross: 0, discounts: 0, refunds: 0, tax: 0 });

function add(map: Map<string | number, Minor>, key: string | number, v: Minor): void {
  map.set(key, (map.get(key) ?? 0) + v);
}

function sorted<K extends string | number>(map: Map<K, Minor>): [K, Minor][] {
  return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The headline figures from summed facts (see the definitions at the top of this file). */
export function summaryOf(totals: FigureTotals): SummaryFigures {
  const total = totals.get('total', '');
  const taxByRate = new Map<number, Minor>();
  for (const [rate, a] of totals.of('rate')) add(taxByRate, Number(rate), a.tax);
  const tenders = {} as Record<TenderMethod, TenderFigures>;
  for (const m of TENDER_METHODS) {
    const t = totals.get('tender', m);
    tenders[m] = { sales: t.gross, refunded: t.refunds, collected: t.gross - t.refunds };
  }
  let refundsCount = 0;
  for (const a of totals.of('refundKind').values()) refundsCount += a.n;
  const ordersCount = total.n;
  return {
    gross: total.gross,
    discounts: total.discounts,
    refunds: total.refunds,
    net: netOf(total),
    taxAdded: totals.get('pricing', 'exclusive').tax,
    tax: total.tax,
    taxByRate: sorted(taxByRate).map(([rateBp, tax]) => ({ rateBp, tax })),
    tenders,
    collected: TENDER_METHODS.reduce((s, m) => s + tenders[m].collected, 0),
    ordersCount,
    refundsCount,
    cancellations: totals.get('refundKind', 'cancel').n,
    averageOrder: ordersCount === 0 ? 0 : divRoundHalfUp(total.gross - total.discounts, ordersCount),
  };
}

/**
 * Sales and refunds summed as they come: computeFigures sums a list at once; an open shift's X
 * report keeps one and adds only the records stored since its last report (ShiftFigures), so a
 * refund checking the drawer does not re-sum the whole day.
 */
export class FiguresAccumulator {
  readonly totals = new FigureTotals([...SUMMARY_DIMS, 'item', 'staff']);
  // An item's category as the records name it (read from today's menu): net by category is net by item, grouped.
  readonly categoryOf = new Map<string, string>();
  readonly inconsistentOrders: string[] = [];

  addSale(sale: SaleRecord): void {
    saleFacts(sale, this.totals);
    let lineGross = 0;
    let lineDiscount = 0;
    let lineTax = 0;
    for (const line of sale.lines) {
      this.categoryOf.set(line.itemId, line.categoryName);
      lineGross += line.gross;
      lineDiscount += line.discount;
      lineTax += line.tax;
    }
    const paid = sale.payments.reduce((a, p) => a + p.amount, 0);
    const expectedTotal = lineGross - lineDiscount + (sale.pricesIncludeTax ? 0 : lineTax);
    if (
      lineGross !== sale.subtotal ||
      lineDiscount !== sale.discountTotal ||
      lineTax !== sale.taxTotal ||
      expectedTotal !== sale.total ||
      paid !== sale.total
    ) {
      this.inconsistentOrders.push(sale.orderId);
    }
  }

  addRefund(refund: RefundRecord): void {
    refundFacts(refund, this.totals);
    for (const line of refund.lines) this.categoryOf.set(line.itemId, line.categoryName);
  }
}

/** The figures of what `acc` has summed, with the drawer's movements and opening float (nothing is changed in `acc`). */
export function figuresOf(acc: FiguresAccumulator, drawer: readonly DrawerMovementRecord[], openingFloat: Minor): DayFigures {
  assertMinor(openingFloat, 'opening float');
  const summary = summaryOf(acc.totals);
  const byCategory = new Map<string, Minor>();
  for (const [itemId, a] of acc.totals.of('item')) add(byCategory, acc.categoryOf.get(itemId)!, netOf(a));
  const byStaff = new Map<string, Minor>();
  for (const [name, a] of acc.totals.of('staff')) add(byStaff, name, netOf(a));

  let payIns = 0;
  let payOuts = 0;
  let safeDrops = 0;
  for (const move of drawer) {
    assertMinor(move.amount, 'drawer amount');
    if (move.kind === 'pay_in') payIns += move.amount;
    else if (move.kind === 'pay_out') payOuts += move.amount;
    else if (move.kind === 'safe_drop') safeDrops += move.amount;
  }
  const cashSales = summary.tenders.cash.sales;
  const cashRefunds = summary.tenders.cash.refunded;
  const expectedCash = openingFloat + cashSales - cashRefunds + payIns - payOuts - safeDrops;

  return {
    ...summary,
    byCategory: sorted(byCategory).map(([name, net]) => ({ name, net })),
    byStaff: sorted(byStaff).map(([name, net]) => ({ name, net })),
    drawer: { openingFloat, cashSales, cashRefunds, payIns, payOuts, safeDrops },
    expectedCash,
    inconsistentOrders: [...acc.inconsistentOrders],
  };
}

/** The figures for the records given (see the definitions at the top of this file). */
export function computeFigures(input: FiguresInput): DayFigures {
  const inDays = (day: string) => !input.days || (day >= input.days.from && day <= input.days.to);
  const acc = new FiguresAccumulator();
  for (const sale of input.sales) if (inDays(sale.businessDay)) acc.addSale(sale);
  for (const refund of input.refunds ?? []) if (inDays(refund.businessDay)) acc.addRefund(refund);
  return figuresOf(acc, (input.drawer ?? []).filter((m) => inDays(m.businessDay)), input.openingFloat ?? 0);
}
