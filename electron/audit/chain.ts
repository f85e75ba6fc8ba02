// The keyed hash chain shared by audit_events and auth_events: one append and one walk for both
// tables. Imports no database wrapper so the verify worker can use it with its own connection.
import { createHash, createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { LegacyChainEnds } from '../core/keys';

export const GENESIS_HASH = '0'.repeat(64);
/** HMAC-SHA-256 with the audit key (kept outside the database). */
export const KEYED_ALG = 2;

type ColumnKind = 'text' | 'int' | 'bool';
type SqlValue = string | number | null;
export type ChainRow = Record<string, SqlValue> & { seq: number; id: string; alg: number; prev_hash: string; hash: string };

export interface ChainSpec {
  table: 'audit_events' | 'auth_events';
  /** Hashed columns, in hash order (seq, alg, prev_hash and hash excluded). */
  columns: readonly (readonly [name: string, kind: ColumnKind])[];
  /** The alg of rows written before the keyed chain. */
  legacyAlg: number;
  /**
   * How a legacy row links: the hash the next row must name as prev_hash, or null when the row
   * does not match. Legacy rows are accepted only as a prefix, before the first keyed row.
   */
  legacyLink(row: ChainRow, prev: string): string | null;
}

/**
 * Strings exactly as SQLite will store them: a lone UTF-16 surrogate cannot be encoded in UTF-8
 * and would be stored as U+FFFD while the hash saw the surrogate, so every string is made
 * well-formed before it is both hashed and inserted.
 */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function normalize(spec: ChainSpec, values: Record<string, unknown>): Record<string, SqlValue> {
  const row: Record<string, SqlValue> = {};
  for (const [name, kind] of spec.columns) {
    const v = values[name];
    if (v === null || v === undefined) row[name] = null;
    else if (kind === 'bool') row[name] = v ? 1 : 0;
    else if (kind === 'int') {
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new Error(`${spec.table}.${name} must be an integer`);
      row[name] = v;
    } else row[name] = wellFormed(typeof v === 'string' ? v : JSON.stringify(v));
  }
  return row;
}

/** The keyed hash of a row: the table name, the link to the row before, then every hashed column. */
export function keyedHash(spec: ChainSpec, key: Buffer, prev: string, row: Record<string, SqlValue>): string {
  const payload = JSON.stringify([spec.table, prev, ...spec.columns.map(([name]) => row[name] ?? null)]);
  return createHmac('sha256', key).update(Buffer.from(payload, 'utf8')).digest('hex');
}

export interface WalkState {
  /** prev_hash the next row must carry. */
  link: string;
  /** A keyed row was seen: no legacy row may follow. */
  keyed: boolean;
  legacy: number;
  count: number;
  last: { seq: number; id: string; hash: string; prev: string } | null;
}

export const startState = (): WalkState => ({ link: GENESIS_HASH, keyed: false, legacy: 0, count: 0, last: null });

export interface Broken {
  seq: number;
  id: string;
  problem: string;
}

/**
 * Walks rows in seq order from `state` (mutated); the first row that does not fit, or null.
 * `legacyEnd` is the last seq written before the keyed chain (kept with the keys): an unkeyed row
 * after it was written, or rewritten, by someone without the key.
 */
export function walk(spec: ChainSpec, key: Buffer, rows: Iterable<ChainRow>, state: WalkState, legacyEnd: number): Broken | null {
  for (const row of rows) {
    if (row.alg === KEYED_ALG) {
      if (row.prev_hash !== state.link) return { seq: row.seq, id: row.id, problem: `Entry #${row.seq} does not follow the entry before it (an entry was removed or inserted)` };
      if (keyedHash(spec, key, row.prev_hash, row) !== row.hash) return { seq: row.seq, id: row.id, problem: `Entry #${row.seq} was changed after it was written` };
      state.link = row.hash;
      state.keyed = true;
    } else if (row.alg === spec.legacyAlg && !state.keyed && row.seq <= legacyEnd) {
      const link = spec.legacyLink(row, state.link);
      if (link === null) return { seq: row.seq, id: row.id, problem: `Entry #${row.seq} was changed after it was written` };
      state.link = link;
      state.legacy++;
    } else {
      return { seq: row.seq, id: row.id, problem: `Entry #${row.seq} claims an older or unknown fingerprint rule, but was written after the keyed chain began` };
    }
    state.count++;
    state.last = { seq: row.seq, id: row.id, hash: row.hash, prev: row.prev_hash };
  }
  return null;
}

/** SQLite's own record of the highest seq ever given out: above the last row means the tail was cut off. */
export function tailCut(sqlite: Database.Database, spec: ChainSpec, state: WalkState): Broken | null {
  const issued = sqlite.prepare<[string], number>(`select seq from sqlite_sequence where name = ?`).pluck().get(spec.table) ?? 0;
  const lastSeq = state.last?.seq ?? 0;
  if (issued <= lastSeq) return null;
  return { seq: lastSeq + 1, id: '', problem: `Entries after #${lastSeq} are missing` };
}

/** Rows of the chain after `afterSeq`, in order; `limit` bounds the work done on the main thread. */
export function chainRows(sqlite: Database.Database, spec: ChainSpec, afterSeq: number, limit = -1): Iterable<ChainRow> {
  const cols = ['seq', 'alg', 'prev_hash', 'hash', ...spec.columns.map(([n]) => n)].map((c) => `"${c}"`).join(', ');
  return sqlite.prepare<[number, number], ChainRow>(`select ${cols} from ${spec.table} where seq > ? order by seq limit ?`).iterate(afterSeq, limit);
}

/** Appends a chained row; call inside the transaction of the change it records. */
export class ChainAppender {
  private readonly head;
  private readonly insert;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly spec: ChainSpec,
    private readonly key: () => Buffer,
  ) {
    this.head = sqlite.prepare<[], { alg: number; hash: string }>(`select alg, hash from ${spec.table} order by seq desc limit 1`);
    const names = spec.columns.map(([n]) => n);
    this.insert = sqlite.prepare(
      `insert into ${spec.table} (${[...names, 'alg', 'prev_hash', 'hash'].join(', ')})
       values (${[...names, 'alg', 'prev_hash', 'hash'].map((n) => `@${n}`).join(', ')})`,
    );
  }

  append(values: Record<string, unknown>): { seq: number; hash: string } {
    if (!this.sqlite.inTransaction) throw new Error(`${this.spec.table}: append must run inside a transaction`);
    const row = normalize(this.spec, values);
    const last = this.head.get();
    // A legacy row that carries no hash of its own (alg 0) starts the keyed chain from genesis.
    const prev = !last ? GENESIS_HASH : last.alg === KEYED_ALG || last.hash ? last.hash : GENESIS_HASH;
    const hash = keyedHash(this.spec, this.key(), prev, row);
    const info = this.insert.run({ ...row, alg: KEYED_ALG, prev_hash: prev, hash });
    return { seq: Number(info.lastInsertRowid), hash };
  }
}

