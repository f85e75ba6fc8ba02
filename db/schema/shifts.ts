// Shifts, the drawer, refunds and Z reports (issue 9).
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { terminals, users } from './accounts';
import { orders, orderItems } from './orders';

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
