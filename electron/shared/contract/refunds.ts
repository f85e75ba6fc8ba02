// Contract, refunds: refunding a paid order (whole, lines and quantities, or an amount) to the
// original tender or another, with a manager's approval bound to the refund.
import { z } from 'zod';
import type { Currency, Minor } from '../money';
import { id, text } from '../schemas';
import { channel, minor, quantity } from './channel';
import type { OrderDetail, PaymentMethod } from './orders';

export interface RefundView {
  id: string;
  /** "#042-R1": the order's short number and which refund of it. */
  number: string;
  kind: 'refund' | 'cancel';
  businessDay: string; // the day it was issued
  at: number;
  by: string;
  approvedBy: string | null;
  reason: string;
  /** Handed back, tax included. */
  amount: Minor;
  tax: Minor;
  tenders: { method: PaymentMethod; amount: Minor }[];
  lines: { lineId: string; name: string; quantity: number; amount: Minor }[];
}

export interface RefundableLine {
  lineId: string;
  name: string;
  modifiers: string[];
  quantity: number;
  refundedQuantity: number;
  refundableQuantity: number;
  lineTotal: Minor;
  refundedAmount: Minor;
  refundableAmount: Minor;
}

export type RefundTender = 'original' | PaymentMethod;

export interface RefundPreview {
  orderId: string;
  orderNumber: string;
  shortNumber: string;
  currency: Currency;
  lines: RefundableLine[];
  /** Still refundable on the whole order. */
  refundable: Minor;
  /** What this refund would hand back, and the tax in it. */
  amount: Minor;
  tax: Minor;
  lineAmounts: { lineId: string; quantity: number; amount: Minor }[];
  tenders: { method: PaymentMethod; amount: Minor }[];
  /** null: this person may refund it now; else whose approval it needs. */
  needsApproval: null | { action: 'order.refund'; ownerOnly: boolean; limit: Minor };
  /** Cash goes back out of the drawer: a shift must be open on this till. */
  needsOpenShift: boolean;
  refunds: RefundView[];
}

export interface RefundResult {
  refund: RefundView;
  order: OrderDetail;
  /** true when this request id had already been refunded: nothing new was written. */
  replayed: boolean;
}

export interface RefundReceiptView {
  shopName: string;
  footer: string;
  currency: Currency;
  timezone: string;
  orderNumber: string;
  refund: RefundView;
}

// ---------- input pieces ----------

export const refundWhat = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({
    kind: z.literal('lines'),
    lines: z
      .array(z.strictObject({ lineId: id, quantity }))
      .min(1, 'Choose at least one line to refund')
      .max(200)
      .refine((ls) => new Set(ls.map((l) => l.lineId)).size === ls.length, 'Each line once'),
  }),
  z.strictObject({ kind: z.literal('amount'), amount: minor.min(1, 'Enter an amount to refund') }),
]);
export type RefundWhat = z.infer<typeof refundWhat>;
export const refundTender = z.enum(['original', 'cash', 'card', 'other']);

export const refundChannels = {
  'refunds.preview': channel<RefundPreview>()({
    input: z.strictObject({ orderId: id, what: refundWhat, tender: refundTender }),
    permission: 'orders.view',
    summary: 'What a refund would hand back (per line and tender), what is still refundable, and whose approval it needs. Writes nothing.',
  }),
  'refunds.issue': channel<RefundResult>()({
    input: z.strictObject({
      requestId: z.uuid('This refund has no valid request number. Close it and open it again.').transform((s) => s.toLowerCase()),
      orderId: id,
      what: refundWhat,
      tender: refundTender,
      reason: text(200, { min: 3, required: 'Say why' }),
      approvalId: z.uuid().optional(),
    }),
    permission: 'orders.view',
    summary: 'Refund a paid order (whole, lines and quantities, or an amount): one transaction, idempotent on requestId; baristas need a manager, managers a limit.',
  }),
  'refunds.receipt': channel<RefundReceiptView>()({
    input: z.strictObject({ refundId: id }),
    permission: 'orders.view',
    summary: 'What the refund receipt says.',
  }),
  'refunds.print': channel<{ printer: string }>()({
    input: z.strictObject({ refundId: id }),
    permission: 'orders.view',
    summary: 'Print a refund receipt.',
  }),
};
