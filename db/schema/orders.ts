// Carts, orders, their lines, status events and payments: a paid order is fixed at checkout.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bool } from './columns';
import { terminals, users } from './accounts';
import { menuItems } from './menu';

// ---------- carts ----------

export const carts = sqliteTable(
  'carts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    terminalId: text('terminal_id').references(() => terminals.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['open', 'parked'] }).notNull().default('open'),
    name: text('name').notNull().default(''),
    // Order-level discount: basis points for percent, minor units for amount.
    discountKind: text('discount_kind', { enum: ['percent', 'amount'] }),
    discountValue: integer('discount_value').notNull().default(0),
    discountReason: text('discount_reason').notNull().default(''),
    discountApprovedBy: text('discount_approved_by').references(() => users.id),
    // The whole order's effective discount (basis points of the gross) a manager approved; checkout refuses more.
    discountApprovedBp: integer('discount_approved_bp'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    specialInstructions: text('special_instructions').notNull().default(''),
    parkedAt: integer('parked_at'),
    parkedBy: text('parked_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('carts_one_open_per_user').on(t.userId).where(sql`${t.status} = 'open'`)],
);

export const cartItems = sqliteTable(
  'cart_items',
  {
    id: text('id').primaryKey(),
    cartId: text('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    menuItemId: text('menu_item_id')
      .notNull()
      .references(() => menuItems.id, { onDelete: 'restrict' }),
    // What makes two additions "the same line": item + chosen options + note.
    lineKey: text('line_key').notNull(),
    quantity: integer('quantity').notNull(),
    note: text('note').notNull().default(''),
    optionIds: text('option_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
    discountKind: text('discount_kind', { enum: ['percent', 'amount'] }),
    discountValue: integer('discount_value').notNull().default(0),
    discountReason: text('discount_reason').notNull().default(''),
    discountApprovedBy: text('discount_approved_by').references(() => users.id),
    addedAt: integer('added_at').notNull(),
  },
  (t) => [
    uniqueIndex('cart_items_line').on(t.cartId, t.lineKey),
    check('cart_items_quantity_check', sql`${t.quantity} > 0`),
  ],
);

// ---------- orders ----------

export const orderCounters = sqliteTable(
  'order_counters',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    businessDay: text('business_day').notNull(), // YYYY-MM-DD in the shop's zone
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.businessDay] })],
);

export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    orderNumber: text('order_number').notNull().unique(),
    businessDay: text('business_day').notNull(),
    daySeq: integer('day_seq').notNull(),
    clientRequestId: text('client_request_id').notNull().unique(), // idempotency key
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id, { onDelete: 'restrict' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    staffName: text('staff_name').notNull(), // snapshot
    status: text('status', { enum: ['pending', 'preparing', 'ready', 'completed', 'cancelled'] })
      .notNull()
      .default('pending'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    specialInstructions: text('special_instructions').notNull().default(''),
    currency: text('currency').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    pricesIncludeTax: bool('prices_include_tax').notNull(),
    subtotal: integer('subtotal').notNull(),
    discountTotal: integer('discount_total').notNull().default(0),
    taxTotal: integer('tax_total').notNull(),
    total: integer('total').notNull(),
    itemCount: integer('item_count').notNull(),
    // The shift open on this till when the sale was rung up (null: none was open, card/other only).
    shiftId: text('shift_id'),
    paidAt: integer('paid_at').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('orders_created').on(t.createdAt, t.id),
    index('orders_queue').on(t.status, t.paidAt),
    index('orders_day').on(t.businessDay, t.createdAt),
    index('orders_user').on(t.userId, t.createdAt),
    // A shift's X/Z report reads its sales by this (partial: sales outside a shift are not indexed).
    index('orders_shift').on(t.shiftId).where(sql`${t.shiftId} is not null`),
    check('orders_status_check', sql`${t.status} in ('pending','preparing','ready','completed','cancelled')`),
    check('orders_money_check', sql`${t.subtotal} >= 0 and ${t.taxTotal} >= 0 and ${t.total} >= 0`),
  ],
);

export const orderItems = sqliteTable(
  'order_items',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    menuItemId: text('menu_item_id')
      .notNull()
      .references(() => menuItems.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    menuItemName: text('menu_item_name').notNull(), // snapshot
    unitPrice: integer('unit_price').notNull(), // snapshot
    quantity: integer('quantity').notNull(),
    modifiers: text('modifiers', { mode: 'json' }).$type<unknown[]>().notNull().default([]), // snapshot
    note: text('note').notNull().default(''),
    lineSubtotal: integer('line_subtotal').notNull(),
    lineDiscount: integer('line_discount').notNull().default(0),
    lineTax: integer('line_tax').notNull(),
    lineTotal: integer('line_total').notNull(),
  },
  (t) => [
    index('order_items_order').on(t.orderId, t.position),
    // "Was this item ever sold?" (archive, never delete) without walking every order line.
    index('order_items_menu_item').on(t.menuItemId),
    check('order_items_quantity_check', sql`${t.quantity} > 0`),
  ],
);

// Every move through the bar queue (and a cancellation), with who did it.
export const orderStatusEvents = sqliteTable(
  'order_status_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    userId: text('user_id').references(() => users.id),
    reason: text('reason').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('order_status_events_order').on(t.orderId, t.createdAt)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    method: text('method', { enum: ['cash', 'card', 'other'] }).notNull(),
    amount: integer('amount').notNull(), // applied to the order
    tendered: integer('tendered').notNull(), // handed over (cash may exceed amount)
    changeGiven: integer('change_given').notNull().default(0),
    reference: text('reference').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('payments_order').on(t.orderId),
    check('payments_amount_check', sql`${t.amount} >= 0 and ${t.tendered} >= ${t.amount} and ${t.changeGiven} >= 0`),
  ],
);
