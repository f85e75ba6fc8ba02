// The counter's view of modifier groups and options, built once from the database and kept until a
// menu write invalidates it (main is the only writer) or a "sold out for today" runs out.
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { categoryModifierGroups, menuItemModifierGroups, modifierGroups, modifierOptions } from '../../db/schema';
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

const lower = (name: string) => name.toLocaleLowerCase();

export class ModifierCatalog {
  private constructor(
    private readonly byItem: Map<string, ModifierGroupView[]>,
    private readonly byCategory: Map<string, ModifierGroupView[]>,
    /** Every option ever made, archived ones too: old cart lines still name them. */
    private readonly options: Map<string, CatalogOption>,
    /** The earliest "sold out for today" that ends after the build: the views are stale from then. */
    readonly validUntil: number,
  ) {}

  static load(db: Db, now: number): ModifierCatalog {
    const groups = db.select().from(modifierGroups).all();
    const options = db.select().from(modifierOptions).orderBy(asc(modifierOptions.displayOrder), asc(modifierOptions.name)).all();
    const itemLinks = db.select().from(menuItemModifierGroups).orderBy(asc(menuItemModifierGroups.displayOrder)).all();
    const categoryLinks = db.select().from(categoryModifierGroups).orderBy(asc(categoryModifierGroups.displayOrder)).all();
    let validUntil = Number.POSITIVE_INFINITY;
    const views = new Map<string, ModifierGroupView>();
    for (const g of groups) {
      if (g.archivedAt === null) views.set(g.id, { id: g.id, name: g.name, minChoices: g.minChoices, maxChoices: g.maxChoices, allowRepeat: g.allowRepeat, options: [] });
    }
    const all = new Map<string, CatalogOption>();
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    for (const o of options) {
      all.set(o.id, { id: o.id, groupId: o.groupId, group: groupName.get(o.groupId) ?? '', name: o.name, priceDelta: o.priceDelta, archived: o.archivedAt !== null });
      const view = views.get(o.groupId);
      if (!view || o.archivedAt !== null) continue;
      if (o.soldOutUntil !== null && o.soldOutUntil > now) validUntil = Math.min(validUntil, o.soldOutUntil);
      view.options.push({ id: o.id, name: o.name, priceDelta: o.priceDelta, isDefault: o.isDefault, isAvailable: availableNow(o, now) });
    }
    const index = (links: readonly { key: string; groupId: string }[]) => {
      const map = new Map<string, ModifierGroupView[]>();
      for (const link of links) {
        const group = views.get(link.groupId);
        if (!group) continue;
        const list = map.get(link.key);
        if (list) list.push(group);
        else map.set(link.key, [group]);
      }
      return map;
    };
    return new ModifierCatalog(
      index(itemLinks.map((l) => ({ key: l.menuItemId, groupId: l.groupId }))),
      index(categoryLinks.map((l) => ({ key: l.categoryId, groupId: l.groupId }))),
      all,
      validUntil,
    );
  }

  /** The item's own groups, then its category's (a group attached both ways shows once). */
  groupsFor(itemId: string, categoryId: string): ModifierGroupView[] {
    const own = this.byItem.get(itemId);
    const shared = this.byCategory.get(categoryId);
    if (!shared) return own ?? [];
    if (!own) return shared;
    const seen = new Set(own.map((g) => g.id));
    return [...own, ...shared.filter((g) => !seen.has(g.id))];
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
