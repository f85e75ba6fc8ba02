// CSV export of the filtered orders (orders.exportCsv / orders.exportProgress) through the router:
// the save dialog is the test's folder (FolderSaveDialog; answer = null is Cancel). The file's
// rows and columns exactly, formula cells made safe, cancel, a replayed export id, progress up to
// the total, thousands of orders, a failure that leaves nothing behind, and a main loop that keeps
// turning (and history pages that keep answering) while a big export runs on its own worker.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterEach, describe, expect, test } from 'vitest';
import type { ExportProgress, OrderFilters } from '../../electron/shared/contract';
import { csvCell } from '../../electron/orders/orderExport';
import { cloneOrders, makeHistoryCore, manila, ring, setClock } from '../support/historyFixtures';
import { addStaff, newRequestId, signInAs, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

const HEADER = [
  'Order number',
  'Business day',
  'Date and time (Asia/Manila)',
  'Staff',
  'Customer',
  'Phone',
  'Status',
  'Order subtotal',
  'Order discount',
  'Order tax',
  'Order total',
  'Tenders',
  'Refunded',
  'Item',
  'Options',
  'Note',
  'Quantity',
  'Unit price',
  'Line discount',
  'Line total',
];

/** Polls like the screen does until the export is no longer running. */
async function finished(exportId: string, senderId = 'window-1'): Promise<{ final: ExportProgress; seen: ExportProgress[] }> {
  const seen: ExportProgress[] = [];
  const until = Date.now() + 60_000;
  for (;;) {
    const p = await t.must('orders.exportProgress', { exportId }, senderId);
    seen.push(p);
    if (p.state !== 'running') return { final: p, seen };
    if (Date.now() > until) throw new Error('the export did not finish');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function readCsv(file: string): { raw: string; rows: string[][] } {
  const raw = fs.readFileSync(file, 'utf8');
  return { raw, rows: parse(raw.slice(1), { relax_column_count: false }) as string[][] };
}

async function exportAndWait(filters: OrderFilters, senderId = 'window-1') {
  const exportId = newRequestId();
  const started = await t.must('orders.exportCsv', { exportId, filters }, senderId);
  const { final, seen } = await finished(exportId, senderId);
  return { exportId, started, final, seen };
}

test('cells are quoted as csv-stringify quotes them (the export writes its own, for speed), and a line break in a note is quoted too', () => {
  const cells = ['plain', 'a,b', 'say "hi"', 'crlf\r\nhere', '', ' spaced ', 'Zoë 😀 李', "'=1+2", '"', ',', 'semi;colon', 'tab\there'];
  const byLibrary = (cell: string) => stringify([[cell, 'x']], { record_delimiter: 'windows' }).slice(0, -',x\r\n'.length);
  for (const cell of cells) expect(csvCell(cell), JSON.stringify(cell)).toBe(byLibrary(cell));
  // With CRLF records csv-stringify leaves a lone \n or \r bare, which a spreadsheet reads as a new row.
  expect(csvCell('extra hot\nno foam')).toBe('"extra hot\nno foam"');
  expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  const all = [...cells, 'extra hot\nno foam', 'cr\rhere'];
  expect(parse(`${all.map(csvCell).join(',')}\r\n`)).toEqual([all]);
});

describe('a month of three orders', () => {
  async function threeOrders() {
    t = await makeHistoryCore('2026-11-21 08:00');
    const latte = (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Latte')!;
    const croissant = (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Croissant')!;
    // X: a customer whose name is a formula, a note that is one too, a line discount.
    await setClock(t, '2026-11-21 09:30');
    await t.must('cart.addItem', { menuItemId: latte.id, quantity: 2, note: '@SUM(A1:A9)' });
    const cart = await t.must('cart.addItem', { menuItemId: croissant.id });
    await t.must('cart.setLineDiscount', { lineId: cart.lines.find((l) => l.name === 'Croissant')!.id, discount: { kind: 'amount', value: 500 }, reason: 'Regular' });
    await t.must('cart.setDetails', { contactName: '=HYPERLINK("http://evil.example","Click")', contactPhone: '+63 917 555 0101' });
    const x = (await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 50_000 }] })).order;
    // Y: split tenders, partly refunded. Z: cancelled. W: December, outside the month.
    await setClock(t, '2026-11-22 10:00');
    const y = await ring(t, [['Americano', 1]], { card: 10_000, rest: 'cash' }, { contact: { contactName: '-2+3' } });
    await t.must('refunds.issue', { requestId: newRequestId(), orderId: y.id, what: { kind: 'amount', amount: 3_000 }, tender: 'original', reason: 'Too cold' });
    await setClock(t, '2026-11-30 23:59');
    const z = await ring(t, [['Croissant', 1]], 'card', { contact: { contactName: 'Zoë 😀' } });
    await t.must('orders.cancel', { orderId: z.id, reason: 'Customer left' });
    await setClock(t, '2026-12-01 09:00');
    await ring(t, [['Latte', 1]], 'cash');
    // Names that reached the database some other way than the counter (older versions, imports).
    t.core.sqlite.prepare(`update orders set contact_name = ? where id = ?`).run('\tTabbed', z.id);
    return { x, y, z };
  }

  test('one row per line, the order’s columns first; money as plain decimals; formula cells neutralised; BOM and CRLF', async () => {
    await threeOrders();
    const { started, final } = await exportAndWait({ from: '2026-11-01', to: '2026-11-30' });
    expect(started).toMatchObject({ state: 'running', error: null });
    const file = path.join(t.dir, 'brewline-orders-2026-11-01-to-2026-11-30.csv');
    expect(final).toEqual({ state: 'done', done: 3, total: 3, path: file, error: null });
    expect(t.saveDialog.asked).toEqual([{ suggestedName: 'brewline-orders-2026-11-01-to-2026-11-30.csv', filter: { name: 'CSV (spreadsheet)', extensions: ['csv'] } }]);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const { raw, rows } = readCsv(file);
    expect(raw.startsWith('\ufeffOrder number,')).toBe(true);
    expect(raw.split('\r\n')).toHaveLength(rows.length + 1); // every record ends in CRLF
    expect(raw.replaceAll('\r\n', '')).not.toContain('\n');
    expect(rows).toEqual([
      HEADER,
      // Oldest first. X: 2 lattes with the default options and a note, a croissant with ₱5 off.
      ["BC-T1-20261121-0001", '2026-11-21', '2026-11-21 09:30:00', 'Olivia R.', `'=HYPERLINK("http://evil.example","Click")`, "'+63 917 555 0101", 'Paid', '425.00', '5.00', '45.00', '420.00', 'Cash 420.00', '0.00', 'Latte', 'Small, Whole', "'@SUM(A1:A9)", '2', '165.00', '0.00', '330.00'],
      ["BC-T1-20261121-0001", '2026-11-21', '2026-11-21 09:30:00', 'Olivia R.', `'=HYPERLINK("http://evil.example","Click")`, "'+63 917 555 0101", 'Paid', '425.00', '5.00', '45.00', '420.00', 'Cash 420.00', '0.00', 'Croissant', '', '', '1', '95.00', '5.00', '90.00'],
      ["BC-T1-20261122-0001", '2026-11-22', '2026-11-22 10:00:00', 'Olivia R.', "'-2+3", '', 'Partly refunded', '130.00', '0.00', '13.93', '130.00', 'Card 100.00; Cash 30.00', '30.00', 'Americano', 'Small', '', '1', '130.00', '0.00', '130.00'],
      ["BC-T1-20261130-0001", '2026-11-30', '2026-11-30 23:59:00', 'Olivia R.', "'\tTabbed", '', 'Cancelled', '95.00', '0.00', '10.18', '95.00', 'Card 95.00', '95.00', 'Croissant', '', '', '1', '95.00', '0.00', '95.00'],
    ]);
  });

  test('Cancel in the save dialog: state cancelled, no file; the same id again does not ask again', async () => {
    await threeOrders();
    t.saveDialog.answer = null;
    const exportId = newRequestId();
    expect(await t.must('orders.exportCsv', { exportId, filters: {} })).toEqual({ state: 'cancelled', done: 0, total: 0, path: null, error: null });
    expect(await t.must('orders.exportCsv', { exportId, filters: {} })).toMatchObject({ state: 'cancelled' });
    expect(await t.must('orders.exportProgress', { exportId })).toMatchObject({ state: 'cancelled' });
    expect(t.saveDialog.asked).toHaveLength(1);
    expect(t.saveDialog.asked[0]!.suggestedName).toBe('brewline-orders-until-2026-12-01.csv');
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.csv') || f.endsWith('.partial'))).toEqual([]);
  });

  test('a replayed export id (a double click, a resend) asks once and writes one file; its progress is its own person’s', async () => {
    await threeOrders();
    await addStaff(t, 'manager', 'max');
    await signInAs(t, 'max');
    const exportId = newRequestId();
    const filters: OrderFilters = { from: '2026-11-22', to: '2026-11-22' };
    const [a, b] = await Promise.all([t.must('orders.exportCsv', { exportId, filters }), t.must('orders.exportCsv', { exportId, filters })]);
    expect(a.state).toBe('running');
    expect(['running', 'done']).toContain(b.state);
    const { final } = await finished(exportId);
    expect(await t.must('orders.exportCsv', { exportId, filters })).toEqual(final);
    expect(t.saveDialog.asked).toHaveLength(1);
    expect(final).toMatchObject({ state: 'done', done: 1, total: 1, path: path.join(t.dir, 'brewline-orders-2026-11-22.csv') });
    expect(readCsv(final.path!).rows).toHaveLength(2);
    // Max cannot read (or replay) Olivia's export by its id.
    expect(await t.must('orders.exportProgress', { exportId }, 'max')).toEqual({ state: 'unknown', done: 0, total: 0, path: null, error: null });
    expect(await t.must('orders.exportProgress', { exportId: newRequestId() })).toMatchObject({ state: 'unknown' });
  });

  test('a folder that cannot be written: failed with a sentence, nothing left behind', async () => {
    await threeOrders();
    t.saveDialog.answer = path.join(t.dir, 'no-such-folder', 'orders.csv');
    const { final } = await exportAndWait({});
    expect(final).toEqual({ state: 'failed', done: 0, total: 0, path: null, error: 'That folder is not there any more. Export again and choose another place.' });
    // A name typed without .csv gets it.
    t.saveDialog.answer = path.join(t.dir, 'my orders');
    const named = await exportAndWait({});
    expect(named.final).toMatchObject({ state: 'done', done: 4, path: path.join(t.dir, 'my orders.csv') });
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});

describe('thousands of orders', () => {
  test('orders written out of time order (a till that syncs later, an import) still export with every line', async () => {
    t = await makeHistoryCore('2026-11-20 08:00');
    const model = await ring(t, [['Latte', 1], ['Croissant', 2], ['Americano', 1]], { card: 20_000, rest: 'cash' });
    // Written newest first (so rowids run against time), then more in between, written last.
    cloneOrders(t, model.id, 1_500, { firstAt: manila('2026-11-21 20:00'), stepMs: -20_000, businessDay: '2026-11-21', firstSeq: 1 });
    cloneOrders(t, model.id, 700, { firstAt: manila('2026-11-21 11:40') + 10_000, stepMs: 20_000, businessDay: '2026-11-21', firstSeq: 2_001 });
    const { final } = await exportAndWait({ from: '2026-11-21', to: '2026-11-21' });
    expect(final).toMatchObject({ state: 'done', done: 2_200, total: 2_200 });
    const { rows } = readCsv(final.path!);
    expect(rows).toHaveLength(1 + 2_200 * 3);
    // Oldest first, each order's lines in their order, tenders in the order paid.
    const times = rows.slice(1).map((r) => r[2]!);
    expect(times).toEqual([...times].sort());
    const byOrder = new Map<string, string[][]>();
    for (const r of rows.slice(1)) byOrder.set(r[0]!, [...(byOrder.get(r[0]!) ?? []), r]);
    expect(byOrder.size).toBe(2_200);
    for (const lines of byOrder.values()) {
      expect(lines.map((l) => [l[13], l[16]])).toEqual([['Latte', '1'], ['Croissant', '2'], ['Americano', '1']]);
      expect(lines[0]![11]).toBe('Card 200.00; Cash 285.00');
    }
  });


  test('2,500 orders: progress every 1,000 up to the total, every line in the file, and the main loop keeps turning', async () => {
    t = await makeHistoryCore('2026-11-20 08:00');
    const model = await ring(t, [['Latte', 1], ['Croissant', 2]], 'cash', { contact: { contactName: 'Ana' } });
    cloneOrders(t, model.id, 2_499, { firstAt: manila('2026-11-21 07:00'), stepMs: 10_000, businessDay: '2026-11-21', firstSeq: 1, contactName: (i) => `Guest ${i}` });
    const page = await t.must('orders.list', { limit: 5 }); // the shared worker is up

    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 5);
    try {
      const exportId = newRequestId();
      const began = performance.now();
      await t.must('orders.exportCsv', { exportId, filters: {} });
      // History pages keep answering while the export runs on its own worker.
      const during = await t.must('orders.list', { limit: 5, before: page.nextCursor! });
      expect(during.orders).toHaveLength(5);
      const { final, seen } = await finished(exportId);
      const took = performance.now() - began;
      expect(final).toMatchObject({ state: 'done', done: 2_500, total: 2_500 });
      // Reported as it went: never more than the total, never backwards, in steps of 1,000.
      const dones = seen.map((p) => p.done);
      expect(dones).toEqual([...dones].sort((a, b) => a - b));
      expect(seen.every((p) => p.done <= 2_500 && (p.total === 0 || p.total === 2_500))).toBe(true);
      expect(seen.every((p) => [0, 1_000, 2_000, 2_500].includes(p.done))).toBe(true);
      expect(ticks).toBeGreaterThan(took / 5 / 4); // the loop turned all along
      expect(longestGap).toBeLessThan(250);
      const { rows } = readCsv(final.path!);
      expect(rows).toHaveLength(1 + 2_500 * 2);
      expect(rows[1]!.slice(0, 7)).toEqual(['BC-T1-20261120-0001', '2026-11-20', '2026-11-20 08:00:00', 'Olivia R.', 'Ana', '', 'Paid']);
      expect(rows.at(-1)).toEqual(['BC-T1-20261121-2499', '2026-11-21', '2026-11-21 13:56:20', 'Olivia R.', 'Guest 2498', '', 'Paid', '355.00', '0.00', '38.04', '355.00', 'Cash 355.00', '0.00', 'Croissant', '', '', '2', '95.00', '0.00', '190.00']);
      expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(2_500);
    } finally {
      clearInterval(timer);
    }
  });
});
