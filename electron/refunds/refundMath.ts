// The arithmetic of refunds, pure (no database): what is still refundable on an order's lines,
// what a refund of some quantities, of an amount or of everything hands back per line (and the
// tax in it), and which tenders the money goes back on. What is refundable is always DERIVED from
// the refund lines already written (Σ quantity, Σ amount, Σ tax per order line), never a counter.
import { conflict, invalid } from '../core/errors';
import type { PaymentMethod, RefundTender, RefundWhat } from '../shared/contract';
import { allocate, divRoundHalfUp, formatMoney, mulDivRoundHalfUp, type Currency, type Minor } from '../shared/money';

/** An order line as sold, with what its refunds so far took back. */
export interface LineState {
  lineId: string;
  name: string;
  quantity: number;
  /** What the customer paid for the line, tax included (order_items.line_total). */
  lineTotal: Minor;
  lineTax: Minor;
  refundedQty: number;
  refundedAmount: Minor;
  refundedTax: Minor;
}

/** What one refund takes back from one line: quantity 0 for an amount-only refund. */
export interface PlannedLine {
  lineId: string;
  quantity: number;
  amount: Minor;
  tax: Minor;
}

export interface RefundPlan {
  lines: PlannedLine[];
  amount: Minor;
  tax: Minor;
}

export const refundableQty = (l: LineState): number => l.quantity - l.refundedQty;
export const refundableAmount = (l: LineState): Minor => l.lineTotal - l.refundedAmount;
export const orderRefundable = (lines: readonly LineState[]): Minor => lines.reduce((a, l) => a + refundableAmount(l), 0);

export const NOTHING_LEFT = 'Nothing is left to refund on this order';

/**
 * The tax inside `amount` taken back from a line. Proportional to the line's tax, rounded on the
 * running total (Σ refunded so far + this refund) so that many small refunds cannot leave more tax
 * than money on the line; the last refund of a line takes exactly the tax still on it.
 */
function taxOf(line: LineState, amount: Minor): Minor {
  const taxLeft = line.lineTax - line.refundedTax;
  const left = Math.min(amount, Math.max(taxLeft, 0));
  if (amount === refundableAmount(line)) return left;
  if (line.lineTotal <= 0) return 0;
  const upTo = mulDivRoundHalfUp(line.lineTax, line.refundedAmount + amount, line.lineTotal);
  return Math.min(left, Math.max(upTo - line.refundedTax, 0));
}

/** `q` of a line's units: the last units take what is left, others their share of the line total. */
export function quantityShare(line: LineState, q: number): PlannedLine {
  const left = refundableAmount(line);
  const amount = q === refundableQty(line) ? left : Math.min(left, divRoundHalfUp(line.lineTotal * q, line.quantity));
  return { lineId: line.lineId, quantity: q, amount, tax: taxOf(line, amount) };
}

function plan(lines: PlannedLine[]): RefundPlan {
  const kept = lines.filter((l) => l.quantity > 0 || l.amount > 0);
  return { lines: kept, amount: kept.reduce((a, l) => a + l.amount, 0), tax: kept.reduce((a, l) => a + l.tax, 0) };
}

/** Everything still refundable, every line's remaining units and money (a cancel; may be nothing). */
export function planEverything(lines: readonly LineState[]): RefundPlan {
  return plan(lines.map((l) => quantityShare(l, refundableQty(l))));
}

/** An amount spread over the lines in proportion to what each still has to refund (quantity 0). */
export function planAmount(lines: readonly LineState[], amount: Minor, currency: Currency): RefundPlan {
  const left = orderRefundable(lines);
  if (left <= 0) throw conflict(NOTHING_LEFT);
  if (amount > left) throw conflict(`At most ${formatMoney(left, currency)} is left to refund on this order`, { amount: `At most ${formatMoney(left, currency)}` });
  const shares = allocate(amount, lines.map(refundableAmount));
  return plan(lines.map((l, i) => ({ lineId: l.lineId, quantity: 0, amount: shares[i]!, tax: taxOf(l, shares[i]!) })));
}

/** Chosen lines and quantities, each within what is left of it. */
export function planLines(lines: readonly LineState[], chosen: readonly { lineId: string; quantity: number }[]): RefundPlan {
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  const planned = chosen.map(({ lineId, quantity }) => {
    const line = byId.get(lineId);
    if (!line) throw invalid('That line is not on this order. Reload the order and try again.', { lines: 'Not on this order' });
    const left = refundableQty(line);
    if (left === 0) throw conflict(`${line.name} has already been refunded in full`);
    if (quantity > left) throw conflict(`Only ${left} of ${line.quantity} ${line.name} ${left === 1 ? 'is' : 'are'} left to refund`);
    return quantityShare(line, quantity);
  });
  return plan(planned);
}

/** The plan for what a person asked to refund; refused when it would hand back nothing. */
export function planRefund(lines: readonly LineState[], what: RefundWhat, currency: Currency): RefundPlan {
  const result = what.kind === 'all' ? planEverything(lines) : what.kind === 'amount' ? planAmount(lines, what.amount, currency) : planLines(lines, what.lines);
  if (result.amount <= 0) throw conflict(what.kind === 'lines' ? 'Those lines have nothing left to refund' : NOTHING_LEFT);
  return result;
}

/** A tender the order was paid with: Σ paid on it and Σ already refunded on it (this order only). */
export interface PaidMethod {
  method: PaymentMethod;
  paid: Minor;
  refunded: Minor;
}

/**
 * Where the money goes back. 'original': to the order's own tenders, each at most what is still
 * net on it (paid − refunded), card and other first in payment order and cash last, so the drawer
 * is touched only for what was paid in cash. A chosen method takes the whole amount.
 */
export function refundTenders(amount: Minor, paid: readonly PaidMethod[], tender: RefundTender): { method: PaymentMethod; amount: Minor }[] {
  if (amount <= 0) return [];
  if (tender !== 'original') return [{ method: tender, amount }];
  const order = [...paid.filter((p) => p.method !== 'cash'), ...paid.filter((p) => p.method === 'cash')];
  const out: { method: PaymentMethod; amount: Minor }[] = [];
  let left = amount;
  for (const p of order) {
    const take = Math.min(left, Math.max(p.paid - p.refunded, 0));
    if (take > 0) out.push({ method: p.method, amount: take });
    left -= take;
  }
  // Σ (paid − refunded) over the tenders = the order's total − Σ refunds ≥ what is refundable.
  if (left > 0) throw new Error(`refund of ${amount} exceeds what the order's tenders still hold by ${left}`);
  return out;
}

/** Cash in a list of tenders. */
export const cashIn = (tenders: readonly { method: PaymentMethod; amount: Minor }[]): Minor =>
  tenders.reduce((a, t) => a + (t.method === 'cash' ? t.amount : 0), 0);
