// The facts a sale or a refund contributes to the figures, per business day, dimension and key:
// the ONE place where a record turns into amounts. The daily rollups (sales_rollups) store the
// sum of these facts, written in the checkout and refund transactions (RollupWriter), and
// computeFigures (figures.ts) sums the same facts in memory for the X/Z reports; summaryOf then
// turns either sum into the figures. So a report read from the rollups and a Z report read from
// the orders cannot drift apart (DESIGN §9).
//
// Dimensions (n, qty, gross, discounts, refunds, tax; unused columns are 0):
// - total          key ''              n orders sold (cancelled ones too), qty items, gross,
//                                      discounts, refunds (sales basis), tax (net of refunded tax)
// - pricing        'inclusive' | 'exclusive'   n orders, tax (so taxAdded = exclusive's tax)
// - rate           the tax rate in bp  n orders, tax
// - tender         'cash'|'card'|'other'  n payments, gross = amount applied, refunds = handed back
// - item           menu item id        qty sold, gross, discounts, refunds (sales basis); the name
//                                      and category are read from today's menu when reported
// - modifier       group + US + option qty = units sold with that option (line quantity, once per
//                                      pick), gross = what it added to prices (priceDelta × qty).
//                                      Sold quantities: a refund does not reduce them (nor item qty)
// - staff          staff name snapshot n orders, gross, discounts, refunds of their sales
// - hour           '00'..'23'          local hour rung up: n orders, gross, discounts; refunds by
//                                      the local hour they were issued
// - refundKind     'refund' | 'cancel' n refunds issued
// - refundReason   the refund's reason n, refunds = the money handed back (tax included)
// - discountReason the checkout's joined reasons ("Regular; Day old")  n orders, discounts (orders
//                                      without a discount are left out)
//
// A sale counts on its order's business day, a refund on the business day it is issued.
// Pure: no database, no Node or DOM.
import type { salesRollups } from '../../db/schema/reports';
import type { Minor } from '../shared/money';

export type RollupDim = (typeof salesRollups.$inferSelect)['dim'];
export type TenderMethod = 'cash' | 'card' | 'other';

/** Separates a modifier's group from its option in the 'modifier' key (a unit separator no typed text contains). */
export const MODIFIER_SEPARATOR = '\u001f';

/** Where facts go: the database (RollupWriter), a sum in memory (FigureTotals), a test's recorder. */
export interface FactSink {
  /** The dimensions it keeps, when not all: facts of the others are not even made (the X/Z report needs no options). */
  readonly only?: readonly RollupDim[];
  add(day: string, dim: RollupDim, key: string, n: number, qty: number, gross: Minor, discounts: Minor, refunds: Minor, tax: Minor): void;
}

export interface ModifierChoice {
  group: string;
  name: string;
  priceDelta: Minor;
}

/** What a sale's line contributes. */
export interface SaleLineFacts {
  itemId: string;
  quantity: number;
  /** line_subtotal: unit price (with modifiers) × quantity, before any discount, as charged. */
  gross: Minor;
  /** line_discount: the line's own discount plus its share of the order discount. */
  discount: Minor;
  /** line_tax: the line's share of the order tax. */
  tax: Minor;
  /** The options chosen, as snapshotted on the line (a repeated pick appears twice). */
  modifiers: readonly ModifierChoice[];
}

/** What a sale contributes. */
export interface SaleFacts {
  businessDay: string; // YYYY-MM-DD
  staffName: string;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  /** Shop-local hour (0–23) it was rung up. */
  hour: number;
  /** The discount reasons as the checkout joins them for its audit row ('' when none was given). */
  discountReason: string;
  lines: readonly SaleLineFacts[];
  /** Applied to the order (what was handed over minus change). */
  payments: readonly { method: TenderMethod; amount: Minor }[];
}

/** What a refund's line contributes. */
export interface RefundLineFacts {
  /** The menu item of the order line refunded. */
  itemId: string;
  /** Money handed back for this line (tax included, whatever the shop's pricing). */
  amount: Minor;
  /** The tax inside `amount`. */
  tax: Minor;
}

/** What a refund contributes (staff, rate and pricing are the refunded sale's). */
export interface RefundFacts {
  refundId: string;
  businessDay: string; // the day it is ISSUED
  kind: 'refund' | 'cancel';
  reason: string;
  /** Shop-local hour (0–23) it was issued. */
  hour: number;
  staffName: string;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  lines: readonly RefundLineFacts[];
  /** Money handed back per tender; Σ = Σ lines' amount. */
  tenders: readonly { method: TenderMethod; amount: Minor }[];
}

