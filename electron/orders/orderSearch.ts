// Order history search on the read worker (core/readPool.ts): the filters of the contract turned
// into one SQL shape per index, the page and totals jobs, and the query plans the bench prints.
//
// Which index walks the rows (the rest are checked row by row):
// - a full order number: its unique index (one row);
// - one business day (Today, Yesterday, and every barista): orders_day (business_day, created_at);
// - a staff member: orders_user (user_id, created_at), within a created_at window around the days;
// - otherwise orders_created (created_at, id), within that window when there are days.
// The window is a superset of any shop's business day whatever zone and day start were in force
// when a sale was rung up (zone offsets −12 h…+14 h, day start 00:00–24:00), so a changed zone
// never hides an old order; the exact business_day condition does the rest. Pages are newest first
// after the row-value cursor `(created_at, id) < (?, ?)`, so new sales never shift a page.
//
// Filters no index answers (tender, status, customer, item, a short number, totals) are checked
// per row. A page walks at most SCAN_BUDGET rows: when it runs out before filling the page it
// returns what it found with a cursor where it stopped, so a rare match on years of data is
// searched in short steps and the shared worker never stays busy for long.
import type Database from 'better-sqlite3';
import type { HistoryRow, OrderFilters, OrderStatus, PaymentMethod } from '../shared/contract';
import { shortOrderNumber } from '../shared/contract';
import type { Currency } from '../shared/money';
import { invalid } from '../core/errors';
import type { ReadDb, ReadJob } from '../core/readJobs';
import { prepared } from '../core/readStatements';

const HOUR = 3_600_000;
/** Rows a page may walk before it answers with what it found (see the top of the file). */
export const SCAN_BUDGET = 4_000;
/** Longest items text on a row. */
export const ITEMS_TEXT_MAX = 60;

// ---------- cursor ----------

export interface Cursor {
  createdAt: number;
  id: string;
}
export const encodeCursor = (c: Cursor): string => `${c.createdAt}_${c.id}`;
export function decodeCursor(cursor: string): Cursor {
  const m = /^(\d{1,15})_([0-9A-Za-z-]{1,48})$/.exec(cursor);
  if (!m) throw invalid('That page is not valid. Go back to the first page.', { before: 'Use nextCursor from the previous page' });
  return { createdAt: Number(m[1]), id: m[2]! };
}

// ---------- text matching ----------

/** Case- and accent-blind form of a name ("Ána" and "ana" match); other scripts and emoji stay as they are. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
const digitsOf = (s: string): string => s.replace(/\D+/g, '');

/** A LIKE pattern matching `needle` anywhere, with % _ and \ typed by a person taken literally (ESCAPE '\'). */
export function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const withFunctions = new WeakSet<Database.Database>();
/** The connection's search functions (SQLite's own lower() and LIKE only fold ASCII). */
export function ensureSearchFunctions(db: Database.Database): void {
  if (withFunctions.has(db)) return;
  db.function('brew_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? fold(s) : s));
  db.function('brew_digits', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? digitsOf(s) : s));
  withFunctions.add(db);
}

// ---------- filters → SQL ----------

/** What a search is: the person's filters and, for a barista, the one day they may see. */
export interface HistorySearch {
  filters: OrderFilters;
  /** Today's business day when the person may only see today (baristas): it replaces from/to. */
  onlyDay: string | null;
}

type Access = 'number' | 'day' | 'staff' | 'range' | 'all';
type Dir = 'desc' | 'asc';
interface Sql {
  where: string[];
  params: unknown[];
}

const utcDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);

const join = (...parts: Sql[]): Sql => ({ where: parts.flatMap((p) => p.where), params: parts.flatMap((p) => p.params) });
const whereText = (s: Sql) => (s.where.length ? `where ${s.where.join(' and ')}` : '');
const orderBy = (dir: Dir) => `order by o.created_at ${dir}, o.id ${dir}`;

