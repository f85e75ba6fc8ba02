// The typed IPC contract: every channel, its input schema, its output type and the permission
// it needs. Main (router), preload and renderer (typed client) all read this one table; it
// imports neither Node nor DOM code so all three can.
import { z } from 'zod';
import { CURRENCY_CODES, MAX_LINE_QUANTITY, MAX_TAX_RATE_BP, percentToBasisPoints, type Currency, type Minor } from './money';
import { OVERRIDE_ACTIONS, ROLES, type OverrideAction, type Permission, type Role } from './permissions';
import { SECURITY_LIMITS } from './securityLimits';
import { cursor, day, id, secretText, text } from './schemas';

// ---------- data shapes that cross the bridge ----------

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

export interface ModifierOptionView {
  id: string;
  name: string;
  priceDelta: Minor;
  isDefault: boolean;
}

export interface ModifierGroupView {
  id: string;
  name: string; // Size, Milk, Extras
  minChoices: number; // 1 = required
  maxChoices: number;
  options: ModifierOptionView[];
}

export interface MenuItemView {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  price: Minor;
  isAvailable: boolean;
  sku: string | null;
  modifierGroups: ModifierGroupView[];
}

export interface MenuCategoryView {
  id: string;
  name: string;
  slug: string;
  kind: 'drink' | 'food';
  items: MenuItemView[];
}

export interface MoneyTotals {
  subtotal: Minor;
  discountTotal: Minor;
  taxTotal: Minor;
  total: Minor;
}

export interface ChosenOptionView {
  id: string;
  group: string;
  name: string;
  priceDelta: Minor;
}

export interface CartLineView {
  id: string;
  menuItemId: string;
  name: string;
  /** Base price plus the chosen options' deltas. */
  unitPrice: Minor;
  quantity: number;
  options: ChosenOptionView[];
  note: string;
  /** Before any discount. */
  lineTotal: Minor;
  discount: CartDiscountView | null;
  lineDiscount: Minor;
}

export interface OrderContact {
  contactName: string;
  contactPhone: string;
  specialInstructions: string;
}

export interface ParkedTicketView {
  id: string;
  name: string;
  itemCount: number;
  total: Minor;
  parkedAt: number;
  parkedBy: string;
}

export type DiscountKind = 'percent' | 'amount';

export interface CartDiscountView {
  kind: DiscountKind;
  /** Basis points for percent (1000 = 10%), minor units for amount. */
  value: number;
  reason: string;
  approvedBy: string | null;
}

export interface CartView extends OrderContact {
  lines: CartLineView[];
  discount: CartDiscountView | null;
  itemCount: number;
  totals: MoneyTotals;
  taxRateBp: number;
  pricesIncludeTax: boolean;
}

export type OrderStatus = 'pending' | 'preparing' | 'ready' | 'completed' | 'cancelled';
export type PaymentMethod = 'cash' | 'card' | 'other';

export interface OrderSummary {
  id: string;
  orderNumber: string; // SHOP-TERM-YYYYMMDD-NNNN
  shortNumber: string; // #NNN
  businessDay: string; // YYYY-MM-DD
  createdAt: number; // UTC epoch ms
  staffName: string;
  /** Customer name to call out, if one was given. */
  contactName: string;
  status: OrderStatus;
  itemCount: number;
  total: Minor;
  currency: Currency;
}

export interface OrderLineView {
  id: string;
  name: string;
  modifiers: { group: string; name: string; priceDelta: Minor }[];
  note: string;
  unitPrice: Minor;
  quantity: number;
  lineDiscount: Minor;
  lineTotal: Minor;
  lineTax: Minor;
}

export interface PaymentView {
  method: PaymentMethod;
  amount: Minor;
  tendered: Minor;
  change: Minor;
  reference: string;
}

export interface StatusChangeView {
  status: OrderStatus;
  at: number;
  by: string;
  reason: string;
}

export interface OrderDetail extends OrderSummary, MoneyTotals, OrderContact {
  statusHistory: StatusChangeView[];
  taxRateBp: number;
  pricesIncludeTax: boolean;
  lines: OrderLineView[];
  payments: PaymentView[];
}

