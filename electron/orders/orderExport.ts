// CSV export of the filtered orders and their lines. The job runs on a read worker of its own
// (ReadPool.runAlone), so the till and the history pages never wait on it: it counts the orders,
// then streams them oldest first in chunks after a keyset cursor into `<file>.partial`, inside one
// read transaction (one consistent snapshot), and renames the file when complete. Main keeps an
// export registry keyed by the screen's exportId: the same id again asks no second time and
// writes no second file, and the screen polls it for progress.
import fs from 'node:fs';
import type { ExportProgress, OrderFilters, OrderStatus, PaymentMethod } from '../shared/contract';
import { HISTORY_STATUS_LABELS, historyStatusOf } from '../shared/contract';
import { csvMoney, neutralise } from '../core/csvCells';
import type { Clock, Logger, SaveDialog } from '../core/deps';
import { fileWriteSentence, ServiceError } from '../core/errors';
import type { ReadDb, ReadJob, Progress } from '../core/readJobs';
import type { ReadPool } from '../core/readPool';
import { prepared } from '../core/readStatements';
import type { Session } from '../accounts/sessions';
import { METHOD } from '../receipts/receiptHtml';
import type { SettingsStore } from '../settings/shopSettings';
import { businessDayOf, zoneOffsetOf } from './orderNumbers';
import { countQuery, ensureSearchFunctions, pageQuery, type Cursor, type HistorySearch } from './orderSearch';

/** Orders read and written per step (progress is reported after each). */
export const EXPORT_CHUNK = 1_000;
const WEEK_MS = 7 * 86_400_000;

