import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../db/schema';
import type { ShopProfile } from '../shared/contract';
import { CURRENCY_CODES, MAX_TAX_RATE_BP } from '../shared/money';
import { clampSetting, DEFAULT_MAX_SESSION_HOURS, SECURITY_LIMITS, type SecurityKey } from '../shared/securityLimits';
import type { Deps } from '../core/deps';

const shopSchema = z.object({
  name: z.string(),
  code: z.string(), // short shop code used in order numbers
  currency: z.enum(CURRENCY_CODES),
  taxRateBp: z.int().min(0).max(MAX_TAX_RATE_BP),
  pricesIncludeTax: z.boolean(),
  timezone: z.string(),
  businessDayStartMinutes: z.int().min(0).max(23 * 60 + 59),
  receiptFooter: z.string().default('Thank you! Come again.'),
  silentPrint: z.boolean().default(false),
  printerName: z.string().default(''),
});
export type ShopSettings = z.output<typeof shopSchema>;
export type ShopSettingsInput = z.input<typeof shopSchema>;

const within = (key: SecurityKey) => z.int().min(SECURITY_LIMITS[key].min).max(SECURITY_LIMITS[key].max);
const securitySchema = z.object({
  idleLockMinutes: within('idleLockMinutes'),
  maxFailedAttempts: within('maxFailedAttempts'),
  lockoutMinutes: within('lockoutMinutes'),
  discountLimitPercent: within('discountLimitPercent'),
  maxSessionHours: within('maxSessionHours'),
});
export type SecuritySettings = z.infer<typeof securitySchema>;
export const DEFAULT_SECURITY: SecuritySettings = {
  idleLockMinutes: 15,
  maxFailedAttempts: 5,
  lockoutMinutes: 30,
  discountLimitPercent: 5,
  maxSessionHours: DEFAULT_MAX_SESSION_HOURS,
};

/**
 * Stored values are read leniently: one saved before a bound existed (a 1-minute lockout, a 4-hour
 * idle lock) is moved into the bounds, and a missing or unreadable one falls back to the default.
 */
const clamped = (key: SecurityKey) =>
  z
    .number()
    .transform((v) => clampSetting(key, v))
    .optional()
    .catch(undefined);
const storedSecuritySchema = z.object({
  idleLockMinutes: clamped('idleLockMinutes'),
  maxFailedAttempts: clamped('maxFailedAttempts'),
  lockoutMinutes: clamped('lockoutMinutes'),
  discountLimitPercent: clamped('discountLimitPercent'),
  maxSessionHours: clamped('maxSessionHours'),
});
export const DEFAULT_BUSINESS_DAY_START_MINUTES = 4 * 60;

const drawerSchema = z.object({
  cashNeedsShift: z.boolean(),
  varianceTolerance: z.int().min(0).max(100_000_00),
  refundLimit: z.int().min(0).max(100_000_000_00),
});
export type DrawerSettings = z.infer<typeof drawerSchema>;
/** A careful default: cash only into a counted drawer, every variance explained, refunds over 500.00 by the owner. */
export const DEFAULT_DRAWER: DrawerSettings = { cashNeedsShift: true, varianceTolerance: 0, refundLimit: 50_000 };

const sqlIncrement = sql`${settings.version} + 1`;

/** Typed access to the `settings` table, cached in memory: main is the only writer. */
export class SettingsStore {
  private cache = new Map<string, unknown>();

  constructor(private readonly deps: Pick<Deps, 'db' | 'clock'>) {}

  private read<T>(key: string, schema: z.ZodType<T>): T | null {
    if (this.cache.has(key)) return this.cache.get(key) as T | null;
    const row = this.deps.db.select().from(settings).where(eq(settings.key, key)).get();
    const value = row ? schema.parse(row.value) : null;
    this.cache.set(key, value);
    return value;
  }

  /** Call inside the caller's transaction. */
  write<T>(key: string, value: T): void {
    const now = this.deps.clock.now();
    this.deps.db
      .insert(settings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, version: sqlIncrement } })
      .run();
    this.cache.delete(key);
  }

  shop(): ShopSettings | null {
    return this.read('shop', shopSchema);
  }

  requireShop(): ShopSettings {
    const shop = this.shop();
    if (!shop) throw new Error('The shop is not set up yet');
    return shop;
  }

  setShop(value: ShopSettingsInput): void {
    this.write('shop', shopSchema.parse(value));
  }

  security(): SecuritySettings {
    const stored = this.read('security', storedSecuritySchema.catch({}));
    const security = { ...DEFAULT_SECURITY };
    for (const key of Object.keys(security) as SecurityKey[]) security[key] = stored?.[key] ?? security[key];
    return security;
  }

  setSecurity(value: SecuritySettings): void {
    this.write('security', securitySchema.parse(value));
  }

  drawer(): DrawerSettings {
    return { ...DEFAULT_DRAWER, ...(this.read('drawer', drawerSchema.partial().catch({})) ?? {}) };
  }

  setDrawer(value: DrawerSettings): void {
    this.write('drawer', drawerSchema.parse(value));
  }

  /** Drop cached values, e.g. after a transaction that wrote settings rolled back. */
  forget(): void {
    this.cache.clear();
  }
}

export function shopProfile(shop: ShopSettings): ShopProfile {
  return {
    name: shop.name,
    currency: shop.currency,
    taxRateBp: shop.taxRateBp,
    pricesIncludeTax: shop.pricesIncludeTax,
    timezone: shop.timezone,
  };
}
