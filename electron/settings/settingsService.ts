import type { ParsedInput, SettingsView } from '../shared/contract';
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
      keyStorage: this.keys.describe(),
    };
  }

  /** Shop profile, tax and receipts. A new tax rate applies to new sales only: orders keep theirs. */
  updateShop(actor: Session, input: ParsedInput<'settings.updateShop'>): SettingsView {
    const before = this.settings.requireShop();
    const taxRateBp = percentToBasisPoints(input.taxRatePercent);
    if (taxRateBp > MAX_TAX_RATE_BP) throw invalid('The tax rate is too high', { taxRatePercent: `At most ${MAX_TAX_RATE_BP / 100}%` });
    const [h, m] = input.businessDayStart.split(':').map(Number) as [number, number];
    const after = {
      ...before,
      name: input.name,
      taxRateBp,
      pricesIncludeTax: input.pricesIncludeTax,
      businessDayStartMinutes: h * 60 + m,
      receiptFooter: input.receiptFooter,
      silentPrint: input.silentPrint,
      printerName: input.printerName,
    };
    this.saveAudited(actor, 'shop', before, after, () => this.settings.setShop(after));
    return this.view();
  }

  updateSecurity(actor: Session, input: ParsedInput<'settings.updateSecurity'>): SettingsView {
    this.saveAudited(actor, 'security', this.settings.security(), input, () => this.settings.setSecurity(input));
    return this.view();
  }

  /** Writes one settings group and its audit event in one transaction; the cache forgets on failure. */
  private saveAudited(actor: Session, key: 'shop' | 'security', before: unknown, after: unknown, write: () => void): void {
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
