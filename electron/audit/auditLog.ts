import { createHash } from 'node:crypto';
import { newId } from '../../db/ids';
import type { Deps } from '../core/deps';

export const GENESIS_HASH = '0'.repeat(64);

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

interface AuditRow {
  seq: number;
  id: string;
  created_at: number;
  actor_user_id: string | null;
  approver_user_id: string | null;
  terminal_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  prev_hash: string;
  hash: string;
}

function rowHash(r: Omit<AuditRow, 'seq' | 'hash'>): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        r.prev_hash,
        r.id,
        r.created_at,
        r.actor_user_id,
        r.approver_user_id,
        r.terminal_id,
        r.action,
        r.entity_type,
        r.entity_id,
        r.old_value,
        r.new_value,
        r.reason,
      ]),
    )
    .digest('hex');
}

/**
 * The append-only, hash-chained audit trail. `append` must run inside the transaction of the
 * change it records, so the change and its audit row commit (or roll back) together.
 */
export class AuditLog {
  private readonly lastHash;
  private readonly insert;

  constructor(private readonly deps: Pick<Deps, 'sqlite' | 'clock' | 'terminal'>) {
    this.lastHash = deps.sqlite.prepare<[], { hash: string }>('select hash from audit_events order by seq desc limit 1');
    this.insert = deps.sqlite.prepare(
      `insert into audit_events (id, created_at, actor_user_id, approver_user_id, terminal_id, action, entity_type,
         entity_id, old_value, new_value, reason, prev_hash, hash)
       values (@id, @created_at, @actor_user_id, @approver_user_id, @terminal_id, @action, @entity_type,
         @entity_id, @old_value, @new_value, @reason, @prev_hash, @hash)`,
    );
  }

  append(entry: AuditEntry): string {
    if (!this.deps.sqlite.inTransaction) throw new Error('AuditLog.append must run inside a transaction');
    const now = this.deps.clock.now();
    const row = {
      id: newId(now),
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
      prev_hash: this.lastHash.get()?.hash ?? GENESIS_HASH,
    };
    this.insert.run({ ...row, hash: rowHash(row) });
    return row.id;
  }

  /** Walks the chain; returns the first row whose link or content does not match, or null if intact. */
  verify(): { seq: number; id: string } | null {
    let prev = GENESIS_HASH;
    for (const row of this.deps.sqlite.prepare<[], AuditRow>('select * from audit_events order by seq').iterate()) {
      if (row.prev_hash !== prev || rowHash(row) !== row.hash) return { seq: row.seq, id: row.id };
      prev = row.hash;
    }
    return null;
  }
}
