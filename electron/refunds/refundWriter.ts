// Writes one refund (its row, its lines, its tenders) inside the caller's transaction: a refund,
// a cancel ("refund everything + cancel") and the migration of old cancels all write through here.
// The rows are append-only (triggers): a refund is never edited, a mistake is answered by another.
// The day's sales rollups take the refund in the same transaction.
import type Database from 'better-sqlite3';
import { newId } from '../../db/ids';
import { localHourOf } from '../orders/orderNumbers';
import { RollupWriter } from '../reports/rollupWriter';
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
  private readonly saleOf: Database.Statement<[string], { staffName: string; taxRateBp: number; pricesIncludeTax: number }>;
  private readonly itemOf: Database.Statement<[string], string>;
  private readonly rollups: RollupWriter;

  /** `zone`: the shop's time zone now (a refund is filed under the local hour it is issued). */
  constructor(
    sqlite: Database.Database,
    private readonly zone: () => string,
  ) {
    this.insertRefund = sqlite.prepare(
      `insert into refunds (id, order_id, seq, kind, request_id, terminal_id, shift_id, business_day, user_id, staff_name, approved_by, reason, amount, tax, created_at)
       values (@id, @orderId, @seq, @kind, @requestId, @terminalId, @shiftId, @businessDay, @userId, @staffName, @approvedBy, @reason, @amount, @tax, @createdAt)`,
    );
    this.insertLine = sqlite.prepare(`insert into refund_lines (id, refund_id, order_item_id, quantity, amount, tax) values (?, ?, ?, ?, ?, ?)`);
    this.insertTender = sqlite.prepare(`insert into refund_tenders (id, refund_id, method, amount) values (?, ?, ?, ?)`);
    // A refund counts against the staff member, rate and pricing of the sale, and the item of the line, it refunds.
    this.saleOf = sqlite.prepare(`select staff_name staffName, tax_rate_bp taxRateBp, prices_include_tax pricesIncludeTax from orders where id = ?`);
    this.itemOf = sqlite.prepare(`select menu_item_id from order_items where id = ?`).pluck() as Database.Statement<[string], string>;
    this.rollups = new RollupWriter(sqlite);
  }

  /** Writes the refund; returns its id. Must run inside a transaction. */
  write(row: RefundRow, plan: RefundPlan, tenders: readonly { method: PaymentMethod; amount: Minor }[]): string {
    const handedBack = tenders.reduce((a, t) => a + t.amount, 0);
    if (handedBack !== plan.amount) throw new Error(`refund tenders ${handedBack} differ from its lines ${plan.amount}`);
    const id = newId(row.createdAt);
    this.insertRefund.run({ ...row, id, amount: plan.amount, tax: plan.tax });
    for (const l of plan.lines) this.insertLine.run(newId(row.createdAt), id, l.lineId, l.quantity, l.amount, l.tax);
    for (const t of tenders) if (t.amount > 0) this.insertTender.run(newId(row.createdAt), id, t.method, t.amount);
    const sale = this.saleOf.get(row.orderId);
    if (!sale) throw new Error(`refund of order ${row.orderId}, which does not exist`);
    this.rollups.refund({
      refundId: id,
      businessDay: row.businessDay,
      kind: row.kind,
      reason: row.reason,
      hour: localHourOf(row.createdAt, this.zone()),
      staffName: sale.staffName,
      taxRateBp: sale.taxRateBp,
      pricesIncludeTax: sale.pricesIncludeTax === 1,
      lines: plan.lines.map((l) => ({ itemId: this.itemOf.get(l.lineId)!, amount: l.amount, tax: l.tax })),
      tenders,
    });
    return id;
  }
}
