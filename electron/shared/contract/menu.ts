// Contract, menu: the counter's menu (categories, items, modifier groups) and the manager's menu
// back office (create, edit, order, archive, sold out for today, CSV import and export).
import { z } from 'zod';
import type { Minor } from '../money';
import { BROKEN_TEXT_MESSAGE, id, text } from '../schemas';
import { channel, empty, minor } from './channel';

/** Tile colours: a small palette that stays legible on the counter's tiles ('' = the default). */
export const MENU_COLORS = ['', 'espresso', 'caramel', 'matcha', 'berry', 'sky', 'plum', 'slate', 'sun'] as const;
export type MenuColor = (typeof MENU_COLORS)[number];

/** The price limit of the seed's MenuItem (9,999.99). */
export const MAX_MENU_PRICE = 999_999;

// ---------- the counter's menu ----------

export interface ModifierOptionView {
  id: string;
  name: string;
  priceDelta: Minor;
  isDefault: boolean;
  /** false while sold out ("out of oat milk"): shown greyed, cannot be chosen. */
  isAvailable: boolean;
}

export interface ModifierGroupView {
  id: string;
  name: string; // Size, Milk, Extras
  minChoices: number; // 1 = required
  maxChoices: number;
  /** An option may be chosen more than once (2 pumps of vanilla), up to maxChoices in all. */
  allowRepeat: boolean;
  options: ModifierOptionView[];
}

export interface MenuItemView {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  price: Minor;
  /** false when marked unavailable or sold out for today: shown greyed, cannot be added. */
  isAvailable: boolean;
  /** Sold out until this instant (the next business day), or null. */
  soldOutUntil: number | null;
  sku: string | null;
  color: MenuColor;
  isFavorite: boolean;
  version: number;
  /** The item's own groups and its category's, in order. */
  modifierGroups: ModifierGroupView[];
}

export interface MenuCategoryView {
  id: string;
  name: string;
  slug: string;
  kind: 'drink' | 'food';
  color: MenuColor;
  items: MenuItemView[];
}

// ---------- the back office (managers) ----------

export interface AdminCategory {
  id: string;
  name: string;
  slug: string;
  kind: 'drink' | 'food';
  color: MenuColor;
  displayOrder: number;
  archived: boolean;
  version: number;
  /** Items in it that are not archived. */
  itemCount: number;
  /** Modifier groups attached to the whole category. */
  groupIds: string[];
}

export interface AdminItem {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  price: Minor;
  sku: string | null;
  color: MenuColor;
  displayOrder: number;
  isAvailable: boolean;
  soldOutUntil: number | null;
  isFavorite: boolean;
  archived: boolean;
  version: number;
  /** It appears on an order: it can only be archived, never deleted. */
  everSold: boolean;
  /** Groups attached to the item itself (the category's come on top). */
  groupIds: string[];
}

export interface AdminOption {
  id: string;
  name: string;
  priceDelta: Minor;
  isDefault: boolean;
  isAvailable: boolean;
  soldOutUntil: number | null;
  archived: boolean;
  displayOrder: number;
  version: number;
}

export interface AdminGroup {
  id: string;
  name: string;
  minChoices: number;
  maxChoices: number;
  allowRepeat: boolean;
  archived: boolean;
  version: number;
  options: AdminOption[];
  /** Where it is used, to see before changing it. */
  usedBy: { itemIds: string[]; categoryIds: string[] };
}

export interface MenuAdminView {
  categories: AdminCategory[];
  items: AdminItem[];
  groups: AdminGroup[];
}

/** One row of an import preview: what will happen to it, in words. */
export interface ImportChange {
  row: number;
  kind: 'category' | 'item' | 'group' | 'option';
  name: string;
  /** "price ₱130.00 → ₱140.00", "new", "archived". */
  detail: string;
}

export interface ImportPreview {
  /** Pass to menu.importApply: the preview applies only while the menu is as previewed. */
  token: string;
  create: ImportChange[];
  update: ImportChange[];
  archive: ImportChange[];
  rejected: { row: number; reason: string }[];
  unchanged: number;
}

export interface ImportResult {
  created: number;
  updated: number;
  archived: number;
  /** An undo is possible (menu.importUndo) until the next import. */
  canUndo: boolean;
}

// ---------- input pieces ----------

const version = z.int().min(1);
const color = z.enum(MENU_COLORS);
const menuName = text(100, { min: 1, required: 'Enter a name' });
const price = minor.max(MAX_MENU_PRICE, 'At most 9,999.99');
const priceDelta = z.int().min(-MAX_MENU_PRICE).max(MAX_MENU_PRICE, 'At most 9,999.99');
const sku = text(64).regex(/^[A-Za-z0-9._-]*$/, 'Letters, digits, dot, dash and underscore only');
/** Sold out "for today" comes back by itself when the next business day starts; "until turned back on" does not. */
const soldOutUntil = z.enum(['today', 'manual']);
/**
 * A CSV file's text. A lone UTF-16 surrogate cannot be stored, so the file is refused with its line;
 * other odd characters are rejected row by row in the preview (with row numbers), not here.
 */
const csvFile = z
  .string()
  .max(2_000_000, 'That file is larger than 2 MB')
  .superRefine((csv, ctx) => {
    const at = csv.search(/\p{Cs}/u);
    if (at >= 0) ctx.addIssue({ code: 'custom', message: `Line ${csv.slice(0, at).split('\n').length} of the file: ${BROKEN_TEXT_MESSAGE}` });
  });
/** Start of an edit: the row's version when the screen read it (CONFLICT if someone changed it since). */
const edit = { id: id.optional(), version: version.optional() };

