// Contract, settings: the shop profile, security settings and where the keys live.
import { z } from 'zod';
import { MAX_TAX_RATE_BP, percentToBasisPoints, type Currency } from '../money';
import { SECURITY_LIMITS } from '../securityLimits';
import { text } from '../schemas';
import { channel, empty } from './channel';
import type { DrawerSettingsView } from './shifts';

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
  drawer: DrawerSettingsView;
  /** Where the email encryption key is kept, and whether the OS protects it. */
  keyStorage: { backend: string; protected: boolean; warning: string | null };
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


// ---------- input pieces ----------

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
export const timeZone = text(64, { min: 1, required: 'Choose the time zone' }).refine(isTimeZone, 'Pick a time zone from the list');
const RATE_FORM = /^\d{1,2}(\.\d{1,2})?$/;
/** "12" or "7.5" (percent, as typed), up to the highest rate the till accepts. */
export const taxRatePercent = z
  .string()
  .trim()
  .regex(RATE_FORM, 'A rate like 12 or 7.5')
  .refine((t) => !RATE_FORM.test(t) || percentToBasisPoints(t) <= MAX_TAX_RATE_BP, `At most ${MAX_TAX_RATE_BP / 100}%`);

export const settingsChannels = {
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
};
