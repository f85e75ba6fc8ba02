// Contract, orders: checkout, history, the bar queue, cancellation and receipts.
import { z } from 'zod';
import type { Currency, Minor } from '../money';
import { cursor, day, id, text } from '../schemas';
import type { MoneyTotals, OrderContact } from './cart';
import { channel, empty, minor } from './channel';
import type { RefundView } from './refunds';

export type OrderStatus = 'pending' | 'preparing' | 'ready' | 'completed' | 'cancelled';
export type PaymentMethod = 'cash' | 'card' | 'other';

export interface OrderSummary {
  id: string;
  orderNumber: string; // SHOP-TERM-YYYYMMDD-NNNN
  shortNumber: string; // #NNN
  businessDay: string; // YYYY-MM-DD
  createdAt: number; // UTC epoch ms
  staffName: string;
  /** Customer name to call out, if one was given. */
  contactName: string;
  status: OrderStatus;
  itemCount: number;
  total: Minor;
  currency: Currency;
}

export interface OrderLineView {
  id: string;
  name: string;
  modifiers: { group: string; name: string; priceDelta: Minor }[];
  note: string;
  unitPrice: Minor;
  quantity: number;
  lineDiscount: Minor;
  lineTotal: Minor;
  lineTax: Minor;
}

export interface PaymentView {
  method: PaymentMethod;
  amount: Minor;
  tendered: Minor;
  change: Minor;
  reference: string;
}

export interface StatusChangeView {
  status: OrderStatus;
  at: number;
  by: string;
  reason: string;
}

export interface OrderDetail extends OrderSummary, MoneyTotals, OrderContact {
  statusHistory: StatusChangeView[];
  taxRateBp: number;
  pricesIncludeTax: boolean;
  lines: OrderLineView[];
  payments: PaymentView[];
  /** Refunds of this order, oldest first (a cancel is a refund of everything). */
  refunds: RefundView[];
  /** Σ refunds handed back. */
  refunded: Minor;
}

export interface CheckoutResult {
  order: OrderDetail;
  change: Minor;
  /** true when this request id had already completed: the earlier order is returned, nothing new is written. */
  replayed: boolean;
}

export interface QueueOrderView extends OrderContact {
  id: string;
  shortNumber: string;
  status: OrderStatus;
  paidAt: number;
  staffName: string;
  lines: { name: string; quantity: number; modifiers: string[]; note: string }[];
}

export interface ReceiptView {
  shopName: string;
  footer: string;
  currency: Currency;
  timezone: string;
  orderNumber: string;
  shortNumber: string;
  createdAt: number;
  staffName: string;
  contactName: string;
  status: OrderStatus;
  lines: { name: string; quantity: number; unitPrice: Minor; modifiers: string[]; note: string; lineDiscount: Minor; lineTotal: Minor }[];
  subtotal: Minor;
  discountTotal: Minor;
  taxTotal: Minor;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  total: Minor;
  payments: PaymentView[];
  change: Minor;
}

/** A row of the order history: the summary with its tenders, refunds and what was sold. */
export interface HistoryRow extends OrderSummary {
  /** Tenders used, in the order paid (no repeats). */
  tenders: PaymentMethod[];
  /** Σ handed back so far. */
  refunded: Minor;
  /** "2× Latte, Croissant" (long orders end in "…"). */
  items: string;
}

/** What the history list shows besides paid/cancelled: derived from the refunds. */
export type HistoryStatus = 'paid' | 'refunded' | 'partlyRefunded' | 'cancelled';

/** The one rule (the search's SQL says the same): cancelled, else by what was handed back of the total. */
export function historyStatusOf(order: { status: OrderStatus; total: Minor; refunded: Minor }): HistoryStatus {
  if (order.status === 'cancelled') return 'cancelled';
  if (order.refunded <= 0) return 'paid';
  return order.refunded >= order.total ? 'refunded' : 'partlyRefunded';
}

export const HISTORY_STATUS_LABELS: Record<HistoryStatus, string> = {
  paid: 'Paid',
  refunded: 'Refunded',
  partlyRefunded: 'Partly refunded',
  cancelled: 'Cancelled',
};

export interface OrderPage {
  orders: HistoryRow[];
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextCursor: string | null;
  /** The shop's business day now (YYYY-MM-DD), so a screen can say "Today" by main's clock. */
  today: string;
}


// ---------- input pieces ----------

/**
 * History search. Every filter narrows (AND). number: "42", "#042" (that number on any day in
 * range) or a full order number; from/to: business days, inclusive; customer: part of the name
 * or phone; item: part of an item's name as sold; totals in minor units, inclusive.
 */
