// Issue 7 items 10, 11, 12, 24: the keyed audit and sign-in chains, what they detect, the sign-in
// history, the security events, and verification that never blocks the main event loop.
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterEach, describe, expect, test } from 'vitest';
import { AUDIT_CHAIN, AUTH_CHAIN, chainRows, keyedHash, startState, walk, type ChainRow } from '../../electron/audit/chain';
import { DISTINCT_SQL, queryPlan, SEQ_BEFORE_SQL, SEQ_FROM_SQL } from '../../electron/audit/auditQuery';
import { MAIN_THREAD_ROWS } from '../../electron/audit/chainVerifier';
import { addStaff, makeSetUpCore, OWNER, signInAs, type TestCore } from '../support/testCore';


/** A set-up shop without an open shift: these tests count audit entries exactly. */
const setUp = () => makeSetUpCore({}, { openShift: false });
let t: TestCore;
afterEach(() => t?.close());

const rows = (t: TestCore, table: string) => t.core.sqlite.prepare(`select * from ${table} order by seq`).all() as ChainRow[];
const dropTriggers = (t: TestCore, table: string) => {
  for (const name of t.core.sqlite.prepare(`select name from sqlite_master where type = 'trigger' and tbl_name = ?`).pluck().all(table) as string[]) {
    t.core.sqlite.exec(`drop trigger "${name}"`);
  }
};
const auditKey = (t: TestCore) => Buffer.from(JSON.parse(fs.readFileSync(path.join(t.dir, 'brewline.keys'), 'utf8')).auditKey, 'base64');
/** The rule audit rows had before the key: anyone with the file can recompute it. */
const sha256Rule = (r: ChainRow) =>
  createHash('sha256')
    .update(JSON.stringify([r.prev_hash, r.id, r.created_at, r.actor_user_id, r.approver_user_id, r.terminal_id, r.action, r.entity_type, r.entity_id, r.old_value, r.new_value, r.reason]))
    .digest('hex');

function appendTestEvents(t: TestCore, n: number, extra: Record<string, unknown> = {}) {
  t.core.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) t.core.services.audit.append({ actorUserId: null, action: 'test.event', entityType: 'test', entityId: String(i), newValue: { i }, ...extra });
  })();
}

/** The key store as it was before this version: it had not yet fixed where the unkeyed entries end. */
function forgetLegacyEnds(t: TestCore) {
  const file = path.join(t.dir, 'brewline.keys');
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete stored.legacyChainEnds;
  fs.writeFileSync(file, JSON.stringify(stored));
}

/** Restart the app (nothing remembered in memory) and sign the owner in again on window-1. */
async function restart(t: TestCore) {
  t.reopen();
  await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
}

/** Rewrites every row from `fromSeq` on with `hashOf`, as an attacker holding the file would. */
function rehash(t: TestCore, table: string, hashOf: (r: ChainRow, prev: string) => { alg: number; hash: string }) {
  const all = rows(t, table);
  let prev = '0'.repeat(64);
  const update = t.core.sqlite.prepare(`update ${table} set prev_hash = ?, hash = ?, alg = ? where seq = ?`);
  for (const r of all) {
    const next = hashOf({ ...r, prev_hash: prev }, prev);
    update.run(prev, next.hash, next.alg, r.seq);
    prev = next.hash;
  }
}