/** created_at bounds that hold every order of business days [from, to] whatever the zone and day start. */
export function dayWindow(from: string | undefined, to: string | undefined): { lo: number | null; hi: number | null } {
  return { lo: from ? utcDay(from) - 14 * HOUR : null, hi: to ? utcDay(to) + 60 * HOUR : null };
}

/** "42", "#042" → that number on any day; "BC-T1-20261123-42" → that order ("-0042" as stored). */
function parseNumber(raw: string): { daySeq: number } | { orderNumber: string } {
  const short = /^#?(\d{1,4})$/.exec(raw);
  if (short) return { daySeq: Number(short[1]) };
  const parts = raw.split('-');
  const seq = Number(parts.pop());
  return { orderNumber: `${parts.join('-').toUpperCase()}-${String(seq).padStart(4, '0')}` };
}

/** The filters resolved: days (a barista's own day wins), number parsed. */
function resolve(search: HistorySearch) {
  const f = search.filters;
  const from = search.onlyDay ?? f.from;
  const to = search.onlyDay ?? f.to;
  const number = f.number ? parseNumber(f.number) : null;
  const access: Access = number && 'orderNumber' in number ? 'number' : from && from === to ? 'day' : f.staffId ? 'staff' : from || to ? 'range' : 'all';
  return { f, from, to, number, access };
}
type Resolved = ReturnType<typeof resolve>;

const REFUNDED = `(select coalesce(sum(r.amount), 0) from refunds r where r.order_id = o.id)`;

/**
 * Conditions that pick the index and narrow it (days, staff, full number). `exact` adds the exact
 * business-day condition to a window (left out when only counting rows to walk). A `+` before a
 * column keeps SQLite off that column's index, so each access walks the index meant for it.
 */
function accessSql(r: Resolved, purpose: 'page' | 'totals', exact: boolean, edges: Edges = {}): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  const { from, to, f } = r;
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    params.push(...values);
  };
  const done = (window: { lo: number | null; hi: number | null } = { lo: null, hi: null }) => join({ where, params }, edgesSql(window, edges));
  if (r.access === 'number') {
    add('o.order_number = ?', (r.number as { orderNumber: string }).orderNumber);
    if (from) add('+o.business_day >= ?', from);
    if (to) add('+o.business_day <= ?', to);
    if (f.staffId) add('+o.user_id = ?', f.staffId);
    return done();
  }
  if (r.access === 'day') {
    add('o.business_day = ?', from);
    if (f.staffId) add('+o.user_id = ?', f.staffId);
    return done();
  }
  if (f.staffId) add('o.user_id = ?', f.staffId);
  // Totals need no order: a range of days is walked exactly on orders_day (unless by staff).
  if (purpose === 'totals' && !f.staffId && (from || to)) {
    if (from) add('o.business_day >= ?', from);
    if (to) add('o.business_day <= ?', to);
    return done();
  }
  if (exact && from) add('+o.business_day >= ?', from);
  if (exact && to) add('+o.business_day <= ?', to);
  return done(dayWindow(from, to));
}

/** Row-value bounds of a walk: `upper` (rows before it, or up to it when inclusive) and `lower`. */
interface Edges {
  upper?: { at: Cursor; inclusive: boolean } | null;
  lower?: { at: Cursor; inclusive: boolean } | null;
}

/**
 * The created_at bounds of a walk, one per side: SQLite seeks an index on one bound per side, so
 * a cursor inside the window replaces the window's edge (it implies it) and a cursor outside it
 * is left out (the window implies the cursor). The plain created_at beside a row value lets
 * orders_day and orders_user (which hold created_at but not id) seek too.
 */
