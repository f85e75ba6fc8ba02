// A shift's figures (the X report, the count's expected cash, the Z report) and its views. Every
// figure comes from computeFigures over the shift's own records: its orders, its refunds and its
// drawer movements (voids carry negated amounts), whatever business day they fall on.
import type Database from 'better-sqlite3';
import type { DrawerMovementView, ShiftView, XReport } from '../shared/contract';
import type { Currency } from '../shared/money';
import { FiguresAccumulator, figuresOf, type DayFigures, type RefundRecord, type SaleRecord } from '../reports/figures';
import { earlier, SalesRecords, type ShiftOrder, type ShiftRecords } from '../reports/salesRecords';
import { cashCountView } from './cashCount';
import type { MovementRow, ShiftRow, ShiftRows } from './shiftRows';

/** id → display name (one lookup per person per call). */
export type NameOf = (userId: string | null) => string | null;

export interface ShiftSnapshot {
  shift: ShiftRow;
  movements: MovementRow[];
  records: ShiftRecords;
  figures: DayFigures;
}

/**
 * The open shift's records read so far. Sales and refunds are immutable once written (triggers),
 * so each report reads only the ones stored since, by rowid on the orders_shift and refunds_shift
 * indexes; the figures of the last report are kept too, for a report that finds nothing new.
 */
interface Kept {
  shiftId: string;
  sales: SaleRecord[];
  lastRowid: number;
  first: ShiftOrder | null;
  last: ShiftOrder | null;
  refunds: RefundRecord[];
  lastRefundRowid: number;
  /** `sales` and `refunds` summed (computeFigures' own accumulation): a new record adds to it, nothing is re-summed. */
  acc: FiguresAccumulator;
  computed: { key: string; figures: DayFigures } | null;
}

const nothingKept = (shiftId: string): Kept => ({
  shiftId,
  sales: [],
  lastRowid: -Infinity,
  first: null,
  last: null,
  refunds: [],
  lastRefundRowid: -Infinity,
  acc: new FiguresAccumulator(),
  computed: null,
});

