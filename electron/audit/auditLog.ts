import { newId } from '../../db/ids';
import type { Deps } from '../core/deps';
import type { LegacyChainEnds } from '../core/keys';
import { AUDIT_CHAIN, AUTH_CHAIN, ChainAppender, chainRows, startState, tailCut, walk } from './chain';

export { GENESIS_HASH } from './chain';

export interface AuditEntry {
  actorUserId: string | null;
  approverUserId?: string | null;
  action: string; // e.g. order.checkout, shop.setup
  entityType: string;
  entityId: string;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string;
}

/** One row of auth_events (sign-ins, locks, refusals, app start/stop). */
export interface AuthEventRecord {
  type: string;
  successful: boolean;
  usernameSubmitted?: string;
  userId?: string | null;
  metadata?: Record<string, unknown>;
}

/**
 * The append-only, keyed hash-chained trails: audit_events (changes) and auth_events (sign-ins
 * and security events). `append` must run inside the transaction of the change it records, so
 * the change and its audit row commit (or roll back) together.
 */
export class AuditLog {
  private readonly audit;
  private readonly auth;

  constructor(
    private readonly deps: Pick<Deps, 'sqlite' | 'clock' | 'terminal' | 'appVersion'>,
    private readonly auditKey: () => Buffer,
    private readonly legacyEnds: LegacyChainEnds,
  ) {
    this.audit = new ChainAppender(deps.sqlite, AUDIT_CHAIN, auditKey);
    this.auth = new ChainAppender(deps.sqlite, AUTH_CHAIN, auditKey);
  }

  append(entry: AuditEntry): string {
    const now = this.deps.clock.now();
    const id = newId(now);
    this.audit.append({
      id,
      created_at: now,
      actor_user_id: entry.actorUserId,
      approver_user_id: entry.approverUserId ?? null,
      terminal_id: this.deps.terminal.id,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      old_value: entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
      new_value: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
      reason: entry.reason ?? '',
    });
    return id;
  }

  /** Appends a sign-in/security event; joins the caller's transaction or makes its own. */
  appendAuthEvent(event: AuthEventRecord): void {
    const now = this.deps.clock.now();
    this.deps.sqlite.transaction(() =>
      this.auth.append({
        id: newId(now),
        created_at: now,
        event_type: event.type,
        username_submitted: event.usernameSubmitted ?? '',
        user_id: event.userId ?? null,
        terminal_id: this.deps.terminal.id,
        successful: event.successful,
        app_version: this.deps.appVersion,
        metadata: JSON.stringify(event.metadata ?? {}),
      }),
    )();
  }

  /**
   * Walks the whole audit chain on this thread (tests, tools); returns the first row that does not
   * fit, or null if intact. The app verifies through ChainVerifier (incremental, or in a worker).
   */
  verify(): { seq: number; id: string } | null {
    const state = startState();
    const broken = walk(AUDIT_CHAIN, this.auditKey(), chainRows(this.deps.sqlite, AUDIT_CHAIN, 0), state, this.legacyEnds.audit_events) ?? tailCut(this.deps.sqlite, AUDIT_CHAIN, state);
    return broken && { seq: broken.seq, id: broken.id };
  }
}
