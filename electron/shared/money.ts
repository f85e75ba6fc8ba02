// The one module for money math. Amounts are integer minor units (centavos for PHP);
// rates are integer basis points (1200 = 12%). No floats anywhere in here.
//
// Rounding rule: tax is computed once per order on the order's taxable amount, rounded
// half-up to the minor unit, then allocated to lines by largest remainder so the line
// taxes always sum to the order tax.

export type Minor = number;

export const MAX_UNIT_PRICE: Minor = 999_999; // 9,999.99 — the seed's limit
export const MAX_TAX_RATE_BP = 5_000; // 50%
export const MAX_LINE_QUANTITY = 999;

export interface TaxPolicy {
  rateBp: number;
  pricesIncludeTax: boolean;
}

export interface PricedLine {
  unitPrice: Minor;
  quantity: number;
  /** A discount on this line alone, applied before the order discount. */
  discount?: Discount | null;
}

export interface OrderTotals {
  subtotal: Minor; // sum of line totals at shelf price
  discountTotal: Minor;
  taxTotal: Minor;
  total: Minor; // what the customer pays
  lineDiscounts: Minor[]; // per input line, sums to discountTotal
  lineTaxes: Minor[]; // per input line, sums to taxTotal
}

/** An order-level discount: percent in basis points (1000 = 10%) or a fixed amount in minor units. */
export interface Discount {
  kind: 'percent' | 'amount';
  value: number;
}

