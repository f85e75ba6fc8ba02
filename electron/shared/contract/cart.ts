// Contract, cart: the open order at the counter, its lines, discounts and parked tickets.
import { z } from 'zod';
import type { Minor } from '../money';
import { id, text } from '../schemas';
import { channel, empty, quantity } from './channel';

export interface MoneyTotals {
  subtotal: Minor;
  discountTotal: Minor;
  taxTotal: Minor;
  total: Minor;
}

export interface ChosenOptionView {
  id: string;
  group: string;
  /** "2× Vanilla syrup" when picked more than once (allowRepeat groups). */
  name: string;
  /** For all the picks of this option together. */
  priceDelta: Minor;
  /** How many times it was picked, when more than once (the chooser preselects it so). */
  count?: number;
}

export interface CartLineView {
  id: string;
  menuItemId: string;
  name: string;
  /** Base price plus the chosen options' deltas. */
  unitPrice: Minor;
  quantity: number;
  options: ChosenOptionView[];
  note: string;
  /** Before any discount. */
  lineTotal: Minor;
  discount: CartDiscountView | null;
  lineDiscount: Minor;
}

export interface OrderContact {
  contactName: string;
  contactPhone: string;
  specialInstructions: string;
}

export interface ParkedTicketView {
  id: string;
  name: string;
  itemCount: number;
  total: Minor;
  parkedAt: number;
  parkedBy: string;
}

export type DiscountKind = 'percent' | 'amount';

export interface CartDiscountView {
  kind: DiscountKind;
  /** Basis points for percent (1000 = 10%), minor units for amount. */
  value: number;
  reason: string;
  approvedBy: string | null;
}

export interface CartView extends OrderContact {
  lines: CartLineView[];
  discount: CartDiscountView | null;
  itemCount: number;
  totals: MoneyTotals;
  taxRateBp: number;
  pricesIncludeTax: boolean;
}


// ---------- input pieces ----------

const note = text(140);
export const discountKind = z.enum(['percent', 'amount']);
export const discountValue = z.int().min(1).max(100_000_000);
export const percentAtMost100 = { message: 'At most 100%', path: ['value'] };
const discountInput = z
  .strictObject({ kind: discountKind, value: discountValue })
  .refine((d) => d.kind !== 'percent' || d.value <= 10_000, percentAtMost100)
  .nullable();

export const cartChannels = {
  'cart.get': channel<CartView>()({
    input: empty,
    permission: 'cart.use',
    summary: "The signed-in person's open cart.",
  }),
  'cart.addItem': channel<CartView>()({
    input: z.strictObject({
      menuItemId: id,
      quantity: quantity.optional(),
      /** Chosen modifier options; omitted → the item's defaults. */
      optionIds: z.array(id).max(20).optional(),
      note: note.optional(),
    }),
    permission: 'cart.use',
    summary: 'Add an item with its options and note (the same combination again raises its quantity).',
  }),
  'cart.addBySku': channel<CartView>()({
    input: z.strictObject({ sku: text(64, { min: 1, required: 'Scan or type a code' }) }),
    permission: 'cart.use',
    summary: 'Add the item with this SKU/barcode, with its default options (keyboard-wedge scanners).',
  }),
  'cart.setLineNote': channel<CartView>()({
    input: z.strictObject({ lineId: id, note }),
    permission: 'cart.use',
    summary: "Set a line's note (\"extra hot\").",
  }),
  'cart.setLineOptions': channel<CartView>()({
    input: z.strictObject({ lineId: id, optionIds: z.array(id).max(40) }),
    permission: 'cart.use',
    summary: "Change a line's options after it was added (the same rules as adding; an identical line merges).",
  }),
  'cart.setLineDiscount': channel<CartView>()({
    input: z.strictObject({ lineId: id, discount: discountInput, reason: text(200).optional(), approvalId: z.uuid().optional() }),
    permission: 'discount.apply',
    summary: 'A discount on one line; above the limit it needs a manager.',
  }),
  'cart.setDetails': channel<CartView>()({
    input: z.strictObject({
      contactName: text(120).optional(),
      contactPhone: text(20).regex(/^[0-9+()\-\s]*$/, 'Digits, spaces, + ( ) - only').optional(),
      specialInstructions: text(500).optional(),
    }),
    permission: 'cart.use',
    summary: 'Customer name to call out, phone, special instructions.',
  }),
  'cart.park': channel<CartView>()({
    input: z.strictObject({ name: text(60, { min: 1, required: 'Give the ticket a name' }) }),
    permission: 'cart.use',
    summary: 'Park the current order under a name; the counter starts a fresh one.',
  }),
  'cart.parked': channel<ParkedTicketView[]>()({
    input: empty,
    permission: 'cart.use',
    summary: "This till's parked tickets, oldest first.",
  }),
  'cart.resume': channel<CartView>()({
    input: z.strictObject({ cartId: id }),
    permission: 'cart.use',
    summary: 'Bring a parked ticket back as the current order (the current one must be empty).',
  }),
  'cart.setQuantity': channel<CartView>()({
    input: z.strictObject({ lineId: id, quantity }),
    permission: 'cart.use',
    summary: "Set a line's quantity.",
  }),
  'cart.removeLine': channel<CartView>()({
    input: z.strictObject({ lineId: id }),
    permission: 'cart.use',
    summary: 'Remove a line.',
  }),
  'cart.setDiscount': channel<CartView>()({
    input: z.strictObject({
      discount: discountInput,
      reason: text(200).optional(),
      approvalId: z.uuid().optional(),
    }),
    permission: 'discount.apply',
    summary: 'Put an order discount on the cart (percent in basis points, or an amount), or remove it with null. Above the limit it needs a manager.',
  }),
  'cart.clear': channel<CartView>()({
    input: empty,
    permission: 'cart.use',
    summary: 'Empty the cart.',
  }),
};
