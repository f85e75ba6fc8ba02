// The counter's menu search and tabs (renderer/src/menuSearch.ts): by name, SKU and option name,
// ranking, accents and odd input, the Favourites/All views and which tab opens after a reload.
import { describe, expect, it } from 'vitest';
import type { MenuCategoryView, MenuItemView, ModifierGroupView } from '../../electron/shared/contract';
import { ALL_TAB, buildMenuIndex, FAVOURITES_TAB, fold, itemsForTab, MAX_RESULTS, menuIndex, pickTab, searchIndex } from '../../renderer/src/menuSearch';

const milk: ModifierGroupView = {
  id: 'g-milk',
  name: 'Milk',
  minChoices: 1,
  maxChoices: 1,
  allowRepeat: false,
  options: [
    { id: 'o-whole', name: 'Whole', priceDelta: 0, isDefault: true, isAvailable: true },
    { id: 'o-oat', name: 'Oat milk', priceDelta: 3000, isDefault: false, isAvailable: false },
  ],
};

function item(id: string, name: string, extra: Partial<MenuItemView> = {}): MenuItemView {
  return { id, categoryId: 'c', name, description: '', price: 10000, isAvailable: true, soldOutUntil: null, sku: null, color: '', isFavorite: false, version: 1, modifierGroups: [], ...extra };
}

function menu(): MenuCategoryView[] {
  return [
    {
      id: 'c-coffee',
      name: 'Coffee',
      slug: 'coffee',
      kind: 'drink',
      color: 'caramel',
      items: [
        item('latte', 'Latte', { sku: '4800001000004', modifierGroups: [milk], isFavorite: true }),
        item('cafe', 'Café au lait', { modifierGroups: [milk], color: 'berry' }),
        item('brew', 'House Brew', { sku: 'HB-01' }),
      ],
    },
    {
      id: 'c-bakery',
      name: 'Bakery',
      slug: 'bakery',
      kind: 'food',
      color: '',
      items: [item('oatcookie', 'Oat Cookie', { sku: '4800001000015' }), item('croissant', 'Croissant', { isFavorite: true })],
    },
  ];
}

const names = (m: MenuCategoryView[], q: string) => searchIndex(menuIndex(m), q).hits.map((h) => h.item.name);

describe('menu search', () => {
  it('finds by name (any case, accents folded), name matches before option matches', () => {
    const m = menu();
    expect(names(m, 'LATTE')).toEqual(['Latte']);
    expect(names(m, 'cafe')).toEqual(['Café au lait']);
    expect(names(m, 'CAFÉ')).toEqual(['Café au lait']);
    // "oat" is in the cookie's name and in the milk option of two drinks: the name match first.
    const hits = searchIndex(menuIndex(m), 'oat').hits;
    expect(hits.map((h) => [h.item.name, h.via])).toEqual([
      ['Oat Cookie', undefined],
      ['Latte', 'Milk: Oat milk'],
      ['Café au lait', 'Milk: Oat milk'],
    ]);
  });

  it('finds by SKU: the exact code first, a part of a code says so', () => {
    const m = menu();
    expect(names(m, '4800001000015')).toEqual(['Oat Cookie']);
    const part = searchIndex(menuIndex(m), '0000').hits;
    expect(part.map((h) => h.via)).toEqual(['SKU 4800001000004', 'SKU 4800001000015']);
    expect(names(m, 'hb-01')).toEqual(['House Brew']);
  });

  it('every word must match somewhere (name, code or option); nothing, spaces and odd input find nothing', () => {
    const m = menu();
    expect(names(m, 'latte oat')).toEqual(['Latte']);
    expect(names(m, 'latte soy')).toEqual([]);
    for (const q of ['', '   ', '\u0000', '🙂', '.*', '(', '\\']) expect(names(m, q)).toEqual([]);
    expect(fold('ÉCLAIR')).toBe('eclair');
  });

  it('caps the hits shown but counts them all', () => {
    const many: MenuCategoryView[] = [{ ...menu()[0]!, items: Array.from({ length: 300 }, (_, i) => item(`i${i}`, `Tea ${i}`)) }];
    const result = searchIndex(menuIndex(many), 'tea');
    expect(result.total).toBe(300);
    expect(result.hits).toHaveLength(MAX_RESULTS);
  });

  it('builds once per menu (a new menu array is a new index) and keeps the tile colour rule', () => {
    const m = menu();
    expect(menuIndex(m)).toBe(menuIndex(m));
    expect(menuIndex([...m])).not.toBe(menuIndex(m));
    const index = buildMenuIndex(m);
    expect(index.colorOf.get('latte')).toBe('caramel'); // the category's
    expect(index.colorOf.get('cafe')).toBe('berry'); // its own wins
    expect(index.colorOf.get('croissant')).toBe(''); // today's look
    expect(index.bySku.get('HB-01')?.id).toBe('brew');
  });
});