describe('item 10: a keyed chain nobody can recompute without the key', () => {
  test('new rows are alg 2, HMAC-SHA-256 with the audit key kept outside the database', async () => {
    t = await setUp();
    const audit = rows(t, 'audit_events');
    expect(audit.length).toBeGreaterThan(0);
    for (const r of audit) {
      expect(r.alg).toBe(2);
      expect(r.hash).toBe(keyedHash(AUDIT_CHAIN, auditKey(t), r.prev_hash, r));
      expect(r.hash).not.toBe(sha256Rule(r));
    }
    expect(rows(t, 'auth_events').every((r) => r.alg === 2)).toBe(true);
  });

  test('INSERT OR REPLACE cannot rewrite a row of either log', async () => {
    t = await setUp();
    const a = rows(t, 'audit_events')[0]!;
    expect(() => t.core.sqlite.prepare(`insert or replace into audit_events (seq, id, created_at, action, entity_type, entity_id, prev_hash, hash) values (?, ?, 1, 'x', 'x', 'x', '', '')`).run(a.seq, a.id)).toThrow(/append-only/);
    const e = rows(t, 'auth_events')[0]!;
    expect(() => t.core.sqlite.prepare(`insert or replace into auth_events (seq, id, event_type, successful, created_at) values (?, 'other', 'x', 1, 1)`).run(e.seq)).toThrow(/append-only/);
    expect(() => t.core.sqlite.prepare(`delete from auth_events`).run()).toThrow(/append-only/);
    expect(() => t.core.sqlite.prepare(`update auth_events set successful = 1`).run()).toThrow(/append-only/);
  });

  test('drop the triggers, delete a row, re-hash the rest (plain SHA-256, or HMAC with a wrong key): verify says broken', async () => {
    for (const attack of ['sha256', 'wrong key', 'downgrade to the legacy rule'] as const) {
      t = await setUp();
      appendTestEvents(t, 5);
      expect(await t.must('audit.verify', { full: true })).toMatchObject({ intact: true, checked: 7, legacy: 0 });
      dropTriggers(t, 'audit_events');
      t.core.sqlite.prepare(`delete from audit_events where entity_id = '2'`).run();
      const wrongKey = Buffer.alloc(32, 7);
      rehash(t, 'audit_events', (r, prev) =>
        attack === 'sha256'
          ? { alg: 2, hash: sha256Rule(r) }
          : attack === 'wrong key'
            ? { alg: 2, hash: keyedHash(AUDIT_CHAIN, wrongKey, prev, r) }
            : { alg: 1, hash: sha256Rule(r) },
      );
      await restart(t);
      const result = await t.must('audit.verify', {});
      expect(result.intact, attack).toBe(false);
      expect(result.problem).toMatch(/changed|removed/);
      // Found once, found every time after: a plain check does not forget the break.
      expect(await t.must('audit.verify', {}), attack).toMatchObject({ intact: false });
      expect(await t.must('audit.verify', { full: true }), attack).toMatchObject({ intact: false, scope: 'full' });
      expect(await t.must('audit.verify', {}), attack).toMatchObject({ intact: false, scope: 'full' });
      if (attack === 'downgrade to the legacy rule') {
        // Rewritten wholesale under the old public rule: the key store says this shop has no unkeyed
        // entries, so the very first one is a forgery (without that record it would walk clean).
        expect(walk(AUDIT_CHAIN, auditKey(t), chainRows(t.core.sqlite, AUDIT_CHAIN, 0), startState(), 0)).toMatchObject({ seq: 1 });
        const state = startState();
        expect(walk(AUDIT_CHAIN, auditKey(t), chainRows(t.core.sqlite, AUDIT_CHAIN, 0), state, 1_000)).toBeNull();
        expect(state.legacy).toBe(6);
      } else {
        expect(t.core.services.audit.verify()).toMatchObject({ seq: 1 });
      }
      t.close();
    }
  });

  test('legacy SHA-256 rows verify only as a prefix, and are counted', async () => {
    t = await setUp();
    // Make the existing rows look like an old database: rewritten with the pre-key rule (alg 1).
    dropTriggers(t, 'audit_events');
    rehash(t, 'audit_events', (r) => ({ alg: 1, hash: sha256Rule(r) }));
    t.core.sqlite.prepare(`delete from settings where key like 'chain.checkpoint.%'`).run();
    forgetLegacyEnds(t); // as if this database and key store came from before the keyed chain
    await restart(t);
    appendTestEvents(t, 2); // keyed rows continue the legacy chain
    const v = await t.must('audit.verify', {});
    expect(v).toMatchObject({ intact: true, checked: 4, legacy: 2, scope: 'full' });
    // A legacy-rule row after keyed rows is a forgery of the one rule anyone can compute.
    const last = rows(t, 'audit_events').at(-1)!;
    dropTriggers(t, 'audit_events');
    t.core.sqlite.prepare(`update audit_events set alg = 1, hash = ? where seq = ?`).run(sha256Rule(last), last.seq);
    expect(await t.must('audit.verify', { full: true })).toMatchObject({ intact: false, brokenAt: { seq: last.seq }, problem: expect.stringMatching(/older or unknown/) });
  });

  test('rewriting a whole log under the old unkeyed rule and deleting the checkpoint is still caught: the key store fixed where unkeyed entries end', async () => {
    t = await setUp();
    const stored = JSON.parse(fs.readFileSync(path.join(t.dir, 'brewline.keys'), 'utf8')) as { legacyChainEnds?: unknown };
    expect(stored.legacyChainEnds).toEqual({ audit_events: 0, auth_events: 0 }); // a new shop: no unkeyed entries, ever
    for (const table of ['audit_events', 'auth_events'] as const) {
      dropTriggers(t, table);
      rehash(t, table, (r) => (table === 'audit_events' ? { alg: 1, hash: sha256Rule(r) } : { alg: 0, hash: '' }));
    }
    t.core.sqlite.prepare(`delete from settings where key like 'chain.checkpoint.%'`).run();
    await restart(t); // the ends are read back from the key store, not measured again
    const v = await t.must('audit.verify', {});
    expect(v).toMatchObject({ intact: false, brokenAt: { seq: 1 }, problem: expect.stringMatching(/written after the keyed chain began/) });
    expect(v.signIns).toMatchObject({ intact: false, brokenAt: { seq: 1 } });
  });

  test('the chain head is the anchor: seq and hash of the newest entry, for both chains', async () => {
    t = await setUp();
    const v = await t.must('audit.verify', {});
    const lastAudit = rows(t, 'audit_events').at(-1)!;
    expect(v.head).toEqual({ seq: lastAudit.seq, hash: lastAudit.hash });
    expect(v.signIns.head?.seq).toBe(rows(t, 'auth_events').at(-1)!.seq);
    expect(v.signIns).toMatchObject({ intact: true, legacy: 0 });
  });

  test('cutting off the newest entries is detected (SQLite remembers the last seq it gave out)', async () => {
    t = await setUp();
    appendTestEvents(t, 3);
    dropTriggers(t, 'audit_events');
    const maxSeq = t.core.sqlite.prepare(`select max(seq) from audit_events`).pluck().get() as number;
    t.core.sqlite.prepare(`delete from audit_events where seq > ?`).run(maxSeq - 2);
    expect(await t.must('audit.verify', { full: true })).toMatchObject({ intact: false, problem: `Entries after #${maxSeq - 2} are missing` });
  });
});

