// The local SQLite schema (drizzle). Conventions (DESIGN.md §3):
// - money: integer minor units; time: UTC epoch milliseconds;
// - rows that will sync carry a UUIDv7 text id (globally unique, time-sortable);
// - orders never cascade from people or menu items: RESTRICT, and snapshots of what was sold.
import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const bool = (name: string) => integer(name, { mode: 'boolean' });

// ---------- accounts ----------

export const terminals = sqliteTable('terminals', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(), // short, used in order numbers: T1
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    authToken: text('auth_token').notNull().unique(), // immutable cross-terminal identity (seed 001)
    username: text('username').notNull(),
    passwordHash: text('password_hash'),
    pinHash: text('pin_hash'),
    encryptedEmail: blob('encrypted_email', { mode: 'buffer' }),
    emailDigest: text('email_digest').unique(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    role: text('role', { enum: ['barista', 'manager', 'owner'] }).notNull(),
    isActive: bool('is_active').notNull().default(true),
    dateJoined: integer('date_joined').notNull(),
    lastLogin: integer('last_login'),
    failedLoginAttempts: integer('failed_login_attempts').notNull().default(0),
    lockedUntil: integer('locked_until'),
    lastPasswordChange: integer('last_password_change'),
    // pin_hash was made with the pepper key (argon2's secret); older hashes are re-made at the next good sign-in.
    pinPeppered: bool('pin_peppered').notNull().default(false),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_username_nocase').on(sql`lower(${t.username})`),
    check('users_role_check', sql`${t.role} in ('barista','manager','owner')`),
  ],
);

// The last passwords a person used, so a reset or change cannot go back to them (seed 002).
export const passwordHistory = sqliteTable(
  'password_history',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('password_history_user').on(t.userId, t.createdAt)],
);

export const profiles = sqliteTable('profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  displayName: text('display_name').notNull().default(''),
  phoneNumber: text('phone_number').notNull().default(''),
  favoriteDrink: text('favorite_drink').notNull().default(''),
  bio: text('bio').notNull().default(''),
  updatedAt: integer('updated_at').notNull(),
});

export const authEvents = sqliteTable(
  'auth_events',
  {
    // seq orders the keyed hash chain (like audit_events); append-only (triggers in the migration).
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    eventType: text('event_type').notNull(), // login_pin, login_password, logout, lock, idle_lock, setup …
    usernameSubmitted: text('username_submitted').notNull().default(''),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    terminalId: text('terminal_id').references(() => terminals.id, { onDelete: 'set null' }),
    successful: bool('successful').notNull(),
    appVersion: text('app_version').notNull().default(''),
    metadata: text('metadata', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: integer('created_at').notNull(),
    // Chain: 0 = written before the chain existed (unchained), 2 = HMAC-SHA-256 with the audit key.
    alg: integer('alg').notNull().default(0),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    index('auth_events_created').on(t.createdAt),
    index('auth_events_user').on(t.userId, t.seq),
    index('auth_events_type').on(t.eventType, t.seq),
  ],
);

// Append-only and hash-chained: see db/migrations/*_audit_append_only.sql for the triggers.
export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    actorUserId: text('actor_user_id').references(() => users.id),
    approverUserId: text('approver_user_id').references(() => users.id),
    terminalId: text('terminal_id').references(() => terminals.id),
    action: text('action').notNull(), // order.checkout, shop.setup …
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    oldValue: text('old_value'), // JSON
    newValue: text('new_value'), // JSON
    reason: text('reason').notNull().default(''),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    // 1 = plain SHA-256 (rows written before the keyed chain), 2 = HMAC-SHA-256 with the audit key.
    alg: integer('alg').notNull().default(1),
  },
  (t) => [
    index('audit_events_created').on(t.createdAt),
    index('audit_events_actor').on(t.actorUserId, t.seq),
    index('audit_events_action').on(t.action, t.seq),
  ],
);

// ---------- settings ----------

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  version: integer('version').notNull().default(1), // base version for conflict-checked sync
  updatedAt: integer('updated_at').notNull(),
});

// ---------- menu ----------

export const categories = sqliteTable(
  'categories',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull().unique(),
    slug: text('slug').notNull().unique(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: ['drink', 'food'] }).notNull(),
    isFeatured: bool('is_featured').notNull().default(false),
    // A palette key (MENU_COLORS in the contract), '' for the default tile colour.
    color: text('color').notNull().default(''),
    displayOrder: integer('display_order').notNull().default(0),
    archivedAt: integer('archived_at'),
    version: integer('version').notNull().default(1),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('categories_kind_check', sql`${t.kind} in ('drink','food')`)],
);

