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
