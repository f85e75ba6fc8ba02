// Modifier groups and options from the back office, and a cart line's options: the rules main
// enforces (with messages, nothing written), versions, sold-out options, repeats and line edits.
import { afterEach, describe, expect, test } from 'vitest';
import type { AdminGroup, ChannelInput, MenuItemView } from '../../electron/shared/contract';
import { describeChange } from '../../renderer/src/format';
import { WHIP_GROUP } from '../support/menuFixtures';
import { dbFingerprint } from '../support/snapshot';
import { addStaff, makeSetUpCore, newRequestId, OWNER, signInAs, type TestCore } from '../support/testCore';

/** Pays the open cart exactly in cash. */
const checkout = async () => {
  const total = (await t.must('cart.get', {})).totals.total;
  return t.call('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: total }] });
};
const mustCheckout = async () => {
  const r = await checkout();
  if (!r.ok) throw new Error(r.error.message);
  return r.value.order;
};

let t: TestCore;
afterEach(() => t?.close());

type GroupInput = ChannelInput<'menu.saveGroup'>;

const WHIP: GroupInput = WHIP_GROUP;

async function item(name: string): Promise<MenuItemView> {
  return (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === name)!;
}
async function group(name: string): Promise<AdminGroup> {
  return (await t.must('menu.admin', {})).groups.find((g) => g.name === name)!;
}
const optionId = (g: AdminGroup, name: string) => g.options.find((o) => o.name === name)!.id;
/** The group as an edit input, starting from what the screen read. */
const asInput = (g: AdminGroup): GroupInput => ({
  id: g.id,
  version: g.version,
  name: g.name,
  minChoices: g.minChoices,
  maxChoices: g.maxChoices,
  allowRepeat: g.allowRepeat,
  options: g.options.filter((o) => !o.archived).map((o) => ({ id: o.id, name: o.name, priceDelta: o.priceDelta, isDefault: o.isDefault })),
});
const auditRows = (action: string) =>
  t.core.sqlite.prepare(`select old_value as oldValue, new_value as newValue from audit_events where action = ? order by rowid`).all(action) as {
    oldValue: string | null;
    newValue: string | null;
  }[];
const words = (action: string) => auditRows(action).map((r) => describeChange(r.oldValue, r.newValue));

async function refused<C extends Parameters<TestCore['call']>[0]>(channel: C, input: ChannelInput<C>, code: string, message: RegExp, senderId?: string) {
  const before = dbFingerprint(t.core.sqlite);
  const r = await t.call(channel, input, senderId);
  expect(r).toMatchObject({ ok: false, error: { code } });
  if (!r.ok) expect(r.error.message).toMatch(message);
  expect(dbFingerprint(t.core.sqlite)).toEqual(before);
}

describe('modifier groups', () => {
  test('create with a negative delta and a default, then edit: options matched by id, a removed one archived, versions bumped, audited in words', async () => {
    t = await makeSetUpCore();
    const created = await t.must('menu.saveGroup', WHIP);
    expect(created).toMatchObject({ name: 'Whip', minChoices: 1, maxChoices: 1, allowRepeat: false, archived: false, version: 1, usedBy: { itemIds: [], categoryIds: [] } });
    expect(created.options.map((o) => [o.name, o.priceDelta, o.isDefault, o.displayOrder])).toEqual([
      ['With whip', 0, true, 0],
      ['No whip', -1000, false, 1],
    ]);
    expect(words('menu.group.create')).toEqual(['Whip: added, choose 1, options With whip (default), No whip −₱10.00']);

    const edit = asInput(created);
    const noWhip = edit.options[1]!;
    const saved = await t.must('menu.saveGroup', {
      ...edit,
      options: [
        { ...noWhip, name: 'No cream', priceDelta: -1500 },
        { name: 'Extra whip', priceDelta: 1500, isDefault: true },
      ],
    });
    expect(saved.version).toBe(2);
    const byName = new Map(saved.options.map((o) => [o.name, o]));
    expect(byName.get('No cream')).toMatchObject({ id: noWhip.id, priceDelta: -1500, displayOrder: 0, version: 2, archived: false });
    expect(byName.get('Extra whip')).toMatchObject({ isDefault: true, archived: false, version: 1 });
    expect(byName.get('With whip')).toMatchObject({ archived: true, isDefault: false });
    expect(t.count('modifier_options')).toBeGreaterThanOrEqual(3 + 9); // never deleted
    expect(words('menu.group.update')).toEqual([
      'Whip: options With whip (default), No whip −₱10.00 → No cream −₱15.00, Extra whip +₱15.00 (default)',
    ]);

    // Adding "With whip" again brings the archived option back (same id: old lines still name it).
    const again = await t.must('menu.saveGroup', { ...asInput(saved), options: [...asInput(saved).options, { name: 'with whip', priceDelta: 0, isDefault: false }] });
    expect(again.options.find((o) => o.id === created.options[0]!.id)).toMatchObject({ name: 'with whip', archived: false });
  });

  test('the rules are refused with a message and nothing written', async () => {
    t = await makeSetUpCore();
    const milk = await group('Milk');
    const one = (o: Partial<GroupInput['options'][number]> = {}) => ({ name: 'A', priceDelta: 0, isDefault: false, ...o });
    await refused('menu.saveGroup', { ...WHIP, minChoices: 2, maxChoices: 1 }, 'VALIDATION', /At least 2 cannot be more than at most 1/);
    await refused('menu.saveGroup', { ...WHIP, minChoices: 3, maxChoices: 3 }, 'VALIDATION', /Whip asks for 3 choices but has 2 options/);
    await refused('menu.saveGroup', { ...WHIP, options: [one({ name: 'Oat' }), one({ name: ' oat' })] }, 'VALIDATION', /Two options are called oat/);
    await refused('menu.saveGroup', { ...WHIP, name: 'milk' }, 'CONFLICT', /already a group called Milk/);
    await refused('menu.saveGroup', { ...WHIP, options: [one({ name: 'A', isDefault: true }), one({ name: 'B', isDefault: true })] }, 'VALIDATION', /one default at most/);
    // A repeatable group may ask for more picks than it has options (3 pumps of the one syrup).
    expect(await t.call('menu.saveGroup', { ...WHIP, name: 'Pumps', allowRepeat: true, minChoices: 3, maxChoices: 3 })).toMatchObject({ ok: true });
    // Option ids from another group are not this group's.
    const extras = await group('Extras');
    await refused('menu.saveGroup', { ...asInput(milk), options: [...asInput(milk).options, { id: extras.options[0]!.id, name: 'Shot', priceDelta: 0, isDefault: false }] }, 'VALIDATION', /does not belong to this group/);
    // A sold-out option cannot be made the default.
    await t.must('menu.setSoldOut', { target: 'option', id: optionId(milk, 'Oat'), soldOut: true, until: 'today' });
    const m2 = await group('Milk');
    await refused('menu.saveGroup', { ...asInput(m2), options: asInput(m2).options.map((o) => ({ ...o, isDefault: o.name === 'Oat' })) }, 'VALIDATION', /Oat is sold out: it cannot be made the default/);
    // A required group keeps an available option: dropping Whole (Oat sold out) would leave Soy only — fine; dropping Soy too is refused.
    await refused('menu.saveGroup', { ...asInput(m2), options: asInput(m2).options.filter((o) => o.name === 'Oat') }, 'CONFLICT', /Milk is required: keep at least one milk available/);
  });

  test('odd edits: names swapped in one save, an archived name, accents and case, an archived group name', async () => {
    t = await makeSetUpCore();
    const milk = await group('Milk');
    const swapped = await t.must('menu.saveGroup', {
      ...asInput(milk),
      options: asInput(milk).options.map((o) => ({ ...o, name: o.name === 'Oat' ? 'Soy' : o.name === 'Soy' ? 'Oat' : o.name })),
    });
    expect(swapped.options.find((o) => o.id === optionId(milk, 'Oat'))!.name).toBe('Soy');
    // Soy (formerly Oat's id) is taken out, then another option is renamed to its name: refused.
    const dropped = await t.must('menu.saveGroup', { ...asInput(swapped), options: asInput(swapped).options.filter((o) => o.name !== 'Soy') });
    const renameToArchived = { ...asInput(dropped), options: asInput(dropped).options.map((o) => (o.name === 'Oat' ? { ...o, name: 'SOY' } : o)) };
    await refused('menu.saveGroup', renameToArchived, 'VALIDATION', /An archived option of this group is called SOY/);
    // "Café" typed composed and decomposed is one name.
    await refused('menu.saveGroup', { ...WHIP, options: [{ name: 'Caf\u00e9', priceDelta: 0, isDefault: false }, { name: 'Cafe\u0301', priceDelta: 0, isDefault: false }] }, 'VALIDATION', /Two options are called/);
    const whip = await t.must('menu.saveGroup', WHIP);
    await t.must('menu.archiveGroup', { id: whip.id, version: whip.version });
    await refused('menu.saveGroup', { ...WHIP, name: 'WHIP' }, 'CONFLICT', /An archived group is called Whip: restore it, or choose another name/);
  });

  test('a stale version is CONFLICT with both values and nothing written; every edit bumps it', async () => {
    t = await makeSetUpCore();
    const milk = await group('Milk');
    await t.must('menu.saveGroup', { ...asInput(milk), name: 'Milks' });
    const before = dbFingerprint(t.core.sqlite);
    const r = await t.call('menu.saveGroup', { ...asInput(milk), maxChoices: 2 });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!r.ok) expect(r.error.message).toMatch(/Someone else changed Milks meanwhile: they saved name “Milks”, choices 1–1; you tried name “Milk”, choices 1–2/);
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    await refused('menu.archiveGroup', { id: milk.id, version: milk.version }, 'CONFLICT', /Someone else changed/);
    await refused('menu.attachGroup', { groupId: milk.id, version: milk.version, itemIds: [], categoryIds: [] }, 'CONFLICT', /Someone else changed/);
    expect((await group('Milks')).version).toBe(milk.version + 1);
  });

  test('attach to items and a whole category: a later item of the category gets it, usedBy shows where, audited in words', async () => {
    t = await makeSetUpCore();
    const frappes = await t.must('menu.saveCategory', { name: 'Frappes', kind: 'drink', color: 'berry' });
    const mocha = await item('Mocha');
    const whip = await t.must('menu.saveGroup', WHIP);
    const attached = await t.must('menu.attachGroup', { groupId: whip.id, version: whip.version, itemIds: [mocha.id], categoryIds: [frappes.id] });
    expect(attached.usedBy).toEqual({ itemIds: [mocha.id], categoryIds: [frappes.id] });
    expect(attached.version).toBe(whip.version + 1);
    expect(words('menu.group.attach')).toEqual(['Whip: on Mocha, Frappes']);
    expect((await item('Mocha')).modifierGroups.map((g) => g.name)).toEqual(['Size', 'Milk', 'Extras', 'Whip']);

    const frappe = await t.must('menu.saveItem', {
      categoryId: frappes.id,
      name: 'Mocha Frappe',
      price: 18000,
      description: '',
      sku: null,
      color: '',
      isAvailable: true,
      isFavorite: false,
      groupIds: [],
    });
    const counter = await item('Mocha Frappe');
    expect(counter.modifierGroups.map((g) => g.name)).toEqual(['Whip']);
    const line = (await t.must('cart.addItem', { menuItemId: frappe.id })).lines[0]!;
    expect(line.options.map((o) => o.name)).toEqual(['With whip']);
    const noWhip = await t.must('cart.addItem', { menuItemId: frappe.id, optionIds: [optionId(whip, 'No whip')] });
    expect(noWhip.lines[1]!.unitPrice).toBe(17000);

    // Attaching replaces the lists; the item's version moved with it (a form read before is stale).
    const detached = await t.must('menu.attachGroup', { groupId: whip.id, itemIds: [], categoryIds: [frappes.id] });
    expect(detached.usedBy.itemIds).toEqual([]);
    expect((await item('Mocha')).version).toBe(mocha.version + 2);
    await refused('menu.attachGroup', { groupId: whip.id, itemIds: ['nope'], categoryIds: [] }, 'NOT_FOUND', /One of those items/);
  });

  test('archive a group: off the counter everywhere, old orders keep their options, audited', async () => {
    t = await makeSetUpCore();
    const extras = await group('Extras');
    const latte = await item('Latte');
    await t.must('cart.addItem', { menuItemId: latte.id, optionIds: [...latte.modifierGroups.flatMap((g) => g.options.filter((o) => o.isDefault).map((o) => o.id)), optionId(extras, 'Extra shot')] });
    const order = await mustCheckout();
    const archived = await t.must('menu.archiveGroup', { id: extras.id, version: extras.version });
    expect(archived).toMatchObject({ archived: true, usedBy: { itemIds: [], categoryIds: [] } });
    expect((await item('Latte')).modifierGroups.map((g) => g.name)).toEqual(['Size', 'Milk']);
    const detail = await t.must('orders.get', { orderId: order.id });
    expect(detail.lines[0]!.modifiers.map((m) => m.name)).toContain('Extra shot');
    await refused('cart.addItem', { menuItemId: latte.id, optionIds: [optionId(extras, 'Extra shot')] }, 'VALIDATION', /Extra shot is no longer offered|not offered/);
    expect(words('menu.group.archive')[0]).toMatch(/^Extras: archived \(was on .*Latte/);
    await refused('menu.attachGroup', { groupId: extras.id, itemIds: [latte.id], categoryIds: [] }, 'CONFLICT', /Extras is archived/);
    // Saving it again restores it (not re-attached).
    expect(await t.must('menu.saveGroup', asInput(archived))).toMatchObject({ archived: false, usedBy: { itemIds: [] } });
  });

  test('an option taken out of a group is archived: the old order keeps its snapshot, the counter no longer offers it', async () => {
    t = await makeSetUpCore();
    const milk = await group('Milk');
    const latte = await item('Latte');
    const size = latte.modifierGroups.find((g) => g.name === 'Size')!.options[0]!.id;
    await t.must('cart.addItem', { menuItemId: latte.id, optionIds: [size, optionId(milk, 'Oat')] });
    const order = await mustCheckout();
    await t.must('menu.saveGroup', { ...asInput(milk), options: asInput(milk).options.filter((o) => o.name !== 'Oat') });
    expect((await item('Latte')).modifierGroups.find((g) => g.name === 'Milk')!.options.map((o) => o.name)).toEqual(['Whole', 'Soy']);
    expect((await t.must('orders.get', { orderId: order.id })).lines[0]!.modifiers).toContainEqual({ group: 'Milk', name: 'Oat', priceDelta: 3000 });
    await refused('cart.addItem', { menuItemId: latte.id, optionIds: [size, optionId(milk, 'Oat')] }, 'VALIDATION', /Oat is no longer offered/);
  });
});

describe('sold-out options', () => {
  test('86 oat milk: greyed on every item, refused by cart.addItem by name, back at the next business day', async () => {
    t = await makeSetUpCore();
    const milk = await group('Milk');
    const oat = optionId(milk, 'Oat');
    await t.must('menu.setSoldOut', { target: 'option', id: oat, soldOut: true, until: 'today' });
    const lattes = (await t.must('menu.list', {})).flatMap((c) => c.items).filter((i) => i.modifierGroups.some((g) => g.name === 'Milk'));
    expect(lattes.length).toBeGreaterThan(3);
    for (const i of lattes) expect(i.modifierGroups.find((g) => g.name === 'Milk')!.options.find((o) => o.id === oat)!.isAvailable).toBe(false);
    const latte = await item('Latte');
    const small = latte.modifierGroups[0]!.options[0]!.id;
    await refused('cart.addItem', { menuItemId: latte.id, optionIds: [small, oat] }, 'CONFLICT', /^Oat is sold out$/);
    t.clock.advance(24 * 3_600_000);
    await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
    expect((await item('Latte')).modifierGroups.find((g) => g.name === 'Milk')!.options.find((o) => o.id === oat)!.isAvailable).toBe(true);
    expect(await t.call('cart.addItem', { menuItemId: latte.id, optionIds: [small, oat] })).toMatchObject({ ok: true });
  });

  test('the last available option of a required group cannot be 86ed', async () => {
    t = await makeSetUpCore();
    const milk = await group('Milk');
    await t.must('menu.setSoldOut', { target: 'option', id: optionId(milk, 'Oat'), soldOut: true, until: 'today' });
    await t.must('menu.setSoldOut', { target: 'option', id: optionId(milk, 'Soy'), soldOut: true, until: 'manual' });
    await refused('menu.setSoldOut', { target: 'option', id: optionId(milk, 'Whole'), soldOut: true, until: 'today' }, 'CONFLICT', /^Milk is required: keep at least one milk available$/);
    // Extras is optional: all of it may run out.
    const extras = await group('Extras');
    for (const o of extras.options) await t.must('menu.setSoldOut', { target: 'option', id: o.id, soldOut: true, until: 'manual' });
    // Back on is always allowed; the default Whole, sold out... never was.
    expect(await t.call('menu.setSoldOut', { target: 'option', id: optionId(milk, 'Soy'), soldOut: false, until: 'manual' })).toMatchObject({ ok: true });
  });
});

describe('options taken more than once', () => {
  async function syrups() {
    const g = await t.must('menu.saveGroup', {
      name: 'Syrup pumps',
      minChoices: 0,
      maxChoices: 3,
      allowRepeat: true,
      options: [
        { name: 'Vanilla', priceDelta: 1000, isDefault: false },
        { name: 'Hazelnut', priceDelta: 1200, isDefault: false },
      ],
    });
    const latte = await item('Latte');
    await t.must('menu.attachGroup', { groupId: g.id, itemIds: [latte.id], categoryIds: [] });
    const defaults = (await item('Latte')).modifierGroups.flatMap((x) => x.options.filter((o) => o.isDefault).map((o) => o.id));
    return { g, latte, defaults, vanilla: optionId(g, 'Vanilla'), hazelnut: optionId(g, 'Hazelnut') };
  }

  test('2 pumps of vanilla are priced twice, shown as "2× Vanilla", and key one line however they are listed', async () => {
    t = await makeSetUpCore();
    const { latte, defaults, vanilla, hazelnut } = await syrups();
    const cart = await t.must('cart.addItem', { menuItemId: latte.id, optionIds: [vanilla, ...defaults, vanilla] });
    const line = cart.lines[0]!;
    expect(line.unitPrice).toBe(latte.price + 2000);
    expect(line.options.find((o) => o.id === vanilla)).toEqual({ id: vanilla, group: 'Syrup pumps', name: '2× Vanilla', priceDelta: 2000, count: 2 });
    const same = await t.must('cart.addItem', { menuItemId: latte.id, optionIds: [vanilla, vanilla, ...defaults.reverse()] });
    expect(same.lines).toHaveLength(1);
    expect(same.lines[0]!.quantity).toBe(2);
    const one = await t.must('cart.addItem', { menuItemId: latte.id, optionIds: [...defaults, vanilla, hazelnut] });
    expect(one.lines).toHaveLength(2);
    // The order snapshot says it in words too.
    const order = await mustCheckout();
    const detail = await t.must('orders.get', { orderId: order.id });
    expect(detail.lines[0]!.modifiers).toContainEqual({ group: 'Syrup pumps', name: '2× Vanilla', priceDelta: 2000 });
  });

  test('over the maximum, or a repeat in a group that does not allow it, is refused', async () => {
    t = await makeSetUpCore();
    const { latte, defaults, vanilla, hazelnut } = await syrups();
    await refused('cart.addItem', { menuItemId: latte.id, optionIds: [...defaults, vanilla, vanilla, vanilla, hazelnut] }, 'VALIDATION', /Choose at most 3 for syrup pumps/);
    const shot = optionId(await group('Extras'), 'Extra shot');
    await refused('cart.addItem', { menuItemId: latte.id, optionIds: [...defaults, shot, shot] }, 'VALIDATION', /Extra shot can be chosen once/);
    const milk = await group('Milk');
    await refused('cart.addItem', { menuItemId: latte.id, optionIds: [defaults[0]!, optionId(milk, 'Oat'), optionId(milk, 'Soy')] }, 'VALIDATION', /Choose at most 1 for milk/);
    await refused('cart.addItem', { menuItemId: latte.id, optionIds: [defaults[0]!] }, 'VALIDATION', /Choose a milk/);
  });
});

describe('cart.setLineOptions', () => {
  async function latteLine(optionNames: Record<string, string>) {
    const latte = await item('Latte');
    const ids = latte.modifierGroups.flatMap((g) => g.options.filter((o) => (optionNames[g.name] ? o.name === optionNames[g.name] : o.isDefault)).map((o) => o.id));
    return { latte, ids };
  }

  test('changes a line (price follows), merges into an equal line, keeps a line discount', async () => {
    t = await makeSetUpCore();
    const { latte, ids: plain } = await latteLine({});
    const { ids: oat } = await latteLine({ Milk: 'Oat' });
    const first = (await t.must('cart.addItem', { menuItemId: latte.id, optionIds: plain, quantity: 2 })).lines[0]!;
    await t.must('cart.setLineDiscount', { lineId: first.id, discount: { kind: 'amount', value: 500 }, reason: 'Spilled' });
    const changed = await t.must('cart.setLineOptions', { lineId: first.id, optionIds: oat });
    expect(changed.lines).toHaveLength(1);
    expect(changed.lines[0]).toMatchObject({ id: first.id, quantity: 2, unitPrice: latte.price + 3000, lineDiscount: 500 });
    expect(changed.lines[0]!.options.map((o) => o.name)).toContain('Oat');

    // Another plain latte, then changed to oat too: the two lines merge, quantities add, the discount stays.
    const second = (await t.must('cart.addItem', { menuItemId: latte.id, optionIds: plain })).lines.find((l) => l.id !== first.id)!;
    const merged = await t.must('cart.setLineOptions', { lineId: second.id, optionIds: oat });
    expect(merged.lines).toHaveLength(1);
    expect(merged.lines[0]).toMatchObject({ id: first.id, quantity: 3, lineDiscount: 500 });
    // The discount rules still apply at checkout.
    const paid = await checkout();
    expect(paid, JSON.stringify(paid)).toMatchObject({ ok: true });
  });

  test('a merge past 999 is refused with a message; invalid options are refused; nothing written', async () => {
    t = await makeSetUpCore();
    const { latte, ids: plain } = await latteLine({});
    const { ids: oat } = await latteLine({ Milk: 'Oat' });
    await t.must('cart.addItem', { menuItemId: latte.id, optionIds: oat, quantity: 600 });
    const line = (await t.must('cart.addItem', { menuItemId: latte.id, optionIds: plain, quantity: 500 })).lines[1]!;
    await refused('cart.setLineOptions', { lineId: line.id, optionIds: oat }, 'CONFLICT', /at most 999 of one item on a line/);
    await refused('cart.setLineOptions', { lineId: line.id, optionIds: [plain[0]!] }, 'VALIDATION', /Choose a milk/);
    await refused('cart.setLineOptions', { lineId: line.id, optionIds: [...plain, 'no-such-option'] }, 'VALIDATION', /not offered for Latte/);
    const milk = await group('Milk');
    await t.must('menu.setSoldOut', { target: 'option', id: optionId(milk, 'Soy'), soldOut: true, until: 'today' });
    const { ids: soy } = await latteLine({ Milk: 'Soy' });
    await refused('cart.setLineOptions', { lineId: line.id, optionIds: soy }, 'CONFLICT', /^Soy is sold out$/);
  });

  test("another person's line is NOT_FOUND", async () => {
    t = await makeSetUpCore();
    const { latte, ids } = await latteLine({ Milk: 'Oat' });
    const line = (await t.must('cart.addItem', { menuItemId: latte.id })).lines[0]!;
    await addStaff(t, 'barista', 'bea');
    await signInAs(t, 'bea');
    await refused('cart.setLineOptions', { lineId: line.id, optionIds: ids }, 'NOT_FOUND', /was not found/, 'bea');
  });
});
