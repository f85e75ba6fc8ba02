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

import { divRoundHalfUp, type Minor } from '../shared/money';

export type TenderMethod = 'cash' | 'card' | 'other';
export const TENDER_METHODS: readonly TenderMethod[] = ['cash', 'card', 'other'];

export interface SaleLineRecord {
  quantity: number;
  /** line_subtotal: unit price (with modifiers) × quantity, before any discount, as charged. */
  gross: Minor;
  /** line_discount: the line's own discount plus its share of the order discount. */
  discount: Minor;
  /** line_tax: the line's share of the order tax. */
  tax: Minor;
  categoryName: string;
}

export interface SalePaymentRecord {
  method: TenderMethod;
  /** Applied to the order (what was handed over minus change). */
  amount: Minor;
  change: Minor;
}

export interface SaleRecord {
  orderId: string;
  businessDay: string; // YYYY-MM-DD
  status: 'pending' | 'preparing' | 'ready' | 'completed' | 'cancelled';
  staffName: string;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  /** As stored on the order. */
  subtotal: Minor;
  discountTotal: Minor;
  taxTotal: Minor;
  total: Minor;
  lines: SaleLineRecord[];
  payments: SalePaymentRecord[];
}

export interface RefundLineRecord {
  categoryName: string;
  /** Money handed back for this line (tax included, whatever the shop's pricing). */
  amount: Minor;
  /** The tax inside `amount`. */
  tax: Minor;
}

