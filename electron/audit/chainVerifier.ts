// Checks both keyed chains without freezing the till: a short walk of the entries added since a
// keyed checkpoint on the main thread, and every full walk on a worker thread (DESIGN.md §8).
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChainCheck } from '../shared/contract';
import type { Deps } from '../core/deps';
import type { LegacyChainEnds } from '../core/keys';
import { CHAINS, chainRows, KEYED_ALG, tailCut, walk, type Broken, type ChainRow, type ChainSpec, type WalkState } from './chain';
import type { ChainWalk, VerifyJob } from './verifyWorker';

/** At most this many new entries are walked on the main thread (a few ms); more go to the worker. */
export const MAIN_THREAD_ROWS = 1000;
/** Older than this, the next check walks everything again (in the worker): old rows can be edited too. */
export const FULL_CHECK_EVERY_MS = 24 * 60 * 60_000;

type Table = ChainSpec['table'];

/** The last verified link, kept in `settings` under an HMAC so an edited checkpoint is detected. */
interface Checkpoint {
  seq: number;
  id: string;
  hash: string;
  /** The checked row's prev_hash: the walk restarts at that row, so a change to it is seen too. */
  prev: string;
  link: string;
  keyed: boolean;
  legacy: number;
  count: number;
  fullAt: number;
}

const settingsKey = (table: Table) => `chain.checkpoint.${table}`;

function checkpointMac(key: Buffer, table: Table, c: Checkpoint): string {
  const fields = [table, c.seq, c.id, c.hash, c.prev, c.link, c.keyed, c.legacy, c.count, c.fullAt];
  return createHmac('sha256', key).update(JSON.stringify(['checkpoint', ...fields])).digest('hex');
}

/** The worker script: the bundled JS next to main.js in the app, the TypeScript source (via tsx) in tests. */
function workerEntry(): { file: string; execArgv?: string[] } {
  const js = path.join(__dirname, 'verifyWorker.js');
  if (fs.existsSync(js)) return { file: js };
  return { file: path.join(__dirname, 'verifyWorker.ts'), execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')] };
}

/** Starts a full walk of the given chains on a worker thread with its own read-only connection. */
export function verifyInWorker(job: VerifyJob, track?: (worker: Worker | null) => void): Promise<ChainWalk[]> {
  const { file, execArgv } = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { brewlineVerify: job }, ...(execArgv ? { execArgv } : {}) });
    track?.(worker);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      track?.(null);
      fn();
      void worker.terminate();
    };
    worker.once('message', (m: { ok: true; walks: ChainWalk[] } | { ok: false; error: string }) =>
      finish(() => (m.ok ? resolve(m.walks) : reject(new Error(`audit verify worker: ${m.error}`)))),
    );
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`audit verify worker stopped (exit ${code})`))));
  });
}

export type ChainChecks = Record<Table, ChainCheck>;

export class ChainVerifier {
  private readonly memo = new Map<Table, Checkpoint>();
  private running: Promise<unknown> | null = null;
  private worker: Worker | null = null;
  private closed = false;

  constructor(
    private readonly deps: Pick<Deps, 'sqlite' | 'clock' | 'logger'>,
    private readonly key: () => Buffer,
    private readonly source: { dbPath: string; nativeBinding?: string },
    private readonly legacyEnds: LegacyChainEnds,
  ) {}

  /**
   * Both chains. Each is walked only from its checkpoint when that is valid, recent and close to
   * the head; otherwise (or with `full`) in a worker thread while the main loop stays free.
   */
  async verify(options: { full?: boolean } = {}): Promise<ChainChecks> {
    // One full walk at a time; a request made meanwhile continues from the checkpoint it leaves.
    while (this.running) await this.running.catch(() => undefined);
    const key = this.key();
    const now = this.deps.clock.now();
    const result: Partial<ChainChecks> = {};
    const full: Table[] = [];
    const doubts = new Map<Table, string>();
    const checkpoints = new Map<Table, Checkpoint>();
    for (const spec of CHAINS) {
      const loaded = this.checkpoint(spec.table, key);
      if (loaded === 'altered') doubts.set(spec.table, 'The record of the last check was changed outside Brewline');
      else if (loaded) checkpoints.set(spec.table, loaded);
      const check = options.full || loaded === 'altered' ? null : this.recent(spec, key, now, loaded);
      if (check) result[spec.table] = check;
      else full.push(spec.table);
    }
    if (full.length) {
      const run = verifyInWorker(
        { dbPath: this.source.dbPath, nativeBinding: this.source.nativeBinding, key: new Uint8Array(key), tables: full, legacyEnds: this.legacyEnds },
        (w) => (this.worker = w),
      );
      this.running = run;
      try {
        for (const w of await run) {
          const table = w.table as Table;
          const cp = checkpoints.get(table);
          // A chain rewritten wholesale (e.g. every entry turned into a legacy one) walks clean, but
          // no longer holds the row the last check saw.
          const broken = w.broken ?? (cp ? this.contradicts(table, cp, w.state) : null);
          if (this.closed) throw new Error('closed while checking the audit trail');
          if (!broken) this.save(table, key, w.state, now);
          // A break found stays found: the checkpoint stays as a witness, and the next check walks everything.
          else if (cp) this.save(table, key, null, 0, cp);
          result[table] = toCheck(w.state, broken, 'full', broken ? null : now, doubts.get(table));
        }
      } finally {
        this.running = null;
      }
    }
    // The anchor is the newest row as it stands, even when the walk stopped at a broken one.
    for (const spec of CHAINS) {
      const check = result[spec.table]!;
      check.head = this.deps.sqlite.prepare<[], { seq: number; hash: string }>(`select seq, hash from ${spec.table} order by seq desc limit 1`).get() ?? null;
    }
    return result as ChainChecks;
  }

