// Display helpers. Money arrives as integer minor units from main; here it is only formatted.
import type { OrderStatus, PaymentMethod } from '../../electron/shared/contract';
import { formatMoney, formatRate, type Currency } from '../../electron/shared/money';
import { describeMenuChange, describeNewMenuValue, isMenuValue } from './menuAuditWords';
import { describeGroupChange, describeNewGroup, isGroupValue } from './groupAuditWords';

export { formatMoney, formatRate } from '../../electron/shared/money';

/** "Tax (12%, included)" or "Tax (12%)". */
export function taxLabel(rateBp: number, pricesIncludeTax: boolean): string {
  return `Tax (${formatRate(rateBp)}${pricesIncludeTax ? ', included' : ''})`;
}

function safeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** "09:30" in the shop's time zone (24-hour). */
export function formatTime(epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: safeZone(timeZone) }).format(
    new Date(epochMs),
  );
}

/** "Mon 23 Nov 2026, 09:30". */
export function formatDateTime(epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: safeZone(timeZone),
  }).format(new Date(epochMs));
}

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Pending',
  preparing: 'Preparing',
  ready: 'Ready',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/**
 * An order's status in order history: every order there is paid, so the bar's "Pending" would
 * read as unpaid. Say "Paid" and where the drink is.
 */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Paid · waiting at bar',
  preparing: 'Paid · being made',
  ready: 'Paid · ready',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

