// Bounds of the owner's security settings, read by the contract (refusing a save), the settings
// store (clamping values stored before a bound existed) and the Settings screen (hints).
// Imports nothing, so main and renderer can both read it.

export interface SecurityLimit {
  min: number;
  max: number;
  /** Why a bound is where it is, for the screen's hint. */
  hint: string;
}

export const SECURITY_LIMITS = {
  maxFailedAttempts: { min: 3, max: 10, hint: 'Between 3 and 10' },
  // PCI DSS 8.3.4: a locked-out account stays locked at least 30 minutes (or until someone unlocks it).
  lockoutMinutes: { min: 30, max: 24 * 60, hint: 'At least 30 minutes (card rules), at most a day' },
  // PCI DSS 8.2.8: an idle session must re-authenticate after at most 15 minutes.
  idleLockMinutes: { min: 1, max: 15, hint: 'Between 1 and 15 minutes (card rules)' },
  discountLimitPercent: { min: 0, max: 100, hint: "Bigger discounts need a manager's PIN" },
  // A sign-in lasts at most a long shift; unlocking the till does not extend it.
  maxSessionHours: { min: 1, max: 24, hint: 'Everyone signs in again after this long (1 to 24 hours)' },
} as const satisfies Record<string, SecurityLimit>;

export type SecurityKey = keyof typeof SECURITY_LIMITS;

export const DEFAULT_MAX_SESSION_HOURS = 12;

/** A stored value moved into its bounds (a value saved before the bound existed must not weaken it). */
export function clampSetting(key: SecurityKey, value: number): number {
  const { min, max } = SECURITY_LIMITS[key];
  return Math.min(max, Math.max(min, Math.round(value)));
}
