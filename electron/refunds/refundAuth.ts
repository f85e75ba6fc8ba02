// Who may hand money back. Managers refund alone up to the refund limit (Settings → Drawer) —
// counted over everything handed back on the order, so a large refund cannot be split into small
// ones — the owner above it; everyone else needs an approval bound to this refund (order, amount, tender),
// used up inside the refund's transaction. The approver's role is checked again when it is used:
// over the limit only someone who may refund over it can have approved.
import type { ApprovalStore } from '../accounts/approvals';
import type { Session } from '../accounts/sessions';
import type { StaffDirectory } from '../accounts/staffDirectory';
import { ServiceError } from '../core/errors';
import type { ApprovalParams, RefundPreview } from '../shared/contract';
import { formatMoney, type Minor } from '../shared/money';
import { can, type Role } from '../shared/permissions';
import type { SettingsStore } from '../settings/shopSettings';

const forbidden = (message: string) => new ServiceError('FORBIDDEN', message);

export class RefundAuth {
  constructor(
    private readonly settings: SettingsStore,
    private readonly staff: StaffDirectory,
    private readonly approvals: ApprovalStore,
  ) {}

  private limit(): Minor {
    return this.settings.drawer().refundLimit;
  }

  private money(amount: Minor): string {
    return formatMoney(amount, this.settings.requireShop().currency);
  }

  private overLimitMessage(): string {
    return `Over the refund limit of ${this.money(this.limit())}: only the owner can approve`;
  }

  /** Whether this person may bring the order's refunds to `orderTotal` without anybody's approval. */
  mayAlone(role: Role, orderTotal: Minor): boolean {
    return can(role, 'orders.refund') && (orderTotal <= this.limit() || can(role, 'orders.refundOverLimit'));
  }

  /**
   * For the preview: null when this person may refund `amount` now, else whose approval it needs.
   * `before` is what the order's earlier refunds handed back: the limit is on the order's total.
   */
  needsApproval(session: Session, amount: Minor, before: Minor): RefundPreview['needsApproval'] {
    if (this.mayAlone(session.role, before + amount)) return null;
    const limit = this.limit();
    return { action: 'order.refund', ownerOnly: before + amount > limit, limit };
  }

  /** override.approve for a refund: over the limit (the order's refunds with this one), only someone who may refund over it approves. */
  assertMayApprove(approverRole: Role, amount: Minor, before: Minor): void {
    if (before + amount > this.limit() && !can(approverRole, 'orders.refundOverLimit')) throw forbidden(this.overLimitMessage());
  }

  /**
   * Runs `write` (synchronous, inside the refund's transaction) with the approver's id, or null
   * when the person may refund alone. Otherwise the approval bound to exactly `params` is used up
   * around `write`, so a refused or failed write leaves it for a retry.
   */
  authorise<T>(session: Session, params: ApprovalParams['order.refund'], before: Minor, approvalId: string | undefined, write: (approverId: string | null) => T): T {
    if (this.mayAlone(session.role, before + params.amount)) return write(null);
    const over = before + params.amount > this.limit();
    if (!approvalId) {
      if (can(session.role, 'orders.refund')) throw forbidden(`Over the refund limit of ${this.money(this.limit())}: ask the owner to approve`);
      throw forbidden(over ? `A refund over ${this.money(this.limit())} needs the owner's approval` : "A refund needs a manager's approval");
    }
    return this.approvals.use(approvalId, 'order.refund', session, params, (approver) => {
      this.assertApprover(approver.approverId, over);
      return write(approver.approverId);
    });
  }

  /**
   * A cancel hands back everything left on the order: over the limit, the person cancelling or the
   * one who approved the cancel must be allowed to refund over it.
   */
  assertCancelWithin(session: Session, approverId: string | null, amount: Minor, before: Minor): void {
    if (before + amount <= this.limit() || can(session.role, 'orders.refundOverLimit')) return;
    const approver = approverId ? this.staff.findById(approverId) : null;
    if (approver?.isActive && can(approver.role, 'orders.refundOverLimit')) return;
    throw forbidden(before > 0 ? `Cancelling hands back ${this.money(amount)} more (${this.money(before + amount)} with the earlier refunds), over the refund limit: ask the owner` : `Cancelling hands back ${this.money(amount)}, over the refund limit: ask the owner`);
  }

  private assertApprover(approverId: string, over: boolean): void {
    const approver = this.staff.findById(approverId);
    if (!approver?.isActive) throw forbidden('That approval is no longer valid. Ask the manager to approve again.');
    if (over && !can(approver.role, 'orders.refundOverLimit')) throw forbidden(this.overLimitMessage());
    if (!can(approver.role, 'orders.refund')) throw forbidden(`${approver.displayName} cannot approve refunds. Ask a manager.`);
  }
}