function edgesSql(window: { lo: number | null; hi: number | null }, edges: Edges): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  const { upper, lower } = edges;
  if (upper && (window.hi === null || upper.at.createdAt < window.hi)) {
    where.push(`(o.created_at, o.id) ${upper.inclusive ? '<=' : '<'} (?, ?)`, 'o.created_at <= ?');
    params.push(upper.at.createdAt, upper.at.id, upper.at.createdAt);
  } else if (window.hi !== null) {
    where.push('o.created_at < ?');
    params.push(window.hi);
  }
  if (lower && (window.lo === null || lower.at.createdAt >= window.lo)) {
    where.push(`(o.created_at, o.id) ${lower.inclusive ? '>=' : '>'} (?, ?)`, 'o.created_at >= ?');
    params.push(lower.at.createdAt, lower.at.id, lower.at.createdAt);
  } else if (window.lo !== null) {
    where.push('o.created_at >= ?');
    params.push(window.lo);
  }
  return { where, params };
}

/** The walk's edges: newest first after the cursor down to the floor, or oldest first. */
function edgesOf(dir: Dir, cursor: Cursor | null, floor: Cursor | null = null): Edges {
  const after = cursor ? { at: cursor, inclusive: false } : null;
  const stop = floor ? { at: floor, inclusive: true } : null;
  return dir === 'desc' ? { upper: after, lower: stop } : { lower: after, upper: stop };
}

/** Conditions checked on each row the index gives (no index answers them). */
function rowSql(r: Resolved): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  const { f } = r;
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    params.push(...values);
  };
  if (r.number && 'daySeq' in r.number) add('o.day_seq = ?', r.number.daySeq);
  if (f.minTotal !== undefined) add('o.total >= ?', f.minTotal);
  if (f.maxTotal !== undefined) add('o.total <= ?', f.maxTotal);
  // R = refunded (integer minor units), read once per row: paid R = 0, partly 0 < R < total, refunded R ≥ total (and R > 0).
  if (f.status === 'cancelled') add(`+o.status = 'cancelled'`);
  else if (f.status === 'paid') add(`+o.status <> 'cancelled' and ${REFUNDED} = 0`);
  else if (f.status === 'refunded') add(`+o.status <> 'cancelled' and ${REFUNDED} >= max(o.total, 1)`);
  else if (f.status === 'partlyRefunded') add(`+o.status <> 'cancelled' and ${REFUNDED} between 1 and o.total - 1`);
  if (f.tender) add('exists (select 1 from payments p where p.order_id = o.id and p.method = ?)', f.tender);
  if (f.customer) {
    const name = `(o.contact_name <> '' and brew_fold(o.contact_name) like ? escape '\\')`;
    // A phone typed with spaces, dashes or a + matches the digits of the stored phone.
    const digits = /^[\d\s()+.-]+$/.test(f.customer) ? digitsOf(f.customer) : '';
    if (digits) add(`(${name} or (o.contact_phone <> '' and brew_digits(o.contact_phone) like ? escape '\\'))`, containsPattern(fold(f.customer)), containsPattern(digits));
    else add(name, containsPattern(fold(f.customer)));
  }
  if (f.item) add(`exists (select 1 from order_items i where i.order_id = o.id and brew_fold(i.menu_item_name) like ? escape '\\')`, containsPattern(fold(f.item)));
  return { where, params };
}

const hasRowFilters = (r: Resolved): boolean => rowSql(r).where.length > 0;


const ROW_COLUMNS = `o.id, o.order_number, o.business_day, o.created_at, o.staff_name, o.contact_name, o.status, o.item_count, o.total, o.currency,
  ${REFUNDED} as refunded,
  (select group_concat(p.method, ',' order by p.created_at, p.rowid) from payments p where p.order_id = o.id) as tenders,
  (select json_group_array(json_array(i.quantity, i.menu_item_name) order by i.position) from order_items i where i.order_id = o.id) as items`;

export interface Query {
  sql: string;
  params: unknown[];
}

/** A page of history rows: `limit` rows after `cursor`, not walking past `floor`. */
export function pageQuery(search: HistorySearch, opts: { limit: number; cursor: Cursor | null; floor?: Cursor | null; dir?: Dir; columns?: string }): Query {
  const r = resolve(search);
  const dir = opts.dir ?? 'desc';
  const s = join(accessSql(r, 'page', true, edgesOf(dir, opts.cursor, opts.floor)), rowSql(r));
  return { sql: `select ${opts.columns ?? ROW_COLUMNS} from orders o ${whereText(s)} ${orderBy(dir)} limit ?`, params: [...s.params, opts.limit] };
}

