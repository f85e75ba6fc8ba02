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
  id: string;
  name: string;
  /** The group's options, as the menu has them (the label a hit shows is made from them). */
  options: readonly { name: string }[];
  /** Their names folded, in the same order. */
  folded: string[];
}

/** Look-ups by item id, answered from one shared id-to-position map (not one Map each). */
export interface ItemLookup<T> {
  get(id: string): T | undefined;
}

export interface MenuIndex {
  // Parallel arrays in menu order, not an object per item: the build runs on every menu load and
  // its garbage is what made the bench's p99. An item's groups are read from the item itself.
  items: MenuItemView[];
  /** Folded names. */
  names: string[];
  /** Folded codes ('' = none). */
  skus: string[];
  /** Distinct modifier groups (a query checks each once, not once per item). */
  groups: GroupEntry[];
  byId: ItemLookup<MenuItemView>;
  /** Exact codes, as a scanner types them. */
  bySku: Map<string, MenuItemView>;
  favourites: MenuItemView[];
  /** Every item, A to Z (sorted the first time the All tab asks). */
  readonly all: MenuItemView[];
  kindOf: ItemLookup<'drink' | 'food'>;
  /** The tile colour: the item's own, else its category's ('' = the default look). */
  colorOf: ItemLookup<MenuColor>;
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
  // Most names are plain ASCII: skip the Unicode decomposition for them, and codes and option
  // names often have no capital either: return those as they are (toLowerCase always copies).
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper ? text.toLowerCase() : text;
}

/**
 * Folded names kept from one build to the next: a reload after an edit (or the bench's repeated
 * builds) finds the same names, and reusing the folded strings leaves no new ones for the garbage
 * collector to copy (copying strings still referenced from the last index was what made the slow
 * builds). Cleared when it grows past a few menus' worth, so renames cannot make it grow forever.
 */
const folded = new Map<string, string>();
const FOLDED_MAX = 50_000;

function foldName(text: string): string {
  let result = folded.get(text);
  if (result === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    folded.set(text, (result = fold(text)));
  }
  return result;
}

/** Build the index (menuIndex caches it per menu; exported for the bench, which times the build). */
export function buildMenuIndex(menu: readonly MenuCategoryView[]): MenuIndex {
  // Indexed loops and arrays sized up front: for-of and push() growth were a good part of the garbage.
  let n = 0;
  for (let c = 0; c < menu.length; c++) n += menu[c]!.items.length;
  const items = new Array<MenuItemView>(n);
  const names = new Array<string>(n);
  const skus = new Array<string>(n);
  const kinds = new Array<'drink' | 'food'>(n);
  const colors = new Array<MenuColor>(n);
  const groupsById = new Map<string, GroupEntry>();
  const groups: GroupEntry[] = [];
  const at = new Map<string, number>();
  const bySku = new Map<string, MenuItemView>();
  const favourites: MenuItemView[] = [];
  let k = 0;
  for (let c = 0; c < menu.length; c++) {
    const category = menu[c]!;
    for (let i = 0; i < category.items.length; i++, k++) {
      const item = category.items[i]!;
      const itemGroups = item.modifierGroups;
      for (let g = 0; g < itemGroups.length; g++) {
        const group = itemGroups[g]!;
        if (groupsById.get(group.id) !== undefined) continue;
        // Options are folded once per group, however many items share it.
        const optionNames = new Array<string>(group.options.length);
        for (let o = 0; o < optionNames.length; o++) optionNames[o] = foldName(group.options[o]!.name);
        const entry: GroupEntry = { id: group.id, name: group.name, options: group.options, folded: optionNames };
        groupsById.set(group.id, entry);
        groups.push(entry);
      }
      at.set(item.id, k);
      items[k] = item;
      names[k] = foldName(item.name);
      skus[k] = item.sku ? foldName(item.sku) : '';
      kinds[k] = category.kind;
      colors[k] = item.color || category.color;
      if (item.sku) bySku.set(item.sku, item);
      if (item.isFavorite) favourites.push(item);
    }
  }
  return new Index(items, names, skus, groups, new PositionLookup(at, items), bySku, favourites, new PositionLookup(at, kinds), new PositionLookup(at, colors));
}