const dayNames = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayNamesWithYear = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function dayToUtc(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/**
 * When an order was sold, for a list where numbers restart every business day: "Today 09:12",
 * "Yesterday 18:40", "Mon 23 Nov · 03:28" (the year too when it is not this year). The date is
 * the order's business day, the one its number belongs to, so a 01:30 sale sits with the evening
 * before; the time is the clock time it was sold.
 */
export function formatOrderWhen(businessDay: string, createdAt: number, today: string | null, timeZone?: string): string {
  const time = formatTime(createdAt, timeZone);
  const day = dayToUtc(businessDay);
  const now = today ? dayToUtc(today) : null;
  if (day === null) return time;
  if (now !== null && day === now) return `Today ${time}`;
  if (now !== null && day === now - 86_400_000) return `Yesterday ${time}`;
  const sameYear = today !== null && today.slice(0, 4) === businessDay.slice(0, 4);
  // en-GB writes "Mon, 23 Nov": a till reads better without the comma.
  const label = (sameYear ? dayNames : dayNamesWithYear).format(new Date(day)).replace(',', '');
  return `${label} · ${time}`;
}

export function itemCountLabel(n: number): string {
  return n === 0 ? 'No items' : n === 1 ? '1 item' : `${n} items`;
}

/** "10" or "7.5" (percent, up to two decimals) → basis points (1000, 750), integer math only; null if not a percent. */
export function parsePercentBp(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 750 → "7.5": the plain form a person would type (parsePercentBp's inverse). */
export function toPercentInput(bp: number): string {
  return formatRate(bp).replace('%', '');
}

/** True while a lockout (epoch ms) is still running. */
export function isLockedNow(lockedUntil: number | null, now = Date.now()): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

/** Shorten long text for a table cell, with an ellipsis. */
export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function brief(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Names and value formats for the settings and other keys an audit entry may hold. */
const AUDIT_KEYS: Record<string, { label: string; show?: (v: unknown) => string }> = {
  name: { label: 'name' },
  taxRateBp: { label: 'tax rate', show: (v) => (typeof v === 'number' ? formatRate(v) : brief(v)) },
  pricesIncludeTax: { label: 'prices include tax' },
  timezone: { label: 'time zone' },
  businessDayStartMinutes: {
    label: 'business day starts',
    show: (v) => (typeof v === 'number' ? `${String(Math.floor(v / 60)).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}` : brief(v)),
  },
  receiptFooter: { label: 'receipt footer' },
  silentPrint: { label: 'print without asking' },
  printerName: { label: 'printer', show: (v) => (v === '' ? 'default' : brief(v)) },
  order: { label: 'order', show: (v) => (Array.isArray(v) ? v.join(', ') : brief(v)) },
};

/** A new record's fields in words: "username: bea, role: barista, first name: Bea". */
function describeFields(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(([k, v]) => {
      const known = Object.hasOwn(AUDIT_KEYS, k) ? AUDIT_KEYS[k] : undefined;
      return `${known?.label ?? k.replace(/([a-z])([A-Z])/g, (_m, a: string, b: string) => `${a} ${b.toLowerCase()}`)}: ${(known?.show ?? brief)(v)}`;
    })
    .join(', ');
}

/**
 * An audit entry's old → new values in one short line, in words: a menu item as
 * "Latte: ₱130.00 → ₱0.00" or "Latte: sold out"; for other objects only the keys that changed
 * ("tax rate: 12% → 10%"), otherwise both values compacted.
 */
export function describeChange(oldValue: string | null, newValue: string | null): string {
  if (oldValue === null && newValue === null) return '';
  const before = parseJson(oldValue);
  const after = parseJson(newValue);
  if (isMenuValue(before) && isMenuValue(after)) return describeMenuChange(before, after);
  if (oldValue === null && isMenuValue(after)) return describeNewMenuValue(after);
  if (isGroupValue(before) && isGroupValue(after)) return describeGroupChange(before, after);
  if (oldValue === null && isGroupValue(after)) return describeNewGroup(after);
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (keys.length === 0) return 'no change';
    return keys
      .map((k) => {
        const known = Object.hasOwn(AUDIT_KEYS, k) ? AUDIT_KEYS[k] : undefined;
        const show = known?.show ?? brief;
        return `${known?.label ?? k}: ${show(before[k])} → ${show(after[k])}`;
      })
      .join(', ');
  }
  if (oldValue === null) return isPlainObject(after) ? describeFields(after) : brief(after);
  if (newValue === null) return `${isPlainObject(before) ? describeFields(before) : brief(before)} → (removed)`;
  return `${brief(before)} → ${brief(after)}`;
}

/** "23 Nov 2026". */
export function formatDate(epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: safeZone(timeZone) }).format(
    new Date(epochMs),
  );
}

/** A modifier's price change as a shopper reads it: "+₱30.00", "−₱10.00", or "" when it costs nothing extra. */
export function formatDelta(delta: number, currency: Currency): string {
  if (delta === 0) return '';
  return delta > 0 ? `+${formatMoney(delta, currency)}` : `−${formatMoney(-delta, currency)}`;
}

/** "Large · Oat · Extra shot". */
export function optionsSummary(names: readonly string[]): string {
  return names.join(' · ');
}

/** "Just now", "1 min", "12 min", "1 h 05 min" since an epoch ms. */
export function waitingLabel(sinceMs: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - sinceMs) / 60_000));
  if (minutes < 1) return 'Just now';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export const PAYMENT_LABELS: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

