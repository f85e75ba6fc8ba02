// The menu as CSV: export shape, formula neutralisation, round trip, spreadsheet-style files,
// preview (create/update/archive/reject with row numbers), all-or-nothing apply, stale previews,
// undo, limits, and the 2,000-item timing.
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, test } from 'vitest';
import { neutralise, unneutralise } from '../../electron/core/csvCells';
import { describeChange } from '../../renderer/src/format';
import { dbFingerprint } from '../support/snapshot';
import { addStaff, makeSetUpCore, newRequestId, signInAs, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

const HEADER = 'type,id,name,category,group,price,price_delta,sku,description,kind,color,available,favorite,default,min,max,repeat,groups,position,archived';

async function exported(t: TestCore) {
  const { csv, filename } = await t.must('menu.exportCsv', {});
  const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  return { csv, filename, records, row: (type: string, name: string) => records.find((r) => r.type === type && r.name === name)! };
}

/** The export with one cell of one row changed (rows found by type and name). */
function edit(csv: string, type: string, name: string, column: string, value: string): string {
  const rows = parse(csv, { bom: true }) as string[][];
  const col = rows[0]!.indexOf(column);
  const row = rows.find((r) => r[0] === type && r[2] === name)!;
  row[col] = value;
  return rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
}

const previewOf = (t: TestCore, csv: string) => t.must('menu.importPreview', { csv });

describe('export', () => {
  test('one file: categories, groups with their options, items; every column; prices as decimals; ids', async () => {
    t = await makeSetUpCore();
    const { csv, filename, records, row } = await exported(t);
    expect(filename).toMatch(/^menu-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.startsWith('\ufeff' + HEADER + '\r\n')).toBe(true);
    const kinds = records.map((r) => r.type);
    expect([...new Set(kinds)]).toEqual(['category', 'group', 'option', 'item']);
    expect(kinds.lastIndexOf('category')).toBeLessThan(kinds.indexOf('group'));
    expect(kinds.lastIndexOf('option')).toBeLessThan(kinds.indexOf('item'));
    expect(row('item', 'Latte')).toMatchObject({ category: 'Espresso', price: '165.00', available: 'yes', archived: 'no', groups: 'Size; Milk; Extras', sku: expect.stringMatching(/^480/) });
    expect(row('item', 'Latte').id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row('option', 'Oat')).toMatchObject({ group: 'Milk', price_delta: '30.00', default: 'no' });
    expect(row('group', 'Size')).toMatchObject({ min: '1', max: '1', repeat: 'no' });
    expect(row('category', 'Bakery')).toMatchObject({ kind: 'food', price: '' });
  });

  test('formula cells are neutralised on export and restored on import; negative deltas stay numbers', async () => {
    expect(neutralise('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    for (const s of ['+1', '-cmd', '@SUM(A1)', '\tx', '\rx', "'quoted", '=1+2']) expect(unneutralise(neutralise(s))).toBe(s);
    expect(neutralise('-10.00')).toBe('-10.00');
    expect(neutralise('Latte')).toBe('Latte');
    t = await makeSetUpCore();
    const latte = (await exported(t)).row('item', 'Latte');
    const p1 = await previewOf(t, edit((await exported(t)).csv, 'item', 'Latte', 'name', '=cmd|calc'));
    expect(p1.update).toEqual([expect.objectContaining({ name: 'Latte', detail: 'name “Latte” → “=cmd|calc”' })]);
    await t.must('menu.importApply', { token: p1.token });
    const again = await exported(t);
    expect(again.csv).toContain(`,'=cmd|calc,`);
    expect(again.records.find((r) => r.id === latte.id)!.name).toBe(`'=cmd|calc`);
    const round = await previewOf(t, again.csv);
    expect(round).toMatchObject({ create: [], update: [], archive: [], rejected: [] });
  });
});

describe('round trip', () => {
  test('export → import reports 0 changes, and applying it writes nothing', async () => {
    t = await makeSetUpCore();
    const { csv, records } = await exported(t);
    const p = await previewOf(t, csv);
    expect(p).toMatchObject({ create: [], update: [], archive: [], rejected: [], unchanged: records.length });
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.must('menu.importApply', { token: p.token })).toMatchObject({ created: 0, updated: 0, archived: 0 });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });

  test('a spreadsheet-style file: BOM, CRLF, quoted commas and quotes, "₱1,234.50", Yes/No, blank rows, fewer columns', async () => {
    t = await makeSetUpCore();
    const file =
      '\ufeffType,Name,Category,Price,Description,Available\r\n' +
      'item,Latte,Espresso,"₱1,234.50","Espresso, milk and ""love""",No\r\n' +
      ',,,,,\r\n' +
      'item,Cortado,Espresso,140,Small and strong,Yes\r\n' +
      'item,Pan de Sal,Bakery, 25.5 ,,\r\n';
    const p = await previewOf(t, file);
    expect(p.rejected).toEqual([]);
    expect(p.update).toEqual([
      { row: 2, kind: 'item', name: 'Latte', detail: 'price ₱165.00 → ₱1,234.50 — check: a change of more than half; description changed; available yes → no' },
    ]);
    expect(p.create.map((c) => [c.row, c.name, c.detail])).toEqual([
      [4, 'Cortado', 'new: ₱140.00 in Espresso'],
      [5, 'Pan de Sal', 'new: ₱25.50 in Bakery'],
    ]);
    await t.must('menu.importApply', { token: p.token });
    const latte = (await t.must('menu.admin', {})).items.find((i) => i.name === 'Latte')!;
    expect(latte).toMatchObject({ price: 123450, description: 'Espresso, milk and "love"', isAvailable: false, sku: expect.stringMatching(/^480/) });
  });

  test('semicolon-separated files (comma-decimal locales) are read too', async () => {
    t = await makeSetUpCore();
    const p = await previewOf(t, 'type;name;category;price\r\nitem;Cortado;Espresso;140.00\r\n');
    expect(p.create).toHaveLength(1);
  });

  test('price forms: accepted and refused, never floats', async () => {
    t = await makeSetUpCore();
    const rows = ['130', '130.5', '1,234.50', '₱99.99', 'PHP 5', '0', '12.345', '1.234,50', '1e3', 'abc', '-5.00', '10000.00', '(10.00)'];
    const file = 'type,name,category,price\n' + rows.map((price, i) => `item,Thing ${i},Espresso,"${price}"`).join('\n');
    const p = await previewOf(t, file);
    expect(p.create.map((c) => c.detail)).toEqual(['new: ₱130.00 in Espresso', 'new: ₱130.50 in Espresso', 'new: ₱1,234.50 in Espresso', 'new: ₱99.99 in Espresso', 'new: ₱5.00 in Espresso', 'new: ₱0.00 in Espresso']);
    expect(p.rejected.map((r) => r.row)).toEqual([8, 9, 10, 11, 12, 13, 14]);
    expect(p.rejected[0]!.reason).toBe('price “12.345” is not an amount like 130.00');
    expect(p.rejected[5]!.reason).toBe('price must be from 0.00 to 9999.99, not 10000.00');
  });
});

describe('preview', () => {
  test('creates, updates (in words), archives and rejected rows with row numbers; nothing written', async () => {
    t = await makeSetUpCore();
    const { csv, row } = await exported(t);
    let file = edit(csv, 'item', 'Latte', 'price', '140.00');
    file = edit(file, 'item', 'Mocha', 'archived', 'yes');
    file = edit(file, 'option', 'Oat', 'price_delta', '-10.00');
    file = edit(file, 'category', 'Tea', 'name', 'Teas');
    file += '\r\ncategory,,Frappes,,,,,,,drink,berry,,,,,,,Size,,';
    file += '\r\ngroup,,Whip,,,,,,,,,,,,1,1,no,,,';
    file += '\r\noption,,With whip,,Whip,,0,,,,,,,yes,,,,,,';
    file += '\r\noption,,No whip,,Whip,,-5,,,,,,,no,,,,,,';
    file += '\r\nitem,,Mocha Frappe,Frappes,,185.00,,MF-1,,,,,,,,,,Whip; Size,,';
    file += '\r\nitem,,Bad Price,Frappes,,abc,,,,,,,,,,,,,,';
    file += '\r\nitem,,Lost,Nowhere,,10,,,,,,,,,,,,,,';
    file = edit(file, 'item', 'Americano', 'sku', row('item', 'Latte').sku!);
    file = edit(file, 'item', 'Chai Latte', 'price', '170.00'); // its category cell still says "Tea", renamed "Teas" above
    const before = dbFingerprint(t.core.sqlite);
    const p = await previewOf(t, file);
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    const lines = file.split('\r\n').length;
    const rowOf = (name: string) => file.split('\r\n').findIndex((l) => l.startsWith('item,') && l.split(',')[2] === name) + 1;
    expect(p.rejected).toEqual([
      // Americano (row 19) comes first: Latte's row repeats its SKU, and Latte still holds it.
      { row: rowOf('Americano'), reason: `SKU ${row('item', 'Latte').sku} already belongs to “Latte”` },
      { row: rowOf('Latte'), reason: `SKU ${row('item', 'Latte').sku} is also on row ${rowOf('Americano')}` },
      { row: lines - 1, reason: 'price “abc” is not an amount like 130.00' },
      { row: lines, reason: 'No category “Nowhere” on the menu or in this file' },
    ]);
    expect(p.update.map((u) => `${u.name}: ${u.detail}`)).toEqual(
      expect.arrayContaining(['Oat (Milk): price ₱30.00 → -₱10.00', 'Tea: name “Tea” → “Teas”', 'Chai Latte: price ₱160.00 → ₱170.00']),
    );
    expect(p.archive).toEqual([expect.objectContaining({ kind: 'item', name: 'Mocha', detail: 'archived' })]);
    expect(p.create.map((c) => `${c.kind} ${c.name}: ${c.detail}`)).toEqual([
      'category Frappes: new: drink category',
      'group Whip: new: choose 1 to 1',
      'option With whip (Whip): new: ₱0.00 in Whip',
      'option No whip (Whip): new: -₱5.00 in Whip',
      'item Mocha Frappe: new: ₱185.00 in Frappes',
    ]);
    // Rejected rows block the apply: nothing is imported.
    const r = await t.call('menu.importApply', { token: p.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Fix the 4 rejected rows first') } });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });

  test('the same rules as the back office: unique names, SKUs, min ≤ max, required groups keep an available option, archived categories', async () => {
    t = await makeSetUpCore();
    const { row } = await exported(t);
    const file = [
      'type,id,name,category,group,price,sku,min,max,available,archived',
      'item,,latte,Espresso,,100,,,,,', // matches Latte by name (case-insensitive): an update, not a duplicate
      'category,,Espresso,,,,,,,,', // matches the existing category: unchanged
      `category,${row('category', 'Tea').id},Bakery,,,,,,,,`,
      'item,,Dup One,Espresso,,100,DUP,,,,',
      'item,,Dup Two,Espresso,,100,DUP,,,,',
      'group,,Sweetness,,,,,3,2,,',
      `option,${row('option', 'Small').id},Small,,Size,,,,,no,`,
      `option,${row('option', 'Medium').id},Medium,,Size,,,,,no,`,
      `option,${row('option', 'Large').id},Large,,Size,,,,,no,`,
      `category,${row('category', 'Bakery').id},Bakery,,,,,,,,yes`,
      'item,,Naïve ☕,Espresso,,100,,,,,',
      `item,${row('item', 'Latte').id},Latte 2,Espresso,,100,,,,,`,
      'item,,Ghost,Espresso,,100,,,,maybe,',
      'item,no-such-id,Ghost,Espresso,,100,,,,,',
      'category,,Fresh,,,,,,,,',
      'option,,Lonely,,Nowhere,,,,,,',
    ].join('\n');
    const p = await previewOf(t, file);
    const reasons = Object.fromEntries(p.rejected.map((r) => [r.row, r.reason]));
    expect(reasons).toEqual({
      4: 'A category is already called “Bakery”',
      6: 'SKU DUP is also on row 5',
      7: 'min (3) is more than max (2)',
      8: 'Size is required: keep at least one of its options available',
      11: 'Bakery still has 5 items: archive them or move them to another category in the file',
      13: 'Row 2 already changes “latte”',
      14: 'available must be yes or no, not “maybe”',
      15: 'No item has the id no-such-id: leave the id empty to add a new one',
      17: 'No modifier group “Nowhere” on the menu or in this file',
    });
    expect(p.update.map((u) => u.name)).toContain('Latte');
    expect(p.create.map((c) => c.name)).toEqual(['Dup One', 'Naïve ☕', 'Fresh']);
  });

  test('odd input: lone surrogates, control characters, unknown columns and types, extra cells, non-UTF-8, limits', async () => {
    t = await makeSetUpCore();
    expect(await t.call('menu.importPreview', { csv: 'type,name,category,price\nitem,Ok,Espresso,1\nitem,Bad \ud800 name,Espresso,1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Line 3 of the file: Contains a broken or invisible character (often from a pasted emoji). Retype it.' },
    });
    const p = await previewOf(t, 'type,name,category,price\nitem,Bad \u202e name,Espresso,1\nitem,Bell\u0007,Espresso,1\nwidget,X,,\nitem,Ok,Espresso,1,surprise\nitem,' + 'x'.repeat(1001) + ',Espresso,1\nitem,"Line\nbreak",Espresso,1');
    expect(p.rejected.map((r) => r.reason)).toEqual([
      'name: Contains a broken or invisible character (often from a pasted emoji). Retype it.',
      'name: Contains a broken or invisible character (often from a pasted emoji). Retype it.',
      'type must be category, group, option or item, not “widget”',
      'This row has more cells than the header has columns',
      'name is longer than 1000 characters',
      'name must be on one line',
    ]);
    const fail = async (csv: string, message: string | RegExp) =>
      expect(await t.call('menu.importPreview', { csv })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
    await fail('type,name,colour\nitem,X,red', /^Unknown column “colour”\. The columns are: type, id, name/);
    await fail('name,price\nX,1', /at least “type” and “name”/);
    await fail('type,name,name\nitem,X,Y', /appears twice/);
    await fail('type,name\nitem,Caf\ufffd', /not UTF-8 text/);
    await fail('type,name\nitem,"unclosed', /could not be read as CSV near line 2: a quote is never closed/);
    await fail('', /empty/);
    await fail('type,name\n' + 'item,x\n'.repeat(5001), /5,001 rows; at most 5,000/);
    await fail('type,name,description\n' + `item,x,${'d'.repeat(999)}\n`.repeat(2100), /larger than 2 MB/);
  });
});

describe('apply and undo', () => {
  test('a stale preview is refused: the menu changed meanwhile, or it was already applied', async () => {
    t = await makeSetUpCore();
    const { csv } = await exported(t);
    const p = await previewOf(t, edit(csv, 'item', 'Latte', 'price', '140.00'));
    const latte = (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Latte')!;
    await t.must('menu.updateItem', { menuItemId: latte.id, price: 17000 });
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('menu.importApply', { token: p.token })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'The menu changed since the preview; preview again' } });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    const p2 = await previewOf(t, edit(csv, 'item', 'Latte', 'price', '140.00'));
    await t.must('menu.importApply', { token: p2.token });
    expect(await t.call('menu.importApply', { token: p2.token })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('expired') } });
  });

  test('another person cannot apply my preview', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'manager', 'mara');
    await signInAs(t, 'mara');
    const p = await previewOf(t, 'type,name,category,price\nitem,Cortado,Espresso,150');
    expect(await t.call('menu.importApply', { token: p.token }, 'mara')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('apply: one transaction, one snapshot, audited; undo restores prices and names, removes unsold new rows, archives sold ones', async () => {
    t = await makeSetUpCore();
    const { csv } = await exported(t);
    let file = edit(csv, 'item', 'Latte', 'price', '140.00');
    file = edit(file, 'item', 'Americano', 'name', 'Long Black');
    file = edit(file, 'option', 'Oat', 'available', 'no');
    file += '\r\nitem,,Cortado,Espresso,,150.00,,CORT-1,,,,,,,,,,Size,,';
    file += '\r\nitem,,Piccolo,Espresso,,120.00,,,,,,,,,,,,,,';
    file += '\r\ncategory,,Frappes,,,,,,,drink,,,,,,,,,,';
    file += '\r\nitem,,Mocha Frappe,Frappes,,185.00,,,,,,,,,,,,,,';
    const audits = t.count('audit_events');
    const p = await previewOf(t, file);
    expect(p.rejected).toEqual([]);
    expect(await t.must('menu.importApply', { token: p.token })).toEqual({ created: 4, updated: 3, archived: 0, canUndo: true });
    expect(t.count('menu_snapshots')).toBe(1);
    const actions = t.core.sqlite.prepare(`select action from audit_events order by seq desc limit 8`).pluck().all();
    expect(actions).toContain('menu.import');
    expect(actions).toContain('menu.item.price');
    expect(t.count('audit_events')).toBe(audits + 8);
    const price = t.core.sqlite.prepare(`select old_value, new_value, reason from audit_events where action = 'menu.item.price'`).get() as Record<string, string>;
    expect(describeChange(price.old_value!, price.new_value!)).toContain('₱165.00 → ₱140.00');
    expect(price.reason).toBe('CSV import');
    const summary = t.core.sqlite.prepare(`select old_value, new_value from audit_events where action = 'menu.import'`).get() as Record<string, string | null>;
    expect(describeChange(summary.old_value!, summary.new_value!)).toMatch(/^created: 4, updated: 3, archived: 0, unchanged: \d+$/);
    const counter = (await t.must('menu.list', {})).flatMap((c) => c.items);
    expect(counter.find((i) => i.name === 'Latte')!.price).toBe(14000);
    expect(counter.find((i) => i.name === 'Cortado')!.modifierGroups.map((g) => g.name)).toEqual(['Size']);
    // Sell the new Cortado, leave Piccolo unsold, then undo.
    const cortado = counter.find((i) => i.name === 'Cortado')!;
    await t.must('cart.addItem', { menuItemId: cortado.id });
    await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 50000 }] });
    const view = await t.must('menu.importUndo', {});
    expect(view.items.find((i) => i.name === 'Latte')!.price).toBe(16500);
    expect(view.items.find((i) => i.name === 'Americano')).toBeDefined();
    expect(view.items.find((i) => i.name === 'Long Black')).toBeUndefined();
    expect(view.items.find((i) => i.name === 'Piccolo')).toBeUndefined();
    expect(view.items.find((i) => i.name === 'Cortado')).toMatchObject({ archived: true, sku: null, everSold: true });
    expect(view.categories.find((c) => c.name === 'Frappes')).toBeUndefined();
    expect(view.groups.find((g) => g.name === 'Milk')!.options.find((o) => o.name === 'Oat')!.isAvailable).toBe(true);
    const after = (await t.must('menu.list', {})).flatMap((c) => c.items);
    expect(after.find((i) => i.name === 'Cortado')).toBeUndefined();
    expect(t.core.sqlite.prepare(`select action from audit_events order by seq desc limit 1`).pluck().get()).toBe('menu.import.undo');
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true });
    // One step only.
    expect(await t.call('menu.importUndo', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'There is no import to undo' } });
    // And the menu exports as before the import (except the archived, sold Cortado).
    const round = await previewOf(t, csv);
    expect(round).toMatchObject({ create: [], update: [], archive: [], rejected: [] });
  });

  test('tricky names round-trip (";" in a group name, leading quotes and "=", commas and line breaks); a name can move in one file; undo untangles it', async () => {
    t = await makeSetUpCore();
    const file = [
      'type,name,category,group,price,price_delta,default,min,max,description,groups,kind',
      'group,Hot; Cold,,,,,,1,1,,,',
      'option,Hot,,Hot; Cold,,0,yes,,,,,',
      'option,Cold,,Hot; Cold,,"−₱5.00",no,,,,,',
      'category,Frappes,,,,,,,,,Hot; Cold; Size,drink',
      `item,'=Mocha Frappe,Frappes,,185,,,,,"Blended, iced\nwith whip",Size; Hot; Cold,`,
      "item,''Quoted,Frappes,,100,,,,,,,",
      'option,Vanilla,,Milk,,0,yes,,,,,', // a second default in a pick-one group
    ].join('\n');
    const p = await previewOf(t, file);
    expect(p.rejected).toEqual([{ row: 8, reason: 'Milk has 2 defaults but allows at most 1 choice' }]);
    const ok = await previewOf(t, file.slice(0, file.lastIndexOf('\n'))); // without the Vanilla row
    expect(ok.rejected).toEqual([]);
    await t.must('menu.importApply', { token: ok.token });
    const admin = await t.must('menu.admin', {});
    const frappe = admin.items.find((i) => i.name === '=Mocha Frappe')!;
    expect(frappe.description).toBe('Blended, iced\nwith whip');
    expect(admin.items.find((i) => i.name === "'Quoted")).toBeDefined();
    expect(frappe.groupIds.map((id) => admin.groups.find((g) => g.id === id)!.name)).toEqual(['Size', 'Hot; Cold']);
    expect(admin.groups.find((g) => g.name === 'Hot; Cold')!.options.map((o) => [o.name, o.priceDelta])).toEqual([['Hot', 0], ['Cold', -500]]);
    const round = await previewOf(t, (await exported(t)).csv);
    expect(round).toMatchObject({ create: [], update: [], archive: [], rejected: [] });

    // Tea → Teas and a new "Tea" in the same file; Mocha → Mocha Classic and a new Mocha, which sells.
    const { csv } = await exported(t);
    let moved = edit(csv, 'category', 'Tea', 'name', 'Teas');
    moved = edit(moved, 'item', 'Mocha', 'name', 'Mocha Classic');
    moved += '\r\ncategory,,Tea,,,,,,,food,,,,,,,,,,\r\nitem,,Mocha,Espresso,,99.00,,,,,,,,,,,,,,';
    const p2 = await previewOf(t, moved);
    expect(p2.rejected).toEqual([]);
    await t.must('menu.importApply', { token: p2.token });
    const newMocha = (await t.must('menu.admin', {})).items.find((i) => i.name === 'Mocha')!;
    await t.must('cart.addItem', { menuItemId: newMocha.id });
    const view = await t.must('menu.importUndo', {});
    expect(view.categories.filter((c) => c.name.startsWith('Tea')).map((c) => [c.name, c.slug, c.kind])).toEqual([['Tea', 'tea', 'drink']]);
    expect(view.items.filter((i) => i.name.startsWith('Mocha')).map((i) => [i.name, i.archived])).toEqual([
      ['Mocha', false],
      ['Mocha (undone import)', true],
    ]);
    // The first import is still there; the menu is as it was before the second one.
    expect((await previewOf(t, csv)).update).toEqual([]);
  });

  test('undo with nothing imported is a plain refusal', async () => {
    t = await makeSetUpCore();
    expect(await t.call('menu.importUndo', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'There is no import to undo' } });
  });

  test('a 200-item file, and 2,000 items previewed and applied quickly', async () => {
    t = await makeSetUpCore();
    const file = (n: number, price: string) =>
      'type,name,category,price,sku,groups\n' + Array.from({ length: n }, (_, i) => `item,Item ${i},Espresso,${price},SKU-${i},Size; Milk`).join('\n');
    const small = await previewOf(t, file(200, '100.00'));
    expect(small.create).toHaveLength(200);
    await t.must('menu.importApply', { token: small.token });
    let start = performance.now();
    const big = await previewOf(t, file(2000, '120.00'));
    const previewMs = performance.now() - start;
    expect(big).toMatchObject({ rejected: [] });
    expect(big.create).toHaveLength(1800);
    expect(big.update).toHaveLength(200);
    start = performance.now();
    expect(await t.must('menu.importApply', { token: big.token })).toMatchObject({ created: 1800, updated: 200 });
    const applyMs = performance.now() - start;
    console.log(`CSV import of 2,000 items: preview ${previewMs.toFixed(0)} ms, apply ${applyMs.toFixed(0)} ms`);
    expect(previewMs + applyMs).toBeLessThan(2000); // the bench holds the < 1 s budget; CI machines are shared
    start = performance.now();
    await t.must('menu.importUndo', {});
    console.log(`undo of it: ${(performance.now() - start).toFixed(0)} ms`);
    expect((await t.must('menu.admin', {})).items.filter((i) => i.name.startsWith('Item ')).every((i) => i.price === 10000)).toBe(true);
  });
});
