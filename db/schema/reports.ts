// Daily sales rollups (issue 10): per business day, the facts every sale and refund contributes
// (electron/reports/rollupFacts.ts), kept by the checkout and refund transactions themselves, so a
// report of any period reads a few rows per day instead of every order. They are derived data:
// rebuildRollups (electron/reports/rollupBuild.ts) recomputes them from the orders and refunds.
import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const ROLLUP_DIMS = ['total', 'pricing', 'rate', 'tender', 'item', 'modifier', 'staff', 'hour', 'refundKind', 'refundReason', 'discountReason'] as const;

// WITHOUT ROWID (added by hand in the migration: drizzle has no option for it): the primary key is
// the table, so a report's day range is one B-tree range and an upsert touches one B-tree.
export const salesRollups = sqliteTable(
  'sales_rollups',
  {
    businessDay: text('business_day').notNull(),
    dim: text('dim', { enum: ROLLUP_DIMS }).notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull().default(0),
    qty: integer('qty').notNull().default(0),
    gross: integer('gross').notNull().default(0),
    discounts: integer('discounts').notNull().default(0),
    refunds: integer('refunds').notNull().default(0),
    tax: integer('tax').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.businessDay, t.dim, t.key] }),
    check('sales_rollups_dim_check', sql`${t.dim} in ('total','pricing','rate','tender','item','modifier','staff','hour','refundKind','refundReason','discountReason')`),
  ],
);
