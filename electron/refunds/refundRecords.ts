// The read side of refunds: an order's refunds as the history shows them, one refund for its
// receipt, and an order's refund state (its lines with what was refunded of each, its tenders)
// that a refund or a cancel is planned from. Prepared statements: a refund is on the hot path.
import type Database from 'better-sqlite3';
import type { PaymentMethod, RefundView } from '../shared/contract';
import type { Currency } from '../shared/money';
import { displayNameOf } from '../accounts/staffDirectory';
import type { LineState, PaidMethod } from './refundMath';

interface RefundRow {
  id: string;
  order_id: string;
  seq: number;
  kind: 'refund' | 'cancel';
  business_day: string;
  created_at: number;
  staff_name: string;
  reason: string;
  amount: number;
  tax: number;
  approver_username: string | null;
  approver_first: string | null;
  approver_last: string | null;
  approver_display: string | null;
}
interface RefundLineRow {
  refund_id: string;
  order_item_id: string;
  name: string;
  quantity: number;
  amount: number;
}
interface RefundTenderRow {
  refund_id: string;
  method: PaymentMethod;
  amount: number;
}

/** What a refund of an order is planned from, read inside the refund's transaction. */
export interface OrderRefundState {
  order: {
    id: string;
    orderNumber: string;
    status: string;
    businessDay: string;
    currency: Currency;
    terminalId: string;
    userId: string;
    staffName: string;
  };
  lines: (LineState & { modifiers: string[] })[];
  /** The order's tenders in payment order, with what was refunded on each so far. */
  paid: PaidMethod[];
  nextSeq: number;
}

const REFUND_COLUMNS = `r.id, r.order_id, r.seq, r.kind, r.business_day, r.created_at, r.staff_name, r.reason, r.amount, r.tax,
  u.username approver_username, u.first_name approver_first, u.last_name approver_last, p.display_name approver_display
  from refunds r left join users u on u.id = r.approved_by left join profiles p on p.user_id = r.approved_by`;

/** "#042-R1": the order's short number and which refund of it. */
export const refundNumber = (shortNumber: string, seq: number): string => `${shortNumber}-R${seq}`;

export class RefundRecords {
  private readonly refundsOf: Database.Statement<[string], RefundRow>;
  private readonly orderOfRefund: Database.Statement<[string], string>;
  private readonly linesOf: Database.Statement<[string], RefundLineRow>;
  private readonly tendersOf: Database.Statement<[string], RefundTenderRow>;
  private readonly orderRow: Database.Statement<[string], OrderRefundState['order']>;
  private readonly lineStates: Database.Statement<[string], { lineId: string; name: string; modifiers: string; quantity: number; lineTotal: number; lineTax: number; refundedQty: number; refundedAmount: number; refundedTax: number }>;
  private readonly paidOf: Database.Statement<[string], { method: PaymentMethod; paid: number }>;
  private readonly refundedOf: Database.Statement<[string], { method: PaymentMethod; refunded: number }>;
  private readonly maxSeq: Database.Statement<[string], number>;
  private readonly byRequestId: Database.Statement<[string], { id: string; orderId: string; userId: string }>;

