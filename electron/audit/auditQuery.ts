import { and, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { auditEvents, terminals, users } from '../../db/schema';
import type { AuditFilters, AuditPage, AuditVerification, ParsedInput } from '../shared/contract';
import type { StaffDirectory } from '../accounts/staffDirectory';
import type { Deps } from '../core/deps';
import { invalid } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import type { ChainVerifier } from './chainVerifier';

/** Epoch ms of local midnight starting `day` (YYYY-MM-DD) in `timeZone`. */
export function zonedDayStart(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const offsetAt = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at;
  };
  const guess = utcMidnight - offsetAt(utcMidnight);
  return utcMidnight - offsetAt(guess); // second pass settles a DST change between the two
}

export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The owner's view of the audit trail. */
export class AuditQuery {
  constructor(
    private readonly deps: Pick<Deps, 'db' | 'sqlite'>,
    private readonly verifier: ChainVerifier,
    private readonly staff: StaffDirectory,
    private readonly settings: SettingsStore,
  ) {}

  list(input: ParsedInput<'audit.list'>): AuditPage {
    const limit = input.limit ?? 50;
    const rows = this.listQuery(input).all();
    const nameOf = this.staff.nameLookup();
    const page = rows.slice(0, limit);
    return {
      events: page.map(({ e, actorId, approverId, terminalName }) => ({
        seq: e.seq,
        id: e.id,
        createdAt: e.createdAt,
        actorName: nameOf(actorId),
        approverName: nameOf(approverId),
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        oldValue: e.oldValue,
        newValue: e.newValue,
        reason: e.reason,
        terminalName,
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.e.seq) : null,
    };
  }

  /** EXPLAIN QUERY PLAN of a list query (tests check that filters use an index, never a scan). */
  listPlan(input: ParsedInput<'audit.list'>): string[] {
    const { sql: text, params } = this.listQuery(input).toSQL();
    return queryPlan(this.deps.sqlite, text, params);
  }

  private listQuery(input: ParsedInput<'audit.list'>) {
    const limit = input.limit ?? 50;
    if (input.fromDay && input.toDay && input.fromDay > input.toDay) {
      throw invalid('The start date is after the end date', { toDay: 'On or after the start date' });
    }
    const before = input.before === undefined ? null : Number(input.before);
    if (before !== null && !Number.isSafeInteger(before)) throw invalid('That page cursor is not valid', { before: 'Use nextCursor' });
    const zone = this.settings.requireShop().timezone;
    const from = input.fromDay ? zonedDayStart(input.fromDay, zone) : null;
    const to = input.toDay ? zonedDayStart(nextDay(input.toDay), zone) : null;
    const seqs = seqRange(this.deps.sqlite, 'audit_events', from, to);
    const actor = alias(users, 'actor');
    const approver = alias(users, 'approver');
    return this.deps.db
      .select({ e: auditEvents, actorId: actor.id, approverId: approver.id, terminalName: terminals.name })
      .from(auditEvents)
      .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
      .leftJoin(approver, eq(approver.id, auditEvents.approverUserId))
      .leftJoin(terminals, eq(terminals.id, auditEvents.terminalId))
      .where(
        and(
          before !== null ? lt(auditEvents.seq, before) : undefined,
          input.actorUserId ? eq(auditEvents.actorUserId, input.actorUserId) : undefined,
          input.action ? eq(auditEvents.action, input.action) : undefined,
          seqs ? gte(auditEvents.seq, seqs.low) : undefined,
          seqs ? lte(auditEvents.seq, seqs.high) : undefined,
          // Unary plus: the dates are checked on the rows, the seq range above picks them (no sort by date).
          from !== null ? sql`+${auditEvents.createdAt} >= ${from}` : undefined,
          to !== null ? sql`+${auditEvents.createdAt} < ${to}` : undefined,
        ),
      )
      .orderBy(desc(auditEvents.seq))
      .limit(limit + 1);
  }

  /** Distinct actions and people by skip-scans of their indexes: a few seeks, not a scan of a year of rows. */
  filters(): AuditFilters {
    const named = (ids: string[]) => {
      const known = ids.length ? this.deps.db.select({ id: users.id }).from(users).where(inArray(users.id, ids)).all() : [];
      return known.map((p) => ({ id: p.id, name: this.staff.findById(p.id)?.displayName ?? 'Unknown' })).sort((a, b) => a.name.localeCompare(b.name));
    };
    return {
      actions: distinctIndexed(this.deps.sqlite, 'audit_events', 'action'),
      people: named(distinctIndexed(this.deps.sqlite, 'audit_events', 'actor_user_id')),
      signIns: {
        eventTypes: distinctIndexed(this.deps.sqlite, 'auth_events', 'event_type'),
        people: named(distinctIndexed(this.deps.sqlite, 'auth_events', 'user_id')),
      },
    };
  }

  /** Both chains; the audit trail's fields at the top level, the sign-in history's under signIns. */
  async verify(input: { full?: boolean } = {}): Promise<AuditVerification> {
    const checks = await this.verifier.verify(input);
    return { ...checks.audit_events, signIns: checks.auth_events };
  }
}

/**
 * DISTINCT over an indexed column as a recursive skip-scan: each step seeks the next larger value
 * in the index (SQLite has no skip-scan for DISTINCT without ANALYZE statistics).
 */
export const DISTINCT_SQL = (table: string, column: string) =>
  `with recursive d(v) as (
     select min(${column}) from ${table}
     union all
     select (select min(${column}) from ${table} where ${column} > d.v) from d where d.v is not null
   ) select v from d where v is not null`;

export function distinctIndexed(sqlite: Deps['sqlite'], table: 'audit_events' | 'auth_events', column: string): string[] {
  return sqlite.prepare<[], string>(DISTINCT_SQL(table, column)).pluck().all();
}

/**
 * The seq range of the rows written in [from, to): entries are appended in time order, so two
 * seeks in the created_at index bound the range and a page walks seq backwards, never sorting a
 * month of rows by date. Null when no date is given.
 */
export function seqRange(sqlite: Deps['sqlite'], table: 'audit_events' | 'auth_events', from: number | null, to: number | null): { low: number; high: number } | null {
  if (from === null && to === null) return null;
  const low = from === null ? 0 : (sqlite.prepare<[number], number>(SEQ_FROM_SQL(table)).pluck().get(from) ?? Number.MAX_SAFE_INTEGER);
  const high = to === null ? Number.MAX_SAFE_INTEGER : (sqlite.prepare<[number], number>(SEQ_BEFORE_SQL(table)).pluck().get(to) ?? 0);
  return { low, high };
}
export const SEQ_FROM_SQL = (table: string) => `select seq from ${table} where created_at >= ? order by created_at, seq limit 1`;
export const SEQ_BEFORE_SQL = (table: string) => `select seq from ${table} where created_at < ? order by created_at desc, seq desc limit 1`;

export function queryPlan(sqlite: Deps['sqlite'], text: string, params: unknown[] = []): string[] {
  return (sqlite.prepare(`explain query plan ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}
