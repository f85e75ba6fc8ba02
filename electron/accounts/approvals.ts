import { randomUUID } from 'node:crypto';
import type { ApprovalParams, ApprovalRequest, OverrideApproval } from '../shared/contract';
import type { OverrideAction } from '../shared/permissions';
import type { Clock } from '../core/deps';
import { ServiceError } from '../core/errors';
import type { Session } from './sessions';

export const APPROVAL_TTL_MS = 2 * 60_000;

export interface Approver {
  approverId: string;
  approverName: string;
}

interface Pending extends Approver {
  request: ApprovalRequest;
  sessionId: string;
  expiresAt: number;
}

const NO_LONGER_VALID = 'That approval is no longer valid. Ask the manager to approve again.';
const OTHER_PARAMS: Record<OverrideAction, string> = {
  'discount.overLimit': 'The manager approved a different discount. Ask them to approve this one.',
  'order.cancelPaid': 'The manager approved cancelling a different order. Ask them to approve this one.',
  'order.refund': 'The manager approved a different refund. Ask them to approve this one.',
  'shift.variance': 'The manager approved a different count. Ask them to approve this one.',
};

/** Same keys, same values: approval parameters are flat records of strings and numbers. */
function sameParams(a: object, b: object): boolean {
  const ea = Object.entries(a);
  const rb = b as Record<string, unknown>;
  return ea.length === Object.keys(b).length && ea.every(([k, v]) => Object.hasOwn(b, k) && rb[k] === v);
}

/**
 * Manager override: an approval is issued to one session for one action with its parameters
 * (the discount, the order), lives two minutes and is used once. Kept in memory: an approval is
 * only meaningful at the till, right now.
 */
export class ApprovalStore {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly clock: Clock,
    /**
     * Whether the approver may still approve `action` now (active, role unchanged): an approval
     * given by someone deactivated or demoted since is no longer valid. Everyone, when omitted.
     */
    private readonly approverMay: (approverId: string, action: OverrideAction) => boolean = () => true,
  ) {}

  issue(session: Session, request: ApprovalRequest, approver: { id: string; displayName: string }): OverrideApproval {
    const now = this.clock.now();
    for (const [id, p] of this.pending) if (p.expiresAt <= now) this.pending.delete(id);
    const approvalId = randomUUID();
    const expiresAt = now + APPROVAL_TTL_MS;
    // A copy: the caller's object must not be able to change what was approved.
    const stored = { action: request.action, params: { ...request.params } } as ApprovalRequest;
    this.pending.set(approvalId, { request: stored, approverId: approver.id, approverName: approver.displayName, sessionId: session.id, expiresAt });
    return { approvalId, action: request.action, approverName: approver.displayName, expiresAt };
  }

  /**
   * For the router: throws FORBIDDEN unless the approval exists, is unexpired, and was given to
   * this session for this action. Does not use it up: the handler does, with the parameters.
   */
  check(approvalId: string, action: OverrideAction, session: Session): Approver {
    const p = this.pending.get(approvalId);
    if (!p || p.request.action !== action || p.sessionId !== session.id || p.expiresAt <= this.clock.now() || !this.approverMay(p.approverId, action)) {
      throw new ServiceError('FORBIDDEN', NO_LONGER_VALID);
    }
    return { approverId: p.approverId, approverName: p.approverName };
  }

  /**
   * Uses the approval for `action` with exactly `params`: checks it, runs `fn` (the action's
   * synchronous transaction) and deletes the approval only if `fn` returned. Nothing may be
   * awaited in between, so of concurrent calls with one approval exactly one gets through, and a
   * failed action leaves the approval for a retry.
   */
  use<A extends OverrideAction, T>(approvalId: string, action: A, session: Session, params: ApprovalParams[A], fn: (approver: Approver) => T): T {
    const approver = this.check(approvalId, action, session);
    if (!sameParams(this.pending.get(approvalId)!.request.params, params)) throw new ServiceError('FORBIDDEN', OTHER_PARAMS[action]);
    const result = fn(approver);
    this.pending.delete(approvalId);
    return result;
  }
}
