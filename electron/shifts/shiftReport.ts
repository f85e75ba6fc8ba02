// A shift's figures (the X report, the count's expected cash, the Z report) and its views. Every
// figure comes from computeFigures over the shift's own records: its orders, its refunds and its
// drawer movements (voids carry negated amounts), whatever business day they fall on.
import type Database from 'better-sqlite3';
import type { DrawerMovementView, ShiftView, XReport } from '../shared/contract';
import type { Currency } from '../shared/money';
import { computeFigures, type DayFigures, type SaleRecord } from '../reports/figures';
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

/** The open shift's sales read so far: a sale is immutable once written, so each report reads only newer ones. */
interface SalesSoFar {
  shiftId: string;
  sales: SaleRecord[];
  lastRowid: number;
  first: ShiftOrder | null;
  last: ShiftOrder | null;
}

export class ShiftFigures {
  private readonly sales: SalesRecords;
  private readonly countOrders: Database.Statement<[string], number>;
  private soFar: SalesSoFar | null = null;
  private readSoon = false;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly rows: ShiftRows,
  ) {
    this.sales = new SalesRecords(sqlite);
    this.countOrders = sqlite.prepare(`select count(*) from orders where shift_id = ?`).pluck() as Database.Statement<[string], number>;
  }

  /**
   * Reads the shift's records now (call inside the transaction that acts on them). A day's
   * shift holds ~1,500 sales (~4,500 lines): reading them all costs more than the X report's
   * 20 ms budget on a year of data, so the sales already read are kept (one shift per till: read
   * at start-up and after each sale, see readNewSoon) and only the ones stored since are read —
   * by rowid on the orders_shift index. Refunds and drawer
   * movements are few and read whole. A count of the shift's orders (index only) guards the kept
   * list: if it ever disagrees, everything is read again.
   */
  snapshot(shift: ShiftRow): ShiftSnapshot {
    const movements = this.rows.movements(shift.id);
    const soFar = this.salesOf(shift.id);
    const records: ShiftRecords = {
      sales: soFar.sales,
      refunds: this.sales.readShiftRefunds(shift.id),
      firstOrderNumber: soFar.first?.orderNumber ?? null,
      lastOrderNumber: soFar.last?.orderNumber ?? null,
    };
    const figures = computeFigures({
      sales: records.sales,
      refunds: records.refunds,
      drawer: movements.map((m) => ({ businessDay: m.business_day, kind: m.kind, amount: m.amount })),
      openingFloat: shift.opening_float,
    });
    return { shift, movements, records, figures };
  }

  /**
   * After a sale commits: read it into the kept list on the next turn of the event loop (never in
   * the sale's own), so the day's first X report or count does not read the whole day at once.
   * Several sales in a burst are read together.
   */
  readNewSoon(): void {
    if (this.readSoon || !this.soFar) return;
    this.readSoon = true;
    setImmediate(() => {
      this.readSoon = false;
      try {
        if (this.soFar && this.sqlite.open) this.soFar = this.extend(this.soFar);
      } catch {
        this.soFar = null; // never a crash from a background read: the next report reads the shift whole
      }
    });
  }

  /**
   * Drops the kept sales (the next report reads the shift whole): their lines carry category names
   * as the menu had them when read, and a report names categories as the menu has them now.
   */
  forget(): void {
    this.soFar = null;
  }

  private salesOf(shiftId: string): SalesSoFar {
    const kept = this.soFar?.shiftId === shiftId ? this.soFar : null;
    const soFar = kept ? this.extend(kept) : null;
    const fresh = soFar && soFar.sales.length === this.countOrders.get(shiftId) ? soFar : this.extend({ shiftId, sales: [], lastRowid: -Infinity, first: null, last: null });
    this.soFar = fresh;
    return fresh;
  }

  private extend(soFar: SalesSoFar): SalesSoFar {
    const more = this.sales.readShiftSales(soFar.shiftId, soFar.lastRowid);
    if (more.orders.length === 0) return soFar;
    let { first, last, lastRowid } = soFar;
    for (const o of more.orders) {
      if (!first || earlier(o, first)) first = o;
      if (!last || earlier(last, o)) last = o;
      lastRowid = Math.max(lastRowid, o.rowid);
    }
    return { shiftId: soFar.shiftId, sales: [...soFar.sales, ...more.sales], lastRowid, first, last };
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
