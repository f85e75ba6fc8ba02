// How a channel is declared, and the input pieces every domain of the contract shares.
import { z } from 'zod';
import { MAX_LINE_QUANTITY } from '../money';
import type { OVERRIDE_ACTIONS, Permission } from '../permissions';

export function channel<Output>() {
  return <I extends z.ZodType, P extends Permission | 'public'>(def: {
    input: I;
    permission: P;
    summary: string;
    /** Lacking the permission, a caller may pass `approvalId` from a manager override for this action. */
    override?: keyof typeof OVERRIDE_ACTIONS;
  }) => ({
    ...def,
    /** Type-only marker: the handler's return type. */
    output: undefined as unknown as Output,
  });
}

export const empty = z.strictObject({});
export const quantity = z.int().min(1).max(MAX_LINE_QUANTITY);
export const minor = z.int().min(0).max(100_000_000_000);