export const menuItems = sqliteTable(
  'menu_items',
  {
    id: text('id').primaryKey(),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    sku: text('sku').unique(),
    description: text('description').notNull().default(''),
    basePrice: integer('base_price').notNull(),
    image: text('image').notNull().default(''),
    isAvailable: bool('is_available').notNull().default(true),
    // "86'd for today": sold out until this instant (the next business day's start), then back by itself.
    soldOutUntil: integer('sold_out_until'),
    color: text('color').notNull().default(''),
    isFavorite: bool('is_favorite').notNull().default(false),
    displayOrder: integer('display_order').notNull().default(0),
    archivedAt: integer('archived_at'), // items used by orders are archived, never deleted
    version: integer('version').notNull().default(1),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('menu_items_category_name').on(t.categoryId, t.name),
    check('menu_items_price_check', sql`${t.basePrice} between 0 and 999999`),
    index('menu_items_category_order').on(t.categoryId, t.displayOrder),
  ],
);

// Size / Milk / Extras: option groups attached to items, with price deltas and min/max choices.
export const modifierGroups = sqliteTable('modifier_groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  minChoices: integer('min_choices').notNull().default(0),
  maxChoices: integer('max_choices').notNull().default(1),
  // An option may be chosen more than once (2 pumps of vanilla), up to maxChoices in all.
  allowRepeat: bool('allow_repeat').notNull().default(false),
  displayOrder: integer('display_order').notNull().default(0),
  archivedAt: integer('archived_at'),
  version: integer('version').notNull().default(1),
  updatedAt: integer('updated_at').notNull(),
});

export const modifierOptions = sqliteTable(
  'modifier_options',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => modifierGroups.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    priceDelta: integer('price_delta').notNull().default(0),
    isDefault: bool('is_default').notNull().default(false),
    // "Out of oat milk": everywhere at once; soldOutUntil brings it back at the next business day.
    isAvailable: bool('is_available').notNull().default(true),
    soldOutUntil: integer('sold_out_until'),
    displayOrder: integer('display_order').notNull().default(0),
    archivedAt: integer('archived_at'),
    version: integer('version').notNull().default(1),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('modifier_options_group_name').on(t.groupId, t.name),
    check('modifier_options_delta_check', sql`${t.priceDelta} between -999999 and 999999`),
  ],
);

export const menuItemModifierGroups = sqliteTable(
  'menu_item_modifier_groups',
  {
    menuItemId: text('menu_item_id')
      .notNull()
      .references(() => menuItems.id, { onDelete: 'cascade' }),
    groupId: text('group_id')
      .notNull()
      .references(() => modifierGroups.id, { onDelete: 'restrict' }),
    displayOrder: integer('display_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.menuItemId, t.groupId] })],
);

// A group attached to a whole category applies to every item in it (and to items added later).
export const categoryModifierGroups = sqliteTable(
  'category_modifier_groups',
  {
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    groupId: text('group_id')
      .notNull()
      .references(() => modifierGroups.id, { onDelete: 'restrict' }),
    displayOrder: integer('display_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.groupId] })],
);

// The menu as it was before a CSV import, kept for one-step undo (the newest one only is used).
export const menuSnapshots = sqliteTable('menu_snapshots', {
  id: text('id').primaryKey(),
  reason: text('reason').notNull(), // 'import'
  userId: text('user_id').references(() => users.id),
  data: text('data', { mode: 'json' }).$type<unknown>().notNull(),
  createdAt: integer('created_at').notNull(),
  undoneAt: integer('undone_at'),
});

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

// ---------- shifts, the drawer, refunds, Z reports ----------
// All append-only except a shift's own row (opened, then closed once): money history is never
// edited, a mistake is answered by a counter-row (a voiding movement, a refund).

export const shifts = sqliteTable(
  'shifts',
  {
    id: text('id').primaryKey(),
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id, { onDelete: 'restrict' }),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    businessDay: text('business_day').notNull(), // the day it was opened
    openedBy: text('opened_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    openedAt: integer('opened_at').notNull(),
    openingFloat: integer('opening_float').notNull(),
    // Denomination (minor units, as text) -> how many, when the float was counted by denomination.
    openingCounts: text('opening_counts', { mode: 'json' }).$type<Record<string, number> | null>(),
    openRequestId: text('open_request_id').notNull().unique(),
    closedBy: text('closed_by').references(() => users.id, { onDelete: 'restrict' }),
    closedAt: integer('closed_at'),
    countedCash: integer('counted_cash'),
    countedCounts: text('counted_counts', { mode: 'json' }).$type<Record<string, number> | null>(),
    expectedCash: integer('expected_cash'),
    variance: integer('variance'), // counted − expected
    varianceReason: text('variance_reason').notNull().default(''),
    varianceApprovedBy: text('variance_approved_by').references(() => users.id, { onDelete: 'restrict' }),
    // What stays in the drawer for the next shift (suggested as its float).
    leftInDrawer: integer('left_in_drawer'),
  },
  (t) => [
    uniqueIndex('shifts_one_open_per_till').on(t.terminalId).where(sql`${t.status} = 'open'`),
    index('shifts_till').on(t.terminalId, t.openedAt),
    check('shifts_money_check', sql`${t.openingFloat} >= 0 and (${t.countedCash} is null or ${t.countedCash} >= 0) and (${t.leftInDrawer} is null or ${t.leftInDrawer} >= 0)`),
  ],
);

export const drawerMovements = sqliteTable(
  'drawer_movements',
  {
    id: text('id').primaryKey(),
    shiftId: text('shift_id')
      .notNull()
      .references(() => shifts.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['pay_in', 'pay_out', 'safe_drop', 'no_sale'] }).notNull(),
    // Positive; a voiding counter-movement carries the negated amount of the one it voids.
    amount: integer('amount').notNull(),
    category: text('category').notNull().default(''), // pay-outs: supplies, wages…
    reason: text('reason').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    voidsId: text('voids_id').unique(), // one void per movement
    requestId: text('request_id').notNull().unique(),
    businessDay: text('business_day').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('drawer_movements_shift').on(t.shiftId, t.createdAt),
    check('drawer_movements_kind_check', sql`${t.kind} in ('pay_in','pay_out','safe_drop','no_sale')`),
    check('drawer_movements_sign_check', sql`(${t.voidsId} is null and ${t.amount} >= 0) or (${t.voidsId} is not null and ${t.amount} <= 0)`),
  ],
);

export const refunds = sqliteTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    seq: integer('seq').notNull(), // 1, 2, … per order: "#042-R1"
    kind: text('kind', { enum: ['refund', 'cancel'] }).notNull(),
    requestId: text('request_id').notNull().unique(),
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id, { onDelete: 'restrict' }),
    shiftId: text('shift_id').references(() => shifts.id, { onDelete: 'restrict' }),
    businessDay: text('business_day').notNull(), // the day it was ISSUED
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    staffName: text('staff_name').notNull(),
    approvedBy: text('approved_by').references(() => users.id, { onDelete: 'restrict' }),
    reason: text('reason').notNull(),
    amount: integer('amount').notNull(), // handed back, tax included
    tax: integer('tax').notNull(), // the tax inside amount
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('refunds_order_seq').on(t.orderId, t.seq),
    index('refunds_day').on(t.businessDay, t.createdAt),
    index('refunds_shift').on(t.shiftId).where(sql`${t.shiftId} is not null`),
    check('refunds_money_check', sql`${t.amount} >= 0 and ${t.tax} >= 0 and ${t.tax} <= ${t.amount}`),
  ],
);