/** A generated menu: 30 groups shared by 600 items, accents, equal names, codes, options in two groups. */
function generatedMenu(): MenuCategoryView[] {
  const groups: ModifierGroupView[] = Array.from({ length: 30 }, (_, g) => ({
    ...milk,
    id: `g${g}`,
    name: `Group ${g}`,
    options: ['Oat milk', 'Soy', 'Crème', 'Extra shot'].map((name, o) => ({ ...milk.options[0]!, id: `g${g}o${o}`, name: `${name} ${g % 7}` })),
  }));
  const words = ['Latte', 'Café', 'Oat Bar', 'Mocha', 'latte', 'Crème Brûlée', 'Tea'];
  return ['Coffee', 'Bakery', 'Tea'].map((name, c) => ({
    id: `c${c}`,
    name,
    slug: name.toLowerCase(),
    kind: c === 1 ? 'food' : 'drink',
    color: '',
    items: Array.from({ length: 200 }, (_, k) => {
      const n = c * 200 + k;
      return item(`i${n}`, `${words[n % words.length]} ${n % 13}`, { sku: n % 3 ? `48${String(n).padStart(5, '0')}` : null, modifierGroups: [groups[n % 30]!, groups[(n * 7) % 30]!] });
    }),
  }));
}

/** The rules in the plainest form (no index): what the tuned index must keep finding, in this order. */
function plainSearch(m: MenuCategoryView[], query: string): string[] {
  const q = fold(query.trim());
  const words = q.split(/\s+/).filter(Boolean);
  const tiers: string[][] = [[], [], [], []];
  for (const it of m.flatMap((c) => c.items)) {
    const sku = it.sku ? fold(it.sku) : '';
    if (sku !== '' && sku === q) {
      tiers[0]!.push(it.id);
      continue;
    }
    let tier = 1;
    let via = '';
    for (const word of words) {
      if (fold(it.name).includes(word)) continue;
      if (sku.includes(word)) {
        tier = Math.max(tier, 2);
        via ||= `SKU ${it.sku}`;
        continue;
      }
      // The first of the item's groups (in its own order) with an option containing the word, and that option.
      const group = it.modifierGroups.find((g) => g.options.some((o) => fold(o.name).includes(word)));
      if (!group) {
        tier = -1;
        break;
      }
      tier = 3;
      via = `${group.name}: ${group.options.find((o) => fold(o.name).includes(word))!.name}`;
    }
    if (tier > 0) tiers[tier]!.push(via ? `${it.id} (${via})` : it.id);
  }
  return tiers.flat();
}

describe('menu search on a generated menu (pins what is found and its order: the index is tuned for speed only)', () => {
  it('mixed queries (code, name, accents, option, several words) find exactly what the plain rules find, in the same order', () => {
    const m = generatedMenu();
    const index = buildMenuIndex(m);
    const rows = (q: string) => searchIndex(index, q, 10_000).hits.map((h) => (h.via ? `${h.item.id} (${h.via})` : h.item.id));
    for (const q of ['4800014', '480001', 'oat 3', 'OAT', 'creme 1', 'Crème Brûlée', 'latte 12 soy', 'cafe 480', 'extra shot 6', 'tea zzz', 'a', '  mocha   1  ']) {
      const found = rows(q);
      expect(found, q).toEqual(plainSearch(m, q));
    }
    // A few pinned outright, so a change to both would still show.
    expect(rows('4800014')).toEqual(['i14']);
    expect(rows('oat 3').slice(0, 5)).toEqual(['i16', 'i107', 'i198', 'i289', 'i380']);
    expect(rows('oat 3')).toHaveLength(282);
    expect(rows('cafe 480').slice(0, 3)).toEqual(['i1 (SKU 4800001)', 'i8 (SKU 4800008)', 'i22 (SKU 4800022)']);
    expect(rows('latte 12 soy').slice(0, 3)).toEqual(['i25 (Group 25: Soy 4)', 'i77 (Group 17: Soy 3)', 'i112 (Group 22: Soy 1)']);
  });

  it('A to Z: folded names as plain strings, equal names (Latte/latte, Café/Cafe) in menu order', () => {
    const m = generatedMenu();
    const expected = m
      .flatMap((c) => c.items)
      .map((it, k) => ({ id: it.id, key: fold(it.name), k }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.k - y.k))
      .map((x) => x.id);
    expect(buildMenuIndex(m).all.map((i) => i.id)).toEqual(expected);
    expect(buildMenuIndex(m).all.slice(0, 3).map((i) => i.name)).toEqual(['Café 0', 'Café 0', 'Café 0']);
  });
});

describe('counter tabs', () => {
  it('Favourites in menu order, All A to Z, a category its own items', () => {
    const m = menu();
    expect(itemsForTab(m, FAVOURITES_TAB).map((i) => i.name)).toEqual(['Latte', 'Croissant']);
    expect(itemsForTab(m, ALL_TAB).map((i) => i.name)).toEqual(['Café au lait', 'Croissant', 'House Brew', 'Latte', 'Oat Cookie']);
    expect(itemsForTab(m, 'c-bakery').map((i) => i.name)).toEqual(['Oat Cookie', 'Croissant']);
    expect(itemsForTab(m, 'gone')).toEqual([]);
  });

  it('opens on Favourites when there are any, keeps the open tab across reloads, falls back when it is gone', () => {
    const m = menu();
    expect(pickTab(m, null)).toBe(FAVOURITES_TAB);
    expect(pickTab(m, 'c-bakery')).toBe('c-bakery');
    expect(pickTab(m, ALL_TAB)).toBe(ALL_TAB);
    expect(pickTab(m, 'archived-category')).toBe(FAVOURITES_TAB);
    const plain = m.map((c) => ({ ...c, items: c.items.map((i) => ({ ...i, isFavorite: false })) }));
    expect(pickTab(plain, null)).toBe('c-coffee');
    expect(pickTab(plain, FAVOURITES_TAB)).toBe('c-coffee');
    expect(pickTab([], null)).toBeNull();
  });
});
