import { asc, eq, inArray } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { orderItems, orders, orderStatusEvents } from '../../db/schema';
import { shortOrderNumber, type OrderDetail, type OrderStatus, type QueueOrderView } from '../shared/contract';
import type { ApprovalStore, Approver } from '../accounts/approvals';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, notFound } from '../core/errors';
import type { RefundService } from '../refunds/refundService';
import type { OrderHistory } from './orderHistory';

const NEXT: Partial<Record<OrderStatus, OrderStatus>> = { pending: 'preparing', preparing: 'ready', ready: 'completed' };
const STATUS_WORDS: Record<OrderStatus, string> = {
  pending: 'waiting',
  preparing: 'being made',
  ready: 'ready',
  completed: 'completed',
  cancelled: 'cancelled',
};

/** The bar queue: paid orders move pending → preparing → ready → completed, or get cancelled. */
export class OrderQueue {
  constructor(
    private readonly deps: Deps,
    private readonly history: OrderHistory,
    private readonly audit: AuditLog,
    private readonly approvals: ApprovalStore,
    private readonly refunds: RefundService,
  ) {}

  private views(rows: (typeof orders.$inferSelect)[]): QueueOrderView[] {
    if (rows.length === 0) return [];
    const lines = this.deps.db
      .select()
      .from(orderItems)
      .where(inArray(orderItems.orderId, rows.map((r) => r.id)))
      .orderBy(asc(orderItems.position))
      .all();
    return rows.map((o) => ({
      id: o.id,
      shortNumber: shortOrderNumber(o.orderNumber),
      status: o.status,
      paidAt: o.paidAt,
      staffName: o.staffName,
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      specialInstructions: o.specialInstructions,
      lines: lines
        .filter((l) => l.orderId === o.id)
        .map((l) => ({
          name: l.menuItemName,
          quantity: l.quantity,
          modifiers: (l.modifiers as { name: string }[]).map((m) => m.name),
          note: l.note,
        })),
    }));
  }

  /** Open orders, oldest first: what the bar still has to make or hand over. */
  list(): QueueOrderView[] {
    const rows = this.deps.db
      .select()
      .from(orders)
      .where(inArray(orders.status, ['pending', 'preparing', 'ready']))
      .orderBy(asc(orders.paidAt))
      .limit(200)
      .all();
    return this.views(rows);
  }

  private record(orderId: string, from: OrderStatus, to: OrderStatus, session: Session, reason = ''): void {
    const now = this.deps.clock.now();
    this.deps.db.update(orders).set({ status: to, updatedAt: now }).where(eq(orders.id, orderId)).run();
    this.deps.db
      .insert(orderStatusEvents)
      .values({ id: newId(now), orderId, fromStatus: from, toStatus: to, userId: session.userId, reason, createdAt: now })
      .run();
  }

  /** One step along the queue; `from` makes a double tap harmless (the second one is refused). */
  advance(session: Session, orderId: string, from: OrderStatus): QueueOrderView {
    return this.deps.sqlite.transaction(() => {
      const order = this.deps.db.select().from(orders).where(eq(orders.id, orderId)).get();
      if (!order) throw notFound('That order');
      if (order.status !== from) throw conflict(`That order is already ${STATUS_WORDS[order.status]}`);
      const to = NEXT[from];
      if (!to) throw conflict(`A ${STATUS_WORDS[from]} order cannot move on`);
      this.record(orderId, from, to, session);
      return this.views([this.deps.db.select().from(orders).where(eq(orders.id, orderId)).get()!])[0]!;
    })();
  }

  /**
   * Cancels a paid order: "refund everything + cancel", so the money trail is complete. Everything
   * still refundable goes back to the original tenders as a refund of kind 'cancel', the order
   * turns cancelled, and both are audited, in one transaction. A barista needs a manager's approval
   * (`approvalId`; a manager brings the owner's when the cancel hands back more than the refund
   * limit), used up here, for this order only, and only if the cancel is written.
   */
  cancel(session: Session, orderId: string, reason: string, approvalId: string | null): OrderDetail {
    const write = (approver: Approver | null) => this.writeCancel(session, orderId, reason, approver?.approverId ?? null);
    if (approvalId === null) write(null);
    else this.approvals.use(approvalId, 'order.cancelPaid', session, { orderId }, write);
    return this.history.detail(orderId);
  }

  private writeCancel(session: Session, orderId: string, reason: string, approverId: string | null): void {
    this.deps.sqlite
      .transaction(() => {
        const order = this.deps.db.select().from(orders).where(eq(orders.id, orderId)).get();
        if (!order) throw notFound('That order');
        if (order.status === 'cancelled') throw conflict('That order is already cancelled');
        const refund = this.refunds.refundForCancel(session, orderId, reason, approverId);
        this.record(orderId, order.status, 'cancelled', session, reason);
        this.audit.append({
          actorUserId: session.userId,
          approverUserId: approverId,
          action: 'order.cancel',
          entityType: 'order',
          entityId: orderId,
          oldValue: { status: order.status, total: order.total },
          newValue: { status: 'cancelled', refundId: refund.refundId, refunded: refund.amount, tenders: refund.tenders },
          reason,
        });
      })
      .immediate();
  }
}