/** The `budget`-th row the page would walk (index conditions only), or none when fewer remain. */
export function floorQuery(search: HistorySearch, cursor: Cursor | null, budget: number): Query {
  const r = resolve(search);
  const s = accessSql(r, 'page', false, edgesOf('desc', cursor));
  return { sql: `select o.created_at createdAt, o.id from orders o ${whereText(s)} ${orderBy('desc')} limit 1 offset ?`, params: [...s.params, budget - 1] };
}

/** How many orders the search finds and the sum of their totals. */
export function totalsQuery(search: HistorySearch): Query {
  const r = resolve(search);
  const s = join(accessSql(r, 'totals', true), rowSql(r));
  return { sql: `select count(*) count, coalesce(sum(o.total), 0) total from orders o ${whereText(s)}`, params: s.params };
}

/** How many orders the search finds (only the index when no filter needs the row: an export's progress total). */
export function countQuery(search: HistorySearch): Query {
  const r = resolve(search);
  const s = join(accessSql(r, 'totals', true), rowSql(r));
  return { sql: `select count(*) count from orders o ${whereText(s)}`, params: s.params };
}

/** Whether a page walks rows the filters may mostly refuse (so the walk is budgeted). */
export function isScan(search: HistorySearch): boolean {
  const r = resolve(search);
  return r.access !== 'number' && hasRowFilters(r);
}

/** How many days the search covers; null when open-ended (for choosing the shared or a solo worker). */
export function daysCovered(search: HistorySearch): number | null {
  const r = resolve(search);
  if (r.access === 'number') return 1;
  if (!r.from || !r.to) return null;
  return Math.round((utcDay(r.to) - utcDay(r.from)) / (24 * HOUR)) + 1;
}

// ---------- rows ----------

interface RowData {
  id: string;
  order_number: string;
  business_day: string;
  created_at: number;
  staff_name: string;
  contact_name: string;
  status: OrderStatus;
  item_count: number;
  total: number;
  currency: string;
  refunded: number;
  tenders: string | null;
  items: string;
}

/** "2× Latte, Croissant", cut at a whole item with "…" when longer than `max`. */
export function itemsText(lines: readonly [number, string][], max = ITEMS_TEXT_MAX): string {
  let text = '';
  for (const [i, [quantity, name]] of lines.entries()) {
    const part = `${i ? ', ' : ''}${quantity > 1 ? `${quantity}× ` : ''}${name}`;
    if (text.length + part.length > max) return text ? `${text}, …` : `${[...part].slice(0, max - 1).join('')}…`;
    text += part;
  }
  return text;
}

function rowOf(o: RowData): HistoryRow {
  return {
    id: o.id,
    orderNumber: o.order_number,
    shortNumber: shortOrderNumber(o.order_number),
    businessDay: o.business_day,
    createdAt: o.created_at,
    staffName: o.staff_name,
    contactName: o.contact_name,
    status: o.status,
    itemCount: o.item_count,
    total: o.total,
    currency: o.currency as Currency,
    tenders: [...new Set((o.tenders ?? '').split(',').filter(Boolean))] as PaymentMethod[],
    refunded: o.refunded,
    items: itemsText(JSON.parse(o.items) as [number, string][]),
  };
}

// ---------- jobs ----------

export interface PageArgs extends HistorySearch {
  limit: number;
  before: string | null;
}
export interface PageResult {
  orders: HistoryRow[];
  nextCursor: string | null;
}

function all<R>(db: ReadDb, q: Query): R[] {
  ensureSearchFunctions(db);
  return prepared<unknown[], R>(db, q.sql).all(...q.params);
}
function one<R>(db: ReadDb, q: Query): R | undefined {
  ensureSearchFunctions(db);
  return prepared<unknown[], R>(db, q.sql).get(...q.params);
}