export interface CheckoutResult {
  order: OrderDetail;
  change: Minor;
  /** true when this request id had already completed: the earlier order is returned, nothing new is written. */
  replayed: boolean;
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

export interface SecuritySettingsView {
  maxFailedAttempts: number;
  lockoutMinutes: number;
  idleLockMinutes: number;
  /** Discounts above this percentage need a manager. */
  discountLimitPercent: number;
  /** A sign-in ends after this many hours, however active (unlocking does not extend it). */
  maxSessionHours: number;
}

export interface SettingsView {
  shop: ShopSettingsView;
  security: SecuritySettingsView;
  /** Where the email encryption key is kept, and whether the OS protects it. */
  keyStorage: { backend: string; protected: boolean; warning: string | null };
}

export interface OverrideApproval {
  approvalId: string;
  action: OverrideAction;
  approverName: string;
  expiresAt: number;
}

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

export interface QueueOrderView extends OrderContact {
  id: string;
  shortNumber: string;
  status: OrderStatus;
  paidAt: number;
  staffName: string;
  lines: { name: string; quantity: number; modifiers: string[]; note: string }[];
}

export interface ReceiptView {
  shopName: string;
  footer: string;
  currency: Currency;
  timezone: string;
  orderNumber: string;
  shortNumber: string;
  createdAt: number;
  staffName: string;
  contactName: string;
  status: OrderStatus;
  lines: { name: string; quantity: number; unitPrice: Minor; modifiers: string[]; note: string; lineDiscount: Minor; lineTotal: Minor }[];
  subtotal: Minor;
  discountTotal: Minor;
  taxTotal: Minor;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  total: Minor;
  payments: PaymentView[];
  change: Minor;
}

export interface ShopSettingsView {
  name: string;
  currency: Currency;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  timezone: string;
  /** "04:00": orders before this time count for the previous business day. */
  businessDayStart: string;
  receiptFooter: string;
  silentPrint: boolean;
  printerName: string;
}

export interface OrderPage {
  orders: OrderSummary[];
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextCursor: string | null;
  /** The shop's business day now (YYYY-MM-DD), so a screen can say "Today" by main's clock. */
  today: string;
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
const quantity = z.int().min(1).max(MAX_LINE_QUANTITY);
const minor = z.int().min(0).max(100_000_000_000);

/** 000000, 111111, 123456, 654321, 121212 … */
export function isTrivialPin(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return true;
  if (/^(\d\d)\1+$/.test(pin) || /^(\d\d\d)\1+$/.test(pin)) return true;
  return false;
}

const empty = z.strictObject({});
const email = text(254).pipe(z.email('Enter a valid email address'));
const profileInput = z.strictObject({
  displayName: text(120).optional(),
  phoneNumber: text(20).regex(/^[0-9+()\-\s]*$/, 'Digits, spaces, + ( ) - only').optional(),
  favoriteDrink: text(120).optional(),
  bio: text(1000).optional(),
});
const role = z.enum(ROLES);

/** An IANA time zone name this computer knows ("Asia/Manila"); offsets like "+08:00" are not zones. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
const timeZone = text(64, { min: 1, required: 'Choose the time zone' }).refine(isTimeZone, 'Pick a time zone from the list');
const RATE_FORM = /^\d{1,2}(\.\d{1,2})?$/;
/** "12" or "7.5" (percent, as typed), up to the highest rate the till accepts. */
const taxRatePercent = z
  .string()
  .trim()
  .regex(RATE_FORM, 'A rate like 12 or 7.5')
  .refine((t) => !RATE_FORM.test(t) || percentToBasisPoints(t) <= MAX_TAX_RATE_BP, `At most ${MAX_TAX_RATE_BP / 100}%`);
const note = text(140);
const discountKind = z.enum(['percent', 'amount']);
const discountValue = z.int().min(1).max(100_000_000);
const percentAtMost100 = { message: 'At most 100%', path: ['value'] };
const discountInput = z
  .strictObject({ kind: discountKind, value: discountValue })
  .refine((d) => d.kind !== 'percent' || d.value <= 10_000, percentAtMost100)
  .nullable();
/**
 * What exactly a manager approves: an approval is bound to these parameters and only works for
 * an action with the very same ones (this discount on this order or line; this order's cancel).
 */
const discountApprovalParams = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('order'), kind: discountKind, value: discountValue }).refine((d) => d.kind !== 'percent' || d.value <= 10_000, percentAtMost100),
  z.strictObject({ scope: z.literal('line'), lineId: id, kind: discountKind, value: discountValue }).refine((d) => d.kind !== 'percent' || d.value <= 10_000, percentAtMost100),
]);
const cancelApprovalParams = z.strictObject({ orderId: id });
export interface ApprovalParams {
  'discount.overLimit': z.infer<typeof discountApprovalParams>;
  'order.cancelPaid': z.infer<typeof cancelApprovalParams>;
}
/** An action with its parameters, as the approval dialog asks for it. */
export type ApprovalRequest = { [A in OverrideAction]: { action: A; params: ApprovalParams[A] } }[OverrideAction];
const reference = text(60);
export const paymentInput = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('cash'), tendered: minor.min(1, 'Enter the cash received') }),
  z.strictObject({ method: z.literal('card'), amount: minor.min(1, 'Enter the card amount'), reference: reference.optional() }),
  z.strictObject({ method: z.literal('other'), amount: minor.min(1, 'Enter the amount'), reference: reference.optional() }),
]);
export type PaymentInput = z.infer<typeof paymentInput>;