  /** Stops a running worker (core.close). */
  close(): void {
    this.closed = true;
    void this.worker?.terminate();
  }

  /** The walk from the checkpoint on this thread, or null when it must be a full walk. */
  private recent(spec: ChainSpec, key: Buffer, now: number, cp: Checkpoint | null): ChainCheck | null {
    if (!cp || now - cp.fullAt > FULL_CHECK_EVERY_MS) return null;
    // From the checkpoint's own row on: it must still be the row that was checked, and still hash right.
    const rows = [...chainRows(this.deps.sqlite, spec, cp.seq - 1, MAIN_THREAD_ROWS + 2)] as ChainRow[];
    const first = rows[0];
    if (!first || first.seq !== cp.seq || first.id !== cp.id || first.hash !== cp.hash || first.prev_hash !== cp.prev) {
      const state: WalkState = { link: cp.link, keyed: cp.keyed, legacy: cp.legacy, count: cp.count, last: { seq: cp.seq, id: cp.id, hash: cp.hash, prev: cp.prev } };
      return toCheck(state, { seq: cp.seq, id: cp.id, problem: `Entry #${cp.seq} was changed or removed since the last check` }, 'recent', cp.fullAt);
    }
    if (rows.length > MAIN_THREAD_ROWS + 1) return null;
    const legacyRow = first.alg === KEYED_ALG ? 0 : 1;
    const state: WalkState = { link: cp.prev, keyed: false, legacy: cp.legacy - legacyRow, count: cp.count - 1, last: null };
    const broken = walk(spec, key, rows, state, this.legacyEnds[spec.table]) ?? tailCut(this.deps.sqlite, spec, state);
    if (!broken && state.count !== cp.count) this.save(spec.table, key, state, cp.fullAt);
    return toCheck(state, broken, 'recent', cp.fullAt);
  }

  private checkpoint(table: Table, key: Buffer): Checkpoint | null | 'altered' {
    const memo = this.memo.get(table);
    if (memo) return memo;
    const text = this.deps.sqlite.prepare<[string], string>(`select value from settings where key = ?`).pluck().get(settingsKey(table));
    if (text === undefined) return null;
    try {
      const { mac, ...cp } = JSON.parse(text) as Checkpoint & { mac: string };
      const expected = Buffer.from(checkpointMac(key, table, cp), 'hex');
      const given = Buffer.from(String(mac), 'hex');
      if (given.length === expected.length && timingSafeEqual(given, expected)) {
        this.memo.set(table, cp);
        return cp;
      }
    } catch {
      // fall through: unreadable is as suspicious as edited
    }
    this.deps.logger.error('audit chain checkpoint does not match its HMAC', { table });
    return 'altered';
  }

  /** The last check's row must still be there, unchanged, and the walk must have passed it. */
  private contradicts(table: Table, cp: Checkpoint, state: WalkState): Broken | null {
    const row = this.deps.sqlite.prepare<[number], { id: string; hash: string; prev_hash: string }>(`select id, hash, prev_hash from ${table} where seq = ?`).get(cp.seq);
    if (row && row.id === cp.id && row.hash === cp.hash && row.prev_hash === cp.prev && state.count >= cp.count && state.legacy <= cp.legacy) return null;
    return { seq: cp.seq, id: cp.id, problem: `Entry #${cp.seq} was changed or removed since the last check` };
  }

  /** Saves the walk's end as the checkpoint (or re-saves `keep` with a new fullAt). */
  private save(table: Table, key: Buffer, state: WalkState | null, fullAt: number, keep?: Checkpoint): void {
    const last = state?.last;
    if (!keep && !last) return;
    const cp: Checkpoint = keep
      ? { ...keep, fullAt }
      : { ...last!, link: state!.link, keyed: state!.keyed, legacy: state!.legacy, count: state!.count, fullAt };
    this.memo.set(table, cp);
    this.deps.sqlite
      .prepare(
        `insert into settings (key, value, updated_at) values (?, ?, ?)
         on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at, version = version + 1`,
      )
      .run(settingsKey(table), JSON.stringify({ ...cp, mac: checkpointMac(key, table, cp) }), this.deps.clock.now());
  }
}

function toCheck(state: WalkState, broken: Broken | null, scope: ChainCheck['scope'], fullCheckAt: number | null, doubt?: string): ChainCheck {
  return {
    intact: !broken && !doubt,
    checked: state.count,
    brokenAt: broken && { seq: broken.seq, id: broken.id },
    problem: broken?.problem ?? doubt ?? null,
    legacy: state.legacy,
    head: state.last && { seq: state.last.seq, hash: state.last.hash },
    scope,
    fullCheckAt,
  };
}