export function exportHeader(timezone: string): string[] {
  return [
    'Order number',
    'Business day',
    `Date and time (${timezone})`,
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
}

// ---------- the job (read worker) ----------

export interface ExportArgs extends HistorySearch {
  /** Where the finished file goes; it is written to `<path>.partial` first. */
  path: string;
  timezone: string;
}
export interface ExportResult {
  orders: number;
  lines: number;
}
export interface ExportStep {
  done: number;
  total: number;
}

// Each chunk is read with plain statements that walk indexes in order: the orders, then their
// lines and payments (see childRows), then their refunds by the chunk's ids, grouped here.
type OrderCols = [id: string, createdAt: number, orderNumber: string, businessDay: string, staffName: string, contactName: string, contactPhone: string, status: OrderStatus, subtotal: number, discountTotal: number, taxTotal: number, total: number, itemCount: number];
type LineCols = [orderId: string, position: number, name: string, modifiers: string, note: string, quantity: number, unitPrice: number, lineDiscount: number, lineTotal: number];
type PayCols = [orderId: string, method: PaymentMethod, amount: number, createdAt: number, rowid: number];

const ORDER_COLUMNS = 'o.id, o.created_at, o.order_number, o.business_day, o.staff_name, o.contact_name, o.contact_phone, o.status, o.subtotal, o.discount_total, o.tax_total, o.total, o.item_count';
const CHILDREN = {
  order_items: 'order_id, position, menu_item_name, modifiers, note, quantity, unit_price, line_discount, line_total',
  payments: 'order_id, method, amount, created_at, rowid',
} as const;
const REFUNDED_SQL = `select r.order_id, sum(r.amount) from json_each(?) j join refunds r on r.order_id = j.value group by r.order_id`;

/**
 * The lines (or payments) of a chunk's orders, by order id. A sale writes its lines in one
 * transaction, so they sit together in rowid order and a chunk's lines are mostly one stretch of
 * rowids: read as one walk (fast) when that stretch is not much longer than the chunk needs. An
 * order whose rows that walk did not find in full (`complete` says: its quantities or payments do
 * not add up to the order), or every order when the stretch is odd, is read by index.
 */
function childRows<R extends [string, ...unknown[]]>(db: ReadDb, table: keyof typeof CHILDREN, ids: readonly string[], complete: (id: string, rows: readonly R[]) => boolean): Map<string, R[]> {
  const cols = CHILDREN[table];
  const byOrder = new Map<string, R[]>();
  const lo = prepared<[string], number | null>(db, `select min(rowid) from ${table} where order_id = ?`).pluck(true).get(ids[0]!);
  const hi = prepared<[string], number | null>(db, `select max(rowid) from ${table} where order_id = ?`).pluck(true).get(ids[ids.length - 1]!);
  if (lo != null && hi != null && hi >= lo && hi - lo <= ids.length * 40) {
    const wanted = new Set(ids);
    for (const row of prepared<[number, number], R>(db, `select ${cols} from ${table} where rowid between ? and ?`).raw(true).all(lo, hi)) {
      if (!wanted.has(row[0])) continue;
      const list = byOrder.get(row[0]);
      if (list) list.push(row);
      else byOrder.set(row[0], [row]);
    }
  }
  const missing = ids.filter((id) => !complete(id, byOrder.get(id) ?? []));
  if (missing.length) {
    for (const id of missing) byOrder.delete(id);
    const rows = prepared<[string], R>(db, `select ${cols.replace(/(^|, )/g, '$1c.')} from json_each(?) j join ${table} c on c.order_id = j.value`).raw(true).all(JSON.stringify(missing));
    for (const row of rows) {
      const list = byOrder.get(row[0]);
      if (list) list.push(row);
      else byOrder.set(row[0], [row]);
    }
  }
  return byOrder;
}

/**
 * One CSV cell (RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled),
 * the same text csv-stringify writes. The export writes millions of cells, where csv-stringify's
 * ~1.7 µs a cell alone would take 100,000 orders past the 5 s budget.
 */
export function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
/** A text cell: formula-safe, then quoted as needed. */
const textCell = (cell: string): string => csvCell(neutralise(cell));

/** "2026-11-23 09:12:05": an instant given the zone's offset then. */
const localDateTime = (at: number, offset: number): string => new Date(at + offset).toISOString().slice(0, 19).replace('T', ' ');

/** A function that remembers its answers: item names, options and notes repeat all through a file. */
function remembered(fn: (raw: string) => string): (raw: string) => string {
  const seen = new Map<string, string>();
  return (raw) => {
    let cell = seen.get(raw);
    if (cell === undefined) {
      cell = fn(raw);
      if (seen.size < 50_000) seen.set(raw, cell);
    }
    return cell;
  };
}

/** csvMoney, remembered: prices and totals repeat all through a file. */
function rememberedMoney(): (m: number) => string {
  const seen = new Map<number, string>();
  return (m) => {
    let cell = seen.get(m);
    if (cell === undefined) {
      cell = csvMoney(m);
      if (seen.size < 50_000) seen.set(m, cell);
    }
    return cell;
  };
}

/** Writes the export; a failure leaves no file behind (neither the partial nor a half-renamed one). */
export function exportOrdersCsv(db: ReadDb, args: ExportArgs, progress: Progress): ExportResult {
  ensureSearchFunctions(db);
  const partial = `${args.path}.partial`;
  const fd = fs.openSync(partial, 'w');
  let closed = false;
  const nameCell = remembered(textCell);
  const optionsCell = remembered((json) => textCell((JSON.parse(json) as { name: string }[]).map((m) => m.name).join(', ')));
  const noteCell = remembered(textCell);
  const staffCell = remembered(textCell);
  const dayCell = remembered(textCell);
  const money = rememberedMoney();
  try {
    // One read transaction: the count and every chunk see the same orders, whatever sells meanwhile.
    const result = db.transaction(() => {
      const counting = countQuery(args);
      const { count } = prepared<unknown[], { count: number }>(db, counting.sql).get(...counting.params)!;
      progress({ done: 0, total: count } satisfies ExportStep);
      fs.writeSync(fd, `\ufeff${exportHeader(args.timezone).map(csvCell).join(',')}\r\n`); // a BOM: Excel reads UTF-8 (₱, é) right
      const refundedOf = prepared<[string], [string, number]>(db, REFUNDED_SQL).raw(true);
      let cursor: Cursor | null = null;
      let done = 0;
      let lines = 0;
      for (;;) {
        const q = pageQuery(args, { limit: EXPORT_CHUNK, cursor, dir: 'asc', columns: ORDER_COLUMNS });
        const chunk = prepared<unknown[], OrderCols>(db, q.sql).raw(true).all(...q.params);
        if (chunk.length === 0) break;
        const orderIds = chunk.map((o) => o[0]);
        const ids = JSON.stringify(orderIds);
        const byId = new Map(chunk.map((o) => [o[0], o]));
        // Complete when the lines' quantities make the order's item count and the payments its total.
        const lineMap = childRows<LineCols>(db, 'order_items', orderIds, (id, rows) => rows.reduce((a, l) => a + l[5], 0) === byId.get(id)![12]);
        const payMap = childRows<PayCols>(db, 'payments', orderIds, (id, rows) => rows.reduce((a, p) => a + p[2], 0) === byId.get(id)![11]);
        const refunded = new Map(refundedOf.all(ids));
        // One offset for a chunk within a week whose ends agree (no daylight-saving change inside).
        const [firstAt, lastAt] = [chunk[0]![1], chunk[chunk.length - 1]![1]];
        const first = zoneOffsetOf(firstAt, args.timezone);
        const steady = lastAt - firstAt < WEEK_MS && zoneOffsetOf(lastAt, args.timezone) === first;
        let text = '';
        for (const o of chunk) {
          const [id, createdAt, orderNumber, businessDay, staffName, contactName, contactPhone, status, subtotal, discountTotal, taxTotal, total] = o;
          const back = refunded.get(id) ?? 0;
          const head = [
            textCell(orderNumber),
            dayCell(businessDay),
            localDateTime(createdAt, steady ? first : zoneOffsetOf(createdAt, args.timezone)),
            staffCell(staffName),
            textCell(contactName),
            textCell(contactPhone),
            HISTORY_STATUS_LABELS[historyStatusOf({ status, total, refunded: back })],
            money(subtotal),
            money(discountTotal),
            money(taxTotal),
            money(total),
            textCell(tendersText(payMap.get(id) ?? [])),
            money(back),
          ].join(',');
          const its = (lineMap.get(id) ?? []).sort((a, b) => a[1] - b[1]);
          if (its.length === 0) text += `${head},,,,,,,\r\n`;
          for (const l of its) {
            text += `${head},${nameCell(l[2])},${optionsCell(l[3])},${noteCell(l[4])},${l[5]},${money(l[6])},${money(l[7])},${money(l[8])}\r\n`;
          }
          lines += Math.max(1, its.length);
        }
        fs.writeSync(fd, text);
        done += chunk.length;
        progress({ done, total: count } satisfies ExportStep);
        const last = chunk[chunk.length - 1]!;
        cursor = { createdAt: last[1], id: last[0] };
        if (chunk.length < EXPORT_CHUNK) break;
      }
      return { orders: done, lines };
    })();
    fs.closeSync(fd);
    closed = true;
    fs.renameSync(partial, args.path);
    return result;
  } catch (error) {
    if (!closed) fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** "Card 150.00; Cash 115.00": each tender once, in the order paid, with what it paid. */
function tendersText(payments: readonly PayCols[]): string {
  if (payments.length === 1) return `${METHOD[payments[0]![1]]} ${csvMoney(payments[0]![2])}`;
  const sums = new Map<PaymentMethod, number>();
  // In the order they were taken, as the history shows them.
  const paid = [...payments].sort((a, b) => a[3] - b[3] || a[4] - b[4]);
  for (const [, method, amount] of paid) sums.set(method, (sums.get(method) ?? 0) + amount);
  return [...sums].map(([method, amount]) => `${METHOD[method]} ${csvMoney(amount)}`).join('; ');
}

export const exportJobs = {
  'history.exportCsv': ((db, args: ExportArgs, progress) => exportOrdersCsv(db, args, progress)) as ReadJob<ExportArgs, ExportResult>,
};

// ---------- the registry (main) ----------

interface ExportEntry {
  progress: ExportProgress;
  /** Settles when the save dialog has answered (and the job, if any, has started). */
  asked: Promise<void>;
  finishedAt: number | null;
}

/** How long a finished export is remembered (for a late poll or a replayed start). */
const KEEP_MS = 3_600_000;

/** "brewline-orders-2026-11-01-to-2026-11-30.csv". */
export function suggestedExportName(filters: OrderFilters, today: string): string {
  const { from, to } = filters;
  const span = from && to ? (from === to ? from : `${from}-to-${to}`) : from ? `${from}-to-${today}` : to ? `until-${to}` : `until-${today}`;
  return `brewline-orders-${span}.csv`;
}

const unknownExport = (): ExportProgress => ({ state: 'unknown', done: 0, total: 0, path: null, error: null });
/** Export ids are the screen's: each person has their own (nobody reads or replays another's export). */
const keyOf = (session: Session, exportId: string) => `${session.userId}:${exportId}`;

export class OrderExports {
  private readonly exports = new Map<string, ExportEntry>();

  constructor(
    private readonly deps: { clock: Clock; logger: Logger },
    private readonly reads: Pick<ReadPool, 'runAlone'>,
    private readonly saveDialog: SaveDialog | null,
    private readonly settings: SettingsStore,
  ) {}

  /** Asks where to save (once per exportId), starts the export off the main loop and answers at once. */
  async start(session: Session, exportId: string, filters: OrderFilters): Promise<ExportProgress> {
    const key = keyOf(session, exportId);
    const existing = this.exports.get(key);
    if (existing) {
      await existing.asked; // the first call's dialog: never a second one
      return { ...existing.progress };
    }
    if (!this.saveDialog) throw new ServiceError('CONFLICT', 'Saving files is available in the desktop app.');
    this.forgetOld();
    const shop = this.settings.requireShop();
    const today = businessDayOf(this.deps.clock.now(), shop.timezone, shop.businessDayStartMinutes);
    const entry: ExportEntry = { progress: { state: 'running', done: 0, total: 0, path: null, error: null }, asked: Promise.resolve(), finishedAt: null };
    this.exports.set(key, entry);
    const dialog = this.saveDialog;
    entry.asked = (async () => {
      try {
        const chosen = await dialog.choosePath(suggestedExportName(filters, today), { name: 'CSV (spreadsheet)', extensions: ['csv'] });
        if (!chosen) return this.finish(entry, { state: 'cancelled' });
        // A name typed without an extension still opens in a spreadsheet.
        const path = /\.[A-Za-z0-9]{1,8}$/.test(chosen) ? chosen : `${chosen}.csv`;
        entry.progress.path = path;
        this.run(entry, { filters, onlyDay: null, path, timezone: shop.timezone });
      } catch (error) {
        this.deps.logger.error('order export: the save dialog failed', { error: error instanceof Error ? error.message : String(error) });
        // A refused answer (one of the app's own files) says why; anything else is the dialog's failure.
        this.finish(entry, { state: 'failed', path: null, error: error instanceof ServiceError ? error.message : 'The save dialog could not open. Try again.' });
      }
    })();
    await entry.asked;
    return { ...entry.progress };
  }

  /** Where an export stands; one never started (or someone else's) is 'unknown'. */
  progress(session: Session, exportId: string): ExportProgress {
    const entry = this.exports.get(keyOf(session, exportId));
    return entry ? { ...entry.progress } : unknownExport();
  }

  private run(entry: ExportEntry, args: ExportArgs): void {
    this.reads
      .runAlone('history.exportCsv', args, (value) => {
        const step = value as ExportStep;
        if (entry.progress.state === 'running') Object.assign(entry.progress, { done: step.done, total: step.total });
      })
      .then((result) => this.finish(entry, { state: 'done', done: result.orders, total: result.orders }))
      .catch((error: unknown) => {
        this.deps.logger.error('order export failed', { error: error instanceof Error ? error.message : String(error) });
        this.finish(entry, { state: 'failed', path: null, error: fileWriteSentence(error) });
        // The job removes its partial file when it fails; a worker stopped mid-write cannot, so main does.
        fs.rm(`${args.path}.partial`, { force: true }, () => undefined);
      });
  }

  private finish(entry: ExportEntry, patch: Partial<ExportProgress>): void {
    Object.assign(entry.progress, patch);
    entry.finishedAt = this.deps.clock.now();
  }

  private forgetOld(): void {
    const now = this.deps.clock.now();
    for (const [id, e] of this.exports) if (e.finishedAt !== null && now - e.finishedAt > KEEP_MS) this.exports.delete(id);
  }
}
