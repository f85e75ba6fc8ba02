// The counter's view of modifier groups and options, built once from the database and kept until a
// menu write invalidates it (main is the only writer) or a "sold out for today" runs out.
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/open';
import type { ChosenOptionView, ModifierGroupView } from '../shared/contract';
import { conflict, invalid } from '../core/errors';
import { availableNow } from './soldOut';

interface CatalogOption {
  id: string;
  groupId: string;
  group: string;
  name: string;
  priceDelta: number;
  archived: boolean;
}

type GroupRow = [id: string, name: string, minChoices: number, maxChoices: number, allowRepeat: number, archivedAt: number | null];
type OptionRow = [id: string, groupId: string, name: string, priceDelta: number, isDefault: number, isAvailable: number, soldOutUntil: number | null, archivedAt: number | null];
/** (menu item or category id, group id), in display order. */
export type LinkRow = [key: string, groupId: string];

export interface CatalogQueries {
  groups: Statement<[], GroupRow>;
  options: Statement<[], OptionRow>;
  itemLinks: Statement<[], LinkRow>;
  categoryLinks: Statement<[], LinkRow>;
}

const lower = (name: string) => name.toLocaleLowerCase();

export class ModifierCatalog {
  private constructor(
    private readonly byItem: Map<string, ModifierGroupView[]>,
    private readonly byCategory: Map<string, ModifierGroupView[]>,
    /** Every option ever made, archived ones too: old cart lines still name them. */
    private readonly options: Map<string, CatalogOption>,
    /** Active groups by id, each one view object shared by every item that has it. */
    private readonly groups: Map<string, ModifierGroupView>,
    /** The earliest "sold out for today" that ends after the build: the views are stale from then. */
    readonly validUntil: number,
  ) {}

  /**
   * The catalog's reads, prepared once per connection. Rows come as arrays of just the columns
   * used: the first menu.list after an edit rebuilds the catalog, and mapping every column of
   * thousands of rows into objects (drizzle's select().all()) cost more than SQLite's own work.
   */
  static prepare(sqlite: Sqlite): CatalogQueries {
    return {
      groups: sqlite.prepare<[], GroupRow>('select id, name, min_choices, max_choices, allow_repeat, archived_at from modifier_groups').raw(),
      options: sqlite
        .prepare<[], OptionRow>(
          'select id, group_id, name, price_delta, is_default, is_available, sold_out_until, archived_at from modifier_options order by display_order, name',
        )
        .raw(),
      itemLinks: sqlite.prepare<[], LinkRow>('select menu_item_id, group_id from menu_item_modifier_groups order by display_order').raw(),
      categoryLinks: sqlite.prepare<[], LinkRow>('select category_id, group_id from category_modifier_groups order by display_order').raw(),
    };
  }

  /**
   * `itemLinks` (item → group ids in order) come from the caller (queries.itemLinks): the longest
   * read, kept while no write touches it.
   */
  static load(queries: CatalogQueries, itemLinks: ReadonlyMap<string, readonly string[]>, now: number): ModifierCatalog {
    let validUntil = Number.POSITIVE_INFINITY;
    const views = new Map<string, ModifierGroupView>();
    const groupName = new Map<string, string>();
    for (const [id, name, minChoices, maxChoices, allowRepeat, archivedAt] of queries.groups.all()) {
      groupName.set(id, name);
      // Booleans are stored as 0/1 (drizzle's boolean mode reads `=== 1` the same way).
      if (archivedAt === null) views.set(id, { id, name, minChoices, maxChoices, allowRepeat: allowRepeat === 1, options: [] });
    }
    const all = new Map<string, CatalogOption>();
    for (const [id, groupId, name, priceDelta, isDefault, isAvailable, soldOutUntil, archivedAt] of queries.options.all()) {
      all.set(id, { id, groupId, group: groupName.get(groupId) ?? '', name, priceDelta, archived: archivedAt !== null });
      const view = views.get(groupId);
      if (!view || archivedAt !== null) continue;
      if (soldOutUntil !== null && soldOutUntil > now) validUntil = Math.min(validUntil, soldOutUntil);
      view.options.push({ id, name, priceDelta, isDefault: isDefault === 1, isAvailable: availableNow({ isAvailable: isAvailable === 1, soldOutUntil }, now) });
    }
    const byCategory = new Map<string, ModifierGroupView[]>();
    for (const [key, groupId] of queries.categoryLinks.all()) {
      const group = views.get(groupId);
      if (!group) continue;
      const list = byCategory.get(key);
      if (list) list.push(group);
      else byCategory.set(key, [group]);
    }
    const catalog = new ModifierCatalog(new Map(), byCategory, all, views, validUntil);
    for (const [itemId, groupIds] of itemLinks) catalog.relink(itemId, groupIds);
    return catalog;
  }

