// Orders cancelled before refunds were recorded (issue 9) only changed status: their money went
// back with no record. At start, each such order gets the refund a cancel writes today — kind
// 'cancel', everything still refundable (a partial refund before the cancel keeps its own share),
// to the original tenders — dated when it was cancelled and by whom, so the
// money trail and every report reconcile. Idempotent: the second start finds nothing to do, with
// one indexed query (orders_queue on status, refunds_order_seq on order_id).
import type Database from 'better-sqlite3';
import { displayNameOf } from '../accounts/staffDirectory';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { businessDayOf } from '../orders/orderNumbers';
import type { SettingsStore } from '../settings/shopSettings';
import { planEverything, refundTenders } from './refundMath';
import type { RefundRecords } from './refundRecords';
import { RefundWriter } from './refundWriter';

interface Pending {
  id: string;
  userId: string;
  staffName: string;
  updatedAt: number;
}
interface CancelEvent {
  userId: string | null;
  reason: string;
  createdAt: number;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  displayName: string | null;
}

export class LegacyCancels {
  private readonly pending: Database.Statement<[], Pending>;

  constructor(
    private readonly deps: Pick<Deps, 'sqlite' | 'terminal'>,
    private readonly settings: SettingsStore,
    private readonly records: RefundRecords,
    private readonly audit: AuditLog,
  ) {
    this.pending = deps.sqlite.prepare(
      `select o.id, o.user_id userId, o.staff_name staffName, o.updated_at updatedAt
         from orders o where o.status = 'cancelled' and not exists (select 1 from refunds r where r.order_id = o.id and r.kind = 'cancel')`,
    );
  }

  /** Writes the missing refunds; returns how many orders got one. */
  run(): number {
    const { sqlite } = this.deps;
    if (!this.pending.get()) return 0;
    const writer = new RefundWriter(sqlite, () => this.settings.requireShop().timezone);
    const lastCancel: Database.Statement<[string], CancelEvent> = sqlite.prepare(
      `select e.user_id userId, e.reason, e.created_at createdAt, u.username, u.first_name firstName, u.last_name lastName, p.display_name displayName
         from order_status_events e left join users u on u.id = e.user_id left join profiles p on p.user_id = e.user_id
        where e.order_id = ? and e.to_status = 'cancelled' order by e.created_at desc, e.id desc limit 1`,
    );
    const approverOf = sqlite.prepare(`select approver_user_id from audit_events where action = 'order.cancel' and entity_id = ? order by seq desc limit 1`).pluck() as Database.Statement<
      [string],
      string | null
    >;
    const shop = this.settings.requireShop(); // there are orders, so the shop is set up
    return sqlite
      .transaction(() => {
        const orders = this.pending.all(); // again, inside the write lock
        let amount = 0;
        for (const o of orders) {
          const state = this.records.state(o.id)!;
          const plan = planEverything(state.lines);
          const event = lastCancel.get(o.id);
          const at = event?.createdAt ?? o.updatedAt;
          const byEvent = event?.userId && event.username;
          writer.write(
            {
              orderId: o.id,
              seq: state.nextSeq,
              kind: 'cancel',
              requestId: `cancel:${o.id}`,
              terminalId: state.order.terminalId,
              shiftId: null,
              businessDay: businessDayOf(at, shop.timezone, shop.businessDayStartMinutes),
              userId: byEvent ? event.userId! : o.userId,
              staffName: byEvent
                ? displayNameOf({ displayName: event.displayName ?? '', firstName: event.firstName ?? '', lastName: event.lastName ?? '', username: event.username! })
                : o.staffName,
              approvedBy: approverOf.get(o.id) ?? null,
              reason: event?.reason ?? '',
              createdAt: at,
            },
            plan,
            refundTenders(plan.amount, state.paid, 'original'),
          );
          amount += plan.amount;
        }
        if (orders.length > 0) {
          this.audit.append({
            actorUserId: null,
            action: 'refund.migrateCancels',
            entityType: 'refunds',
            entityId: this.deps.terminal.id,
            newValue: { count: orders.length, amount },
            reason: 'Orders cancelled before refunds were recorded: each now has its refund of everything',
          });
        }
        return orders.length;
      })
      .immediate();
  }
}
