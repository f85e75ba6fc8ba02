// The blind counts of a shift. Each count is an audit event ('shift.count') written before the
// cashier sees the expected cash, so recounts stay visible; the close uses the latest one. Kept
// in the audit chain rather than in memory, so a restart between count and close loses nothing.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Minor } from '../shared/money';
import type { CountedCash } from './cashCount';

export interface RecordedCount {
  countNumber: number;
  counted: Minor;
  /** Denomination → how many; null when one amount was entered. */
  counts: Record<string, number> | null;
  /** The expected cash when this count was submitted (a close refuses if it has moved since). */
  expected: Minor;
  variance: Minor;
}

const recordedCount = z.object({
  countNumber: z.int().min(1),
  counted: z.int().min(0),
  counts: z.record(z.string(), z.int().min(0)).nullable(),
  expected: z.int(),
  variance: z.int(),
});

export const COUNT_ACTION = 'shift.count';

export class ShiftCounts {
  // Newest first on audit_events_action (action, seq): the shift's last count is near the top.
  private readonly lastStmt: Database.Statement<[string, string], { new_value: string | null }>;

  constructor(
    sqlite: Database.Database,
    private readonly audit: AuditLog,
  ) {
    this.lastStmt = sqlite.prepare(
      `select new_value from audit_events where action = ? and entity_type = 'shift' and entity_id = ? order by seq desc limit 1`,
    );
  }

  /** The latest count of the shift, or null before the first. */
  last(shiftId: string): RecordedCount | null {
    const row = this.lastStmt.get(COUNT_ACTION, shiftId);
    if (!row?.new_value) return null;
    return recordedCount.parse(JSON.parse(row.new_value));
  }

  /** Records a count (inside the caller's transaction) and returns it with its number. */
  record(session: Session, shiftId: string, cash: CountedCash, expected: Minor): RecordedCount {
    const count: RecordedCount = {
      countNumber: (this.last(shiftId)?.countNumber ?? 0) + 1,
      counted: cash.total,
      counts: cash.counts,
      expected,
      variance: cash.total - expected,
    };
    this.audit.append({ actorUserId: session.userId, action: COUNT_ACTION, entityType: 'shift', entityId: shiftId, newValue: count });
    return count;
  }
}