function assertMinor(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of minor units`);
}

/** a / b rounded half-up, for a >= 0 and b > 0 (integers). */
export function divRoundHalfUp(a: number, b: number): number {
  assertMinor(a, 'dividend');
  assertMinor(b, 'divisor');
  if (a < 0 || b <= 0) throw new RangeError('divRoundHalfUp expects a >= 0 and b > 0');
  const q = Math.floor(a / b);
  const r = a - q * b;
  return r * 2 >= b ? q + 1 : q;
}

/** a × b / c rounded half-up (a, b >= 0, c > 0), exact even when a × b passes 2^53 (a refund's share of a line's tax). */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return divRoundHalfUp(product, c);
  assertMinor(a, 'factor');
  assertMinor(b, 'factor');
  assertMinor(c, 'divisor');
  if (a < 0 || b < 0 || c <= 0) throw new RangeError('mulDivRoundHalfUp expects a, b >= 0 and c > 0');
  const [p, d] = [BigInt(a) * BigInt(b), BigInt(c)];
  const q = p / d;
  return Number((p - q * d) * 2n >= d ? q + 1n : q);
}

export function lineTotal(line: PricedLine): Minor {
  assertMinor(line.unitPrice, 'unit price');
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new RangeError('quantity must be a positive whole number');
  return line.unitPrice * line.quantity;
}

/** Tax contained in / added to `amount` under the policy, rounded half-up. */
export function taxFor(amount: Minor, policy: TaxPolicy): Minor {
  assertMinor(amount, 'amount');
  if (policy.rateBp === 0 || amount === 0) return 0;
  return policy.pricesIncludeTax
    ? divRoundHalfUp(amount * policy.rateBp, 10_000 + policy.rateBp)
    : divRoundHalfUp(amount * policy.rateBp, 10_000);
}

/** Split `total` over `weights` proportionally; parts are integers summing to `total`. */
export function allocate(total: Minor, weights: readonly Minor[]): Minor[] {
  assertMinor(total, 'total');
  const sum = weights.reduce((a, w) => a + w, 0);
  if (weights.length === 0) return [];
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}

/** The discount in minor units on `subtotal`: percent rounded half-up, and never more than the subtotal. */
export function discountAmount(subtotal: Minor, discount: Discount | null | undefined): Minor {
  if (!discount) return 0;
  assertMinor(discount.value, 'discount');
  if (discount.value < 0) throw new RangeError('a discount cannot be negative');
  const raw = discount.kind === 'percent' ? divRoundHalfUp(subtotal * Math.min(discount.value, 10_000), 10_000) : discount.value;
  return Math.min(raw, subtotal);
}

/**
 * The whole order's discount (every line and order discount ÷ the gross) in basis points: rounded
 * half-up to show a person, or up to keep as a manager-approved cap (which the approved
 * discounts then always fit within).
 */
export function effectiveDiscountBp(totals: { subtotal: Minor; discountTotal: Minor }, rounding: 'half-up' | 'up' = 'half-up'): number {
  if (totals.subtotal <= 0) return 0;
  const scaled = totals.discountTotal * 10_000;
  return rounding === 'up' ? Math.ceil(scaled / totals.subtotal) : divRoundHalfUp(scaled, totals.subtotal);
}

/**
 * Whether an order's discounts, all together, stay within `limitBp` of its gross: the shop's
 * limit is on the effective discount, never on one discount alone (5% off a line plus 5% off the
 * order is 9.75%). Rounding goes the customer's way: a discount of the limit on every line, or
 * on the whole order, is within it.
 */
export function discountsWithin(lines: readonly PricedLine[], totals: { discountTotal: Minor }, limitBp: number): boolean {
  const limit: Discount = { kind: 'percent', value: Math.min(Math.max(limitBp, 0), 10_000) };
  const gross = lines.map(lineTotal);
  const wholeOrder = discountAmount(gross.reduce((a, t) => a + t, 0), limit);
  const lineByLine = gross.reduce((a, t) => a + discountAmount(t, limit), 0);
  return totals.discountTotal <= Math.max(wholeOrder, lineByLine);
}

/**
 * Totals of an order: line discounts first, then the order discount on what remains (split over
 * the lines by largest remainder), then tax once on the discounted amount.
 */
export function orderTotals(lines: readonly PricedLine[], policy: TaxPolicy, discount?: Discount | null): OrderTotals {
  const lineTotals = lines.map(lineTotal);
  const subtotal = lineTotals.reduce((a, t) => a + t, 0);
  const ownDiscounts = lines.map((l, i) => discountAmount(lineTotals[i]!, l.discount));
  const nets = lineTotals.map((t, i) => t - ownDiscounts[i]!);
  const netTotal = nets.reduce((a, n) => a + n, 0);
  const orderDiscount = discountAmount(netTotal, discount);
  const shares = allocate(orderDiscount, nets);
  const lineDiscounts = ownDiscounts.map((d, i) => d + shares[i]!);
  const discountTotal = lineDiscounts.reduce((a, d) => a + d, 0);
  const taxable = subtotal - discountTotal;
  const taxTotal = taxFor(taxable, policy);
  const total = policy.pricesIncludeTax ? taxable : taxable + taxTotal;
  const lineTaxes = allocate(
    taxTotal,
    lineTotals.map((t, i) => t - lineDiscounts[i]!),
  );
  return { subtotal, discountTotal, taxTotal, total, lineDiscounts, lineTaxes };
}

export type Tender =
  | { method: 'cash'; tendered: Minor }
  | { method: 'card' | 'other'; amount: Minor; reference?: string };

export interface SettledPayment {
  method: 'cash' | 'card' | 'other';
  amount: Minor; // applied to the order
  tendered: Minor; // handed over
  change: Minor;
  reference: string;
}

/**
 * Splits a total over the tenders: card and other pay exactly what they say, cash covers the
 * rest and is the only tender that may overpay (the excess is change), by at most one of the
 * currency's largest notes — more is a slipped digit, not a customer. A zero total is settled
 * by no tender at all. Returns an error message instead when the tenders do not settle the total.
 */
export function settleTenders(
  total: Minor,
  tenders: readonly Tender[],
  currency: Currency,
): { ok: true; payments: SettledPayment[]; change: Minor } | { ok: false; message: string; still?: Minor; maxCash?: Minor } {
  if (total === 0) {
    return tenders.length === 0
      ? { ok: true, payments: [], change: 0 }
      : { ok: false, message: 'This order comes to nothing: complete it without taking a payment' };
  }
  const cash = tenders.filter((t) => t.method === 'cash');
  if (cash.length > 1) return { ok: false, message: 'Take cash as one payment' };
  const nonCash = tenders.filter((t): t is Extract<Tender, { amount: Minor }> => t.method !== 'cash');
  const nonCashTotal = nonCash.reduce((a, t) => a + t.amount, 0);
  if (nonCashTotal > total) return { ok: false, message: 'Card and other payments add up to more than the total: only cash can be over' };
  const cashDue = total - nonCashTotal;
  const payments: SettledPayment[] = nonCash.map((t) => ({ method: t.method, amount: t.amount, tendered: t.amount, change: 0, reference: t.reference ?? '' }));
  const cashTender = cash[0];
  if (!cashTender) {
    return cashDue === 0 ? { ok: true, payments, change: 0 } : { ok: false, message: 'Not fully paid yet', still: cashDue };
  }
  if (cashDue === 0) return { ok: false, message: 'Nothing is left to pay in cash' };
  const maxCash = maxCashTender(cashDue, currency);
  if (cashTender.tendered > maxCash) {
    return {
      ok: false,
      message: `Check the cash: ${formatMoney(cashTender.tendered, currency)} is more than this sale can take (at most ${formatMoney(maxCash, currency)})`,
      maxCash,
    };
  }
  const change = changeDue(cashDue, cashTender.tendered);
  if (change === null) return { ok: false, message: 'Not enough cash', still: cashDue - cashTender.tendered };
  payments.push({ method: 'cash', amount: cashDue, tendered: cashTender.tendered, change, reference: '' });
  return { ok: true, payments, change };
}

/** The most cash a customer can sensibly hand over for `cashDue`: the amount plus one largest note. */
export function maxCashTender(cashDue: Minor, currency: Currency): Minor {
  return cashDue + LARGEST_NOTE[currency];
}

/** Change due for a cash tender; null when the tender does not cover the total. */
export function changeDue(total: Minor, tendered: Minor): Minor | null {
  assertMinor(total, 'total');
  assertMinor(tendered, 'tendered');
  return tendered >= total ? tendered - total : null;
}

/** Quick-tender suggestions for cash: exact, then the next round notes above the total. */
export function quickTenders(total: Minor, notes: readonly Minor[] = [2_000, 5_000, 10_000, 20_000, 50_000, 100_000]): Minor[] {
  const out = [total];
  for (const note of notes) {
    const rounded = Math.ceil(total / note) * note;
    if (rounded > total && !out.includes(rounded)) out.push(rounded);
    if (out.length >= 4) break;
  }
  return out;
}

/** Parse what a person typed ("150", "150.5", "1,250.00") into minor units; null if not money. */
export function parseMoney(text: string): Minor | null {
  const cleaned = text.replace(/[,\s]/g, '');
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number((m[2] ?? '').padEnd(2, '0'));
  return major * 100 + minor;
}

export const CURRENCIES = {
  PHP: '₱',
  USD: '$',
  EUR: '€',
  GBP: '£',
  AUD: 'A$',
  CAD: 'C$',
  SGD: 'S$',
} as const;
export type Currency = keyof typeof CURRENCIES;

/** The largest banknote in circulation per currency (minor units): caps the change a sale can give. */
export const LARGEST_NOTE: Record<Currency, Minor> = {
  PHP: 100_000, // ₱1,000
  USD: 10_000, // $100
  EUR: 50_000, // €500 (no longer issued, still legal tender)
  GBP: 5_000, // £50
  AUD: 10_000, // A$100
  CAD: 10_000, // C$100
  SGD: 100_000, // S$1,000
};
export const CURRENCY_CODES = Object.keys(CURRENCIES) as [Currency, ...Currency[]];

/** Notes and coins in circulation per currency (minor units), largest first: a drawer is counted in these. */
export const DENOMINATIONS: Record<Currency, Minor[]> = {
  PHP: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 100, 25, 5, 1], // to the 1-sentimo coin: a cash total can end in any centavo
  USD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5, 1],
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  GBP: [5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  AUD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  CAD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5],
  SGD: [100000, 10000, 5000, 1000, 500, 200, 100, 50, 20, 10, 5],
};

/** 33000 → "330.00": the plain form a person would type (parseMoney's inverse). */
export function toMoneyInput(amount: Minor): string {
  return `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
}

/** "₱1,234.50" — integer formatting, no float division. */
export function formatMoney(amount: Minor, currency: Currency = 'PHP'): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const major = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const minor = (abs % 100).toString().padStart(2, '0');
  return `${sign}${CURRENCIES[currency]}${major}.${minor}`;
}

/** "12" → 1200, "7.5" → 750 (basis points), without floats. */
export function percentToBasisPoints(text: string): number {
  const [whole = '0', frac = ''] = text.trim().split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

/** "12%" or "12.5%" from basis points. */
export function formatRate(rateBp: number): string {
  const whole = Math.floor(rateBp / 100);
  const frac = rateBp % 100;
  return frac === 0 ? `${whole}%` : `${whole}.${frac.toString().padStart(2, '0').replace(/0$/, '')}%`;
}
