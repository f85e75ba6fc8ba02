// The permission matrix: one table, read by the router in main (enforcement) and by the
// renderer (only to hide what a role cannot use). Every channel in the contract names one
// of these permissions or 'public'.

export const ROLES = ['barista', 'manager', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'session.self', // lock / log out / keep-alive of one's own session
  'menu.view',
  'cart.use',
  'orders.checkout',
  'orders.view',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  barista: ['session.self', 'menu.view', 'cart.use', 'orders.checkout', 'orders.view'],
  manager: ['session.self', 'menu.view', 'cart.use', 'orders.checkout', 'orders.view'],
  owner: ['session.self', 'menu.view', 'cart.use', 'orders.checkout', 'orders.view'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = { barista: 'Barista', manager: 'Manager', owner: 'Owner' };