// Classes rather than closures and an object literal with a getter: a closure's context stays
// reachable from wherever V8 has put it, and with it every young array of the build; instances
// with plain fields left far less for each scavenge to copy (measured: the bench's slow builds).
class PositionLookup<T> implements ItemLookup<T> {
  constructor(
    private readonly at: ReadonlyMap<string, number>,
    private readonly values: readonly T[],
  ) {}

  get(id: string): T | undefined {
    const position = this.at.get(id);
    return position === undefined ? undefined : this.values[position];
  }
}

class Index implements MenuIndex {
  private sorted: MenuItemView[] | null = null;

  constructor(
    readonly items: MenuItemView[],
    readonly names: string[],
    readonly skus: string[],
    readonly groups: GroupEntry[],
    readonly byId: ItemLookup<MenuItemView>,
    readonly bySku: Map<string, MenuItemView>,
    readonly favourites: MenuItemView[],
    readonly kindOf: ItemLookup<'drink' | 'food'>,
    readonly colorOf: ItemLookup<MenuColor>,
  ) {}

  get all(): MenuItemView[] {
    this.sorted ??= sortedByName(this.items, this.names);
    return this.sorted;
  }
}

/** Run length the merge sort below starts from, sorted by insertion. */
const RUN = 16;

/**
 * Items A to Z by folded name, equal names in menu order. Folded names compare as plain strings (a
 * collator is several times slower over thousands of items), and positions are merge-sorted by
 * hand in two typed arrays: Array#sort with a comparator took twice as long and left ~100 KB of
 * garbage per build. Stable: a later item moves ahead of an earlier one only when strictly less.
 */
function sortedByName(items: readonly MenuItemView[], names: readonly string[]): MenuItemView[] {
  const n = names.length;
  let from = new Int32Array(n);
  let to = new Int32Array(n);
  for (let k = 0; k < n; k++) from[k] = k;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const moving = from[i]!;
      const name = names[moving]!;
      let j = i - 1;
      for (; j >= lo && names[from[j]!]! > name; j--) from[j + 1] = from[j]!;
      from[j + 1] = moving;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) to[k++] = names[from[j]!]! < names[from[i]!]! ? from[j++]! : from[i++]!;
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
  }
  const sorted = new Array<MenuItemView>(n);
  for (let k = 0; k < n; k++) sorted[k] = items[from[k]!]!;
  return sorted;
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
  // Per word, the groups (by id) with an option that contains it, and which option: ~100 groups, checked once.
  const viaGroup = words.map((word) => {
    const matched = new Map<string, string>();
    for (const group of index.groups) {
      const o = group.folded.findIndex((folded) => folded.includes(word));
      if (o >= 0) matched.set(group.id, `${group.name}: ${group.options[o]!.name}`);
    }
    return matched;
  });
  const { items, names, skus } = index;
  // Tiers: 0 exact code, 1 name, 2 code, 3 option.
  const tiers: SearchHit[][] = [[], [], [], []];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const name = names[k]!;
    const sku = skus[k]!;
    if (sku !== '' && sku === q) {
      tiers[0]!.push({ item });
      continue;
    }
    let tier = 1;
    let via: string | undefined;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (name.includes(word)) continue;
      if (sku.includes(word)) {
        tier = Math.max(tier, 2);
        via ??= `SKU ${item.sku}`;
        continue;
      }
      const matched = viaGroup[w]!;
      let label: string | undefined;
      if (matched.size > 0) for (const group of item.modifierGroups) if ((label = matched.get(group.id)) !== undefined) break;
      if (label === undefined) {
        tier = -1;
        break;
      }
      tier = 3;
      via = label;
    }
    if (tier > 0) tiers[tier]!.push(via ? { item, via } : { item });
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
