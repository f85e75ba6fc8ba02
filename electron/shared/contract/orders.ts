// Contract, orders: checkout, history, the bar queue, cancellation and receipts.
import { z } from 'zod';
import type { Currency, Minor } from '../money';
import { cursor, id, text } from '../schemas';
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

export interface OrderPage {
  orders: OrderSummary[];
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextCursor: string | null;
  /** The shop's business day now (YYYY-MM-DD), so a screen can say "Today" by main's clock. */
  today: string;
}


// ---------- input pieces ----------

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
    }),
    permission: 'orders.view',
    summary: 'Order history, newest first.',
  }),
  'orders.get': channel<OrderDetail>()({
    input: z.strictObject({ orderId: id }),
    permission: 'orders.view',
    summary: 'One order with its lines and payments.',
  }),
};