export const menuChannels = {
  'menu.list': channel<MenuCategoryView[]>()({
    input: empty,
    permission: 'menu.view',
    summary: 'The counter menu: categories with their items and options, in display order (archived ones left out).',
  }),
  'menu.updateItem': channel<MenuItemView>()({
    input: z.strictObject({ menuItemId: id, price: price.optional(), isAvailable: z.boolean().optional() }),
    permission: 'menu.edit',
    summary: "Change an item's price or mark it unavailable (quick edit).",
  }),
  'menu.admin': channel<MenuAdminView>()({
    input: empty,
    permission: 'menu.edit',
    summary: 'The whole menu for the back office, archived rows included, with where each group is used.',
  }),
  'menu.saveCategory': channel<AdminCategory>()({
    input: z.strictObject({ ...edit, name: menuName, kind: z.enum(['drink', 'food']), color }),
    permission: 'menu.edit',
    summary: 'Create a category, or rename/recolour one (with the version it was read at).',
  }),
  'menu.reorderCategories': channel<AdminCategory[]>()({
    input: z.strictObject({ ids: z.array(id).min(1).max(500) }),
    permission: 'menu.edit',
    summary: 'Put the categories in this order (the counter tabs follow it).',
  }),
  'menu.archiveCategory': channel<MenuAdminView>()({
    input: z.strictObject({ id, version, moveItemsTo: id.nullable() }),
    permission: 'menu.edit',
    summary: 'Archive a category; its items move to another category, or are archived with it (null).',
  }),
  'menu.restoreCategory': channel<AdminCategory>()({
    input: z.strictObject({ id, version }),
    permission: 'menu.edit',
    summary: 'Bring an archived category back.',
  }),
  'menu.saveItem': channel<AdminItem>()({
    input: z.strictObject({
      ...edit,
      categoryId: id,
      name: menuName,
      price,
      description: text(500),
      sku: sku.nullable(),
      color,
      isAvailable: z.boolean(),
      isFavorite: z.boolean(),
      groupIds: z.array(id).max(20),
      /** Set after the person confirmed a price of 0 or a change of more than half. */
      confirmPrice: z.boolean().optional(),
    }),
    permission: 'menu.edit',
    summary: 'Create or edit an item; a price of 0 or a move of more than 50% needs confirmPrice.',
  }),
  'menu.duplicateItem': channel<AdminItem>()({
    input: z.strictObject({ id, name: menuName }),
    permission: 'menu.edit',
    summary: 'A copy of an item under a new name ("Iced Latte" from "Latte"), with its groups; no SKU.',
  }),
  'menu.archiveItem': channel<AdminItem>()({
    input: z.strictObject({ id, version }),
    permission: 'menu.edit',
    summary: 'Archive an item: gone from the counter, kept in history (items are never deleted).',
  }),
  'menu.restoreItem': channel<AdminItem>()({
    input: z.strictObject({ id, version }),
    permission: 'menu.edit',
    summary: 'Bring an archived item back (to an active category).',
  }),
  'menu.reorderItems': channel<AdminItem[]>()({
    input: z.strictObject({ categoryId: id, ids: z.array(id).min(1).max(2000) }),
    permission: 'menu.edit',
    summary: "Put a category's items in this order.",
  }),
  'menu.saveGroup': channel<AdminGroup>()({
    input: z.strictObject({
      ...edit,
      name: menuName,
      minChoices: z.int().min(0).max(20),
      maxChoices: z.int().min(1).max(20),
      allowRepeat: z.boolean(),
      options: z
        .array(
          z.strictObject({
            id: id.optional(),
            name: menuName,
            priceDelta,
            isDefault: z.boolean(),
            archived: z.boolean().optional(),
          }),
        )
        .min(1, 'Add at least one option')
        .max(50),
    }),
    permission: 'menu.edit',
    summary: 'Create or edit a modifier group with its options in order (min ≤ max, min ≤ available options).',
  }),
  'menu.attachGroup': channel<AdminGroup>()({
    input: z.strictObject({ groupId: id, version: version.optional(), itemIds: z.array(id).max(2000), categoryIds: z.array(id).max(500) }),
    permission: 'menu.edit',
    summary: 'Where a group applies: these items and every item of these categories (replaces the lists).',
  }),
  'menu.archiveGroup': channel<AdminGroup>()({
    input: z.strictObject({ id, version }),
    permission: 'menu.edit',
    summary: 'Archive a modifier group (detached from the counter; old orders keep their options).',
  }),
  'menu.setSoldOut': channel<MenuAdminView>()({
    input: z.strictObject({ target: z.enum(['item', 'option']), id, soldOut: z.boolean(), until: soldOutUntil }),
    permission: 'menu.edit',
    summary: '"86" an item or an option for today (back when the next business day starts) or until turned back on.',
  }),
  'menu.exportCsv': channel<{ filename: string; csv: string }>()({
    input: empty,
    permission: 'menu.edit',
    summary: 'The menu as CSV (categories, items, modifier groups and options), spreadsheet-safe.',
  }),
  'menu.importPreview': channel<ImportPreview>()({
    input: z.strictObject({ csv: csvFile }),
    permission: 'menu.edit',
    summary: 'A dry run of a menu CSV: what would be created, updated, archived and rejected (row and reason).',
  }),
  'menu.importApply': channel<ImportResult>()({
    input: z.strictObject({ token: id }),
    permission: 'menu.edit',
    summary: 'Apply a previewed import, all or nothing, in one transaction; the previous menu is kept for one undo.',
  }),
  'menu.importUndo': channel<MenuAdminView>()({
    input: empty,
    permission: 'menu.edit',
    summary: 'Put the menu back as it was before the last import.',
  }),
};