export class ShiftFigures {
  private readonly sales: SalesRecords;
  private readonly countOrders: Database.Statement<[string], number>;
  private readonly countRefunds: Database.Statement<[string], number>;
  private kept: Kept | null = null;
  private readSoon = false;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly rows: ShiftRows,
  ) {
    this.sales = new SalesRecords(sqlite);
    this.countOrders = sqlite.prepare(`select count(*) from orders where shift_id = ?`).pluck() as Database.Statement<[string], number>;
    this.countRefunds = sqlite.prepare(`select count(*) from refunds where shift_id = ?`).pluck() as Database.Statement<[string], number>;
  }

  /**
   * Reads the shift's records now (call inside the transaction that acts on them). A day's
   * shift holds ~1,500 sales (~4,500 lines): reading them all costs more than the X report's
   * 20 ms budget on a year of data, so the records already read are kept (one shift per till:
   * read at start-up and after each sale, see readNewSoon) and only the ones stored since are
   * read. Counts of the shift's orders and refunds (index only) guard the kept lists: if either
   * ever disagrees, everything is read again. Drawer movements are few and read whole.
   */
  snapshot(shift: ShiftRow): ShiftSnapshot {
    const movements = this.rows.movements(shift.id);
    const kept = this.recordsOf(shift.id);
    const records: ShiftRecords = {
      sales: kept.sales,
      refunds: kept.refunds,
      firstOrderNumber: kept.first?.orderNumber ?? null,
      lastOrderNumber: kept.last?.orderNumber ?? null,
    };
    // Nothing new since the last report (a refund checking the drawer, a count then its close): the same figures.
    const key = `${kept.sales.length}:${kept.refunds.length}:${shift.opening_float}:${movements.map((m) => m.id).join(',')}`;
    if (kept.computed?.key !== key) {
      const figures = figuresOf(
        kept.acc,
        movements.map((m) => ({ businessDay: m.business_day, kind: m.kind, amount: m.amount })),
        shift.opening_float,
      );
      kept.computed = { key, figures };
    }
    return { shift, movements, records, figures: kept.computed.figures };
  }

  /**
   * After a sale commits: read it into the kept list on the next turn of the event loop (never in
   * the sale's own), so the day's first X report or count does not read the whole day at once.
   * Several sales in a burst are read together.
   */
  readNewSoon(): void {
    if (this.readSoon || !this.kept) return;
    this.readSoon = true;
    setImmediate(() => {
      this.readSoon = false;
      try {
        if (this.kept && this.sqlite.open) this.kept = this.extend(this.kept);
      } catch {
        this.kept = null; // never a crash from a background read: the next report reads the shift whole
      }
    });
  }

  /**
   * Drops the kept records (the next report reads the shift whole): their lines carry category
   * names as the menu had them when read, and a report names categories as the menu has them now.
   */
  forget(): void {
    this.kept = null;
  }

  private recordsOf(shiftId: string): Kept {
    const kept = this.kept?.shiftId === shiftId ? this.extend(this.kept) : null;
    const sound = kept && kept.sales.length === this.countOrders.get(shiftId) && kept.refunds.length === this.countRefunds.get(shiftId);
    this.kept = sound ? kept : this.extend(nothingKept(shiftId));
    return this.kept;
  }

  private extend(kept: Kept): Kept {
    const more = this.sales.readShiftSales(kept.shiftId, kept.lastRowid);
    const refunds = this.sales.readShiftRefunds(kept.shiftId, kept.lastRefundRowid);
    if (more.orders.length === 0 && refunds.refunds.length === 0) return kept;
    let { first, last, lastRowid } = kept;
    for (const o of more.orders) {
      if (!first || earlier(o, first)) first = o;
      if (!last || earlier(last, o)) last = o;
      lastRowid = Math.max(lastRowid, o.rowid);
    }
    // Both reads are done: the kept sums take the new records (the kept list this replaces is never used again).
    for (const sale of more.sales) kept.acc.addSale(sale);
    for (const refund of refunds.refunds) kept.acc.addRefund(refund);
    return {
      shiftId: kept.shiftId,
      sales: more.sales.length === 0 ? kept.sales : [...kept.sales, ...more.sales],
      lastRowid,
      first,
      last,
      refunds: refunds.refunds.length === 0 ? kept.refunds : [...kept.refunds, ...refunds.refunds],
      lastRefundRowid: refunds.lastRowid,
      acc: kept.acc,
      computed: null,
    };
  }
}

export function movementViews(movements: readonly MovementRow[], nameOf: NameOf): DrawerMovementView[] {
  const voidedBy = new Map<string, string>();
  for (const m of movements) if (m.voids_id) voidedBy.set(m.voids_id, m.id);
  return movements.map((m) => ({
    id: m.id,
    kind: m.kind,
    amount: m.amount,
    category: m.category,
    reason: m.reason,
    by: nameOf(m.user_id) ?? 'Unknown',
    at: m.created_at,
    voidsId: m.voids_id,
    voidedById: voidedBy.get(m.id) ?? null,
  }));
}

export function shiftView(shift: ShiftRow, movements: readonly MovementRow[], nameOf: NameOf, today: string): ShiftView {
  return {
    id: shift.id,
    status: shift.status,
    businessDay: shift.business_day,
    openedAt: shift.opened_at,
    openedBy: nameOf(shift.opened_by) ?? 'Unknown',
    openingFloat: cashCountView(shift.opening_float, shift.opening_counts),
    closedAt: shift.closed_at,
    closedBy: nameOf(shift.closed_by),
    stale: shift.status === 'open' && shift.business_day < today,
    movements: movementViews(movements, nameOf),
  };
}

export function xReportOf(s: ShiftSnapshot, till: { terminalName: string; currency: Currency; generatedAt: number }, nameOf: NameOf): XReport {
  return {
    shiftId: s.shift.id,
    terminalName: till.terminalName,
    currency: till.currency,
    generatedAt: till.generatedAt,
    openedAt: s.shift.opened_at,
    openedBy: nameOf(s.shift.opened_by) ?? 'Unknown',
    figures: s.figures,
    movements: movementViews(s.movements, nameOf),
    cancellations: s.figures.cancellations,
    firstOrderNumber: s.records.firstOrderNumber,
    lastOrderNumber: s.records.lastOrderNumber,
  };
}
