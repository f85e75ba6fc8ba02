// The counter's menu (menu.list) is cached and rebuilt from lean prepared statements (issue 8's
// 5 ms budget): these tests pin its exact output against a plain, slow reference read of the
// database, show that every kind of write is seen at once, and that a "sold out for today" ends at
// its very instant with no write at all.
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import type { AdminGroup, ChannelInput, MenuCategoryView, MenuColor, ModifierGroupView } from '../../electron/shared/contract';
import { WHIP_GROUP } from '../support/menuFixtures';
import { makeSetUpCore, OWNER, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

type Row = Record<string, unknown>;

/** What the counter must see, read the obvious way: one query per category, item and group. */
function reference(sqlite: Database.Database, now: number): MenuCategoryView[] {
  const available = (r: Row) => r.is_available === 1 && (r.sold_out_until === null || (r.sold_out_until as number) <= now);
  const soldOutUntil = (r: Row) => (r.sold_out_until !== null && (r.sold_out_until as number) > now ? (r.sold_out_until as number) : null);
  const group = (g: Row): ModifierGroupView => ({
    id: g.id as string,
    name: g.name as string,
    minChoices: g.min_choices as number,
    maxChoices: g.max_choices as number,
    allowRepeat: g.allow_repeat === 1,
    options: (sqlite.prepare('select * from modifier_options where group_id = ? and archived_at is null order by display_order, name').all(g.id) as Row[]).map((o) => ({
      id: o.id as string,
      name: o.name as string,
      priceDelta: o.price_delta as number,
      isDefault: o.is_default === 1,
      isAvailable: available(o),
    })),
  });
  const groups = (table: string, key: string, id: unknown) =>
    (sqlite.prepare(`select g.* from ${table} l join modifier_groups g on g.id = l.group_id where l.${key} = ? and g.archived_at is null order by l.display_order`).all(id) as Row[]).map(group);
  const categories = sqlite.prepare('select * from categories where archived_at is null order by display_order, name').all() as Row[];
  return categories.map((c) => ({
    id: c.id as string,
    name: c.name as string,
    slug: c.slug as string,
    kind: c.kind as 'drink' | 'food',
    color: c.color as MenuColor,
    items: (sqlite.prepare('select * from menu_items where category_id = ? and archived_at is null order by display_order, name').all(c.id) as Row[]).map((i) => {
      const own = groups('menu_item_modifier_groups', 'menu_item_id', i.id);
      const shared = groups('category_modifier_groups', 'category_id', c.id).filter((g) => !own.some((o) => o.id === g.id));
      return {
        id: i.id as string,
        categoryId: i.category_id as string,
        name: i.name as string,
        description: i.description as string,
        price: i.base_price as number,
        isAvailable: available(i),
        soldOutUntil: soldOutUntil(i),
        sku: i.sku as string | null,
        color: i.color as MenuColor,
        isFavorite: i.is_favorite === 1,
        version: i.version as number,
        modifierGroups: [...own, ...shared],
      };
    }),
  }));
}

const list = () => t.must('menu.list', {});
/** menu.list equals the reference read at the clock's instant (JSON: what crosses IPC). */
async function expectListMatches() {
  const listed = await list();
  expect(JSON.parse(JSON.stringify(listed))).toEqual(reference(t.core.sqlite, t.clock.now()));
  return listed;
}

/** Moves the test clock (hours may pass: the till locks) and signs the owner back in. */
async function setClock(at: number) {
  t.clock.current = at;
  await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
}

const admin = () => t.must('menu.admin', {});
const adminGroup = async (name: string) => (await admin()).groups.find((g) => g.name === name)!;
const optionId = (g: AdminGroup, name: string) => g.options.find((o) => o.name === name)!.id;
const categoryNamed = async (name: string) => (await admin()).categories.find((c) => c.name === name)!;
const itemNamed = async (name: string) => (await admin()).items.find((i) => i.name === name)!;
const counterItem = async (name: string) => (await list()).flatMap((c) => c.items).find((i) => i.name === name);

function itemInput(categoryId: string, name: string, extra: Partial<ChannelInput<'menu.saveItem'>> = {}): ChannelInput<'menu.saveItem'> {
  return { categoryId, name, price: 19000, description: '', sku: null, color: '', isAvailable: true, isFavorite: false, groupIds: [], ...extra };
}

/** Frappés (berry) with its own Whip group, items with colours, favourites, sold-out states and groups; archived rows around them. */
async function buildMenu() {
  const frappes = await t.must('menu.saveCategory', { name: 'Frappés', kind: 'drink', color: 'berry' });
  let whip = await t.must('menu.saveGroup', {
    ...WHIP_GROUP,
    options: [...WHIP_GROUP.options, { name: 'Caramel drizzle', priceDelta: 1500, isDefault: false }],
  });
  // Retire an option: it stays in the database for old cart lines, not on the counter.
  whip = await t.must('menu.saveGroup', {
    id: whip.id,
    version: whip.version,
    name: 'Whip',
    minChoices: 1,
    maxChoices: 1,
    allowRepeat: false,
    options: whip.options.map((o) => ({ id: o.id, name: o.name, priceDelta: o.priceDelta, isDefault: o.isDefault, archived: o.name === 'Caramel drizzle' })),
  });
  const syrup = await t.must('menu.saveGroup', {
    name: 'Syrup',
    minChoices: 0,
    maxChoices: 3,
    allowRepeat: true,
    options: [
      { name: 'Vanilla', priceDelta: 2500, isDefault: false },
      { name: 'Hazelnut', priceDelta: 2500, isDefault: false },
    ],
  });
  const old = await t.must('menu.saveGroup', { name: 'Old toppings', minChoices: 0, maxChoices: 1, allowRepeat: false, options: [{ name: 'Sprinkles', priceDelta: 500, isDefault: false }] });

  const mocha = await t.must('menu.saveItem', itemInput(frappes.id, 'Mocha Frappé', { color: 'plum', isFavorite: true, sku: 'FR-01', description: 'Iced, blended', groupIds: [syrup.id, whip.id, old.id] }));
  const ube = await t.must('menu.saveItem', itemInput(frappes.id, 'Ube Frappé', { price: 20000 }));
  const caramel = await t.must('menu.saveItem', itemInput(frappes.id, 'Caramel Frappé', { color: 'caramel' }));
  await t.must('menu.saveItem', itemInput(frappes.id, 'Matcha Frappé', { isAvailable: false, color: 'matcha' }));
  const javaChip = await t.must('menu.saveItem', itemInput(frappes.id, 'Java Chip'));
  await t.must('menu.archiveItem', { id: javaChip.id, version: javaChip.version });
  await t.must('menu.attachGroup', { groupId: whip.id, itemIds: [mocha.id], categoryIds: [frappes.id] });
  await t.must('menu.archiveGroup', { id: old.id, version: (await adminGroup('Old toppings')).version });
  await t.must('menu.setSoldOut', { target: 'item', id: caramel.id, soldOut: true, until: 'today' });
  await t.must('menu.setSoldOut', { target: 'option', id: optionId(syrup, 'Hazelnut'), soldOut: true, until: 'today' });

  const seasonal = await t.must('menu.saveCategory', { name: 'Seasonal', kind: 'food', color: 'sun' });
  await t.must('menu.saveItem', itemInput(seasonal.id, 'Bibingka'));
  await t.must('menu.archiveCategory', { id: seasonal.id, version: seasonal.version, moveItemsTo: null });
  return { frappes, whip: await adminGroup('Whip'), syrup: await adminGroup('Syrup'), mocha, ube, caramel };
}

describe('menu.list', () => {
  test('the view, field by field: colours, favourites, sold out, own then category groups once, archived rows left out', async () => {
    t = await makeSetUpCore();
    const { frappes, whip, syrup, mocha, ube, caramel } = await buildMenu();
    const until = (await itemNamed('Caramel Frappé')).soldOutUntil!;
    expect(until).toBeGreaterThan(t.clock.now());
    const menu = await expectListMatches();

    expect(menu.map((c) => c.name)).toEqual(['Espresso', 'Brewed Coffee', 'Tea', 'Bakery', 'Frappés']);
    const whipView = {
      id: whip.id,
      name: 'Whip',
      minChoices: 1,
      maxChoices: 1,
      allowRepeat: false,
      options: [
        { id: optionId(whip, 'With whip'), name: 'With whip', priceDelta: 0, isDefault: true, isAvailable: true },
        { id: optionId(whip, 'No whip'), name: 'No whip', priceDelta: -1000, isDefault: false, isAvailable: true },
      ],
    };
    const syrupView = {
      id: syrup.id,
      name: 'Syrup',
      minChoices: 0,
      maxChoices: 3,
      allowRepeat: true,
      options: [
        { id: optionId(syrup, 'Vanilla'), name: 'Vanilla', priceDelta: 2500, isDefault: false, isAvailable: true },
        { id: optionId(syrup, 'Hazelnut'), name: 'Hazelnut', priceDelta: 2500, isDefault: false, isAvailable: false },
      ],
    };
    const base = { categoryId: frappes.id, description: '', price: 19000, isAvailable: true, soldOutUntil: null, sku: null, color: '', isFavorite: false, version: 1 };
    expect(menu.at(-1)).toEqual({
      id: frappes.id,
      name: 'Frappés',
      slug: 'frappes',
      kind: 'drink',
      color: 'berry',
      items: [
        // The archived group is gone; Whip is the item's own and its category's: it shows once, in the item's place.
        { ...base, id: mocha.id, name: 'Mocha Frappé', description: 'Iced, blended', sku: 'FR-01', color: 'plum', isFavorite: true, version: mocha.version, modifierGroups: [syrupView, whipView] },
        { ...base, id: ube.id, name: 'Ube Frappé', price: 20000, modifierGroups: [whipView] },
        { ...base, id: caramel.id, name: 'Caramel Frappé', color: 'caramel', isAvailable: false, soldOutUntil: until, version: 2, modifierGroups: [whipView] },
        { ...base, id: (await itemNamed('Matcha Frappé')).id, name: 'Matcha Frappé', color: 'matcha', isAvailable: false, modifierGroups: [whipView] },
      ],
    });
  });

  test('every kind of write shows on the next read, cached or not', async () => {
    t = await makeSetUpCore();
    const { frappes, whip, syrup, mocha, ube } = await buildMenu();
    await expectListMatches();
    expect(await list()).toBe(await list()); // cached between writes
    /** Each write, then the next read against the reference (the write must not leave any part stale). */
    const step = async (write: () => Promise<unknown>) => {
      await list(); // cached before the write
      await write();
      return expectListMatches();
    };

    await step(() => t.must('menu.updateItem', { menuItemId: ube.id, price: 21000 }));
    expect((await counterItem('Ube Frappé'))?.price).toBe(21000);
    await step(() => t.must('menu.updateItem', { menuItemId: ube.id, isAvailable: false }));
    expect((await counterItem('Ube Frappé'))?.isAvailable).toBe(false);
    await step(() => t.must('menu.setSoldOut', { target: 'item', id: ube.id, soldOut: false, until: 'manual' }));
    await step(() => t.must('menu.setSoldOut', { target: 'item', id: mocha.id, soldOut: true, until: 'today' }));
    expect((await counterItem('Mocha Frappé'))?.soldOutUntil).toBeGreaterThan(t.clock.now());
    await step(() => t.must('menu.setSoldOut', { target: 'option', id: optionId(whip, 'No whip'), soldOut: true, until: 'manual' }));
    expect((await counterItem('Ube Frappé'))?.modifierGroups[0]?.options[1]).toMatchObject({ name: 'No whip', isAvailable: false });
    await step(() => t.must('menu.setSoldOut', { target: 'option', id: optionId(syrup, 'Hazelnut'), soldOut: false, until: 'manual' }));
    await step(async () => t.must('menu.saveCategory', { id: frappes.id, version: (await categoryNamed('Frappés')).version, name: 'Frozen', kind: 'drink', color: 'sky' }));
    expect((await list()).at(-1)).toMatchObject({ name: 'Frozen', slug: 'frozen', color: 'sky' });
    const espresso = await categoryNamed('Espresso');
    await step(async () => t.must('menu.reorderCategories', { ids: [frappes.id, ...(await admin()).categories.filter((c) => !c.archived && c.id !== frappes.id).map((c) => c.id)] }));
    expect((await list())[0]!.name).toBe('Frozen');

    await step(async () =>
      t.must('menu.saveItem', { ...itemInput(frappes.id, 'Ube Frappé'), id: ube.id, version: (await itemNamed('Ube Frappé')).version, price: 21000, isFavorite: true, groupIds: [syrup.id] }),
    );
    expect((await counterItem('Ube Frappé'))?.modifierGroups.map((g) => g.name)).toEqual(['Syrup', 'Whip']);
    await step(() => t.must('menu.duplicateItem', { id: ube.id, name: 'Iced Ube' }));
    expect((await counterItem('Iced Ube'))?.modifierGroups.map((g) => g.name)).toEqual(['Syrup', 'Whip']);
    await step(() => t.must('menu.attachGroup', { groupId: whip.id, itemIds: [], categoryIds: [espresso.id] }));
    expect((await counterItem('Ube Frappé'))?.modifierGroups.map((g) => g.name)).toEqual(['Syrup']);
    expect((await counterItem('Mocha Frappé'))?.modifierGroups.map((g) => g.name)).toEqual(['Syrup']);
    expect((await counterItem('Latte'))?.modifierGroups.map((g) => g.name)).toContain('Whip');

    const s = await adminGroup('Syrup');
    await step(() =>
      t.must('menu.saveGroup', {
        id: s.id,
        version: s.version,
        name: 'Syrups',
        minChoices: 0,
        maxChoices: 2,
        allowRepeat: false,
        options: [...s.options.map((o) => ({ id: o.id, name: o.name, priceDelta: o.priceDelta, isDefault: o.isDefault })), { name: 'Ube', priceDelta: 3000, isDefault: false }],
      }),
    );
    expect((await counterItem('Mocha Frappé'))?.modifierGroups[0]).toMatchObject({ name: 'Syrups', maxChoices: 2, allowRepeat: false, options: [{ name: 'Vanilla' }, { name: 'Hazelnut' }, { name: 'Ube' }] });
    await step(async () =>
      t.must('menu.reorderItems', { categoryId: frappes.id, ids: [(await itemNamed('Matcha Frappé')).id, ube.id, (await itemNamed('Caramel Frappé')).id, mocha.id, (await itemNamed('Iced Ube')).id] }),
    );
    expect((await list())[0]!.items.map((i) => i.name)).toEqual(['Matcha Frappé', 'Ube Frappé', 'Caramel Frappé', 'Mocha Frappé', 'Iced Ube']);
    const m = await itemNamed('Mocha Frappé');
    await step(() => t.must('menu.archiveItem', { id: m.id, version: m.version }));
    expect(await counterItem('Mocha Frappé')).toBeUndefined();
    await step(async () => t.must('menu.restoreItem', { id: m.id, version: (await itemNamed('Mocha Frappé')).version }));
    expect((await counterItem('Mocha Frappé'))?.modifierGroups.map((g) => g.name)).toEqual(['Syrups']);
    await step(async () => t.must('menu.archiveGroup', { id: s.id, version: (await adminGroup('Syrups')).version }));
    expect((await counterItem('Ube Frappé'))?.modifierGroups).toEqual([]);
    // A category archived with its items moved: they show under the other tab, with its groups.
    t.clock.advance(1); // restore brings back the items archived with the category, matched by the instant
    await step(async () => t.must('menu.archiveCategory', { id: frappes.id, version: (await categoryNamed('Frozen')).version, moveItemsTo: espresso.id }));
    expect((await list()).map((c) => c.name)).not.toContain('Frozen');
    expect((await counterItem('Ube Frappé'))).toMatchObject({ categoryId: espresso.id, modifierGroups: [{ name: 'Whip' }] });
    await step(async () => t.must('menu.restoreCategory', { id: frappes.id, version: (await categoryNamed('Frozen')).version }));
    expect((await list()).find((c) => c.name === 'Frozen')).toMatchObject({ color: 'sky', items: [] });
  });

  test('writes naming their items rebuild only those: moves, new items, group links, ties, sold out; earlier answers untouched', async () => {
    t = await makeSetUpCore();
    const { frappes, whip, syrup, mocha, ube } = await buildMenu();
    const espresso = await categoryNamed('Espresso');
    const first = await expectListMatches();
    const firstJson = JSON.stringify(first);
    const step = async (write: () => Promise<unknown>) => {
      await list();
      await write();
      return expectListMatches();
    };
    const groupsOf = async (name: string) => (await counterItem(name))?.modifierGroups.map((g) => g.name);
    const vanilla = optionId(syrup, 'Vanilla');
    const withWhip = optionId(whip, 'With whip');

    // Items only, no category: their links change, the catalog stays; the cart sees the same links.
    await step(() => t.must('menu.attachGroup', { groupId: syrup.id, itemIds: [mocha.id, ube.id], categoryIds: [] }));
    expect(await groupsOf('Ube Frappé')).toEqual(['Syrup', 'Whip']);
    await t.must('cart.addItem', { menuItemId: ube.id, optionIds: [vanilla, withWhip] });
    // Moved to another category, renamed, groups replaced: it leaves one tab and joins the other.
    await step(async () => {
      const u = await itemNamed('Ube Frappé');
      return t.must('menu.saveItem', { ...itemInput(espresso.id, 'Ube Latte', { price: u.price, groupIds: [whip.id] }), id: u.id, version: u.version });
    });
    expect(await counterItem('Ube Latte')).toMatchObject({ categoryId: espresso.id, modifierGroups: [{ name: 'Whip' }] });
    expect((await list()).find((c) => c.id === frappes.id)!.items.map((i) => i.name)).not.toContain('Ube Latte');
    await step(() => t.must('menu.saveItem', itemInput(frappes.id, 'Taro Frappé', { groupIds: [syrup.id] })));
    expect(await groupsOf('Taro Frappé')).toEqual(['Syrup', 'Whip']);
    await step(() => t.must('menu.attachGroup', { groupId: syrup.id, itemIds: [], categoryIds: [] }));
    expect(await groupsOf('Taro Frappé')).toEqual(['Whip']);
    expect((await t.call('cart.addItem', { menuItemId: mocha.id, optionIds: [vanilla, withWhip] })).ok).toBe(false);
    // Archived, then brought back by a save: the links went with the archive and stay gone.
    await step(() => t.must('menu.attachGroup', { groupId: syrup.id, itemIds: [mocha.id], categoryIds: [] }));
    await step(async () => t.must('menu.archiveGroup', { id: syrup.id, version: (await adminGroup('Syrup')).version }));
    await step(async () => {
      const g = (await admin()).groups.find((x) => x.id === syrup.id)!;
      return t.must('menu.saveGroup', {
        id: g.id,
        version: g.version,
        name: g.name,
        minChoices: g.minChoices,
        maxChoices: g.maxChoices,
        allowRepeat: g.allowRepeat,
        options: g.options.map((o) => ({ id: o.id, name: o.name, priceDelta: o.priceDelta, isDefault: o.isDefault })),
      });
    });
    expect(await groupsOf('Mocha Frappé')).toEqual(['Whip']);
    // Equal places are ordered by name: a rename alone moves the item within its tab.
    t.core.sqlite.prepare('update menu_items set display_order = 0 where category_id = ?').run(frappes.id);
    t.core.services.menu.invalidate();
    await step(async () => {
      const m = await itemNamed('Mocha Frappé');
      return t.must('menu.saveItem', { ...itemInput(frappes.id, 'Avocado Frappé', { color: m.color, isFavorite: m.isFavorite, sku: m.sku, description: m.description, groupIds: m.groupIds }), id: m.id, version: m.version });
    });
    expect((await list()).find((c) => c.id === frappes.id)!.items[0]!.name).toBe('Avocado Frappé');
    // A sold out for today set by an item edit still ends at its instant.
    await step(() => t.must('menu.setSoldOut', { target: 'item', id: ube.id, soldOut: true, until: 'today' }));
    const until = (await counterItem('Ube Latte'))!.soldOutUntil!;
    await setClock(until);
    expect((await expectListMatches()).flatMap((c) => c.items).find((i) => i.id === ube.id)).toMatchObject({ isAvailable: true, soldOutUntil: null });
    // Every answer was rebuilt beside the one before, never in it.
    expect(JSON.stringify(first)).toBe(firstJson);
  });

  test('a sold out for today ends at its instant, the earliest first, with no write', async () => {
    t = await makeSetUpCore();
    const { whip, syrup, mocha } = await buildMenu();
    const until = (await itemNamed('Caramel Frappé')).soldOutUntil!;
    // Two more endings around the item's (a later and an earlier one), written straight into the
    // database, then the cache dropped as the app's writers do.
    t.core.sqlite.prepare('update modifier_options set sold_out_until = ? where id = ?').run(until + 3_600_000, optionId(syrup, 'Hazelnut'));
    t.core.sqlite.prepare('update modifier_options set sold_out_until = ? where id = ?').run(until - 1_800_000, optionId(whip, 'No whip'));
    t.core.services.menu.invalidate();
    const hazelnut = async () => (await counterItem('Mocha Frappé'))!.modifierGroups[0]!.options[1]!;
    const noWhip = async () => (await counterItem('Mocha Frappé'))!.modifierGroups[1]!.options[1]!;
    await expectListMatches();
    expect((await noWhip()).isAvailable).toBe(false);

    for (const [at, item, hazel, whipOk] of [
      [until - 1_800_001, false, false, false],
      [until - 1_800_000, false, false, true],
      [until - 1, false, false, true],
      [until, true, false, true],
      [until + 3_599_999, true, false, true],
      [until + 3_600_000, true, true, true],
    ] as const) {
      await setClock(at);
      const c = await counterItem('Caramel Frappé');
      expect({ at: at - until, item: c?.isAvailable, soldOutUntil: c?.soldOutUntil, hazel: (await hazelnut()).isAvailable, whip: (await noWhip()).isAvailable }).toEqual({
        at: at - until,
        item,
        soldOutUntil: item ? null : until,
        hazel,
        whip: whipOk,
      });
      await expectListMatches();
    }
    // A cart line's options follow the same clock: Hazelnut can be chosen again.
    const cart = await t.must('cart.addItem', { menuItemId: mocha.id, optionIds: [optionId(syrup, 'Hazelnut'), optionId(whip, 'No whip')] });
    expect(cart.lines[0]!.options.map((o) => o.name)).toEqual(['Hazelnut', 'No whip']);
  });
});
