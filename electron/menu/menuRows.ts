// The menu's tables as plain rows (column names as in SQLite), read and written with prepared
// statements: what the CSV import diffs, applies, keeps as a snapshot and restores on undo.
// Plain SQL rather than drizzle here because the snapshot must hold every column as stored and
// a 2,000-item import must write in well under a second.
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/open';

export interface CategoryRow {
  id: string;
  name: string;
  slug: string;
  description: string;
  kind: 'drink' | 'food';
  is_featured: number;
  color: string;
  display_order: number;
  archived_at: number | null;
  version: number;
  updated_at: number;
}

export interface ItemRow {
  id: string;
  category_id: string;
  name: string;
  slug: string;
  sku: string | null;
  description: string;
  base_price: number;
  image: string;
  is_available: number;
  sold_out_until: number | null;
  color: string;
  is_favorite: number;
  display_order: number;
  archived_at: number | null;
  version: number;
  updated_at: number;
}

export interface GroupRow {
  id: string;
  name: string;
  min_choices: number;
  max_choices: number;
  allow_repeat: number;
  display_order: number;
  archived_at: number | null;
  version: number;
  updated_at: number;
}

export interface OptionRow {
  id: string;
  group_id: string;
  name: string;
  price_delta: number;
  is_default: number;
  is_available: number;
  sold_out_until: number | null;
  display_order: number;
  archived_at: number | null;
  version: number;
  updated_at: number;
}

export interface ItemLink {
  menu_item_id: string;
  group_id: string;
  display_order: number;
}

export interface CategoryLink {
  category_id: string;
  group_id: string;
  display_order: number;
}

export interface MenuRows {
  categories: CategoryRow[];
  modifier_groups: GroupRow[];
  modifier_options: OptionRow[];
  menu_items: ItemRow[];
  menu_item_modifier_groups: ItemLink[];
  category_modifier_groups: CategoryLink[];
}

/** Rows with an id and a version; in the order they can be inserted (parents first). */
export const ENTITY_TABLES = ['categories', 'modifier_groups', 'modifier_options', 'menu_items'] as const;
export type EntityTable = (typeof ENTITY_TABLES)[number];
export type EntityRow = MenuRows[EntityTable][number];

export function readMenu(sqlite: Sqlite): MenuRows {
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  return {
    categories: all(`select * from categories order by display_order, name`),
    modifier_groups: all(`select * from modifier_groups order by display_order, name`),
    modifier_options: all(`select * from modifier_options order by group_id, display_order, name`),
    menu_items: all(`select * from menu_items order by display_order, name`),
    menu_item_modifier_groups: all(`select * from menu_item_modifier_groups order by menu_item_id, display_order`),
    category_modifier_groups: all(`select * from category_modifier_groups order by category_id, display_order`),
  };
}

/**
 * What the menu is right now, in one hash: every row's id and version (every edit bumps it) and
 * every link. A preview is only applied while this is unchanged.
 */
export function menuFingerprint(sqlite: Sqlite): string {
  const hash = createHash('sha256');
  for (const table of ENTITY_TABLES) {
    for (const r of sqlite.prepare(`select id, version from ${table} order by id`).raw().iterate() as IterableIterator<[string, number]>) {
      hash.update(`${table}:${r[0]}:${r[1]}\n`);
    }
  }
  for (const sql of [
    `select menu_item_id, group_id, display_order from menu_item_modifier_groups order by 1, 2`,
    `select category_id, group_id, display_order from category_modifier_groups order by 1, 2`,
  ]) {
    for (const r of sqlite.prepare(sql).raw().iterate() as IterableIterator<unknown[]>) hash.update(`${r.join(':')}\n`);
  }
  return hash.digest('hex');
}

/** Prepared insert/update/delete for the menu tables, made once per database. */
export class MenuWriter {
  private readonly cache = new Map<string, Statement<unknown[]>>();
  constructor(private readonly sqlite: Sqlite) {}

  private stmt(key: string, sql: () => string) {
    let s = this.cache.get(key);
    if (!s) this.cache.set(key, (s = this.sqlite.prepare<unknown[]>(sql())));
    return s;
  }

  insert(table: EntityTable, row: EntityRow): void {
    const cols = Object.keys(row);
    this.stmt(`i:${table}:${cols.join(',')}`, () => `insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  }

  /** Every column of the row, by id. */
  update(table: EntityTable, row: EntityRow): void {
    const cols = Object.keys(row).filter((c) => c !== 'id');
    this.stmt(`u:${table}:${cols.join(',')}`, () => `update ${table} set ${cols.map((c) => `${c} = @${c}`).join(', ')} where id = @id`).run(row);
  }

  delete(table: EntityTable, id: string): void {
    this.stmt(`d:${table}`, () => `delete from ${table} where id = ?`).run(id);
  }

  setItemLinks(itemId: string, groupIds: readonly string[]): void {
    this.stmt('dl:item', () => `delete from menu_item_modifier_groups where menu_item_id = ?`).run(itemId);
    const add = this.stmt('il:item', () => `insert into menu_item_modifier_groups (menu_item_id, group_id, display_order) values (?, ?, ?)`);
    groupIds.forEach((g, i) => add.run(itemId, g, i));
  }

  setCategoryLinks(categoryId: string, groupIds: readonly string[]): void {
    this.stmt('dl:cat', () => `delete from category_modifier_groups where category_id = ?`).run(categoryId);
    const add = this.stmt('il:cat', () => `insert into category_modifier_groups (category_id, group_id, display_order) values (?, ?, ?)`);
    groupIds.forEach((g, i) => add.run(categoryId, g, i));
  }
}

/** Owner id → group ids in display order. */
export function linksByOwner<L extends ItemLink | CategoryLink>(links: readonly L[], owner: (l: L) => string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const l of [...links].sort((a, b) => a.display_order - b.display_order)) {
    const key = owner(l);
    const list = map.get(key);
    if (list) list.push(l.group_id);
    else map.set(key, [l.group_id]);
  }
  return map;
}