describe('item 11: content can never break the chain', () => {
  test('lone surrogates, NUL and odd text in reason, old and new values and auth events still verify', async () => {
    t = await setUp();
    const odd = ['\ud800', 'a\udc00b', '\udbff\u0000x', 'e\u0301 \u202e emoji 😀', ''];
    t.core.sqlite.transaction(() => {
      for (const s of odd) {
        t.core.services.audit.append({ actorUserId: null, action: 'test.odd', entityType: s, entityId: s, oldValue: { note: s }, newValue: s, reason: s });
      }
    })();
    for (const s of odd) t.core.services.audit.appendAuthEvent({ type: 'test_odd', successful: false, usernameSubmitted: s, metadata: { s } });
    const stored = t.core.sqlite.prepare(`select reason from audit_events where action = 'test.odd' order by seq`).pluck().all();
    expect(stored[0]).toBe('\ufffd'); // what SQLite keeps is what was hashed
    expect(t.core.services.audit.verify()).toBeNull();
    await restart(t);
    const v = await t.must('audit.verify', { full: true });
    expect(v).toMatchObject({ intact: true, signIns: { intact: true } });
  });
});

describe('item 12: auth_events chained, shown, and the security events recorded', () => {
  test('a changed sign-in event is detected; legacy (alg 0) rows are an unchained prefix only', async () => {
    t = await setUp();
    await t.call('auth.loginPin', { username: 'olivia', pin: '000001' }, 'w2');
    expect((await t.must('audit.verify', { full: true })).signIns).toMatchObject({ intact: true, legacy: 0 });
    dropTriggers(t, 'auth_events');
    t.core.sqlite.prepare(`update auth_events set successful = 1 where event_type = 'login_pin' and successful = 0`).run();
    const v = await t.must('audit.verify', { full: true });
    expect(v.signIns).toMatchObject({ intact: false, problem: expect.stringMatching(/changed/) });
    expect(v.intact).toBe(true); // the audit trail itself is fine
  });

  test('legacy rows before the chain are counted; a legacy row after keyed rows is tampering', async () => {
    t = await setUp();
    dropTriggers(t, 'auth_events');
    // Two rows as the migration left them: alg 0, no hashes, at the start.
    t.core.sqlite.exec(`create temp table keep as select * from auth_events`);
    t.core.sqlite.exec(`delete from auth_events`);
    t.core.sqlite.exec(`insert into auth_events (id, event_type, username_submitted, successful, created_at) values ('legacy-1', 'login_pin', 'olivia', 1, 1), ('legacy-2', 'logout', 'olivia', 1, 2)`);
    t.core.sqlite.prepare(`delete from settings where key like 'chain.checkpoint.%'`).run();
    forgetLegacyEnds(t); // as if this database and key store came from before the keyed chain
    await restart(t); // app_start: the first keyed row after the legacy prefix
    t.core.services.audit.appendAuthEvent({ type: 'test', successful: true });
    const v = await t.must('audit.verify', {});
    expect(v.signIns).toMatchObject({ intact: true, legacy: 2 });
    dropTriggers(t, 'auth_events');
    t.core.sqlite.exec(`insert into auth_events (id, event_type, successful, created_at) values ('forged', 'login_pin', 1, 3)`);
    expect((await t.must('audit.verify', {})).signIns).toMatchObject({ intact: false, problem: expect.stringMatching(/older or unknown/) });
  });

  test('the sign-in history: filters by person, event, result and dates, pages by cursor; owner only', async () => {
    t = await setUp();
    const bea = await addStaff(t, 'barista', 'bea');
    await t.call('auth.loginPin', { username: 'bea', pin: '000001' }, 'till');
    t.clock.advance(24 * 3600_000);
    await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }); // a day later: a new session
    await signInAs(t, 'bea');
    const all = await t.must('audit.signIns', {});
    expect(all.events[0]).toMatchObject({ eventType: 'login_pin', successful: true, personName: 'Bea T.', terminalName: 'Till 1' });
    expect((await t.must('audit.signIns', { userId: bea.id })).events.map((e) => [e.eventType, e.successful])).toEqual([
      ['login_pin', true],
      ['login_pin', false],
    ]);
    expect((await t.must('audit.signIns', { eventType: 'login_pin', successful: false })).events.map((e) => e.usernameSubmitted)).toEqual(['bea']);
    expect((await t.must('audit.signIns', { userId: bea.id, fromDay: '2026-11-24', toDay: '2026-11-24' })).events).toHaveLength(1);
    const first = await t.must('audit.signIns', { limit: 2 });
    const second = await t.must('audit.signIns', { limit: 2, before: first.nextCursor! });
    expect(second.events[0]!.seq).toBeLessThan(first.events[1]!.seq);
    const filters = await t.must('audit.filters', {});
    expect(filters.signIns.eventTypes).toEqual(expect.arrayContaining(['app_start', 'login_pin', 'setup', 'audit_view']));
    expect(filters.signIns.people.map((p) => p.name)).toEqual(['Bea T.', 'Olivia R.']);
    expect(await t.call('audit.signIns', {}, 'bea')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('reading the log is recorded once per first page; refusals, app start and stop are recorded (PCI DSS 10.2.1)', async () => {
    t = await setUp();
    await addStaff(t, 'barista', 'bea');
    await signInAs(t, 'bea');
    const count = (type: string) => t.core.sqlite.prepare(`select count(*) from auth_events where event_type = ?`).pluck().get(type) as number;
    const page = await t.must('audit.list', { limit: 1 });
    await t.must('audit.list', { limit: 1, before: page.nextCursor! });
    await t.must('audit.signIns', {});
    expect(t.core.sqlite.prepare(`select json_extract(metadata, '$.log') from auth_events where event_type = 'audit_view' order by seq`).pluck().all()).toEqual(['audit', 'sign_ins']);

    expect(await t.call('staff.list', {}, 'bea')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const denied = t.core.sqlite.prepare(`select * from auth_events where event_type = 'permission_denied'`).all() as Record<string, unknown>[];
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ username_submitted: 'bea', successful: 0 });
    expect(JSON.parse(denied[0]!.metadata as string)).toEqual({ channel: 'staff.list' });
    expect((await t.must('audit.signIns', { eventType: 'permission_denied' })).events[0]).toMatchObject({ personName: 'Bea T.', detail: 'refused: staff.list' });

    expect(count('app_start')).toBe(1);
    await restart(t);
    expect([count('app_stop'), count('app_start')]).toEqual([1, 2]);
    expect((await t.must('audit.verify', { full: true })).signIns.intact).toBe(true);
    expect(count('audit_view')).toBe(3); // two first pages and the refusals' page; verify reads no entries
  });
});

