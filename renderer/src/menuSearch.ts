// The counter's views of the menu (Favourites, All, per category) and its search, built once per
// menu load: the menu is small enough (a few thousand items) to search in the renderer on every
// keystroke, with no round trip to main. Pure functions, no React: the bench times them too.
import type { MenuCategoryView, MenuColor, MenuItemView } from '../../electron/shared/contract';

/** Tab ids of the two views that are not categories (category ids are UUIDs, so no clash). */
export const FAVOURITES_TAB = 'favourites';
export const ALL_TAB = 'all';

/** Search results shown at once: more would only slow typing down; the count says there are more. */
export const MAX_RESULTS = 120;

/** A modifier group's options, folded once per menu load however many items share it. */
interface GroupEntry {
  options: { folded: string; label: string }[];
}

interface Entry {
  item: MenuItemView;
  name: string;
  sku: string;
  groups: GroupEntry[];
}

export interface MenuIndex {
  entries: Entry[];
  /** Distinct modifier groups (a query checks each once, not once per item). */
  groups: GroupEntry[];
  byId: Map<string, MenuItemView>;
  /** Exact codes, as a scanner types them. */
  bySku: Map<string, MenuItemView>;
  favourites: MenuItemView[];
  /** Every item, A to Z (sorted the first time the All tab asks). */
  readonly all: MenuItemView[];
  kindOf: Map<string, 'drink' | 'food'>;
  /** The tile colour: the item's own, else its category's ('' = the default look). */
  colorOf: Map<string, MenuColor>;
}

export interface SearchHit {
  item: MenuItemView;
  /** Why an item matched when it was not by its name: "Milk: Oat", "SKU 4800012". */
  via?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** All matches, of which hits holds the first MAX_RESULTS. */
  total: number;
}

/** Lower case without accents, so "cafe" finds "Café" and "LATTE" finds "Latte". */
export function fold(text: string): string {
  // Most names are plain ASCII: skip the Unicode decomposition for them.
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : text.toLowerCase();
}

/** Build the index (menuIndex caches it per menu; exported for the bench, which times the build). */
export function buildMenuIndex(menu: readonly MenuCategoryView[]): MenuIndex {
  const entries: Entry[] = [];
  const groupsById = new Map<string, GroupEntry>();
  const byId = new Map<string, MenuItemView>();
  const bySku = new Map<string, MenuItemView>();
  const favourites: MenuItemView[] = [];
  const kindOf = new Map<string, 'drink' | 'food'>();
  const colorOf = new Map<string, MenuColor>();
  for (const category of menu) {
    for (const item of category.items) {
      const groups: GroupEntry[] = [];
      for (const group of item.modifierGroups) {
        let entry = groupsById.get(group.id);
        if (!entry) {
          entry = { options: group.options.map((o) => ({ folded: fold(o.name), label: `${group.name}: ${o.name}` })) };
          groupsById.set(group.id, entry);
        }
        groups.push(entry);
      }
      entries.push({ item, name: fold(item.name), sku: item.sku ? fold(item.sku) : '', groups });
      byId.set(item.id, item);
      if (item.sku) bySku.set(item.sku, item);
      if (item.isFavorite) favourites.push(item);
      kindOf.set(item.id, category.kind);
      colorOf.set(item.id, item.color || category.color);
    }
  }
  let all: MenuItemView[] | null = null;
  return {
    entries,
    groups: [...groupsById.values()],
    byId,
    bySku,
    favourites,
    get all() {
      // Folded names compare as plain strings: far cheaper than a collator over thousands of items.
      all ??= [...entries]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((e) => e.item);
      return all;
    },
    kindOf,
    colorOf,
  };
}

const cache = new WeakMap<readonly MenuCategoryView[], MenuIndex>();

/** The index of this menu, built on first use: a new menu (a load, an edit) is a new array. */
export function menuIndex(menu: readonly MenuCategoryView[]): MenuIndex {
  let index = cache.get(menu);
  if (!index) cache.set(menu, (index = buildMenuIndex(menu)));
  return index;
}

/**
 * Items matching every word typed, each word found in the name, the SKU or an option name
 * ("oat" finds the drinks that offer Oat milk). Best first: the exact code, then matches on the
 * name alone, then on the code, then through an option; menu order within each.
 */
export function searchIndex(index: MenuIndex, query: string, limit = MAX_RESULTS): SearchResult {
  const q = fold(query.trim());
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { hits: [], total: 0 };
  // Per word, the groups with an option that contains it (and which option): ~100 groups, checked once.
  const viaGroup = words.map((word) => {
    const matched = new Map<GroupEntry, string>();
    for (const group of index.groups) {
      const option = group.options.find((o) => o.folded.includes(word));
      if (option) matched.set(group, option.label);
    }
    return matched;
  });
  // Tiers: 0 exact code, 1 name, 2 code, 3 option.
  const tiers: SearchHit[][] = [[], [], [], []];
  for (const entry of index.entries) {
    if (entry.sku !== '' && entry.sku === q) {
      tiers[0]!.push({ item: entry.item });
      continue;
    }
    let tier = 1;
    let via: string | undefined;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (entry.name.includes(word)) continue;
      if (entry.sku.includes(word)) {
        tier = Math.max(tier, 2);
        via ??= `SKU ${entry.item.sku}`;
        continue;
      }
      const matched = viaGroup[w]!;
      let label: string | undefined;
      if (matched.size > 0) for (const group of entry.groups) if ((label = matched.get(group)) !== undefined) break;
      if (label === undefined) {
        tier = -1;
        break;
      }
      tier = 3;
      via = label;
    }
    if (tier > 0) tiers[tier]!.push(via ? { item: entry.item, via } : { item: entry.item });
  }
  const ranked = tiers.flat();
  return { hits: ranked.length > limit ? ranked.slice(0, limit) : ranked, total: ranked.length };
}

/** Items for a tab: Favourites, All (A to Z) or a category's, in menu order. */
export function itemsForTab(menu: readonly MenuCategoryView[], tab: string | null): MenuItemView[] {
  if (tab === FAVOURITES_TAB) return menuIndex(menu).favourites;
  if (tab === ALL_TAB) return menuIndex(menu).all;
  return menu.find((c) => c.id === tab)?.items ?? [];
}

/** The tab to show after a (re)load: the one open if it still exists, else Favourites when there are any, else the first category. */
export function pickTab(menu: readonly MenuCategoryView[], current: string | null): string | null {
  const hasFavourites = menuIndex(menu).favourites.length > 0;
  if (current === ALL_TAB) return current;
  if (current === FAVOURITES_TAB && hasFavourites) return current;
  if (current && menu.some((c) => c.id === current)) return current;
  return hasFavourites ? FAVOURITES_TAB : (menu[0]?.id ?? null);
}
