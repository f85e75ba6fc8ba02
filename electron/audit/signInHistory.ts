import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { authEvents, terminals } from '../../db/schema';
import type { ParsedInput, SignInPage } from '../shared/contract';
import type { StaffDirectory } from '../accounts/staffDirectory';
import type { Deps } from '../core/deps';
import { invalid } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import { nextDay, queryPlan, seqRange, zonedDayStart } from './auditQuery';

const REASONS: Record<string, string> = {
  till_backoff: 'this till was waiting after wrong tries',
  account_locked: 'the account was locked',
};

/** The few metadata fields worth showing, in plain words ("refused: staff.list", "5 wrong tries"). */
export function describeAuthMetadata(metadata: unknown): string {
  if (!metadata || typeof metadata !== 'object') return '';
  const m = metadata as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof m.reason === 'string') parts.push(REASONS[m.reason] ?? m.reason.replace(/_/g, ' '));
  if (typeof m.channel === 'string') parts.push(`refused: ${m.channel}`);
  if (typeof m.action === 'string') parts.push(`for ${m.action}`);
  if (typeof m.log === 'string') parts.push(m.log === 'sign_ins' ? 'sign-in history' : 'audit log');
  if (typeof m.attempts === 'number') parts.push(`${m.attempts} wrong tries`);
  if (typeof m.version === 'string') parts.push(`version ${m.version}`);
  return parts.join(' · ');
}

/** The owner's view of auth_events: sign-ins, locks, refusals and app start/stop. */
export class SignInHistory {
  constructor(
    private readonly deps: Pick<Deps, 'db' | 'sqlite'>,
    private readonly staff: StaffDirectory,
    private readonly settings: SettingsStore,
  ) {}

  page(input: ParsedInput<'audit.signIns'>): SignInPage {
    const limit = input.limit ?? 50;
    const rows = this.query(input).all();
    const nameOf = this.staff.nameLookup();
    const page = rows.slice(0, limit);
    return {
      events: page.map(({ e, terminalName }) => ({
        seq: e.seq,
        id: e.id,
        createdAt: e.createdAt,
        eventType: e.eventType,
        successful: e.successful,
        usernameSubmitted: e.usernameSubmitted,
        personName: nameOf(e.userId),
        terminalName,
        detail: describeAuthMetadata(e.metadata),
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.e.seq) : null,
    };
  }

  /** EXPLAIN QUERY PLAN of a page query (tests). */
  plan(input: ParsedInput<'audit.signIns'>): string[] {
    const { sql: text, params } = this.query(input).toSQL();
    return queryPlan(this.deps.sqlite, text, params);
  }

  private query(input: ParsedInput<'audit.signIns'>) {
    if (input.fromDay && input.toDay && input.fromDay > input.toDay) {
      throw invalid('The start date is after the end date', { toDay: 'On or after the start date' });
    }
    const before = input.before === undefined ? null : Number(input.before);
    if (before !== null && !Number.isSafeInteger(before)) throw invalid('That page is not valid. Go back to the first page.', { before: 'Use nextCursor' });
    const zone = this.settings.requireShop().timezone;
    const from = input.fromDay ? zonedDayStart(input.fromDay, zone) : null;
    const to = input.toDay ? zonedDayStart(nextDay(input.toDay), zone) : null;
    const seqs = seqRange(this.deps.sqlite, 'auth_events', from, to);
    return this.deps.db
      .select({ e: authEvents, terminalName: terminals.name })
      .from(authEvents)
      .leftJoin(terminals, eq(terminals.id, authEvents.terminalId))
      .where(
        and(
          before !== null ? lt(authEvents.seq, before) : undefined,
          input.userId ? eq(authEvents.userId, input.userId) : undefined,
          input.eventType ? eq(authEvents.eventType, input.eventType) : undefined,
          input.successful !== undefined ? eq(authEvents.successful, input.successful) : undefined,
          seqs ? gte(authEvents.seq, seqs.low) : undefined,
          seqs ? lte(authEvents.seq, seqs.high) : undefined,
          from !== null ? sql`+${authEvents.createdAt} >= ${from}` : undefined,
          to !== null ? sql`+${authEvents.createdAt} < ${to}` : undefined,
        ),
      )
      .orderBy(desc(authEvents.seq))
      .limit((input.limit ?? 50) + 1);
  }
}
