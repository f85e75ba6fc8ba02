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

/** The discount as basis points of the subtotal, rounded up (to compare with the shop's limit). */
export function discountRateBp(subtotal: Minor, discount: Discount): number {
  if (discount.kind === 'percent') return discount.value;
  if (subtotal === 0) return discount.value > 0 ? 10_000 : 0;
  return Math.ceil((Math.min(discount.value, subtotal) * 10_000) / subtotal);
}

export function orderTotals(lines: readonly PricedLine[], policy: TaxPolicy, discount?: Discount | null): OrderTotals {
  const lineTotals = lines.map(lineTotal);
  const subtotal = lineTotals.reduce((a, t) => a + t, 0);
  const discountTotal = discountAmount(subtotal, discount);
  const lineDiscounts = allocate(discountTotal, lineTotals);
  const taxable = subtotal - discountTotal;
  const taxTotal = taxFor(taxable, policy);
  const total = policy.pricesIncludeTax ? taxable : taxable + taxTotal;
  const lineTaxes = allocate(
    taxTotal,
    lineTotals.map((t, i) => t - lineDiscounts[i]!),
  );
  return { subtotal, discountTotal, taxTotal, total, lineDiscounts, lineTaxes };
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
export const CURRENCY_CODES = Object.keys(CURRENCIES) as [Currency, ...Currency[]];

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

/** "12%" or "12.5%" from basis points. */
export function formatRate(rateBp: number): string {
  const whole = Math.floor(rateBp / 100);
  const frac = rateBp % 100;
  return frac === 0 ? `${whole}%` : `${whole}.${frac.toString().padStart(2, '0').replace(/0$/, '')}%`;
}