  /** The item's own groups are now these (a write changed them): the rest of the catalog stands. */
  relink(itemId: string, groupIds: readonly string[]): void {
    let list: ModifierGroupView[] | undefined;
    for (const id of groupIds) {
      const group = this.groups.get(id);
      if (group) (list ??= []).push(group);
    }
    if (list) this.byItem.set(itemId, list);
    else this.byItem.delete(itemId);
  }

  /** The item's own groups, then its category's (a group attached both ways shows once). */
  groupsFor(itemId: string, categoryId: string): ModifierGroupView[] {
    const own = this.byItem.get(itemId);
    const shared = this.byCategory.get(categoryId);
    if (!shared) return own ?? [];
    if (!own) return shared;
    // A handful of groups each: a scan beats building a Set per item (2,000 of them per menu.list
    // rebuild), and one new array per item, not two, when none is shared both ways (the usual case).
    let both = 0;
    for (const g of shared) if (own.some((o) => o.id === g.id)) both++;
    if (both === 0) return own.concat(shared);
    return both === shared.length ? own : own.concat(shared.filter((g) => !own.some((o) => o.id === g.id)));
  }

  /**
   * Chosen options as stored on a cart line, in words. Repeats collapse into one entry
   * ("2× Vanilla syrup", the delta counted per pick, `count` 2). Archived options still describe
   * themselves: the line keeps the price the customer was told; unknown ids are dropped.
   */
  describe(optionIds: readonly string[]): ChosenOptionView[] {
    const out: ChosenOptionView[] = [];
    const at = new Map<string, number>();
    for (const id of optionIds) {
      const o = this.options.get(id);
      if (!o) continue;
      const i = at.get(id);
      if (i === undefined) {
        at.set(id, out.length);
        out.push({ id: o.id, group: o.group, name: o.name, priceDelta: o.priceDelta });
      } else {
        const count = (out[i]!.count ?? 1) + 1;
        out[i] = { id: o.id, group: o.group, name: `${count}× ${o.name}`, priceDelta: o.priceDelta * count, count };
      }
    }
    return out;
  }

  /**
   * The options for a cart line: `optionIds` checked against the item's groups, or the available
   * defaults when none were given. An id may repeat only in an allowRepeat group; each group's
   * picks (repeats counted) must be within min..max; sold-out and retired options are refused by
   * name. The answer is in the item's group and option order, repeats side by side.
   */
  resolve(itemName: string, groups: readonly ModifierGroupView[], optionIds?: readonly string[]): string[] {
    const chosen: string[] = [];
    if (!optionIds) {
      for (const group of groups) {
        const defaults = group.options.filter((o) => o.isDefault && o.isAvailable);
        if (defaults.length < group.minChoices) throw missing(group);
        chosen.push(...defaults.slice(0, group.maxChoices).map((o) => o.id));
      }
      return chosen;
    }
    const counts = new Map<string, number>();
    for (const id of optionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const offered = new Map(groups.flatMap((g) => g.options.map((o) => [o.id, { group: g, option: o }] as const)));
    for (const id of counts.keys()) {
      const hit = offered.get(id);
      if (!hit) {
        const known = this.options.get(id);
        const message = known?.archived ? `${known.name} is no longer offered` : known ? `${known.name} is not offered for ${itemName}` : `That option is not offered for ${itemName}`;
        throw invalid(message, { optionIds: message });
      }
      if (!hit.option.isAvailable) throw conflict(`${hit.option.name} is sold out`, { optionIds: `${hit.option.name} is sold out` });
      if (counts.get(id)! > 1 && !hit.group.allowRepeat) {
        throw invalid(`${hit.option.name} can be chosen once`, { optionIds: `${hit.option.name} can be chosen once` });
      }
    }
    for (const group of groups) {
      let picks = 0;
      for (const o of group.options) {
        const n = counts.get(o.id) ?? 0;
        picks += n;
        for (let i = 0; i < n; i++) chosen.push(o.id);
      }
      if (picks < group.minChoices) throw missing(group);
      if (picks > group.maxChoices) {
        const message = `Choose at most ${group.maxChoices} for ${lower(group.name)}`;
        throw invalid(message, { optionIds: message });
      }
    }
    return chosen;
  }
}

function missing(group: ModifierGroupView) {
  const message = group.minChoices === 1 ? `Choose a ${lower(group.name)}` : `Choose at least ${group.minChoices} for ${lower(group.name)}`;
  return invalid(message, { optionIds: message });
}
