// Z reports: numbered per till at close, stored once as canonical JSON with its hash and the audit
// chain head, listed newest first, read back with the hash checked, printed with REPRINT on
// every copy after the first.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../electron/shifts/zReportContent';
import { countAndClose, move, openShiftId, sellLattes, setUpWithoutShift } from '../support/shiftFixtures';
import { addStaff, openShift, signInAs, STAFF_PIN, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** One shift: ₱1,000 float, a cash latte, two card lattes, a ₱200 pay-out for milk, counted ₱20 short, approved by Mia. */
async function closedDay() {
  t = await setUpWithoutShift();
  await addStaff(t, 'manager', 'mia');
  await addStaff(t, 'barista', 'bea');
  await signInAs(t, 'bea');
  await openShift(t, 100_000, 'bea');
  const first = await sellLattes(t, 1, undefined, 'bea');
  const last = await sellLattes(t, 2, [{ method: 'card', amount: 33_000, reference: 'AUTH 1' }], 'bea');
  await move(t, 'pay_out', 20_000, { category: 'Supplies', reason: 'Milk <2 L>' }, 'bea');
  const shiftId = await openShiftId(t, 'bea');
  const x = await t.must('shifts.xReport', {}); // the owner's X report (a barista's count is blind)
  const count = await t.must('shifts.count', { shiftId, count: { counts: [{ value: 50_000, count: 1 }, { value: 20_000, count: 2 }, { value: 1_000, count: 4 }, { value: 500, count: 1 }] } }, 'bea');
  const { approvalId } = await t.must('override.approve', { username: 'mia', pin: STAFF_PIN, action: 'shift.variance', params: { shiftId, variance: count.variance } }, 'bea');
  const z = await t.must('shifts.close', { shiftId, leftInDrawer: 50_000, varianceReason: 'Short <b>twenty</b>', approvalId }, 'bea');
  return { shiftId, x, count, z, first: first.order.orderNumber, last: last.order.orderNumber };
}

describe('the Z report at close', () => {
  test('shows the shift’s figures, the cash block and the movements, sealed with its hash and the audit chain head', async () => {
    const { shiftId, x, count, z, first, last } = await closedDay();
    expect(count).toMatchObject({ expected: 96_500, variance: -2_000, needsApproval: true });
    expect(z).toMatchObject({
      number: 1,
      shiftId,
      shopName: 'Brews & Chews',
      timezone: 'Asia/Manila',
      terminalName: 'Till 1',
      currency: 'PHP',
      businessDay: '2026-11-23',
      openedBy: 'Bea T.',
      closedBy: 'Bea T.',
      firstOrderNumber: first,
      lastOrderNumber: last,
      cancellations: 0,
      intact: true,
      printedBefore: false,
      cash: {
        openingFloat: 100_000,
        expected: 96_500,
        counted: { total: 94_500, counts: [{ value: 50_000, count: 1 }, { value: 20_000, count: 2 }, { value: 1_000, count: 4 }, { value: 500, count: 1 }] },
        variance: -2_000,
        varianceReason: 'Short <b>twenty</b>',
        approvedBy: 'Mia T.',
        leftInDrawer: 50_000,
        counts: 1,
      },
    });
    // The same figures the X report showed just before (nothing happened in between).
    expect(z.figures).toEqual(x.figures);
    expect(z.figures).toMatchObject({ gross: 49_500, net: 49_500, ordersCount: 2, tenders: { cash: { collected: 16_500 }, card: { collected: 33_000 } }, expectedCash: 96_500 });
    expect(z.movements).toMatchObject([{ kind: 'pay_out', amount: 20_000, category: 'Supplies', by: 'Bea T.' }]);

    const row = t.core.sqlite.prepare(`select * from z_reports`).get() as Record<string, string | number>;
    const { id, contentHash, auditHead, printedBefore, intact, ...content } = z;
    expect(row.content).toBe(canonicalJson(content));
    expect(JSON.parse(row.content as string)).toEqual(content);
    expect(contentHash).toBe(sha256(row.content as string));
    expect(row).toMatchObject({ id, number: 1, shift_id: shiftId, business_day: '2026-11-23', content_hash: contentHash, audit_head: auditHead });
    // The chain head right after the close event, which names the Z number.
    const close = t.core.sqlite.prepare(`select hash, new_value from audit_events where action = 'shift.close'`).get() as { hash: string; new_value: string };
    expect(auditHead).toBe(close.hash);
    expect(JSON.parse(close.new_value)).toEqual({ zNumber: 1, counted: 94_500, expected: 96_500, variance: -2_000, leftInDrawer: 50_000 });
    expect(printedBefore || !intact).toBe(false);
  });

  test('canonical JSON: key order does not matter, the text is the same', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ a: [{ c: 'x', d: null }], b: 1 })).toBe(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] }));
    expect(() => canonicalJson({ a: 0.5 })).toThrow();
  });

  test('numbered 1, 2, 3 on the till; listed newest first a page at a time; baristas cannot list them', async () => {
    t = await setUpWithoutShift();
    await addStaff(t, 'barista', 'bea');
    await signInAs(t, 'bea');
    const numbers: number[] = [];
    for (let i = 0; i < 3; i++) {
      await openShift(t, i * 1_000);
      if (i === 1) await sellLattes(t);
      numbers.push((await countAndClose(t, 1_000)).number);
    }
    expect(numbers).toEqual([1, 2, 3]);
    const list = await t.must('zreports.list', {});
    expect(list.reports.map((r) => r.number)).toEqual([3, 2, 1]);
    expect(list.reports[1]).toMatchObject({ terminalName: 'Till 1', businessDay: '2026-11-23', closedBy: 'Olivia R.', net: 16_500, variance: 0, currency: 'PHP' });
    expect(list.nextCursor).toBeNull();
    expect(await t.must('zreports.list', { before: '2' })).toMatchObject({ reports: [{ number: 1 }], nextCursor: null });
    expect(await t.call('zreports.list', {}, 'bea')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The same number twice on a till is refused by the database itself.
    const z1 = t.core.sqlite.prepare(`select * from z_reports where number = 1`).get() as Record<string, unknown>;
    expect(() => t.core.sqlite.prepare(`insert into z_reports (id, terminal_id, number, shift_id, business_day, content, content_hash, audit_head, closed_by, created_at) values ('x', @terminal_id, 1, 'y', '', '', '', '', @closed_by, 0)`).run(z1)).toThrow(/UNIQUE/);
  });

  test('pages: 25 reports come back 20 then 5', async () => {
    t = await setUpWithoutShift();
    for (let i = 0; i < 25; i++) {
      await openShift(t);
      await countAndClose(t);
    }
    const page1 = await t.must('zreports.list', {});
    expect(page1.reports).toHaveLength(20);
    expect(page1.reports[0]!.number).toBe(25);
    const page2 = await t.must('zreports.list', { before: page1.nextCursor! });
    expect(page2.reports.map((r) => r.number)).toEqual([5, 4, 3, 2, 1]);
    expect(page2.nextCursor).toBeNull();
  });
});

