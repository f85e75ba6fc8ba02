// The rows of shifts and drawer_movements, read and written through prepared statements (the
// drawer and close paths run them inside their own transactions).
import type Database from 'better-sqlite3';
import type { DrawerMovementKind } from '../shared/contract';

export interface ShiftRow {
  id: string;
  terminal_id: string;
  status: 'open' | 'closed';
  business_day: string;
  opened_by: string;
  opened_at: number;
  opening_float: number;
  opening_counts: string | null;
  open_request_id: string;
  closed_by: string | null;
  closed_at: number | null;
  counted_cash: number | null;
  counted_counts: string | null;
  expected_cash: number | null;
  variance: number | null;
  variance_reason: string;
  variance_approved_by: string | null;
  left_in_drawer: number | null;
}

export interface MovementRow {
  id: string;
  shift_id: string;
  kind: DrawerMovementKind;
  amount: number;
  category: string;
  reason: string;
  user_id: string;
  voids_id: string | null;
  request_id: string;
  business_day: string;
  created_at: number;
}

export interface NewShift {
  id: string;
  terminalId: string;
  businessDay: string;
  openedBy: string;
  openedAt: number;
  openingFloat: number;
  openingCounts: string | null;
  openRequestId: string;
}

export interface ShiftClose {
  id: string;
  closedBy: string;
  closedAt: number;
  countedCash: number;
  countedCounts: string | null;
  expectedCash: number;
  variance: number;
  varianceReason: string;
  varianceApprovedBy: string | null;
  leftInDrawer: number;
}

type Stmt<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export class ShiftRows {
  private readonly byIdStmt: Stmt<[string], ShiftRow>;
  private readonly openOnStmt: Stmt<[string], ShiftRow>;
  private readonly byRequestStmt: Stmt<[string], ShiftRow>;
  private readonly lastLeftStmt: Stmt<[string], { left_in_drawer: number | null }>;
  private readonly insertStmt: Stmt<[NewShift]>;
  private readonly closeStmt: Stmt<[ShiftClose]>;
  private readonly movementsStmt: Stmt<[string], MovementRow>;
  private readonly movementStmt: Stmt<[string], MovementRow>;
  private readonly movementByRequestStmt: Stmt<[string], MovementRow>;
  private readonly voidOfStmt: Stmt<[string], { id: string }>;
  private readonly insertMovementStmt: Stmt<[MovementRow]>;

  constructor(sqlite: Database.Database) {
    this.byIdStmt = sqlite.prepare(`select * from shifts where id = ?`);
    this.openOnStmt = sqlite.prepare(`select * from shifts where terminal_id = ? and status = 'open'`);
    this.byRequestStmt = sqlite.prepare(`select * from shifts where open_request_id = ?`);
    // The latest shift opened on the till that has closed (shifts_till index, newest first).
    this.lastLeftStmt = sqlite.prepare(
      `select left_in_drawer from shifts where terminal_id = ? and status = 'closed' order by opened_at desc limit 1`,
    );
    this.insertStmt = sqlite.prepare(
      `insert into shifts (id, terminal_id, status, business_day, opened_by, opened_at, opening_float, opening_counts, open_request_id)
       values (@id, @terminalId, 'open', @businessDay, @openedBy, @openedAt, @openingFloat, @openingCounts, @openRequestId)`,
    );
    // The one update a shift row ever gets (the shifts_close_once trigger refuses any other).
    this.closeStmt = sqlite.prepare(
      `update shifts set status = 'closed', closed_by = @closedBy, closed_at = @closedAt, counted_cash = @countedCash,
              counted_counts = @countedCounts, expected_cash = @expectedCash, variance = @variance,
              variance_reason = @varianceReason, variance_approved_by = @varianceApprovedBy, left_in_drawer = @leftInDrawer
        where id = @id and status = 'open'`,
    );
    this.movementsStmt = sqlite.prepare(`select * from drawer_movements where shift_id = ? order by created_at, id`);
    this.movementStmt = sqlite.prepare(`select * from drawer_movements where id = ?`);
    this.movementByRequestStmt = sqlite.prepare(`select * from drawer_movements where request_id = ?`);
    this.voidOfStmt = sqlite.prepare(`select id from drawer_movements where voids_id = ?`);
    this.insertMovementStmt = sqlite.prepare(
      `insert into drawer_movements (id, shift_id, kind, amount, category, reason, user_id, voids_id, request_id, business_day, created_at)
       values (@id, @shift_id, @kind, @amount, @category, @reason, @user_id, @voids_id, @request_id, @business_day, @created_at)`,
    );
  }

  byId(id: string): ShiftRow | undefined {
    return this.byIdStmt.get(id);
  }
  openOn(terminalId: string): ShiftRow | undefined {
    return this.openOnStmt.get(terminalId);
  }
  byOpenRequest(requestId: string): ShiftRow | undefined {
    return this.byRequestStmt.get(requestId);
  }
  /** What the last close on this till left in the drawer (0 before the first close). */
  lastLeftInDrawer(terminalId: string): number {
    return this.lastLeftStmt.get(terminalId)?.left_in_drawer ?? 0;
  }
  insert(shift: NewShift): void {
    this.insertStmt.run(shift);
  }
  close(close: ShiftClose): void {
    if (this.closeStmt.run(close).changes !== 1) throw new Error(`shift ${close.id} was not open`);
  }

  movements(shiftId: string): MovementRow[] {
    return this.movementsStmt.all(shiftId);
  }
  movement(id: string): MovementRow | undefined {
    return this.movementStmt.get(id);
  }
  movementByRequest(requestId: string): MovementRow | undefined {
    return this.movementByRequestStmt.get(requestId);
  }
  /** The counter-movement that voided `id`, if any. */
  voidOf(id: string): string | null {
    return this.voidOfStmt.get(id)?.id ?? null;
  }
  insertMovement(row: MovementRow): void {
    this.insertMovementStmt.run(row);
  }
}