/** One page, newest first. A budgeted walk that found too few answers with where it stopped. */
export function historyPage(db: ReadDb, args: PageArgs): PageResult {
  const cursor = args.before ? decodeCursor(args.before) : null;
  const floor = isScan(args) ? (one<Cursor>(db, floorQuery(args, cursor, SCAN_BUDGET)) ?? null) : null;
  const rows = all<RowData>(db, pageQuery(args, { limit: args.limit + 1, cursor, floor }));
  if (rows.length > args.limit) {
    const last = rows[args.limit - 1]!;
    return { orders: rows.slice(0, args.limit).map(rowOf), nextCursor: encodeCursor({ createdAt: last.created_at, id: last.id }) };
  }
  return { orders: rows.map(rowOf), nextCursor: floor ? encodeCursor(floor) : null };
}

export function historyTotals(db: ReadDb, args: HistorySearch): { count: number; total: number } {
  return one<{ count: number; total: number }>(db, totalsQuery(args))!;
}

export const historyJobs = {
  'history.page': ((db, args: PageArgs) => historyPage(db, args)) as ReadJob<PageArgs, PageResult>,
  'history.totals': ((db, args: HistorySearch) => historyTotals(db, args)) as ReadJob<HistorySearch, { count: number; total: number }>,
};

// ---------- plans (the bench prints them) ----------

function planOf(db: Database.Database, q: Query): string[] {
  ensureSearchFunctions(db);
  return (db.prepare(`explain query plan ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail);
}

/** EXPLAIN QUERY PLAN of every query shape a history page, a count or an export uses. */
export function historyPlans(db: Database.Database, sample: { staffId: string; from: string; to: string; day: string }): { name: string; plan: string[] }[] {
  const at: Cursor = { createdAt: utcDay(sample.to), id: '00000000-0000-0000-0000-000000000000' };
  const s = (filters: OrderFilters, onlyDay: string | null = null): HistorySearch => ({ filters, onlyDay });
  const month = s({ from: sample.from, to: sample.to });
  const staffMonth = s({ staffId: sample.staffId, from: sample.from, to: sample.to });
  const shapes: [string, Query][] = [
    ['page: first page, no filters', pageQuery(s({}), { limit: 51, cursor: null })],
    ['page: after a cursor (any depth)', pageQuery(s({}), { limit: 51, cursor: at })],
    ['page: one business day (a barista, Today, Yesterday)', pageQuery(s({}, sample.day), { limit: 51, cursor: at })],
    ['page: a date range', pageQuery(month, { limit: 51, cursor: at })],
    ['page: staff + date range', pageQuery(staffMonth, { limit: 51, cursor: at })],
    ['page: staff, no dates', pageQuery(s({ staffId: sample.staffId }), { limit: 51, cursor: at })],
    ['page: full order number', pageQuery(s({ number: 'BC-T1-20260101-0042' }), { limit: 51, cursor: null })],
    ['page: customer, no dates (budgeted walk: where it stops)', floorQuery(s({ customer: 'ana' }), at, SCAN_BUDGET)],
    ['page: customer, no dates (budgeted walk: the rows)', pageQuery(s({ customer: 'ana' }), { limit: 51, cursor: at, floor: at })],
    ['page: tender + status + item in a date range', pageQuery(s({ from: sample.from, to: sample.to, tender: 'card', status: 'partlyRefunded', item: 'latte' }), { limit: 51, cursor: at })],
    ['totals: a date range', totalsQuery(month)],
    ['totals: staff + date range', totalsQuery(staffMonth)],
    ['totals: one business day', totalsQuery(s({}, sample.day))],
    ['export: a chunk of a date range, oldest first', pageQuery(month, { limit: 1000, cursor: at, dir: 'asc', columns: 'o.id' })],
  ];
  return shapes.map(([name, q]) => ({ name, plan: planOf(db, q) }));
}
