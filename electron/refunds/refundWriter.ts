// Writes one refund (its row, its lines, its tenders) inside the caller's transaction: a refund,
// a cancel ("refund everything + cancel") and the migration of old cancels all write through here.
// The rows are append-only (triggers): a refund is never edited, a mistake is answered by another.
import type Database from 'better-sqlite3';
import { newId } from '../../db/ids';
import type { PaymentMethod } from '../shared/contract';
import type { Minor } from '../shared/money';
import type { RefundPlan } from './refundMath';

export interface RefundRow {
  orderId: string;
  seq: number;
  kind: 'refund' | 'cancel';
  requestId: string;
  terminalId: string;
  shiftId: string | null;
  businessDay: string;
  userId: string;
  staffName: string;
  approvedBy: string | null;
  reason: string;
  createdAt: number;
}

export class RefundWriter {
  private readonly insertRefund: Database.Statement;
  private readonly insertLine: Database.Statement;
  private readonly insertTender: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.insertRefund = sqlite.prepare(
      `insert into refunds (id, order_id, seq, kind, request_id, terminal_id, shift_id, business_day, user_id, staff_name, approved_by, reason, amount, tax, created_at)
       values (@id, @orderId, @seq, @kind, @requestId, @terminalId, @shiftId, @businessDay, @userId, @staffName, @approvedBy, @reason, @amount, @tax, @createdAt)`,
    );
    this.insertLine = sqlite.prepare(`insert into refund_lines (id, refund_id, order_item_id, quantity, amount, tax) values (?, ?, ?, ?, ?, ?)`);
    this.insertTender = sqlite.prepare(`insert into refund_tenders (id, refund_id, method, amount) values (?, ?, ?, ?)`);
  }

  /** Writes the refund; returns its id. Must run inside a transaction. */
  write(row: RefundRow, plan: RefundPlan, tenders: readonly { method: PaymentMethod; amount: Minor }[]): string {
    const handedBack = tenders.reduce((a, t) => a + t.amount, 0);
    if (handedBack !== plan.amount) throw new Error(`refund tenders ${handedBack} differ from its lines ${plan.amount}`);
    const id = newId(row.createdAt);
    this.insertRefund.run({ ...row, id, amount: plan.amount, tax: plan.tax });
    for (const l of plan.lines) this.insertLine.run(newId(row.createdAt), id, l.lineId, l.quantity, l.amount, l.tax);
    for (const t of tenders) if (t.amount > 0) this.insertTender.run(newId(row.createdAt), id, t.method, t.amount);
    return id;
  }
}