// ---------- the two chains ----------

/** The plain SHA-256 rule audit rows were written with before the key (alg 1). */
function auditV1Hash(r: ChainRow): string {
  const fields = ['prev_hash', 'id', 'created_at', 'actor_user_id', 'approver_user_id', 'terminal_id', 'action', 'entity_type', 'entity_id', 'old_value', 'new_value', 'reason'];
  return createHash('sha256')
    .update(JSON.stringify(fields.map((f) => r[f])))
    .digest('hex');
}

export const AUDIT_CHAIN: ChainSpec = {
  table: 'audit_events',
  columns: [
    ['id', 'text'],
    ['created_at', 'int'],
    ['actor_user_id', 'text'],
    ['approver_user_id', 'text'],
    ['terminal_id', 'text'],
    ['action', 'text'],
    ['entity_type', 'text'],
    ['entity_id', 'text'],
    ['old_value', 'text'],
    ['new_value', 'text'],
    ['reason', 'text'],
  ],
  legacyAlg: 1,
  legacyLink: (row, prev) => (row.prev_hash === prev && auditV1Hash(row) === row.hash ? row.hash : null),
};

export const AUTH_CHAIN: ChainSpec = {
  table: 'auth_events',
  columns: [
    ['id', 'text'],
    ['created_at', 'int'],
    ['event_type', 'text'],
    ['username_submitted', 'text'],
    ['user_id', 'text'],
    ['terminal_id', 'text'],
    ['successful', 'bool'],
    ['app_version', 'text'],
    ['metadata', 'text'],
  ],
  legacyAlg: 0,
  // Sign-in events from before the chain were never hashed: an unchained prefix, counted but unprovable.
  legacyLink: (_row, prev) => prev,
};

export const CHAINS = [AUDIT_CHAIN, AUTH_CHAIN] as const;

/** The last unkeyed entry of each log as the database stands (recorded once in the key store). */
export function measureLegacyEnds(sqlite: Database.Database): LegacyChainEnds {
  const end = (spec: ChainSpec) =>
    sqlite.prepare<[number], number>(`select coalesce(max(seq), 0) from ${spec.table} where alg = ?`).pluck().get(spec.legacyAlg) ?? 0;
  return { audit_events: end(AUDIT_CHAIN), auth_events: end(AUTH_CHAIN) };
}
