// A shift's figures (the X report, the count's expected cash, the Z report) and its views. Every
// figure comes from computeFigures over the shift's own records: its orders, its refunds and its
// drawer movements (voids carry negated amounts), whatever business day they fall on.
import type Database from 'better-sqlite3';
import type { DrawerMovementView, ShiftView, XReport } from '../shared/contract';
import type { Currency } from '../shared/money';
import { computeFigures, type DayFigures } from '../reports/figures';
import { SalesRecords, type ShiftRecords } from '../reports/salesRecords';
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

export class ShiftFigures {
  private readonly sales: SalesRecords;

  constructor(
    sqlite: Database.Database,
    private readonly rows: ShiftRows,
  ) {
    this.sales = new SalesRecords(sqlite);
  }

  /** Reads the shift's records now (call inside the transaction that acts on them). */
  snapshot(shift: ShiftRow): ShiftSnapshot {
    const movements = this.rows.movements(shift.id);
    const records = this.sales.readShift(shift.id);
    const figures = computeFigures({
      sales: records.sales,
      refunds: records.refunds,
      drawer: movements.map((m) => ({ businessDay: m.business_day, kind: m.kind, amount: m.amount })),
      openingFloat: shift.opening_float,
    });
    return { shift, movements, records, figures };
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
