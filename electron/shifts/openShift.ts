import type Database from 'better-sqlite3';
import { conflict } from '../core/errors';

export const NO_SHIFT_FOR_CASH = 'Cash goes into a counted drawer: open a shift first (Drawer → Open shift), or take card.';

/**
 * The shift open on a till, read inside the caller's transaction (checkout, refunds, drawer
 * movements): one indexed lookup on shifts_one_open_per_till.
 */
export class OpenShift {
  private readonly stmt: Database.Statement<[string], { id: string }>;

  constructor(sqlite: Database.Database) {
    this.stmt = sqlite.prepare(`select id from shifts where terminal_id = ? and status = 'open'`);
  }

  idOn(terminalId: string): string | null {
    return this.stmt.get(terminalId)?.id ?? null;
  }

  /** The open shift's id; refused with `message` when none is open. */
  require(terminalId: string, message = NO_SHIFT_FOR_CASH): string {
    const id = this.idOn(terminalId);
    if (!id) throw conflict(message);
    return id;
  }
}
