import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ApprovalStore } from '../accounts/approvals';
import type { Session, SessionStore } from '../accounts/sessions';
import type { Logger } from '../core/deps';
import { ServiceError } from '../core/errors';
import { contract, isChannel, type Channel, type ChannelOutput, type Contract, type ParsedInput } from '../shared/contract';
import { can } from '../shared/permissions';
import { fail, ok, type Result } from '../shared/result';

/** Who is calling: filled in by the Electron adapter from the IPC event (or by the test bridge). */
export interface CallContext {
  /** Stable id of the calling window (webContents id). Sessions are per window. */
  senderId: string;
  /** URL of the frame that sent the message. */
  frameUrl: string;
  /** Sub-frames never get to call main. */
  isMainFrame: boolean;
}

type NeedsSession<C extends Channel> = Contract[C]['permission'] extends 'public' ? false : true;

export interface HandlerContext<C extends Channel> {
  senderId: string;
  session: NeedsSession<C> extends true ? Session : undefined;
  /**
   * Set when the caller lacked the permission and a manager's approval for this action let the
   * call through. The router only checked it; the handler must use it with the action's
   * parameters (ApprovalStore.use) inside its transaction.
   */
  approvalId: string | null;
}

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: HandlerContext<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One handler per channel: a channel added to the contract without a handler does not compile. */
export type Handlers = { [C in Channel]: Handler<C> };

/** "app://brewline" from "app://brewline/index.html" (URL.origin is "null" for custom schemes in Node). */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export interface Router {
  call(ctx: CallContext, channel: unknown, input: unknown): Promise<Result<unknown>>;
}

/**
 * The one door into main. For every call: reject foreign senders, validate the input against
 * the contract, require an unlocked session and the channel's permission, run the handler, and
 * return the result envelope. Nothing thrown inside ever reaches the renderer as-is.
 */
export function createRouter(options: {
  handlers: Handlers;
  sessions: SessionStore;
  approvals: ApprovalStore;
  trustedOrigins: readonly string[];
  logger: Logger;
  /** Told of every FORBIDDEN answer (recorded as a security event); its failure never changes the answer. */
  onRefused?: (channel: string, session: Session | undefined) => void;
}): Router {
  const { handlers, sessions, approvals, trustedOrigins, logger, onRefused } = options;

  const router: Router = {
    async call(ctx, channel, rawInput) {
      if (!ctx.isMainFrame || !trustedOrigins.includes(originOf(ctx.frameUrl) ?? '')) {
        logger.error('refused IPC from an untrusted sender', { frameUrl: ctx.frameUrl, channel: String(channel) });
        return fail('FORBIDDEN', 'This window may not talk to Brewline');
      }
      if (!isChannel(channel)) return fail('VALIDATION', `Unknown channel: ${String(channel).slice(0, 60)}`);

      const def = contract[channel];
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error);
        return fail('VALIDATION', Object.values(fields)[0] ?? 'Invalid input', fields);
      }

      let session: Session | undefined;
      let approvalId: string | null = null;
      if (def.permission !== 'public') {
        session = sessions.get(ctx.senderId);
        if (!session) return fail('UNAUTHENTICATED', 'Please sign in first');
        if (session.lockedAt !== null) return fail('LOCKED', `The till is locked. ${session.displayName}, enter your PIN to continue.`);
        if (!can(session.role, def.permission)) {
          // A manager's single-use approval stands in for the missing permission on channels that allow it.
          const given = (parsed.data as { approvalId?: unknown }).approvalId;
          const override = 'override' in def ? def.override : undefined;
          if (!override || typeof given !== 'string') return fail('FORBIDDEN', 'Your role cannot do that. Ask a manager.');
          try {
            approvals.check(given, override, session); // used up by the handler, bound to its parameters
            approvalId = given;
          } catch (error) {
            if (error instanceof ServiceError) return fail(error.code, error.message);
            throw error;
          }
        }
        // Only the renderer's ping on real pointer/key input keeps a till awake: a screen that polls
        // (the bar queue) must not hold a session open (PCI DSS 8.2.8). Sign-in and unlock restart it too.
        if (channel === 'auth.activity') sessions.touch(session);
      }

      try {
        const handler = handlers[channel] as (input: unknown, hctx: { senderId: string; session: Session | undefined; approvalId: string | null }) => unknown;
        const value = await handler(parsed.data, { senderId: ctx.senderId, session, approvalId });
        return ok(value);
      } catch (error) {
        if (error instanceof ServiceError) return fail(error.code, error.message, error.fields);
        const errorId = randomUUID().slice(0, 8);
        logger.error(`internal error ${errorId} on ${channel}`, { error: error instanceof Error ? error.stack : String(error) });
        return fail('INTERNAL', `Something went wrong (error ${errorId}). Nothing was changed; please try again.`);
      }
    },
  };
  return {
    async call(ctx, channel, input) {
      const result = await router.call(ctx, channel, input);
      if (!result.ok && result.error.code === 'FORBIDDEN' && onRefused) {
        try {
          onRefused(String(channel).slice(0, 60), sessions.get(ctx.senderId));
        } catch (error) {
          logger.error('could not record a refused call', { error: error instanceof Error ? error.message : String(error) });
        }
      }
      return result;
    },
  };
}
