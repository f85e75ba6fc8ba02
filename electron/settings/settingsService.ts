import type { ParsedInput, SettingsView } from '../shared/contract';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import type { KeyProvider } from '../core/keys';
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
    return { security: this.settings.security(), keyStorage: this.keys.describe() };
  }

  updateSecurity(actor: Session, input: ParsedInput<'settings.updateSecurity'>): SettingsView {
    const before = this.settings.security();
    try {
      this.deps.sqlite.transaction(() => {
        this.settings.setSecurity(input);
        this.audit.append({
          actorUserId: actor.userId,
          action: 'settings.security.update',
          entityType: 'settings',
          entityId: 'security',
          oldValue: before,
          newValue: input,
        });
      })();
    } catch (error) {
      this.settings.forget();
      throw error;
    }
    return this.view();
  }
}