export const refundLines = sqliteTable(
  'refund_lines',
  {
    id: text('id').primaryKey(),
    refundId: text('refund_id')
      .notNull()
      .references(() => refunds.id, { onDelete: 'restrict' }),
    orderItemId: text('order_item_id')
      .notNull()
      .references(() => orderItems.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(), // 0 for an amount-only refund
    amount: integer('amount').notNull(),
    tax: integer('tax').notNull(),
  },
  (t) => [
    index('refund_lines_refund').on(t.refundId),
    index('refund_lines_item').on(t.orderItemId),
    check('refund_lines_check', sql`${t.quantity} >= 0 and ${t.amount} >= 0 and ${t.tax} >= 0 and ${t.tax} <= ${t.amount}`),
  ],
);

export const refundTenders = sqliteTable(
  'refund_tenders',
  {
    id: text('id').primaryKey(),
    refundId: text('refund_id')
      .notNull()
      .references(() => refunds.id, { onDelete: 'restrict' }),
    method: text('method', { enum: ['cash', 'card', 'other'] }).notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [index('refund_tenders_refund').on(t.refundId), check('refund_tenders_amount_check', sql`${t.amount} >= 0`)],
);

export const zReports = sqliteTable(
  'z_reports',
  {
    id: text('id').primaryKey(),
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id, { onDelete: 'restrict' }),
    number: integer('number').notNull(), // 1, 2, … per till, never reused
    shiftId: text('shift_id')
      .notNull()
      .unique()
      .references(() => shifts.id, { onDelete: 'restrict' }),
    businessDay: text('business_day').notNull(),
    content: text('content').notNull(), // canonical JSON of what the report shows
    contentHash: text('content_hash').notNull(), // SHA-256 of content
    auditHead: text('audit_head').notNull(), // the audit chain head when it was closed
    closedBy: text('closed_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('z_reports_till_number').on(t.terminalId, t.number)],
);

export const zReportPrints = sqliteTable(
  'z_report_prints',
  {
    id: text('id').primaryKey(),
    zReportId: text('z_report_id')
      .notNull()
      .references(() => zReports.id, { onDelete: 'restrict' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['print', 'pdf'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('z_report_prints_report').on(t.zReportId)],
);
