// Contract, accounts: first-run setup, sign-in and sessions, manager approvals, staff.
import { z } from 'zod';
import { CURRENCY_CODES, type Currency } from '../money';
import { ROLES, type OverrideAction, type Permission, type Role } from '../permissions';
import { id, secretText, text } from '../schemas';
import { discountKind, discountValue, percentAtMost100 } from './cart';
import { channel, empty } from './channel';
import { taxRatePercent, timeZone } from './settings';

export interface ShopProfile {
  name: string;
  currency: Currency;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  timezone: string;
}

export interface SetupStatus {
  needsSetup: boolean;
  shop: ShopProfile | null;
}

export interface SessionInfo {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  locked: boolean;
  permissions: Permission[];
}

export interface LoginUser {
  username: string;
  displayName: string;
  role: Role;
  /** Whether a password can sign this person in (baristas have a PIN only). */
  hasPassword: boolean;
}

export interface ProfileView {
  displayName: string;
  phoneNumber: string;
  favoriteDrink: string;
  bio: string;
}

export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  firstName: string;
  lastName: string;
  role: Role;
  isActive: boolean;
  /** null when none is stored, or when it cannot be decrypted (see emailUnreadable). */
  email: string | null;
  emailUnreadable: boolean;
  hasPassword: boolean;
  lockedUntil: number | null;
  failedLoginAttempts: number;
  lastLogin: number | null;
  dateJoined: number;
  profile: ProfileView;
}

export interface OverrideApproval {
  approvalId: string;
  action: OverrideAction;
  approverName: string;
  expiresAt: number;
}


// ---------- input pieces ----------

const username = z
  .string()
  .trim()
  .min(3, 'Use at least 3 characters')
  .max(150, 'Use at most 150 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'Letters, digits, dot, dash and underscore only');
const personName = text(150);
const pinDigits = z.string().regex(/^\d{4,12}$/, 'A PIN is 4 to 12 digits');
const anyPassword = secretText(1, 256, 'Enter the password');
export const newPassword = secretText(12, 256, 'Use at least 12 characters');
export const newPin = z
  .string()
  .regex(/^\d{6,12}$/, 'A PIN is 6 to 12 digits')
  .refine((pin) => !isTrivialPin(pin), 'That PIN is too easy to guess: avoid repeated or sequential digits');
/** 000000, 111111, 123456, 654321, 121212 … */
export function isTrivialPin(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return true;
  if (/^(\d\d)\1+$/.test(pin) || /^(\d\d\d)\1+$/.test(pin)) return true;
  return false;
}

const email = text(254).pipe(z.email('Enter a valid email address'));
const profileInput = z.strictObject({
  displayName: text(120).optional(),
  phoneNumber: text(20).regex(/^[0-9+()\-\s]*$/, 'Digits, spaces, + ( ) - only').optional(),
  favoriteDrink: text(120).optional(),
  bio: text(1000).optional(),
});
const role = z.enum(ROLES);

/**
 * What exactly a manager approves: an approval is bound to these parameters and only works for
 * an action with the very same ones (this discount on this order or line; this order's cancel).
 */
const discountApprovalParams = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('order'), kind: discountKind, value: discountValue }).refine((d) => d.kind !== 'percent' || d.value <= 10_000, percentAtMost100),
  z.strictObject({ scope: z.literal('line'), lineId: id, kind: discountKind, value: discountValue }).refine((d) => d.kind !== 'percent' || d.value <= 10_000, percentAtMost100),
]);
const cancelApprovalParams = z.strictObject({ orderId: id });
// A refund approval is bound to the order, the money handed back and where it goes.
const refundApprovalParams = z.strictObject({ orderId: id, amount: z.int().min(0).max(100_000_000_000), tender: z.enum(['original', 'cash', 'card', 'other']) });
// A variance approval is bound to the shift and the variance the last count showed.
const varianceApprovalParams = z.strictObject({ shiftId: id, variance: z.int().min(-100_000_000_000).max(100_000_000_000) });
export interface ApprovalParams {
  'discount.overLimit': z.infer<typeof discountApprovalParams>;
  'order.cancelPaid': z.infer<typeof cancelApprovalParams>;
  'order.refund': z.infer<typeof refundApprovalParams>;
  'shift.variance': z.infer<typeof varianceApprovalParams>;
}
/** An action with its parameters, as the approval dialog asks for it. */
export type ApprovalRequest = { [A in OverrideAction]: { action: A; params: ApprovalParams[A] } }[OverrideAction];

