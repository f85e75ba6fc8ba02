import { isTimeZone, type DrawerSettingsView, type ParsedInput, type SettingsView } from '../shared/contract';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { invalid } from '../core/errors';
import type { KeyProvider } from '../core/keys';
import { MAX_TAX_RATE_BP, percentToBasisPoints } from '../shared/money';
import type { SettingsStore } from './shopSettings';

/** The owner's Settings screen. */
export class SettingsService {
  constructor(
    private readonly deps: Pick<Deps, 'sqlite'>,
    private readonly settings: SettingsStore,
    private readonly keys: KeyProvider,
    private readonly audit: AuditLog,
  ) {}

  view(): SettingsView {
    const shop = this.settings.requireShop();
    const minutes = shop.businessDayStartMinutes;
    return {
      shop: {
        name: shop.name,
        currency: shop.currency,
        taxRateBp: shop.taxRateBp,
        pricesIncludeTax: shop.pricesIncludeTax,
        timezone: shop.timezone,
        businessDayStart: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
        receiptFooter: shop.receiptFooter,
        silentPrint: shop.silentPrint,
        printerName: shop.printerName,
      },
      security: this.settings.security(),
      drawer: this.settings.drawer(),
      keyStorage: this.keys.describe(),
    };
  }

  /**
   * Shop profile, tax, time zone and receipts. A new tax rate or time zone applies to new sales
   * only: orders keep their rate and the business day they were given at checkout.
   */
  updateShop(actor: Session, input: ParsedInput<'settings.updateShop'>): SettingsView {
    const before = this.settings.requireShop();
    const taxRateBp = percentToBasisPoints(input.taxRatePercent);
    if (taxRateBp > MAX_TAX_RATE_BP) throw invalid('The tax rate is too high', { taxRatePercent: `At most ${MAX_TAX_RATE_BP / 100}%` });
    // The contract checked the name; this is the last line of defence before orders depend on it.
    if (input.timezone !== undefined && !isTimeZone(input.timezone)) throw invalid('Unknown time zone', { timezone: 'Pick a time zone from the list' });
    const [h, m] = input.businessDayStart.split(':').map(Number) as [number, number];
    const after = {
      ...before,
      name: input.name,
      taxRateBp,
      pricesIncludeTax: input.pricesIncludeTax,
      timezone: input.timezone === undefined ? before.timezone : canonicalTimeZone(input.timezone),
      businessDayStartMinutes: h * 60 + m,
      receiptFooter: input.receiptFooter,
      silentPrint: input.silentPrint,
      printerName: input.printerName,
    };
    this.saveAudited(actor, 'shop', before, after, () => this.settings.setShop(after));
    return this.view();
  }

  /** Lockout, idle lock, session length and discount limit; a screen that does not send the session length keeps it. */
  updateSecurity(actor: Session, input: ParsedInput<'settings.updateSecurity'>): SettingsView {
    const before = this.settings.security();
    const after = { ...input, maxSessionHours: input.maxSessionHours ?? before.maxSessionHours };
    this.saveAudited(actor, 'security', before, after, () => this.settings.setSecurity(after));
    return this.view();
  }

  /** Cash needs a shift, the count tolerance and the managers' refund limit. */
  updateDrawer(actor: Session, input: ParsedInput<'settings.updateDrawer'>): DrawerSettingsView {
    const before = this.settings.drawer();
    const after = { ...input };
    this.saveAudited(actor, 'drawer', before, after, () => this.settings.setDrawer(after));
    return this.settings.drawer();
  }

  /** Writes one settings group and its audit event in one transaction; the cache forgets on failure. */
  private saveAudited(actor: Session, key: 'shop' | 'security' | 'drawer', before: unknown, after: unknown, write: () => void): void {
    try {
      this.deps.sqlite.transaction(() => {
        write();
        this.audit.append({
          actorUserId: actor.userId,
          action: `settings.${key}.update`,
          entityType: 'settings',
          entityId: key,
          oldValue: before,
          newValue: after,
        });
      })();
    } catch (error) {
      this.settings.forget();
      throw error;
    }
  }
}

/**
 * The zone spelled as the time zone database spells it ("asia/manila" → "Asia/Manila"); a link
 * such as "Asia/Kolkata" is kept as chosen rather than swapped for its older canonical name.
 */
function canonicalTimeZone(zone: string): string {
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}
