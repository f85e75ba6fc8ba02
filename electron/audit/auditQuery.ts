import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { auditEvents, terminals, users } from '../../db/schema';
import type { AuditFilters, AuditPage, AuditVerification, ParsedInput } from '../shared/contract';
import type { StaffDirectory } from '../accounts/staffDirectory';
import type { Deps } from '../core/deps';
import { invalid } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import type { AuditLog } from './auditLog';

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

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The owner's view of the audit trail. */
export class AuditQuery {
  constructor(
    private readonly deps: Pick<Deps, 'db'>,
    private readonly audit: AuditLog,
    private readonly staff: StaffDirectory,
    private readonly settings: SettingsStore,
  ) {}

  list(input: ParsedInput<'audit.list'>): AuditPage {
    const limit = input.limit ?? 50;
    if (input.fromDay && input.toDay && input.fromDay > input.toDay) {
      throw invalid('The start date is after the end date', { toDay: 'On or after the start date' });
    }
    const before = input.before === undefined ? null : Number(input.before);
    if (before !== null && !Number.isSafeInteger(before)) throw invalid('That page cursor is not valid', { before: 'Use nextCursor' });
    const zone = this.settings.requireShop().timezone;
    const actor = alias(users, 'actor');
    const approver = alias(users, 'approver');
    const rows = this.deps.db
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
          input.fromDay ? gte(auditEvents.createdAt, zonedDayStart(input.fromDay, zone)) : undefined,
          input.toDay ? lt(auditEvents.createdAt, zonedDayStart(nextDay(input.toDay), zone)) : undefined,
        ),
      )
      .orderBy(desc(auditEvents.seq))
      .limit(limit + 1)
      .all();
    const names = new Map<string, string>();
    const nameOf = (id: string | null) => {
      if (!id) return null;
      if (!names.has(id)) names.set(id, this.staff.findById(id)?.displayName ?? 'Unknown');
      return names.get(id)!;
    };
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

  filters(): AuditFilters {
    const actions = this.deps.db
      .selectDistinct({ action: auditEvents.action })
      .from(auditEvents)
      .orderBy(auditEvents.action)
      .all()
      .map((r) => r.action);
    const ids = this.deps.db
      .selectDistinct({ id: auditEvents.actorUserId })
      .from(auditEvents)
      .where(sql`${auditEvents.actorUserId} is not null`)
      .all()
      .map((r) => r.id!);
    const people = ids.length
      ? this.deps.db.select({ id: users.id }).from(users).where(inArray(users.id, ids)).all()
      : [];
    return {
      actions,
      people: people
        .map((p) => ({ id: p.id, name: this.staff.findById(p.id)?.displayName ?? 'Unknown' }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  verify(): AuditVerification {
    const checked = this.deps.db.select({ n: sql<number>`count(*)` }).from(auditEvents).get()?.n ?? 0;
    const brokenAt = this.audit.verify();
    return { intact: brokenAt === null, checked, brokenAt };
  }
}
