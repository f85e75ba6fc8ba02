import { randomUUID } from 'node:crypto';
import type { OverrideApproval } from '../shared/contract';
import type { OverrideAction } from '../shared/permissions';
import type { Clock } from '../core/deps';
import { ServiceError } from '../core/errors';
import type { Session } from './sessions';

export const APPROVAL_TTL_MS = 2 * 60_000;

interface Pending {
  action: OverrideAction;
  approverId: string;
  approverName: string;
  sessionId: string;
  expiresAt: number;
}

/**
 * Manager override: an approval is issued to one session for one action, lives two minutes and
 * can be used once. Kept in memory: an approval is only meaningful at the till, right now.
 */
export class ApprovalStore {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly clock: Clock) {}

  issue(session: Session, action: OverrideAction, approver: { id: string; displayName: string }): OverrideApproval {
    const now = this.clock.now();
    for (const [id, p] of this.pending) if (p.expiresAt <= now) this.pending.delete(id);
    const approvalId = randomUUID();
    const expiresAt = now + APPROVAL_TTL_MS;
    this.pending.set(approvalId, { action, approverId: approver.id, approverName: approver.displayName, sessionId: session.id, expiresAt });
    return { approvalId, action, approverName: approver.displayName, expiresAt };
  }

  /** Uses up the approval; throws FORBIDDEN when it is unknown, spent, expired, or was given for something else. */
  consume(approvalId: string, action: OverrideAction, session: Session): { approverId: string; approverName: string } {
    const p = this.pending.get(approvalId);
    this.pending.delete(approvalId);
    if (!p || p.action !== action || p.sessionId !== session.id || p.expiresAt <= this.clock.now()) {
      throw new ServiceError('FORBIDDEN', 'That approval is no longer valid. Ask the manager to approve again.');
    }
    return { approverId: p.approverId, approverName: p.approverName };
  }
}
