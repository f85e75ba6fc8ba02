// Defects found by an adversarial review of issue 10 (history, exports, reports, rollups), each
// pinned by the test that first failed: a save dialog answered with the app's own database, a
// report CSV whose folder cannot be written, a report refused only after its save dialog, and
// rollups behind the orders although their marker says they were built.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { OWN_FILE_MESSAGE } from '../../electron/core/savePaths';
import type { ExportProgress } from '../../electron/shared/contract';
import { makeHistoryCore, ring, setClock } from '../support/historyFixtures';
import { rollupRows } from '../support/reportFixtures';
import { newRequestId, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

async function exportTo(answer: string): Promise<ExportProgress> {
  t.saveDialog.answer = answer;
  const exportId = newRequestId();
  await t.must('orders.exportCsv', { exportId, filters: {} });
  for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 10))) {
    const p = await t.must('orders.exportProgress', { exportId });
    if (p.state !== 'running') return p;
  }
  throw new Error('the export did not finish');
}

const isSqlite = (file: string) => fs.readFileSync(file).subarray(0, 15).toString() === 'SQLite format 3';

describe('saving over the app’s own files', () => {
  test('an orders or report CSV is never written over the database, its WAL or the keys: refused in words, every order kept', async () => {
    t = await makeHistoryCore('2026-11-21 08:00');
    await setClock(t, '2026-11-21 09:30');
    const sold = await ring(t, [['Latte', 1]], 'card');
    const keyFile = path.join(t.dir, 'brewline.keys');
    const keys = fs.readFileSync(keyFile);
    // The names a person could pick in the data folder (any case on Windows and macOS).
    const own = [t.dbPath, `${t.dbPath}-wal`, keyFile, `${keyFile}.sealed`];
    for (const answer of own) {
      expect(await exportTo(answer)).toEqual({ state: 'failed', done: 0, total: 0, path: null, error: OWN_FILE_MESSAGE });
      t.saveDialog.answer = answer;
      expect(await t.call('reports.exportCsv', { from: '2026-11-21', to: '2026-11-21' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: OWN_FILE_MESSAGE } });
    }
    expect(isSqlite(t.dbPath)).toBe(true);
    expect(fs.readFileSync(keyFile)).toEqual(keys);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('.partial') || f.endsWith('.csv'))).toEqual([]);
    t.reopen();
    await setClock(t, '2026-11-21 09:40');
    expect((await t.must('orders.get', { orderId: sold.id })).total).toBe(sold.total);

    // The same folder under another name is the person's choice, as before.
    const mine = path.join(t.dir, 'brewline-orders.csv');
    expect(await exportTo(mine)).toMatchObject({ state: 'done', done: 1, path: mine });
  });
});

describe('reports.exportCsv', () => {
  test('a folder that cannot be written: refused with a sentence that says so (not "something went wrong, try again"), nothing left behind', async () => {
    t = await makeHistoryCore('2026-11-21 08:00');
    await setClock(t, '2026-11-21 09:30');
    await ring(t, [['Latte', 1]], 'card');
    t.saveDialog.answer = path.join(t.dir, 'no-such-folder', 'report.csv');
    expect(await t.call('reports.exportCsv', { from: '2026-11-21', to: '2026-11-21' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'That folder is not there any more. Export again and choose another place.' },
    });
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  test('a period the report refuses (hours over a month) is said before the save dialog opens, not after a file was chosen', async () => {
    t = await makeHistoryCore('2026-11-21 08:00');
    const asked = t.saveDialog.asked.length;
    const r = await t.call('reports.exportCsv', { from: '2026-11-01', to: '2026-11-30', bucket: 'hour' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Hours can be shown for at most 14 days: choose days, weeks or months', fields: { bucket: 'Choose days, weeks or months for a longer period' } },
    });
    expect(t.saveDialog.asked).toHaveLength(asked);
  });
});

describe('rollups behind their marker', () => {
  async function twoDays() {
    t = await makeHistoryCore('2026-11-21 08:00');
    await setClock(t, '2026-11-21 09:30');
    const first = await ring(t, [['Latte', 2]], 'card');
    await setClock(t, '2026-11-22 10:00');
    await ring(t, [['Croissant', 1]], 'cash');
    await t.must('refunds.issue', { requestId: newRequestId(), orderId: first.id, what: { kind: 'amount', amount: 1_000 }, tender: 'original', reason: 'Too cold' });
    return rollupRows(t.core.sqlite);
  }

  test('emptied (a repair, a restore of one table) with the marker still set: rebuilt at the next start, the report is whole again', async () => {
    const built = await twoDays();
    expect(built.length).toBeGreaterThan(0);
    t.core.sqlite.prepare(`delete from sales_rollups`).run();
    t.reopen();
    expect(rollupRows(t.core.sqlite)).toEqual(built);
    await setClock(t, '2026-11-22 10:05');
    const r = await t.must('reports.sales', { from: '2026-11-21', to: '2026-11-22' });
    expect({ orders: r.summary.ordersCount, refunds: r.summary.refundsCount }).toEqual({ orders: 2, refunds: 1 });
  });

  test('days sold or refunded by a version without rollups (downgraded, then upgraded again): rebuilt at the next start', async () => {
    const built = await twoDays();
    // The latest day's sale and refund as the older version wrote them: no rollup rows.
    t.core.sqlite.prepare(`delete from sales_rollups where business_day = '2026-11-22'`).run();
    t.reopen();
    expect(rollupRows(t.core.sqlite)).toEqual(built);
    // Only a refund on the latest day missing (a sale-free day after the upgrade).
    t.core.sqlite.prepare(`delete from sales_rollups where business_day = '2026-11-22' and dim in ('refundKind', 'refundReason')`).run();
    t.reopen();
    expect(rollupRows(t.core.sqlite)).toEqual(built);
  });
});