export function assertMinor(v: number, what: string): void {
  if (!Number.isSafeInteger(v)) throw new RangeError(`${what} must be a whole number of minor units`);
}

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
/** The 'hour' key of a local hour: '00'..'23'. */
export function hourKey(hour: number): string {
  const key = HOURS[hour];
  if (key === undefined) throw new RangeError(`hour ${hour} is not 0–23`);
  return key;
}

export const modifierKey = (m: Pick<ModifierChoice, 'group' | 'name'>): string => `${m.group}${MODIFIER_SEPARATOR}${m.name}`;

/** A sale's facts into `sink`. */
export function saleFacts(sale: SaleFacts, sink: FactSink): void {
  const day = sale.businessDay;
  let qty = 0;
  let gross = 0;
  let discounts = 0;
  let tax = 0;
  const options = !sink.only || sink.only.includes('modifier');
  for (const line of sale.lines) {
    assertMinor(line.gross, 'line gross');
    assertMinor(line.discount, 'line discount');
    assertMinor(line.tax, 'line tax');
    qty += line.quantity;
    gross += line.gross;
    discounts += line.discount;
    tax += line.tax;
    sink.add(day, 'item', line.itemId, 0, line.quantity, line.gross, line.discount, 0, 0);
    if (!options) continue;
    for (const m of line.modifiers) {
      assertMinor(m.priceDelta, 'option price');
      sink.add(day, 'modifier', modifierKey(m), 0, line.quantity, m.priceDelta * line.quantity, 0, 0, 0);
    }
  }
  sink.add(day, 'total', '', 1, qty, gross, discounts, 0, tax);
  sink.add(day, 'pricing', sale.pricesIncludeTax ? 'inclusive' : 'exclusive', 1, 0, 0, 0, 0, tax);
  sink.add(day, 'rate', String(sale.taxRateBp), 1, 0, 0, 0, 0, tax);
  for (const p of sale.payments) {
    assertMinor(p.amount, 'payment');
    sink.add(day, 'tender', p.method, 1, 0, p.amount, 0, 0, 0);
  }
  sink.add(day, 'staff', sale.staffName, 1, 0, gross, discounts, 0, 0);
  sink.add(day, 'hour', hourKey(sale.hour), 1, 0, gross, discounts, 0, 0);
  if (discounts > 0) sink.add(day, 'discountReason', sale.discountReason, 1, 0, 0, discounts, 0, 0);
}

/**
 * A refund's facts into `sink`. Refunds are on the sales basis: the money handed back in an
 * inclusive shop, minus its tax in an exclusive one. A refund with no lines (the cancel of an
 * order already refunded in full) is still a refund issued: it counts in refundKind and
 * refundReason only.
 */
export function refundFacts(refund: RefundFacts, sink: FactSink): void {
  const day = refund.businessDay;
  let amount = 0;
  let basis = 0;
  let tax = 0;
  for (const line of refund.lines) {
    assertMinor(line.amount, 'refund amount');
    assertMinor(line.tax, 'refund tax');
    const salesBasis = refund.pricesIncludeTax ? line.amount : line.amount - line.tax;
    amount += line.amount;
    basis += salesBasis;
    tax += line.tax;
    sink.add(day, 'item', line.itemId, 0, 0, 0, 0, salesBasis, 0);
  }
  let handedBack = 0;
  for (const t of refund.tenders) {
    assertMinor(t.amount, 'refund tender');
    handedBack += t.amount;
  }
  if (handedBack !== amount) throw new RangeError(`refund ${refund.refundId}: tenders ${handedBack} differ from its lines ${amount}`);
  if (refund.lines.length > 0) {
    const taxBack = 0 - tax; // never −0, which a figure would carry as "−0"
    sink.add(day, 'total', '', 0, 0, 0, 0, basis, taxBack);
    sink.add(day, 'pricing', refund.pricesIncludeTax ? 'inclusive' : 'exclusive', 0, 0, 0, 0, 0, taxBack);
    sink.add(day, 'rate', String(refund.taxRateBp), 0, 0, 0, 0, 0, taxBack);
    sink.add(day, 'staff', refund.staffName, 0, 0, 0, 0, basis, 0);
    sink.add(day, 'hour', hourKey(refund.hour), 0, 0, 0, 0, basis, 0);
  }
  for (const t of refund.tenders) if (t.amount !== 0) sink.add(day, 'tender', t.method, 0, 0, 0, 0, t.amount, 0);
  sink.add(day, 'refundKind', refund.kind, 1, 0, 0, 0, 0, 0);
  sink.add(day, 'refundReason', refund.reason, 1, 0, 0, 0, amount, 0);
}
