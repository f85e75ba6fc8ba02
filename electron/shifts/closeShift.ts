// Closing a shift: the last blind count against the expected cash recomputed inside the write,
// the variance explained (and approved by a manager when over the tolerance), then the shift
// row, its audit event and the numbered, hashed Z report in one immediate transaction.
import type Database from 'better-sqlite3';
import { newId } from '../../db/ids';
import type { ParsedInput, ZReportContent, ZReportView } from '../shared/contract';
import { formatMoney } from '../shared/money';
import { can } from '../shared/permissions';
import type { ApprovalStore } from '../accounts/approvals';
import type { Session } from '../accounts/sessions';
import type { StaffDirectory } from '../accounts/staffDirectory';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid, notFound, ServiceError } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import { cashCountView } from './cashCount';
import type { PaymentGate } from './paymentGate';
import type { RecordedCount, ShiftCounts } from './shiftCounts';
import { xReportOf, type ShiftFigures, type ShiftSnapshot } from './shiftReport';
import type { ShiftRows } from './shiftRows';
import { sealZContent } from './zReportContent';
import type { ZReports } from './zReports';

export function paymentOpenMessage(name: string): string {
  return `A sale is being paid on this till (${name}'s payment screen is open). Finish or close it first.`;
}

export class ShiftCloser {
  private readonly auditHead: Database.Statement<[], { hash: string }>;

  constructor(
    private readonly deps: Deps,
    private readonly settings: SettingsStore,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditLog,
    private readonly approvals: ApprovalStore,
    private readonly rows: ShiftRows,
    private readonly figures: ShiftFigures,
    private readonly counts: ShiftCounts,
    private readonly gate: PaymentGate,
    private readonly zReports: ZReports,
  ) {
    this.auditHead = deps.sqlite.prepare(`select hash from audit_events order by seq desc limit 1`);
  }

  close(session: Session, input: ParsedInput<'shifts.close'>): ZReportView {
    const run = this.deps.sqlite.transaction((): string => {
      const shift = this.rows.byId(input.shiftId);
      if (!shift || shift.terminal_id !== this.deps.terminal.id) throw notFound('That shift');
      // Closing twice (a double tap, a retry) answers with the Z report of the first close.
      if (shift.status === 'closed') {
        const zId = this.zReports.idForShift(shift.id);
        if (!zId) throw new Error(`closed shift ${shift.id} has no Z report`);
        return zId;
      }
      const paying = this.gate.busy();
      if (paying) throw conflict(paymentOpenMessage(paying));
      const count = this.counts.last(shift.id);
      if (!count) throw conflict('Count the drawer first');
      // The count is only good for the drawer it saw: any sale, refund or movement since moves the expected cash.
      const snapshot = this.figures.snapshot(shift);
      if (snapshot.figures.expectedCash !== count.expected) throw conflict('Something changed since the count: count again');
      if (input.leftInDrawer > count.counted) {
        throw invalid(`You cannot leave more than the ${formatMoney(count.counted, this.settings.requireShop().currency)} counted`, { leftInDrawer: 'More than was counted' });
      }
      const over = Math.abs(count.variance) > this.settings.drawer().varianceTolerance;
      const reason = input.varianceReason ?? '';
      if (over && reason.length < 3) throw invalid('Say why the drawer is off', { varianceReason: 'Say why (at least 3 characters)' });

      const write = (approverId: string | null) => this.write(session, snapshot, count, input.leftInDrawer, reason, approverId);
      if (!over) return write(null);
      if (can(session.role, 'shifts.manage')) return write(session.userId);
      if (!input.approvalId) {
        const shop = this.settings.requireShop();
        const off = count.variance < 0 ? `${formatMoney(-count.variance, shop.currency)} short` : `${formatMoney(count.variance, shop.currency)} over`;
        throw new ServiceError('FORBIDDEN', `The drawer is ${off}: a manager must approve closing it.`);
      }
      // The approval is bound to this shift and this variance, and used up only if the close is written.
      return this.approvals.use(input.approvalId, 'shift.variance', session, { shiftId: shift.id, variance: count.variance }, (a) => write(a.approverId));
    });
    return this.zReports.get(run.immediate());
  }

  /** The shift row, the audit event and the Z report; returns the Z report's id. */
  private write(session: Session, s: ShiftSnapshot, count: RecordedCount, leftInDrawer: number, reason: string, approverId: string | null): string {
    const { clock, terminal } = this.deps;
    const now = clock.now();
    const shop = this.settings.requireShop();
    const countedCounts = count.counts === null ? null : JSON.stringify(count.counts);
    this.rows.close({
      id: s.shift.id,
      closedBy: session.userId,
      closedAt: now,
      countedCash: count.counted,
      countedCounts,
      expectedCash: count.expected,
      variance: count.variance,
      varianceReason: reason,
      varianceApprovedBy: approverId,
      leftInDrawer,
    });
    const number = this.zReports.nextNumber();
    this.audit.append({
      actorUserId: session.userId,
      approverUserId: approverId,
      action: 'shift.close',
      entityType: 'shift',
      entityId: s.shift.id,
      newValue: { zNumber: number, counted: count.counted, expected: count.expected, variance: count.variance, leftInDrawer },
      reason,
    });
    const nameOf = this.staff.nameLookup();
    const { generatedAt: _generatedAt, ...x } = xReportOf(s, { terminalName: terminal.name, currency: shop.currency, generatedAt: now }, nameOf);
    const content: ZReportContent = {
      ...x,
      number,
      shopName: shop.name,
      timezone: shop.timezone,
      businessDay: s.shift.business_day,
      closedAt: now,
      closedBy: session.displayName,
      cash: {
        openingFloat: s.shift.opening_float,
        expected: count.expected,
        counted: cashCountView(count.counted, count.counts),
        variance: count.variance,
        varianceReason: reason,
        approvedBy: nameOf(approverId),
        leftInDrawer,
        counts: count.countNumber,
      },
    };
    const sealed = sealZContent(content);
    const id = newId(now);
    this.zReports.store({
      id,
      terminalId: terminal.id,
      number,
      shiftId: s.shift.id,
      businessDay: s.shift.business_day,
      content: sealed.text,
      contentHash: sealed.hash,
      // The chain head after the close event: the report names the audit trail it closed.
      auditHead: this.auditHead.get()!.hash,
      closedBy: session.userId,
      createdAt: now,
    });
    return id;
  }
}
