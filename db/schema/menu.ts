// The menu: categories, items, modifier groups and options, and menu snapshots (import undo).
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bool } from './columns';
import { users } from './accounts';

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