export const accountChannels = {
  'setup.status': channel<SetupStatus>()({
    input: empty,
    permission: 'public',
    summary: 'Whether this till still needs first-run setup, and the shop profile if not.',
  }),
  'setup.complete': channel<SessionInfo>()({
    input: z.strictObject({
      shop: z.strictObject({
        name: text(120, { min: 1, required: 'Enter the shop name' }),
        currency: z.enum(CURRENCY_CODES),
        taxRatePercent,
        pricesIncludeTax: z.boolean(),
        timezone: timeZone,
      }),
      owner: z.strictObject({
        username,
        firstName: personName.min(1, 'Enter a first name'),
        lastName: personName,
        password: newPassword,
        pin: newPin,
      }),
    }),
    permission: 'public',
    summary: 'First run only: create the owner account and the shop profile, then sign the owner in.',
  }),
  'auth.users': channel<LoginUser[]>()({
    input: empty,
    permission: 'public',
    summary: 'Active staff to pick from on the sign-in screen.',
  }),
  'auth.session': channel<SessionInfo | null>()({
    input: empty,
    permission: 'public',
    summary: "This window's session (possibly locked), or null.",
  }),
  'auth.loginPin': channel<SessionInfo>()({
    input: z.strictObject({ username: text(150, { min: 1, required: 'Choose your name' }), pin: pinDigits }),
    permission: 'public',
    summary: 'Sign in (or unlock) with a PIN.',
  }),
  'auth.loginPassword': channel<SessionInfo>()({
    input: z.strictObject({ username: text(150, { min: 1, required: 'Choose your name' }), password: anyPassword }),
    permission: 'public',
    summary: 'Sign in (or unlock) with a password.',
  }),
  'auth.lock': channel<null>()({
    input: empty,
    permission: 'session.self',
    summary: 'Lock the till; the session and its cart are kept for the same person.',
  }),
  'auth.logout': channel<null>()({
    input: empty,
    permission: 'session.self',
    summary: 'End the session.',
  }),
  'auth.activity': channel<null>()({
    input: empty,
    permission: 'session.self',
    summary: 'The person is still at the till (keeps the idle lock away).',
  }),
  'auth.changePassword': channel<null>()({
    input: z.strictObject({ currentPassword: anyPassword, newPassword }),
    permission: 'session.self',
    summary: 'Change your own password (the current one is required; the last 5 cannot be reused).',
  }),
  'auth.changePin': channel<null>()({
    input: z.strictObject({ currentPin: pinDigits, newPin }),
    permission: 'session.self',
    summary: 'Change your own PIN.',
  }),
  'override.approve': channel<OverrideApproval>()({
    input: z.discriminatedUnion('action', [
      z.strictObject({
        username: text(150, { min: 1, required: 'Choose the manager' }),
        pin: pinDigits,
        action: z.literal('discount.overLimit'),
        params: discountApprovalParams,
      }),
      z.strictObject({
        username: text(150, { min: 1, required: 'Choose the manager' }),
        pin: pinDigits,
        action: z.literal('order.cancelPaid'),
        params: cancelApprovalParams,
      }),
      z.strictObject({
        username: text(150, { min: 1, required: 'Choose the manager' }),
        pin: pinDigits,
        action: z.literal('order.refund'),
        params: refundApprovalParams,
      }),
      z.strictObject({
        username: text(150, { min: 1, required: 'Choose the manager' }),
        pin: pinDigits,
        action: z.literal('shift.variance'),
        params: varianceApprovalParams,
      }),
    ]),
    permission: 'cart.use',
    summary:
      'A manager approves one action with its parameters (this discount, this order) in place with their PIN; the approval is single-use, works only for those parameters and expires in 2 minutes.',
  }),
  'staff.list': channel<StaffView[]>()({
    input: empty,
    permission: 'staff.view',
    summary: 'Everyone with an account, active or not.',
  }),
  'staff.create': channel<StaffView>()({
    input: z.strictObject({
      username,
      firstName: personName.min(1, 'Enter a first name'),
      lastName: personName,
      role,
      pin: newPin,
      password: newPassword.optional(),
      email: email.optional(),
      profile: profileInput.optional(),
    }),
    permission: 'staff.manage',
    summary: 'Add a person (managers add baristas; owners anyone). Managers and owners need a password.',
  }),
  'staff.update': channel<StaffView>()({
    input: z.strictObject({
      userId: id,
      firstName: personName.min(1, 'Enter a first name').optional(),
      lastName: personName.optional(),
      role: role.optional(),
      email: email.or(z.literal('')).nullable().optional(),
      profile: profileInput.optional(),
    }),
    permission: 'staff.manage',
    summary: "Edit a person's name, role, email or profile.",
  }),
  'staff.setActive': channel<StaffView>()({
    input: z.strictObject({ userId: id, active: z.boolean() }),
    permission: 'staff.manage',
    summary: 'Deactivate (or reactivate) an account; people are never deleted, their orders keep their name.',
  }),
  'staff.resetPin': channel<StaffView>()({
    input: z.strictObject({ userId: id, pin: newPin }),
    permission: 'staff.manage',
    summary: "Set someone else's PIN.",
  }),
  'staff.resetPassword': channel<StaffView>()({
    input: z.strictObject({ userId: id, password: newPassword }),
    permission: 'staff.manage',
    summary: "Set someone else's password.",
  }),
  'staff.unlock': channel<StaffView>()({
    input: z.strictObject({ userId: id }),
    permission: 'staff.unlock',
    summary: 'Lift a lockout after too many wrong tries.',
  }),
};