const AUDIT_ACTIONS: Record<string, string> = {
  'shop.setup': 'Shop set up',
  'staff.create': 'Person added',
  'staff.update': 'Person edited',
  'staff.role.change': 'Role changed',
  'staff.deactivate': 'Person deactivated',
  'staff.reactivate': 'Person reactivated',
  'staff.pin.reset': 'PIN reset',
  'staff.password.reset': 'Password reset',
  'staff.pin.change': 'Own PIN changed',
  'staff.password.change': 'Own password changed',
  'staff.unlock': 'Account unlocked',
  'menu.item.price': 'Price changed',
  'menu.item.update': 'Menu item changed',
  'menu.item.create': 'Menu item added',
  'menu.item.duplicate': 'Menu item duplicated',
  'menu.item.archive': 'Menu item archived',
  'menu.item.restore': 'Menu item restored',
  'menu.item.reorder': 'Menu items reordered',
  'menu.item.soldout': 'Item sold out / back',
  'menu.option.soldout': 'Option sold out / back',
  'menu.group.create': 'Modifier group added',
  'menu.group.update': 'Modifier group changed',
  'menu.group.attach': 'Modifier group attached',
  'menu.group.archive': 'Modifier group archived',
  'menu.category.create': 'Category added',
  'menu.category.update': 'Category changed',
  'menu.category.archive': 'Category archived',
  'menu.category.restore': 'Category restored',
  'menu.category.reorder': 'Categories reordered',
  'menu.import': 'Menu imported (CSV)',
  'menu.import.undo': 'Menu import undone',
  'menu.option.create': 'Option added',
  'menu.option.update': 'Option changed',
  'menu.option.archive': 'Option archived',
  'menu.option.restore': 'Option restored',
  'menu.group.restore': 'Modifier group restored',
  'cart.discount': 'Order discount',
  'cart.discount.remove': 'Order discount removed',
  'cart.line.discount': 'Line discount',
  'cart.line.discount.remove': 'Line discount removed',
  'order.checkout': 'Sale',
  'order.cancel': 'Order cancelled (everything refunded)',
  'order.refund': 'Refund',
  'refund.print': 'Refund receipt printed',
  'refund.migrateCancels': 'Earlier cancels recorded as refunds',
  'shift.open': 'Shift opened',
  'shift.count': 'Drawer counted',
  'shift.close': 'Shift closed (Z report)',
  'drawer.move': 'Drawer movement',
  'drawer.void': 'Drawer movement voided',
  'zreport.print': 'Z report printed',
  'settings.shop.update': 'Shop settings changed',
  'settings.security.update': 'Security settings changed',
  'settings.drawer.update': 'Cash drawer settings changed',
};

const AUDIT_ENTITIES: Record<string, string> = {
  menu_item: 'Menu item',
  category: 'Menu category',
  modifier_group: 'Modifier group',
  modifier_option: 'Modifier option',
  settings: 'Settings',
  user: 'Person',
  order: 'Order',
  cart: 'Order in progress',
  cart_line: 'Order line',
  shift: 'Shift',
  drawer_movement: 'Drawer movement',
  refund: 'Refund',
  refunds: 'Refunds',
  z_report: 'Z report',
};

/** "Menu item" for "menu_item": what an audit entry is about, in words; unknown kinds show their code. */
export function auditEntityLabel(entityType: string): string {
  return Object.hasOwn(AUDIT_ENTITIES, entityType) ? AUDIT_ENTITIES[entityType]! : entityType;
}

/** "Price changed" for "menu.item.price"; unknown actions show their code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}

const AUTH_EVENTS: Record<string, string> = {
  setup: 'Shop set up',
  login_pin: 'Signed in with PIN',
  login_password: 'Signed in with password',
  unlock_pin: 'Unlocked with PIN',
  unlock_password: 'Unlocked with password',
  override_pin: 'Manager approval PIN',
  logout: 'Signed out',
  lock: 'Till locked',
  idle_lock: 'Locked after idle time',
  account_locked: 'Account locked (wrong tries)',
  account_unlocked: 'Account unlocked',
  password_change: 'Own password change',
  pin_change: 'Own PIN change',
  password_reset: 'Password reset',
  pin_reset: 'PIN reset',
  permission_denied: 'Refused: no permission',
  app_start: 'App started',
  app_stop: 'App closed',
  audit_view: 'Audit log read',
};

/** "Signed in with PIN" for "login_pin" (sign-in history); unknown events show their code in words. */
export function authEventLabel(eventType: string): string {
  return Object.hasOwn(AUTH_EVENTS, eventType) ? AUTH_EVENTS[eventType]! : eventType.replaceAll('_', ' ');
}

/** This computer's time zone ("Asia/Manila"), UTC when it cannot tell. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every time zone this computer knows, with `current` (and UTC) always among them. */
export function timeZoneList(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  if (!zones.includes(current)) zones = [current, ...zones];
  if (!zones.includes('UTC')) zones = [...zones, 'UTC'];
  return zones;
}

/** "America/Los_Angeles" → "America/Los Angeles". */
export function timeZoneName(zone: string): string {
  return zone.replaceAll('_', ' ');
}