  constructor(readonly sqlite: Database.Database) {
    this.refundsOf = sqlite.prepare(`select ${REFUND_COLUMNS} where r.order_id = ? order by r.seq`);
    this.orderOfRefund = sqlite.prepare(`select order_id from refunds where id = ?`).pluck() as Database.Statement<[string], string>;
    this.linesOf = sqlite.prepare(
      `select rl.refund_id, rl.order_item_id, i.menu_item_name name, rl.quantity, rl.amount
         from refunds r join refund_lines rl on rl.refund_id = r.id join order_items i on i.id = rl.order_item_id
        where r.order_id = ? order by r.seq, i.position`,
    );
    this.tendersOf = sqlite.prepare(
      `select rt.refund_id, rt.method, rt.amount from refunds r join refund_tenders rt on rt.refund_id = r.id where r.order_id = ? order by r.seq, rt.rowid`,
    );
    this.orderRow = sqlite.prepare(
      `select id, order_number orderNumber, status, business_day businessDay, currency, terminal_id terminalId, user_id userId, staff_name staffName
         from orders where id = ?`,
    );
    // Refunded per line is derived from the refund lines (never a stored counter).
    this.lineStates = sqlite.prepare(
      `select i.id lineId, i.menu_item_name name, i.modifiers, i.quantity, i.line_total lineTotal, i.line_tax lineTax,
              coalesce(sum(rl.quantity), 0) refundedQty, coalesce(sum(rl.amount), 0) refundedAmount, coalesce(sum(rl.tax), 0) refundedTax
         from order_items i left join refund_lines rl on rl.order_item_id = i.id
        where i.order_id = ? group by i.id order by i.position`,
    );
    this.paidOf = sqlite.prepare(`select method, sum(amount) paid from payments where order_id = ? group by method order by min(rowid)`);
    this.refundedOf = sqlite.prepare(
      `select rt.method, sum(rt.amount) refunded from refunds r join refund_tenders rt on rt.refund_id = r.id where r.order_id = ? group by rt.method`,
    );
    this.maxSeq = sqlite.prepare(`select coalesce(max(seq), 0) from refunds where order_id = ?`).pluck() as Database.Statement<[string], number>;
    this.byRequestId = sqlite.prepare(`select id, order_id orderId, user_id userId from refunds where request_id = ?`);
  }

  /** An order's refunds, oldest first. */
  forOrder(orderId: string, shortNumber: string): RefundView[] {
    const rows = this.refundsOf.all(orderId);
    if (rows.length === 0) return [];
    return this.views(rows, shortNumber, this.linesOf.all(orderId), this.tendersOf.all(orderId));
  }

  /** The order a refund refunds; undefined when there is no such refund. */
  orderOf(refundId: string): string | undefined {
    return this.orderOfRefund.get(refundId);
  }

  byRequest(requestId: string): { id: string; orderId: string; userId: string } | undefined {
    return this.byRequestId.get(requestId);
  }

  /** The order with what is left to refund of each line and on each tender; null when there is no such order. */
  state(orderId: string): OrderRefundState | null {
    const order = this.orderRow.get(orderId);
    if (!order) return null;
    const refunded = new Map(this.refundedOf.all(orderId).map((r) => [r.method, r.refunded]));
    return {
      order,
      lines: this.lineStates.all(orderId).map((l) => ({ ...l, modifiers: (JSON.parse(l.modifiers) as { name: string }[]).map((m) => m.name) })),
      paid: this.paidOf.all(orderId).map((p) => ({ method: p.method, paid: p.paid, refunded: refunded.get(p.method) ?? 0 })),
      nextSeq: this.maxSeq.get(orderId)! + 1,
    };
  }

  private views(rows: RefundRow[], shortNumber: string, lines: RefundLineRow[], tenders: RefundTenderRow[]): RefundView[] {
    return rows.map((r) => ({
      id: r.id,
      number: refundNumber(shortNumber, r.seq),
      kind: r.kind,
      businessDay: r.business_day,
      at: r.created_at,
      by: r.staff_name,
      approvedBy: r.approver_username
        ? displayNameOf({ displayName: r.approver_display ?? '', firstName: r.approver_first ?? '', lastName: r.approver_last ?? '', username: r.approver_username })
        : null,
      reason: r.reason,
      amount: r.amount,
      tax: r.tax,
      tenders: tenders.filter((t) => t.refund_id === r.id).map((t) => ({ method: t.method, amount: t.amount })),
      lines: lines.filter((l) => l.refund_id === r.id).map((l) => ({ lineId: l.order_item_id, name: l.name, quantity: l.quantity, amount: l.amount })),
    }));
  }
}
