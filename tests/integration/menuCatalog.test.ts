// The menu back office's catalog (issue 8): categories and items through the router, the seed's
// rules, price confirmation, optimistic versions, sold out for today, archive-not-delete, and the
// audit log in words.
import { afterEach, describe, expect, test } from 'vitest';
import type { ChannelInput } from '../../electron/shared/contract';
import { describeChange } from '../../renderer/src/format';
import { dbFingerprint } from '../support/snapshot';
import { addStaff, makeSetUpCore, newRequestId, OWNER, signInAs, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

/** Moves the test clock (hours may pass: the till locks) and signs the owner back in. */
async function setClock(at: number) {
  t.clock.current = at;
  await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
}

const admin = () => t.must('menu.admin', {});
const counterItems = async () => (await t.must('menu.list', {})).flatMap((c) => c.items);
const adminCategory = async (name: string) => (await admin()).categories.find((c) => c.name === name)!;
const adminItem = async (name: string) => (await admin()).items.find((i) => i.name === name)!;

async function lastAudit(action: string) {
  const page = await t.must('audit.list', { action, limit: 1 });
  const e = page.events[0]!;
  return { ...e, words: describeChange(e.oldValue, e.newValue) };
}

async function newItem(extra: Partial<ChannelInput<'menu.saveItem'>> = {}) {
  const espresso = await adminCategory('Espresso');
  return t.must('menu.saveItem', {
    categoryId: espresso.id,
    name: 'Cortado',
    price: 15000,
    description: 'Equal parts espresso and milk',
    sku: null,
    color: 'caramel',
    isAvailable: true,
    isFavorite: false,
    groupIds: [],
    ...extra,
  });
}

/** The item's current state as an edit input (what the editor would send back unchanged). */
async function editOf(name: string): Promise<ChannelInput<'menu.saveItem'>> {
  const i = await adminItem(name);
  return {
    id: i.id,
    version: i.version,
    categoryId: i.categoryId,
    name: i.name,
    price: i.price,
    description: i.description,
    sku: i.sku,
    color: i.color,
    isAvailable: i.isAvailable,
    isFavorite: i.isFavorite,
    groupIds: i.groupIds,
  };
}

describe('categories', () => {
  test('create, rename and recolour; the counter follows; slugs come from the name', async () => {
    t = await makeSetUpCore();
    const frappes = await t.must('menu.saveCategory', { name: 'Frappés', kind: 'drink', color: 'berry' });
    expect(frappes).toMatchObject({ name: 'Frappés', slug: 'frappes', color: 'berry', version: 1, itemCount: 0, archived: false });
    expect((await lastAudit('menu.category.create')).words).toBe('Frappés: added');

    const renamed = await t.must('menu.saveCategory', { id: frappes.id, version: 1, name: 'Frozen', kind: 'drink', color: 'sky' });
    expect(renamed).toMatchObject({ name: 'Frozen', slug: 'frozen', color: 'sky', version: 2 });
    expect((await lastAudit('menu.category.update')).words).toBe('Frappés: renamed “Frozen”, colour sky');
    const tabs = await t.must('menu.list', {});
    expect(tabs.at(-1)).toMatchObject({ name: 'Frozen', color: 'sky', items: [] });
  });

  test('names are unique whatever the case; a slug clash gets -2', async () => {
    t = await makeSetUpCore();
    const r = await t.call('menu.saveCategory', { name: 'TEA', kind: 'drink', color: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'There is already a category called “Tea”', fields: { name: expect.any(String) } } });
    const a = await t.must('menu.saveCategory', { name: 'Iced Drinks', kind: 'drink', color: '' });
    const b = await t.must('menu.saveCategory', { name: 'Iced-Drinks', kind: 'drink', color: '' });
    const c = await t.must('menu.saveCategory', { name: '☕☕', kind: 'drink', color: '' });
    expect([a.slug, b.slug, c.slug]).toEqual(['iced-drinks', 'iced-drinks-2', 'category']);
  });

  test('reorder puts the counter tabs in order; a stale list is refused', async () => {
    t = await makeSetUpCore();
    const ids = (await admin()).categories.map((c) => c.id);
    const reversed = await t.must('menu.reorderCategories', { ids: [...ids].reverse() });
    expect(reversed.map((c) => c.name)).toEqual(['Bakery', 'Tea', 'Brewed Coffee', 'Espresso']);
    expect((await t.must('menu.list', {})).map((c) => c.name)).toEqual(['Bakery', 'Tea', 'Brewed Coffee', 'Espresso']);
    expect((await lastAudit('menu.category.reorder')).words).toBe('order: Espresso, Brewed Coffee, Tea, Bakery → Bakery, Tea, Brewed Coffee, Espresso');
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('menu.reorderCategories', { ids: ids.slice(1) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('menu.reorderCategories', { ids: [ids[0]!, ...ids] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });

  test('archive moving the items elsewhere; restore brings the category back empty', async () => {
    t = await makeSetUpCore();
    const tea = await adminCategory('Tea');
    const brewed = await adminCategory('Brewed Coffee');
    const view = await t.must('menu.archiveCategory', { id: tea.id, version: tea.version, moveItemsTo: brewed.id });
    expect(view.categories.find((c) => c.id === tea.id)).toMatchObject({ archived: true, itemCount: 0 });
    expect(view.items.filter((i) => i.categoryId === brewed.id).map((i) => i.name)).toEqual([
      'House Brew', 'Pour Over', 'Cold Brew', 'Green Tea', 'Earl Grey', 'Chai Latte', 'Matcha Latte',
    ]);
    expect((await t.must('menu.list', {})).map((c) => c.name)).not.toContain('Tea');
    expect((await lastAudit('menu.category.archive')).words).toBe('Tea: archived, 4 items moved to “Brewed Coffee”');
    const archived = await adminCategory('Tea');
    const back = await t.must('menu.restoreCategory', { id: tea.id, version: archived.version });
    expect(back).toMatchObject({ archived: false, itemCount: 0 });
    expect((await t.must('menu.list', {})).at(-1)!.name).toBe('Tea');
  });

  test('archive with its items; restore brings back exactly the items archived with it', async () => {
    t = await makeSetUpCore();
    const croissant = await adminItem('Croissant');
    await t.must('menu.archiveItem', { id: croissant.id, version: croissant.version }); // archived on its own, earlier
    t.clock.advance(1000);
    const bakery = await adminCategory('Bakery');
    await t.must('menu.archiveCategory', { id: bakery.id, version: bakery.version, moveItemsTo: null });
    expect((await counterItems()).some((i) => i.categoryId === bakery.id)).toBe(false);
    expect((await lastAudit('menu.category.archive')).words).toBe('Bakery: archived, 4 items archived with it');
    // Cart add is refused for an item of an archived category too.
    const muffin = await adminItem('Blueberry Muffin');
    expect(await t.call('cart.addItem', { menuItemId: muffin.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // An item of an archived category cannot be restored on its own.
    const r = await t.call('menu.restoreItem', { id: muffin.id, version: muffin.version });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('restore Bakery first') } });
    const archived = await adminCategory('Bakery');
    await t.must('menu.restoreCategory', { id: bakery.id, version: archived.version });
    const names = (await counterItems()).filter((i) => i.categoryId === bakery.id).map((i) => i.name);
    expect(names).toEqual(['Pain au Chocolat', 'Blueberry Muffin', 'Banana Bread', 'Ensaymada']); // not the croissant
    expect((await lastAudit('menu.category.restore')).words).toBe('Bakery: restored, 4 items restored with it');
  });

  test('archive refuses moving into itself, into an archived category, or onto a clashing name', async () => {
    t = await makeSetUpCore();
    const espresso = await adminCategory('Espresso');
    const tea = await adminCategory('Tea');
    await t.must('menu.saveItem', { ...(await editOf('Green Tea')), name: 'Latte', categoryId: tea.id });
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('menu.archiveCategory', { id: espresso.id, version: espresso.version, moveItemsTo: espresso.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const clash = await t.call('menu.archiveCategory', { id: espresso.id, version: espresso.version, moveItemsTo: tea.id });
    expect(clash).toMatchObject({ ok: false, error: { message: 'Tea already has an item called “Latte”: rename one of them first' } });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });
});

describe('items', () => {
  test('create, edit and see it on the counter with colour, favourite and version', async () => {
    t = await makeSetUpCore();
    const created = await newItem({ isFavorite: true, sku: '  ' });
    expect(created).toMatchObject({ name: 'Cortado', price: 15000, sku: null, color: 'caramel', isFavorite: true, version: 1, everSold: false, archived: false });
    expect((await lastAudit('menu.item.create')).words).toBe('Cortado: added at ₱150.00 in “Espresso”');
    const onCounter = (await counterItems()).find((i) => i.id === created.id)!;
    expect(onCounter).toMatchObject({ color: 'caramel', isFavorite: true, version: 1, isAvailable: true, soldOutUntil: null });

    const edited = await t.must('menu.saveItem', { ...(await editOf('Cortado')), price: 16000, sku: '4800009', description: 'Short and strong' });
    expect(edited).toMatchObject({ price: 16000, sku: '4800009', version: 2 });
    expect((await lastAudit('menu.item.price')).words).toBe('Cortado: ₱150.00 → ₱160.00, code 4800009, description changed');
    expect((await t.must('cart.addBySku', { sku: '4800009' })).lines[0]!.name).toBe('Cortado');
  });

  test('an edit that changes nothing writes nothing', async () => {
    t = await makeSetUpCore();
    const input = await editOf('Latte');
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.must('menu.saveItem', input)).toMatchObject({ version: input.version });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });

  test('uniqueness: name per category (any case, archived too), SKU across the menu; slug gets -2', async () => {
    t = await makeSetUpCore();
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('menu.saveItem', { ...(await editOf('Mocha')), id: undefined, version: undefined, name: 'LATTE' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Espresso already has an item called “Latte”', fields: { name: expect.any(String) } },
    });
    const croissantSku = (await adminItem('Croissant')).sku!;
    expect(await t.call('menu.saveItem', { ...(await editOf('Mocha')), sku: croissantSku })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: `The code ${croissantSku} is already used by Croissant`, fields: { sku: expect.any(String) } },
    });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    // The same name in another category is fine; its slug gets a suffix (slugs are menu-wide).
    const tea = await adminCategory('Tea');
    await newItem({ name: 'Latte', categoryId: tea.id });
    const slugs = t.core.sqlite.prepare(`select slug from menu_items where name = 'Latte' order by rowid`).pluck().all();
    expect(slugs).toEqual(['latte', 'latte-2']);
    // Archived names still count: the message says to restore it.
    const cortado = await newItem();
    await t.must('menu.archiveItem', { id: cortado.id, version: cortado.version });
    expect(await t.call('menu.saveItem', { ...(await editOf('Mocha')), id: undefined, version: undefined, name: 'cortado' })).toMatchObject({
      ok: false,
      error: { message: 'Espresso has an archived item called “Cortado”: restore it instead' },
    });
  });

  test('odd input: a name with only emoji gets a slug; broken text and an unknown group are refused', async () => {
    t = await makeSetUpCore();
    const cup = await newItem({ name: '☕ Special 🍵' });
    expect(t.core.sqlite.prepare(`select slug from menu_items where id = ?`).pluck().get(cup.id)).toBe('special');
    const emojiOnly = await newItem({ name: '🧋' });
    expect(t.core.sqlite.prepare(`select slug from menu_items where id = ?`).pluck().get(emojiOnly.id)).toBe('item');
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('menu.saveItem', { ...(await editOf('Mocha')), groupIds: ['no-such-group'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.raw('menu.saveItem', { ...(await editOf('Mocha')), name: 'Mo\u202Echa' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('menu.saveItem', { ...(await editOf('Mocha')), categoryId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });

  test('price confirmation: 0 or a move of more than half asks first, with old and new price', async () => {
    t = await makeSetUpCore();
    const before = dbFingerprint(t.core.sqlite);
    const zero = await t.call('menu.saveItem', { ...(await editOf('Latte')), price: 0 });
    expect(zero).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Latte would be free: ₱165.00 → ₱0.00. Confirm the price.', fields: { price: expect.stringMatching(/^Confirm/) } } });
    const tenfold = await t.call('menu.saveItem', { ...(await editOf('Latte')), price: 165000 });
    expect(tenfold).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Latte: ₱165.00 → ₱1,650.00 is a change of more than half. Confirm the price.' } });
    expect(await t.call('menu.saveItem', { ...(await editOf('Latte')), price: 8000 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('cart.addItem', { menuItemId: (await adminItem('Latte')).id })).toMatchObject({ ok: true });
    const free = await t.call('menu.saveItem', { ...(await editOf('Mocha')), id: undefined, version: undefined, sku: null, name: 'Water', price: 0 });
    expect(free).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Water would be free (₱0.00). Confirm the price.' } });
    await t.must('cart.clear', {});
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    // Exactly half is not "more than half"; confirmed changes go through.
    expect(await t.must('menu.saveItem', { ...(await editOf('Mocha')), price: 9000 })).toMatchObject({ price: 9000 });
    expect(await t.must('menu.saveItem', { ...(await editOf('Latte')), price: 0, confirmPrice: true })).toMatchObject({ price: 0 });
    expect((await lastAudit('menu.item.price')).words).toBe('Latte: ₱165.00 → ₱0.00');
  });

  test('a stale version is CONFLICT with both values and nothing written; two saves of one version → one wins', async () => {
    t = await makeSetUpCore();
    const base = await editOf('Latte');
    await t.must('menu.saveItem', { ...base, price: 17000 });
    const before = dbFingerprint(t.core.sqlite);
    const stale = await t.call('menu.saveItem', { ...base, price: 18000 });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Someone else changed Latte meanwhile: they saved price ₱170.00; you tried price ₱180.00. Nothing was saved — look at their change and try again.' },
    });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);

    const now = await editOf('Latte');
    const [a, b] = await Promise.all([
      t.call('menu.saveItem', { ...now, name: 'Latte Grande' }),
      t.call('menu.saveItem', { ...now, description: 'Silky' }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = (a.ok ? b : a) as { ok: false; error: { code: string; message: string } };
    expect(loser.error.code).toBe('CONFLICT');
    expect(loser.error.message).toMatch(/^Someone else changed Latte( Grande)? meanwhile: they saved .*; you tried /);
    expect((await adminItem(a.ok ? 'Latte Grande' : 'Latte'))!.version).toBe(now.version! + 1);
    // A stale archive is refused too.
    expect(await t.call('menu.archiveItem', { id: now.id!, version: now.version! })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^Someone else changed Latte( Grande)? meanwhile: it now reads name “Latte( Grande)?”, price ₱170.00, category “Espresso”\. Nothing was saved/) },
    });
  });

  test('duplicate copies price, description, colour, category and groups, never the SKU', async () => {
    t = await makeSetUpCore();
    const latte = await adminItem('Latte');
    expect(latte.groupIds.length).toBe(3);
    const iced = await t.must('menu.duplicateItem', { id: latte.id, name: 'Iced Latte' });
    expect(iced).toMatchObject({ name: 'Iced Latte', price: latte.price, description: latte.description, color: latte.color, categoryId: latte.categoryId, groupIds: latte.groupIds, sku: null, version: 1 });
    expect((await counterItems()).find((i) => i.id === iced.id)!.modifierGroups.map((g) => g.name)).toEqual(['Size', 'Milk', 'Extras']);
    expect((await lastAudit('menu.item.duplicate')).words).toBe('Iced Latte: added at ₱165.00 in “Espresso”, copied from “Latte”');
    expect(await t.call('menu.duplicateItem', { id: latte.id, name: 'iced latte' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  test('reorder items within a category; a list missing an item is refused', async () => {
    t = await makeSetUpCore();
    const tea = (await t.must('menu.list', {})).find((c) => c.name === 'Tea')!;
    const ids = tea.items.map((i) => i.id);
    const out = await t.must('menu.reorderItems', { categoryId: tea.id, ids: [...ids].reverse() });
    expect(out.map((i) => i.name)).toEqual(['Matcha Latte', 'Chai Latte', 'Earl Grey', 'Green Tea']);
    expect((await t.must('menu.list', {})).find((c) => c.name === 'Tea')!.items.map((i) => i.name)).toEqual(['Matcha Latte', 'Chai Latte', 'Earl Grey', 'Green Tea']);
    expect((await lastAudit('menu.item.reorder')).words).toBe('Tea: order Matcha Latte, Chai Latte, Earl Grey, Green Tea');
    expect(await t.call('menu.reorderItems', { categoryId: tea.id, ids: ids.slice(1) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const latte = await adminItem('Latte');
    expect(await t.call('menu.reorderItems', { categoryId: tea.id, ids: [...ids, latte.id] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('an archived item that was sold keeps its history, never shows on the counter, and can come back', async () => {
    t = await makeSetUpCore();
    const latte = await adminItem('Latte');
    await t.must('cart.addItem', { menuItemId: latte.id });
    const { order } = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 50000 }] });
    expect((await adminItem('Latte')).everSold).toBe(true);
    expect((await adminItem('Mocha')).everSold).toBe(false);
    const archived = await t.must('menu.archiveItem', { id: latte.id, version: latte.version });
    expect(archived).toMatchObject({ archived: true, everSold: true, version: latte.version + 1 });
    expect((await lastAudit('menu.item.archive')).words).toBe('Latte: archived');
    expect((await counterItems()).map((i) => i.name)).not.toContain('Latte');
    expect(await t.call('cart.addItem', { menuItemId: latte.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('cart.addBySku', { sku: latte.sku! })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.must('orders.get', { orderId: order.id })).lines[0]).toMatchObject({ name: 'Latte' });
    expect(t.count('menu_items')).toBe(19); // never deleted
    const back = await t.must('menu.restoreItem', { id: latte.id, version: archived.version });
    expect(back.archived).toBe(false);
    expect((await lastAudit('menu.item.restore')).words).toBe('Latte: restored');
  });

  test('everSold reads the same with an index on order_items(menu_item_id) as with one pass over the lines', async () => {
    t = await makeSetUpCore();
    t.core.sqlite.exec('create index test_order_items_menu_item on order_items (menu_item_id)');
    const mocha = await adminItem('Mocha');
    await t.must('cart.addItem', { menuItemId: mocha.id });
    await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 50000 }] });
    const items = (await admin()).items;
    expect(items.filter((i) => i.everSold).map((i) => i.name)).toEqual(['Mocha']);
  });

  test('a barista cannot change the menu', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await signInAs(t, 'bea');
    const latte = await adminItem('Latte');
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('menu.archiveItem', { id: latte.id, version: latte.version }, 'bea')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('menu.setSoldOut', { target: 'item', id: latte.id, soldOut: true, until: 'today' }, 'bea')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Only the refusals themselves are recorded (sign-in history).
    expect({ ...dbFingerprint(t.core.sqlite), auth_events: '' }).toEqual({ ...before, auth_events: '' });
  });
});

describe('sold out', () => {
  // The test clock starts at 09:30 in Manila; the business day starts at 04:00.
  const nextDayStart = Date.UTC(2026, 10, 23, 20, 0); // 24 Nov 04:00 in Manila

  test('sold out for today is greyed, refused at the counter, and comes back by itself when the next business day starts', async () => {
    t = await makeSetUpCore();
    const latte = await adminItem('Latte');
    const view = await t.must('menu.setSoldOut', { target: 'item', id: latte.id, soldOut: true, until: 'today' });
    expect(view.items.find((i) => i.id === latte.id)).toMatchObject({ isAvailable: true, soldOutUntil: nextDayStart, version: latte.version + 1 });
    expect((await counterItems()).find((i) => i.id === latte.id)).toMatchObject({ isAvailable: false, soldOutUntil: nextDayStart });
    expect(await t.call('cart.addItem', { menuItemId: latte.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Latte is sold out for today' } });
    expect((await lastAudit('menu.item.soldout')).words).toBe('Latte: sold out for today');

    await setClock(nextDayStart - 1);
    expect((await counterItems()).find((i) => i.id === latte.id)!.isAvailable).toBe(false);
    await setClock(nextDayStart);
    expect((await counterItems()).find((i) => i.id === latte.id)).toMatchObject({ isAvailable: true, soldOutUntil: null });
    expect(await t.call('cart.addItem', { menuItemId: latte.id })).toMatchObject({ ok: true });
  });

  test('after midnight but before the day starts, "today" still ends at this morning\'s start', async () => {
    t = await makeSetUpCore();
    await setClock(Date.UTC(2026, 10, 23, 18, 30)); // 02:30 on 24 Nov in Manila: still the 23rd's business day
    const mocha = await adminItem('Mocha');
    const view = await t.must('menu.setSoldOut', { target: 'item', id: mocha.id, soldOut: true, until: 'today' });
    expect(view.items.find((i) => i.id === mocha.id)!.soldOutUntil).toBe(nextDayStart);
  });

  test('a line already in the cart cannot be paid for once the item is sold out for today', async () => {
    t = await makeSetUpCore();
    const latte = await adminItem('Latte');
    await t.must('cart.addItem', { menuItemId: latte.id });
    await t.must('menu.setSoldOut', { target: 'item', id: latte.id, soldOut: true, until: 'today' });
    const r = await t.call('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 50000 }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Latte can no longer be sold: remove it from the cart' } });
  });

  test('sold out until turned back on does not come back by itself; turning it on does', async () => {
    t = await makeSetUpCore();
    const latte = await adminItem('Latte');
    await t.must('menu.setSoldOut', { target: 'item', id: latte.id, soldOut: true, until: 'manual' });
    expect((await lastAudit('menu.item.soldout')).words).toBe('Latte: sold out');
    await setClock(t.clock.current + 3 * 86_400_000);
    expect((await counterItems()).find((i) => i.id === latte.id)).toMatchObject({ isAvailable: false, soldOutUntil: null });
    expect(await t.call('cart.addItem', { menuItemId: latte.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Latte is sold out right now' } });
    await t.must('menu.setSoldOut', { target: 'item', id: latte.id, soldOut: false, until: 'manual' });
    expect((await lastAudit('menu.item.soldout')).words).toBe('Latte: available again');
    expect((await counterItems()).find((i) => i.id === latte.id)!.isAvailable).toBe(true);
  });

  test('an option sold out for today is greyed on every item and back at the next business day', async () => {
    t = await makeSetUpCore();
    const oat = (await counterItems()).find((i) => i.name === 'Latte')!.modifierGroups.find((g) => g.name === 'Milk')!.options.find((o) => o.name === 'Oat')!;
    await t.must('menu.setSoldOut', { target: 'option', id: oat.id, soldOut: true, until: 'today' });
    const greyed = (await counterItems()).flatMap((i) => i.modifierGroups.flatMap((g) => g.options)).filter((o) => o.id === oat.id);
    expect(greyed.length).toBeGreaterThan(3);
    expect(greyed.every((o) => !o.isAvailable)).toBe(true);
    expect((await lastAudit('menu.option.soldout')).words).toBe('Oat (Milk): sold out for today');
    await setClock(nextDayStart);
    expect((await counterItems()).find((i) => i.name === 'Latte')!.modifierGroups.find((g) => g.name === 'Milk')!.options.find((o) => o.id === oat.id)!.isAvailable).toBe(true);
  });

  test('sold out of an unknown or archived item is NOT_FOUND and writes nothing', async () => {
    t = await makeSetUpCore();
    const latte = await adminItem('Latte');
    await t.must('menu.archiveItem', { id: latte.id, version: latte.version });
    const before = dbFingerprint(t.core.sqlite);
    for (const id of [latte.id, 'nope']) {
      expect(await t.call('menu.setSoldOut', { target: 'item', id, soldOut: true, until: 'today' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await t.call('menu.setSoldOut', { target: 'option', id: 'nope', soldOut: true, until: 'today' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });
});
