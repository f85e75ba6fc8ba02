// The permission matrix: one table, read by the router in main (enforcement) and by the
// renderer (only to hide what a role cannot use). Every channel in the contract names one
// of these permissions or 'public'.

export const ROLES = ['barista', 'manager', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'session.self', // lock, sign out, change one's own PIN and password
  'menu.view',
  'menu.edit', // prices and availability
  'cart.use',
  'discount.apply', // discounts up to the limit in Settings
  'discount.overLimit', // discounts above it (or approve someone else's)
  'orders.checkout',
  'orders.view', // today's orders
  'orders.viewHistory', // every day's orders
  'orders.cancel', // cancel a paid order (others need a manager's approval)
  'orders.refund', // refund up to the refund limit in Settings (others need a manager's approval)
  'orders.refundOverLimit', // refund above it (or approve such a refund)
  'shifts.operate', // open a shift, drawer movements, X report, count and close
  'shifts.manage', // void a drawer movement, approve a count variance, Z report history
  'queue.advance', // move paid orders through the bar queue
  'staff.view',
  'staff.manage', // create, edit, deactivate, reset PIN/password (managers: baristas only)
  'staff.unlock', // lift a lockout
  'reports.view', // sales reports and their exports
  'audit.view',
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const BARISTA: readonly Permission[] = [
  'session.self',
  'menu.view',
  'cart.use',
  'discount.apply',
  'orders.checkout',
  'orders.view',
  'queue.advance',
  'shifts.operate',
];
const MANAGER: readonly Permission[] = [
  ...BARISTA,
  'menu.edit',
  'discount.overLimit',
  'orders.viewHistory',
  'orders.cancel',
  'orders.refund',
  'shifts.manage',
  'staff.view',
  'staff.manage',
  'staff.unlock',
  'reports.view',
];
const OWNER: readonly Permission[] = [...MANAGER, 'orders.refundOverLimit', 'audit.view', 'settings.manage'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = { barista: BARISTA, manager: MANAGER, owner: OWNER };

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles a person of `role` may create, edit or reset: managers look after baristas, owners after everyone. */
export function manageableRoles(role: Role): readonly Role[] {
  return role === 'owner' ? ROLES : role === 'manager' ? ['barista'] : [];
}

export const ROLE_LABELS: Record<Role, string> = { barista: 'Barista', manager: 'Manager', owner: 'Owner' };

/** Actions a higher role can approve in place with their PIN (manager override). */
export const OVERRIDE_ACTIONS = {
  'discount.overLimit': 'discount.overLimit',
  'order.cancelPaid': 'orders.cancel',
  'order.refund': 'orders.refund',
  'shift.variance': 'shifts.manage',
} as const satisfies Record<string, Permission>;
export type OverrideAction = keyof typeof OVERRIDE_ACTIONS;
