// Contract, audit: the owner's audit trail and sign-in history, and the chains' checks.
import { z } from 'zod';
import { cursor, day, id, text } from '../schemas';
import { channel, empty } from './channel';

export interface AuditEventView {
  seq: number;
  id: string;
  createdAt: number;
  actorName: string | null;
  approverName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  terminalName: string | null;
}

export interface AuditPage {
  events: AuditEventView[];
  nextCursor: string | null;
}

export interface AuditFilters {
  actions: string[];
  people: { id: string; name: string }[];
  /** The event types and people that appear in the sign-in history. */
  signIns: { eventTypes: string[]; people: { id: string; name: string }[] };
}

/** The check of one keyed hash chain (audit_events or auth_events). */
export interface ChainCheck {
  intact: boolean;
  /** Entries covered by the check. */
  checked: number;
  brokenAt: { seq: number; id: string } | null;
  /** What is wrong, for a person; null when intact. */
  problem: string | null;
  /** Entries written before the keyed chain (checked by the older, unkeyed rule or not at all). */
  legacy: number;
  /** The newest entry: the anchor the owner can copy and keep outside the database. */
  head: { seq: number; hash: string } | null;
  /** 'recent': only entries since the last full check were walked now; 'full': every entry. */
  scope: 'recent' | 'full';
  /** When every entry was last checked (epoch ms), or null if never. */
  fullCheckAt: number | null;
}

export interface AuditVerification extends ChainCheck {
  /** The sign-in history's own chain. */
  signIns: ChainCheck;
}

export interface SignInEventView {
  seq: number;
  id: string;
  createdAt: number;
  /** login_pin, logout, permission_denied, app_start … */
  eventType: string;
  successful: boolean;
  /** What was typed as the user name (may name nobody). */
  usernameSubmitted: string;
  personName: string | null;
  terminalName: string | null;
  /** Short plain-words detail: why it failed, which screen was refused. */
  detail: string;
}

export interface SignInPage {
  events: SignInEventView[];
  nextCursor: string | null;
}


export const auditChannels = {
  'audit.list': channel<AuditPage>()({
    input: z.strictObject({
      actorUserId: id.optional(),
      action: text(64).optional(),
      fromDay: day.optional(),
      toDay: day.optional(),
      limit: z.int().min(1).max(200).optional(),
      before: cursor(32).optional(),
    }),
    permission: 'audit.view',
    summary: 'The audit trail, newest first, filtered by person, action and shop-local dates.',
  }),
  'audit.filters': channel<AuditFilters>()({
    input: empty,
    permission: 'audit.view',
    summary: 'The actions and people that appear in the audit trail.',
  }),
  'audit.verify': channel<AuditVerification>()({
    // full: walk every entry (in a worker thread); otherwise only entries since the last full check.
    input: z.strictObject({ full: z.boolean().optional() }),
    permission: 'audit.view',
    summary: 'Check the keyed hash chains of the audit trail and the sign-in history; report the first broken link and the chain head.',
  }),
  'audit.signIns': channel<SignInPage>()({
    input: z.strictObject({
      userId: id.optional(),
      eventType: z.string().regex(/^[a-z_]{1,40}$/, 'Choose an event from the list').optional(),
      successful: z.boolean().optional(),
      fromDay: day.optional(),
      toDay: day.optional(),
      limit: z.int().min(1).max(200).optional(),
      before: cursor(32).optional(),
    }),
    permission: 'audit.view',
    summary: 'Sign-in history (sign-ins, locks, refusals, app start/stop), newest first, filtered by person, event, result and dates.',
  }),
};