/** A refund as the refunds work will record it. */
export interface RefundRecord {
  refundId: string;
  orderId: string; // the sale refunded
  businessDay: string; // the day the refund is ISSUED
  kind: 'refund' | 'cancel';
  /** Money handed back per tender; Σ = Σ lines' amount. */
  tenders: { method: TenderMethod; amount: Minor }[];
  /** Of the sale refunded. */
  staffName: string;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  lines: RefundLineRecord[];
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

export interface DayFigures {
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
  byCategory: { name: string; net: Minor }[];
  byStaff: { name: string; net: Minor }[];
  drawer: { openingFloat: Minor; cashSales: Minor; cashRefunds: Minor; payIns: Minor; payOuts: Minor; safeDrops: Minor };
  expectedCash: Minor;
  inconsistentOrders: string[];
}

function assertMinor(v: number, what: string): void {
  if (!Number.isSafeInteger(v)) throw new RangeError(`${what} must be a whole number of minor units`);
}

function add(map: Map<string | number, Minor>, key: string | number, v: Minor): void {
  map.set(key, (map.get(key) ?? 0) + v);
}

function sorted<K extends string | number>(map: Map<K, Minor>): [K, Minor][] {
  return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The figures for the records given (see the definitions at the top of this file). */
export function computeFigures(input: FiguresInput): DayFigures {
  const inDays = (day: string) => !input.days || (day >= input.days.from && day <= input.days.to);
  const openingFloat = input.openingFloat ?? 0;
  assertMinor(openingFloat, 'opening float');

  let gross = 0;
  let discounts = 0;
  let refunds = 0;
  let taxAdded = 0;
  let tax = 0;
  let ordersCount = 0;
  let refundsCount = 0;
  let cancellations = 0;
  const taxByRate = new Map<number, Minor>();
  const byCategory = new Map<string, Minor>();
  const byStaff = new Map<string, Minor>();
  const tenders: Record<TenderMethod, TenderFigures> = {
    cash: { sales: 0, refunded: 0, collected: 0 },
    card: { sales: 0, refunded: 0, collected: 0 },
    other: { sales: 0, refunded: 0, collected: 0 },
  };
  const inconsistentOrders: string[] = [];

  for (const sale of input.sales) {
    if (!inDays(sale.businessDay)) continue;
    ordersCount++;
    let lineGross = 0;
    let lineDiscount = 0;
    let lineTax = 0;
    for (const line of sale.lines) {
      assertMinor(line.gross, 'line gross');
      assertMinor(line.discount, 'line discount');
      assertMinor(line.tax, 'line tax');
      lineGross += line.gross;
      lineDiscount += line.discount;
      lineTax += line.tax;
      add(byCategory, line.categoryName, line.gross - line.discount);
      add(byStaff, sale.staffName, line.gross - line.discount);
    }
    gross += lineGross;
    discounts += lineDiscount;
    tax += lineTax;
    add(taxByRate, sale.taxRateBp, lineTax);
    if (!sale.pricesIncludeTax) taxAdded += lineTax;
    let paid = 0;
    for (const p of sale.payments) {
      assertMinor(p.amount, 'payment');
      tenders[p.method].sales += p.amount;
      paid += p.amount;
    }
    const expectedTotal = lineGross - lineDiscount + (sale.pricesIncludeTax ? 0 : lineTax);
    if (
      lineGross !== sale.subtotal ||
      lineDiscount !== sale.discountTotal ||
      lineTax !== sale.taxTotal ||
      expectedTotal !== sale.total ||
      paid !== sale.total
    ) {
      inconsistentOrders.push(sale.orderId);
    }
  }

  for (const refund of input.refunds ?? []) {
    if (!inDays(refund.businessDay)) continue;
    refundsCount++;
    if (refund.kind === 'cancel') cancellations++;
    let amount = 0;
    for (const line of refund.lines) {
      assertMinor(line.amount, 'refund amount');
      assertMinor(line.tax, 'refund tax');
      const salesBasis = refund.pricesIncludeTax ? line.amount : line.amount - line.tax;
      amount += line.amount;
      refunds += salesBasis;
      tax -= line.tax;
      add(taxByRate, refund.taxRateBp, -line.tax);
      if (!refund.pricesIncludeTax) taxAdded -= line.tax;
      add(byCategory, line.categoryName, -salesBasis);
      add(byStaff, refund.staffName, -salesBasis);
    }
    let handedBack = 0;
    for (const t of refund.tenders) {
      assertMinor(t.amount, 'refund tender');
      tenders[t.method].refunded += t.amount;
      handedBack += t.amount;
    }
    if (handedBack !== amount) throw new RangeError(`refund ${refund.refundId}: tenders ${handedBack} differ from its lines ${amount}`);
  }

  for (const m of TENDER_METHODS) tenders[m].collected = tenders[m].sales - tenders[m].refunded;
  const collected = TENDER_METHODS.reduce((s, m) => s + tenders[m].collected, 0);

  let payIns = 0;
  let payOuts = 0;
  let safeDrops = 0;
  for (const move of input.drawer ?? []) {
    if (!inDays(move.businessDay)) continue;
    assertMinor(move.amount, 'drawer amount');
    if (move.kind === 'pay_in') payIns += move.amount;
    else if (move.kind === 'pay_out') payOuts += move.amount;
    else if (move.kind === 'safe_drop') safeDrops += move.amount;
  }
  const cashSales = tenders.cash.sales;
  const cashRefunds = tenders.cash.refunded;
  const expectedCash = openingFloat + cashSales - cashRefunds + payIns - payOuts - safeDrops;

  const sold = gross - discounts;
  return {
    gross,
    discounts,
    refunds,
    net: gross - discounts - refunds,
    taxAdded,
    tax,
    taxByRate: sorted(taxByRate).map(([rateBp, t]) => ({ rateBp, tax: t })),
    tenders,
    collected,
    ordersCount,
    refundsCount,
    cancellations,
    averageOrder: ordersCount === 0 ? 0 : divRoundHalfUp(sold, ordersCount),
    byCategory: sorted(byCategory).map(([name, net]) => ({ name, net })),
    byStaff: sorted(byStaff).map(([name, net]) => ({ name, net })),
    drawer: { openingFloat, cashSales, cashRefunds, payIns, payOuts, safeDrops },
    expectedCash,
    inconsistentOrders,
  };
}