export const orderFilters = z
  .strictObject({
    number: z
      .string()
      .trim()
      .regex(/^(#?\d{1,4}|[A-Za-z0-9]{1,12}-[A-Za-z0-9]{1,12}-\d{8}-\d{1,6})$/, 'Enter an order number like 42, #042 or the full number from the receipt')
      .optional(),
    from: day.optional(),
    to: day.optional(),
    staffId: id.optional(),
    tender: z.enum(['cash', 'card', 'other'], 'Choose cash, card or other').optional(),
    status: z.enum(['paid', 'refunded', 'partlyRefunded', 'cancelled'], 'Choose paid, refunded, partly refunded or cancelled').optional(),
    customer: text(60).optional(),
    item: text(60).optional(),
    minTotal: minor.optional(),
    maxTotal: minor.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'The end date is before the start date', path: ['to'] })
  .refine((f) => f.minTotal === undefined || f.maxTotal === undefined || f.minTotal <= f.maxTotal, {
    message: 'The smallest total is more than the largest',
    path: ['maxTotal'],
  });
export type OrderFilters = z.output<typeof orderFilters>;

/** Where an export stands (polled by the screen while it runs). */
export interface ExportProgress {
  state: 'running' | 'done' | 'failed' | 'cancelled' | 'unknown';
  /** Orders written so far, of `total`. */
  done: number;
  total: number;
  path: string | null;
  /** A sentence for a person when it failed. */
  error: string | null;
}

const reference = text(60);
export const paymentInput = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('cash'), tendered: minor.min(1, 'Enter the cash received') }),
  z.strictObject({ method: z.literal('card'), amount: minor.min(1, 'Enter the card amount'), reference: reference.optional() }),
  z.strictObject({ method: z.literal('other'), amount: minor.min(1, 'Enter the amount'), reference: reference.optional() }),
]);
export type PaymentInput = z.infer<typeof paymentInput>;


export const orderChannels = {
  'orders.checkout': channel<CheckoutResult>()({
    input: z.strictObject({
      // Lower-cased: ids that differ only in case are the same request (one order, not two).
      requestId: z.uuid('This sale has no valid request number. Close the payment and open it again.').transform((s) => s.toLowerCase()),
      // Empty only for a sale that comes to nothing (checked against the total in main).
      payments: z.array(paymentInput).max(10, 'At most 10 payments'),
    }),
    permission: 'orders.checkout',
    summary: 'Charge the cart (cash, card, other, or split across them): one transaction, idempotent on requestId.',
  }),
  'orders.queue': channel<QueueOrderView[]>()({
    input: empty,
    permission: 'orders.view',
    summary: 'The bar queue: paid orders not yet completed or cancelled, oldest first.',
  }),
  'orders.advance': channel<QueueOrderView>()({
    input: z.strictObject({ orderId: id, from: z.enum(['pending', 'preparing', 'ready']) }),
    permission: 'queue.advance',
    summary: 'One tap on the queue: pending → preparing → ready → completed. `from` guards against double taps.',
  }),
  'orders.cancel': channel<OrderDetail>()({
    input: z.strictObject({ orderId: id, reason: text(200, { min: 3, required: 'Say why' }), approvalId: z.uuid().optional() }),
    permission: 'orders.cancel',
    override: 'order.cancelPaid',
    summary: 'Cancel a paid order (a barista needs a manager’s approval).',
  }),
  'receipts.get': channel<ReceiptView>()({
    input: z.strictObject({ orderId: id }),
    permission: 'orders.view',
    summary: 'What the receipt of an order says.',
  }),
  'receipts.print': channel<{ printer: string }>()({
    input: z.strictObject({ orderId: id }),
    permission: 'orders.view',
    summary: "Print (or reprint) an order's receipt to the chosen or default printer.",
  }),
  'receipts.savePdf': channel<{ saved: boolean; path: string | null }>()({
    input: z.strictObject({ orderId: id }),
    permission: 'orders.view',
    summary: "Save an order's receipt as a PDF (asks where).",
  }),
  'receipts.printers': channel<{ name: string; isDefault: boolean }[]>()({
    input: empty,
    permission: 'settings.manage',
    summary: 'Printers this computer knows, for Settings.',
  }),
  'orders.list': channel<OrderPage>()({
    input: z.strictObject({
      limit: z.int().min(1).max(100).optional(),
      before: cursor(64).optional(),
      filters: orderFilters.optional(),
    }),
    permission: 'orders.view',
    summary: "Order history, newest first, filtered (baristas: today's orders only). Runs off the main loop.",
  }),
  'orders.totals': channel<{ count: number; total: Minor; currency: Currency }>()({
    input: z.strictObject({ filters: orderFilters.optional() }),
    permission: 'orders.view',
    summary: 'How many orders the filters find and the sum of their totals (shown above the list).',
  }),
  'orders.exportCsv': channel<ExportProgress>()({
    input: z.strictObject({
      exportId: z.uuid('This export has no valid id. Close it and try again.').transform((s) => s.toLowerCase()),
      filters: orderFilters.optional(),
    }),
    permission: 'orders.viewHistory',
    summary: 'Save the filtered orders and their lines as CSV (asks where); returns at once, the export runs off the main loop.',
  }),
  'orders.exportProgress': channel<ExportProgress>()({
    input: z.strictObject({ exportId: z.uuid('That export is not known').transform((s) => s.toLowerCase()) }),
    permission: 'orders.viewHistory',
    summary: 'Where an export stands: orders written of the total, done, failed.',
  }),
  'orders.get': channel<OrderDetail>()({
    input: z.strictObject({ orderId: id }),
    permission: 'orders.view',
    summary: 'One order with its lines and payments.',
  }),
};