describe('a stored Z report is immutable', () => {
  test('the database refuses edits and deletes of Z reports, their prints and the closed shift', async () => {
    const { shiftId } = await closedDay();
    const db = t.core.sqlite;
    expect(() => db.prepare(`update z_reports set content = '{}'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`delete from z_reports`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`update shifts set variance = 0 where id = ?`).run(shiftId)).toThrow(/closed once/);
    expect(() => db.prepare(`delete from shifts`).run()).toThrow(/never deleted/);
    await t.must('zreports.print', { id: (db.prepare(`select id from z_reports`).pluck().get() as string) });
    expect(() => db.prepare(`delete from z_report_prints`).run()).toThrow(/append-only/);
  });

  test('text changed behind the triggers’ back shows: intact is false and the printout says so', async () => {
    const { z } = await closedDay();
    t.core.sqlite.exec('drop trigger z_reports_no_update');
    const forged = (t.core.sqlite.prepare(`select content from z_reports`).pluck().get() as string).replace('"variance":-2000', '"variance":0');
    t.core.sqlite.prepare(`update z_reports set content = ?`).run(forged);
    const read = await t.must('zreports.get', { id: z.id });
    expect(read).toMatchObject({ intact: false, cash: { variance: 0 } });
    await t.must('zreports.print', { id: z.id });
    expect(t.printer.jobs[0]!.html).toContain('ALTERED');
  });
});

describe('printing', () => {
  test('the first copy is plain, every later print or PDF is marked REPRINT; each copy is recorded and audited', async () => {
    const { z, first, last } = await closedDay();
    expect(await t.must('zreports.print', { id: z.id }, 'bea')).toEqual({ printer: 'default printer', reprint: false });
    const html = t.printer.jobs[0]!.html;
    expect(html).not.toContain('REPRINT');
    for (const text of [
      'Brews &amp; Chews', 'Z REPORT No. 1', 'Till 1', '2026-11-23', first, last, 'Gross sales', '₱495.00', 'Net sales', 'Tax (included)', 'at 12%',
      'Card', '₱330.00', 'Cash', '₱165.00', 'Total collected', 'Opening float', '₱1,000.00', 'Expected', '₱965.00', 'Counted', '₱945.00', '2 × ₱200.00',
      'Short ₱20.00', 'Short &lt;b&gt;twenty&lt;/b&gt;', 'Mia T.', 'Left in drawer', '₱500.00', 'Pay out (Supplies)', 'Milk &lt;2 L&gt;', 'Espresso', 'Bea T.', z.contentHash,
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).not.toContain('<b>twenty');
    expect(await t.must('zreports.print', { id: z.id })).toEqual({ printer: 'default printer', reprint: true });
    expect(t.printer.jobs[1]!.html).toContain('REPRINT');
    expect(await t.must('zreports.savePdf', { id: z.id })).toEqual({ saved: true, path: '/tmp/z-report-1-2026-11-23.pdf', reprint: true });
    expect(t.printer.pdfs[0]!.html).toContain('REPRINT');
    expect(await t.must('zreports.get', { id: z.id }, 'bea')).toMatchObject({ printedBefore: true, intact: true });
    expect(t.core.sqlite.prepare(`select kind from z_report_prints order by created_at, id`).pluck().all()).toEqual(['print', 'print', 'pdf']);
    const audits = t.core.sqlite.prepare(`select new_value from audit_events where action = 'zreport.print' order by seq`).pluck().all() as string[];
    expect(audits.map((a) => JSON.parse(a))).toEqual([
      { number: 1, kind: 'print', reprint: false },
      { number: 1, kind: 'print', reprint: true },
      { number: 1, kind: 'pdf', reprint: true },
    ]);
  });

  test('an unknown report is NOT_FOUND; without the desktop app there is no printer and nothing is recorded', async () => {
    const { z } = await closedDay();
    expect(await t.call('zreports.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('zreports.print', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { createCore } = await import('../../electron/core/createCore');
    const { FileKeyProvider } = await import('../../electron/core/keys');
    const path = await import('node:path');
    t.core.close();
    const bare = createCore({ dbPath: t.dbPath, trustedOrigins: ['https://brewline.test'], keys: new FileKeyProvider(path.join(t.dir, 'brewline.keys'), {}), logger: { info() {}, error() {} } });
    const ctx = { senderId: 'w', frameUrl: 'https://brewline.test/', isMainFrame: true };
    await bare.call(ctx, 'auth.loginPin', { username: 'olivia', pin: '482913' });
    for (const channel of ['zreports.print', 'zreports.savePdf']) {
      expect(await bare.call(ctx, channel, { id: z.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Printing is available in the desktop app' } });
    }
    expect(bare.sqlite.prepare(`select count(*) from z_report_prints`).pluck().get()).toBe(0);
    bare.close();
    t.reopen();
  });
});