describe('item 24: verification never freezes the till', () => {
  test('an edited checkpoint is detected; an intact chain then re-verifies clean', async () => {
    t = await setUp();
    await t.must('audit.verify', {});
    const raw = t.core.sqlite.prepare(`select value from settings where key = 'chain.checkpoint.audit_events'`).pluck().get() as string;
    const cp = JSON.parse(raw) as { count: number };
    dropTriggers(t, 'settings');
    t.core.sqlite.prepare(`update settings set value = ? where key = 'chain.checkpoint.audit_events'`).run(JSON.stringify({ ...cp, count: cp.count + 5 }));
    await restart(t);
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: false, scope: 'full', problem: 'The record of the last check was changed outside Brewline' });
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true, scope: 'recent' });
  });

  test('after a full check only newer entries are walked, on the main thread; the checked row itself is re-hashed', async () => {
    t = await setUp();
    // Two checks at once (a double click): one worker walk, the other continues from its checkpoint.
    const [a, b] = await Promise.all([t.must('audit.verify', {}), t.must('audit.verify', {})]);
    expect([a.scope, b.scope, a.intact, b.intact]).toEqual(['full', 'recent', true, true]);
    appendTestEvents(t, 10);
    expect(await t.must('audit.verify', {})).toMatchObject({ scope: 'recent', intact: true, checked: 12 });
    await restart(t); // the checkpoint survives a restart (settings, under its HMAC)
    appendTestEvents(t, 1);
    expect(await t.must('audit.verify', {})).toMatchObject({ scope: 'recent', intact: true, checked: 13 });
    // Too many new entries for the main thread: the worker walks everything.
    appendTestEvents(t, MAIN_THREAD_ROWS + 1);
    expect(await t.must('audit.verify', {})).toMatchObject({ scope: 'full', intact: true });
    // A day later everything is walked again (old entries can be edited too).
    t.clock.advance(25 * 3600_000);
    await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
    expect(await t.must('audit.verify', {})).toMatchObject({ scope: 'full' });
    // The checkpoint's own row is re-hashed, not just compared.
    dropTriggers(t, 'audit_events');
    t.core.sqlite.prepare(`update audit_events set reason = 'edited' where seq = (select max(seq) from audit_events)`).run();
    expect(await t.must('audit.verify', {})).toMatchObject({ scope: 'recent', intact: false });
  });

  test('filters, and the person/action/date filters, use indexes: no scan of audit_events, no temp B-tree', async () => {
    t = await setUp();
    const plans = [
      ...queryPlan(t.core.sqlite, DISTINCT_SQL('audit_events', 'action')),
      ...queryPlan(t.core.sqlite, DISTINCT_SQL('audit_events', 'actor_user_id')),
      ...queryPlan(t.core.sqlite, DISTINCT_SQL('auth_events', 'event_type')),
      ...queryPlan(t.core.sqlite, DISTINCT_SQL('auth_events', 'user_id')),
      ...t.core.services.auditQuery.listPlan({ actorUserId: 'u1' }),
      ...t.core.services.auditQuery.listPlan({ action: 'order.checkout', before: '1000' }),
      ...t.core.services.auditQuery.listPlan({ actorUserId: 'u1', action: 'order.checkout' }),
      ...t.core.services.auditQuery.listPlan({ actorUserId: 'u1', fromDay: '2026-11-01', toDay: '2026-11-30' }),
      ...t.core.services.auditQuery.listPlan({ action: 'order.checkout', fromDay: '2026-11-01' }),
      ...t.core.services.auditQuery.listPlan({ fromDay: '2026-01-01', toDay: '2026-11-30' }),
      ...queryPlan(t.core.sqlite, SEQ_FROM_SQL('audit_events'), [0]),
      ...queryPlan(t.core.sqlite, SEQ_BEFORE_SQL('audit_events'), [0]),
      ...t.core.services.signIns.plan({ userId: 'u1' }),
      ...t.core.services.signIns.plan({ fromDay: '2026-01-01', toDay: '2026-11-30' }),
      ...t.core.services.signIns.plan({ eventType: 'login_pin', successful: false }),
    ];
    console.log(plans.join('\n'));
    for (const line of plans) {
      expect(line).not.toMatch(/SCAN (audit_events|auth_events)\b(?! USING)/);
      expect(line).not.toMatch(/TEMP B-TREE/);
    }
    expect(plans.filter((l) => /USING (COVERING )?INDEX audit_events_action/.test(l)).length).toBeGreaterThan(0);
    expect(plans.filter((l) => /USING (COVERING )?INDEX audit_events_actor/.test(l)).length).toBeGreaterThan(0);
  });

  test('a full check of 200,000 entries runs in a worker: the main event loop stays free', { timeout: 180_000 }, async () => {
    t = await setUp();
    // Written straight into the table (same keyed rule as AuditLog.append, without its per-row head lookup).
    const key = auditKey(t);
    const head = rows(t, 'audit_events').at(-1)!;
    const insert = t.core.sqlite.prepare(
      `insert into audit_events (id, created_at, action, entity_type, entity_id, new_value, reason, alg, prev_hash, hash)
       values (@id, @created_at, @action, @entity_type, @entity_id, @new_value, @reason, 2, @prev_hash, @hash)`,
    );
    t.core.sqlite.transaction(() => {
      let prev = head.hash;
      for (let i = 0; i < 200_000; i++) {
        const row = { id: `bulk-${i}`, created_at: t.clock.now(), actor_user_id: null, approver_user_id: null, terminal_id: null, action: 'order.checkout', entity_type: 'order', entity_id: `o${i}`, old_value: null, new_value: `{"i":${i}}`, reason: 'bulk' };
        const hash = keyedHash(AUDIT_CHAIN, key, prev, row);
        insert.run({ ...row, prev_hash: prev, hash });
        prev = hash;
      }
    })();
    // The same walk on this thread, for scale.
    const started = performance.now();
    expect(walk(AUDIT_CHAIN, auditKey(t), chainRows(t.core.sqlite, AUDIT_CHAIN, 0), startState(), 0)).toBeNull();
    const inThread = performance.now() - started;

    let maxLag = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last - 5);
      last = now;
    }, 5);
    const result = await t.must('audit.verify', { full: true });
    clearInterval(timer);
    console.log(`200k entries: ${inThread.toFixed(0)} ms walked on the main thread; worker check kept the loop's worst lag at ${maxLag.toFixed(1)} ms`);
    expect(result).toMatchObject({ intact: true, scope: 'full', checked: 200_002 });
    expect(maxLag).toBeLessThan(200);
    expect(inThread).toBeGreaterThan(maxLag);
  });

  test('the bundled worker (esbuild, as in the app) walks both chains with its own read-only connection', async () => {
    t = await setUp();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'brewline-worker-'));
    await build({ entryPoints: ['electron/audit/verifyWorker.ts'], outfile: path.join(out, 'verifyWorker.js'), bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'silent' });
    // Next to node_modules, as out/main/ is in the app.
    const file = path.join(process.cwd(), 'out', `verifyWorker-test-${process.pid}.js`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(path.join(out, 'verifyWorker.js'), file);
    try {
      const walks = await new Promise<{ ok: boolean; walks: { table: string; broken: unknown; state: { count: number } }[] }>((resolve, reject) => {
        const w = new Worker(file, { workerData: { brewlineVerify: { dbPath: t.dbPath, key: new Uint8Array(auditKey(t)), tables: ['audit_events', 'auth_events'], legacyEnds: { audit_events: 0, auth_events: 0 } } } });
        w.once('message', (m) => resolve(m as never));
        w.once('error', reject);
      });
      expect(walks.ok).toBe(true);
      expect(walks.walks.map((w) => [w.table, w.broken])).toEqual([
        ['audit_events', null],
        ['auth_events', null],
      ]);
    } finally {
      fs.rmSync(file, { force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('the HMAC really is keyed: the same content under another key gives another hash', () => {
    const row = { id: 'x', created_at: 1 } as unknown as ChainRow;
    expect(keyedHash(AUTH_CHAIN, Buffer.alloc(32, 1), '0', row)).not.toBe(keyedHash(AUTH_CHAIN, Buffer.alloc(32, 2), '0', row));
    expect(keyedHash(AUTH_CHAIN, Buffer.alloc(32, 1), '0', row)).toBe(
      createHmac('sha256', Buffer.alloc(32, 1)).update(JSON.stringify(['auth_events', '0', 'x', 1, null, null, null, null, null, null, null])).digest('hex'),
    );
  });
});