// ---------- the table ----------

function channel<Output>() {
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

export const contract = {
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
  'settings.get': channel<SettingsView>()({
    input: empty,
    permission: 'settings.manage',
    summary: 'Security settings and where the encryption key lives.',
  }),
  'settings.updateSecurity': channel<SettingsView>()({
    input: z.strictObject({
      maxFailedAttempts: z.int().min(3, 'At least 3 tries').max(10, 'At most 10 tries'),
      lockoutMinutes: z
        .int()
        .min(SECURITY_LIMITS.lockoutMinutes.min, 'At least 30 minutes: card payment rules (PCI DSS) require it')
        .max(SECURITY_LIMITS.lockoutMinutes.max, 'At most a day (1440 minutes)'),
      idleLockMinutes: z
        .int()
        .min(SECURITY_LIMITS.idleLockMinutes.min, 'At least 1 minute')
        .max(SECURITY_LIMITS.idleLockMinutes.max, 'At most 15 minutes: card payment rules (PCI DSS) require it'),
      discountLimitPercent: z.int().min(0, 'At least 0%').max(100, 'At most 100%'),
      maxSessionHours: z
        .int()
        .min(SECURITY_LIMITS.maxSessionHours.min, 'At least 1 hour')
        .max(SECURITY_LIMITS.maxSessionHours.max, 'At most 24 hours')
        .optional(),
    }),
    permission: 'settings.manage',
    summary: 'Lockout, idle lock, longest sign-in and discount limit (within the card payment rules).',
  }),
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
  'menu.updateItem': channel<MenuItemView>()({
    input: z.strictObject({ menuItemId: id, price: minor.max(999_999, 'At most 9,999.99').optional(), isAvailable: z.boolean().optional() }),
    permission: 'menu.edit',
    summary: "Change an item's price or mark it sold out.",
  }),
  'menu.list': channel<MenuCategoryView[]>()({
    input: empty,
    permission: 'menu.view',
    summary: 'Categories with their items, in display order (archived items left out).',
  }),
  'cart.get': channel<CartView>()({
    input: empty,
    permission: 'cart.use',
    summary: "The signed-in person's open cart.",
  }),
  'cart.addItem': channel<CartView>()({
    input: z.strictObject({
      menuItemId: id,
      quantity: quantity.optional(),
      /** Chosen modifier options; omitted → the item's defaults. */
      optionIds: z.array(id).max(20).optional(),
      note: note.optional(),
    }),
    permission: 'cart.use',
    summary: 'Add an item with its options and note (the same combination again raises its quantity).',
  }),
  'cart.addBySku': channel<CartView>()({
    input: z.strictObject({ sku: text(64, { min: 1, required: 'Scan or type a code' }) }),
    permission: 'cart.use',
    summary: 'Add the item with this SKU/barcode, with its default options (keyboard-wedge scanners).',
  }),
  'cart.setLineNote': channel<CartView>()({
    input: z.strictObject({ lineId: id, note }),
    permission: 'cart.use',
    summary: "Set a line's note (\"extra hot\").",
  }),
  'cart.setLineDiscount': channel<CartView>()({
    input: z.strictObject({ lineId: id, discount: discountInput, reason: text(200).optional(), approvalId: z.uuid().optional() }),
    permission: 'discount.apply',
    summary: 'A discount on one line; above the limit it needs a manager.',
  }),
  'cart.setDetails': channel<CartView>()({
    input: z.strictObject({
      contactName: text(120).optional(),
      contactPhone: text(20).regex(/^[0-9+()\-\s]*$/, 'Digits, spaces, + ( ) - only').optional(),
      specialInstructions: text(500).optional(),
    }),
    permission: 'cart.use',
    summary: 'Customer name to call out, phone, special instructions.',
  }),
  'cart.park': channel<CartView>()({
    input: z.strictObject({ name: text(60, { min: 1, required: 'Give the ticket a name' }) }),
    permission: 'cart.use',
    summary: 'Park the current order under a name; the counter starts a fresh one.',
  }),
  'cart.parked': channel<ParkedTicketView[]>()({
    input: empty,
    permission: 'cart.use',
    summary: "This till's parked tickets, oldest first.",
  }),
  'cart.resume': channel<CartView>()({
    input: z.strictObject({ cartId: id }),
    permission: 'cart.use',
    summary: 'Bring a parked ticket back as the current order (the current one must be empty).',
  }),
  'cart.setQuantity': channel<CartView>()({
    input: z.strictObject({ lineId: id, quantity }),
    permission: 'cart.use',
    summary: "Set a line's quantity.",
  }),
  'cart.removeLine': channel<CartView>()({
    input: z.strictObject({ lineId: id }),
    permission: 'cart.use',
    summary: 'Remove a line.',
  }),
  'cart.setDiscount': channel<CartView>()({
    input: z.strictObject({
      discount: discountInput,
      reason: text(200).optional(),
      approvalId: z.uuid().optional(),
    }),
    permission: 'discount.apply',
    summary: 'Put an order discount on the cart (percent in basis points, or an amount), or remove it with null. Above the limit it needs a manager.',
  }),
  'cart.clear': channel<CartView>()({
    input: empty,
    permission: 'cart.use',
    summary: 'Empty the cart.',
  }),
  'orders.checkout': channel<CheckoutResult>()({
    input: z.strictObject({
      // Lower-cased: ids that differ only in case are the same request (one order, not two).
      requestId: z.uuid('This sale has no valid request number. Close the payment and open it again.').transform((s) => s.toLowerCase()),
      // Empty only for a sale that comes to nothing (checked against the total in main).
      payments: z.array(paymentInput).max(10, 'At most 10 payments'),
    }),
    permission: 'orders.checkout',
    summary: 'Charge the cart (cash, card, other, or split across them): one transaction, idempotent on requestId.',
  }),
  'orders.queue': channel<QueueOrderView[]>()({
    input: empty,
    permission: 'orders.view',
    summary: 'The bar queue: paid orders not yet completed or cancelled, oldest first.',
  }),
  'orders.advance': channel<QueueOrderView>()({
    input: z.strictObject({ orderId: id, from: z.enum(['pending', 'preparing', 'ready']) }),
    permission: 'queue.advance',
    summary: 'One tap on the queue: pending → preparing → ready → completed. `from` guards against double taps.',
  }),
  'orders.cancel': channel<OrderDetail>()({
    input: z.strictObject({ orderId: id, reason: text(200, { min: 3, required: 'Say why' }), approvalId: z.uuid().optional() }),
    permission: 'orders.cancel',
    override: 'order.cancelPaid',
    summary: 'Cancel a paid order (a barista needs a manager’s approval).',
  }),
  'receipts.get': channel<ReceiptView>()({
    input: z.strictObject({ orderId: id }),
    permission: 'orders.view',
    summary: 'What the receipt of an order says.',
  }),
  'receipts.print': channel<{ printer: string }>()({
    input: z.strictObject({ orderId: id }),
    permission: 'orders.view',
    summary: "Print (or reprint) an order's receipt to the chosen or default printer.",
  }),
  'receipts.savePdf': channel<{ saved: boolean; path: string | null }>()({
    input: z.strictObject({ orderId: id }),
    permission: 'orders.view',
    summary: "Save an order's receipt as a PDF (asks where).",
  }),
  'receipts.printers': channel<{ name: string; isDefault: boolean }[]>()({
    input: empty,
    permission: 'settings.manage',
    summary: 'Printers this computer knows, for Settings.',
  }),
  'settings.updateShop': channel<SettingsView>()({
    input: z.strictObject({
      name: text(120, { min: 1, required: 'Enter the shop name' }),
      taxRatePercent,
      pricesIncludeTax: z.boolean(),
      /** Left out: unchanged. A new zone applies to new orders; earlier orders keep their business day. */
      timezone: timeZone.optional(),
      businessDayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time like 04:00'),
      receiptFooter: text(300),
      silentPrint: z.boolean(),
      printerName: text(200),
    }),
    permission: 'settings.manage',
    summary: 'Shop name, tax, time zone, business day start, receipt footer and printing.',
  }),
  'orders.list': channel<OrderPage>()({
    input: z.strictObject({
      limit: z.int().min(1).max(100).optional(),
      before: cursor(64).optional(),
    }),
    permission: 'orders.view',
    summary: 'Order history, newest first.',
  }),
  'orders.get': channel<OrderDetail>()({
    input: z.strictObject({ orderId: id }),
    permission: 'orders.view',
    summary: 'One order with its lines and payments.',
  }),
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function shortOrderNumber(orderNumber: string): string {
  const seq = orderNumber.slice(orderNumber.lastIndexOf('-') + 1);
  return `#${seq.replace(/^0(?=\d{3})/, '')}`;
}

export type { Currency, Minor, Role, Permission };
export const MAX_TAX_RATE_PERCENT = MAX_TAX_RATE_BP / 100;
