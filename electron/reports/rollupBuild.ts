// The daily rollups recomputed from the orders and refunds themselves, through the same facts the
// checkout and refund transactions write (rollupFacts.ts): at the first start after the rollups
// arrived (a database whose orders were written before them), and in the tests that prove the
// kept rollups always equal a recomputation.
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { Deps } from '../core/deps';
import type { SettingsStore } from '../settings/shopSettings';
import { refundFacts, saleFacts } from './rollupFacts';
import { RollupRows, RollupWriter } from './rollupWriter';
import { addDays, dayNumber } from './reportPeriods';
import { SalesRecords } from './salesRecords';

/** settings key whose { version } says the rollups were built by this definition of the facts. */
export const ROLLUPS_MARKER = 'rollups';
/** Bump when the facts change meaning: the next start rebuilds every day. */
export const ROLLUPS_VERSION = 1;

/** Days read at once: a month of a busy shop (~45,000 orders) stays a few tens of MB. */
const CHUNK_DAYS = 31;

const FIRST = '0000-01-01';
const LAST = '9999-12-31';

/**
 * Replaces the rollups of business days from..to (all days when omitted) by a recomputation from
 * the orders of those days and the refunds issued on them, in one transaction (the caller's, or
 * its own). Returns what it read.
 */
export function rebuildRollups(sqlite: Database.Database, from: string = FIRST, to: string = LAST): { orders: number; refunds: number; rows: number } {
  const run = () => {
    sqlite.prepare(`delete from sales_rollups where business_day between ? and ?`).run(from, to);
    const first = (table: string, fn: 'min' | 'max') =>
      // One min() or max() per query: SQLite answers each from the index (orders_day, refunds_day).
      sqlite.prepare(`select ${fn}(business_day) from ${table} where business_day between ? and ?`).pluck().get(from, to) as string | null;
    const lows = [first('orders', 'min'), first('refunds', 'min')].filter((d): d is string => d !== null);
    const highs = [first('orders', 'max'), first('refunds', 'max')].filter((d): d is string => d !== null);
    const counts = { orders: 0, refunds: 0, rows: 0 };
    if (lows.length === 0) return counts;
    const low = lows.reduce((a, b) => (a < b ? a : b));
    const high = highs.reduce((a, b) => (a > b ? a : b));
    const records = new SalesRecords(sqlite);
    const writer = new RollupWriter(sqlite);
    const rows = new RollupRows();
    for (let start = low; start <= high; start = addDays(start, CHUNK_DAYS)) {
      const end = dayNumber(start) + CHUNK_DAYS - 1 < dayNumber(high) ? addDays(start, CHUNK_DAYS - 1) : high;
      const { sales, refunds } = records.readDays(start, end);
      for (const sale of sales) saleFacts(sale, rows);
      for (const refund of refunds) refundFacts(refund, rows);
      counts.orders += sales.length;
      counts.refunds += refunds.length;
      counts.rows += rows.size;
      writer.write(rows);
      rows.clear();
    }
    return counts;
  };
  return sqlite.inTransaction ? run() : sqlite.transaction(run).immediate();
}

/**
 * The marker is not proof: a version without rollups may have sold since (the app downgraded and
 * upgraded again), or the table was emptied (a repair, a restore of one table). Each sale adds 1
 * to its day's 'total' n and each refund 1 to its day's 'refundKind' n, so the latest day's counts
 * show it — one day of an index each, nothing near a scan.
 */
function rollupsBehind(sqlite: Database.Database): boolean {
  const behind = (table: 'orders' | 'refunds', dim: 'total' | 'refundKind'): boolean => {
    const day = sqlite.prepare(`select max(business_day) from ${table}`).pluck().get() as string | null;
    if (day === null) return false;
    const count = sqlite.prepare(`select count(*) from ${table} where business_day = ?`).pluck().get(day) as number;
    const n = sqlite.prepare(`select coalesce(sum(n), 0) from sales_rollups where business_day = ? and dim = ?`).pluck().get(day, dim) as number;
    return count !== n;
  };
  return behind('orders', 'total') || behind('refunds', 'refundKind');
}

/**
 * At start: builds the rollups from every order and refund when this database has none built by
 * this version (first start after the migration, or the facts changed) or they are behind the
 * orders (rollupsBehind), in one transaction, and logs how long it took. A later start finds the
 * marker and rollups that agree with the latest day, and does nothing.
 */
export function ensureRollups(deps: Pick<Deps, 'sqlite' | 'clock' | 'logger'>, settings: SettingsStore): boolean {
  const { sqlite } = deps;
  const marker = sqlite.prepare(`select value from settings where key = ?`).pluck().get(ROLLUPS_MARKER) as string | undefined;
  if (marker && versionOf(marker) === ROLLUPS_VERSION && !rollupsBehind(sqlite)) return false;
  const began = performance.now();
  const counts = sqlite
    .transaction(() => {
      const read = rebuildRollups(sqlite);
      settings.write(ROLLUPS_MARKER, { version: ROLLUPS_VERSION, builtAt: deps.clock.now() });
      return read;
    })
    .immediate();
  deps.logger.info('sales rollups built from the orders and refunds', { ...counts, ms: Math.round(performance.now() - began) });
  return true;
}

function versionOf(json: string): unknown {
  try {
    return (JSON.parse(json) as { version?: unknown }).version;
  } catch {
    return undefined;
  }
}
