import { newId, newToken } from '../../db/ids';
import { profiles, users } from '../../db/schema';
import type { ParsedInput, SessionInfo, SetupStatus } from '../shared/contract';
import { MAX_TAX_RATE_BP, percentToBasisPoints } from '../shared/money';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid } from '../core/errors';
import { DEFAULT_BUSINESS_DAY_START_MINUTES, shopProfile, type SettingsStore } from '../settings/shopSettings';
import { sessionInfo, type AuthService } from './authService';
import type { Credentials } from './credentials';
import { hashSecret } from './secrets';
import type { SessionStore } from './sessions';
import { displayNameOf, type StaffDirectory } from './staffDirectory';

/** Short code for order numbers: initials of a multi-word name, else its first letters ("Brews & Chews" → "BC"). */
export function shopCodeFor(name: string): string {
  const words = name.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const code = words.length >= 2 ? words.map((w) => w[0]).join('').slice(0, 4) : (words[0] ?? '').slice(0, 4);
  return code.length >= 2 ? code : 'SHOP';
}

/** First run: the owner account and the shop profile, created together or not at all. */
export class SetupService {
  constructor(
    private readonly deps: Deps,
    private readonly settings: SettingsStore,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditLog,
    private readonly auth: AuthService,
    private readonly sessions: SessionStore,
    private readonly credentials: Credentials,
  ) {}

  status(): SetupStatus {
    const shop = this.settings.shop();
    const needsSetup = !shop || this.staff.count() === 0;
    return { needsSetup, shop: shop && !needsSetup ? shopProfile(shop) : null };
  }

  async complete(senderId: string, input: ParsedInput<'setup.complete'>): Promise<SessionInfo> {
    if (!this.status().needsSetup) throw conflict('This till is already set up. Sign in instead.');
    const taxRateBp = percentToBasisPoints(input.shop.taxRatePercent);
    if (taxRateBp > MAX_TAX_RATE_BP) {
      throw invalid('The tax rate is too high', { 'shop.taxRatePercent': `At most ${MAX_TAX_RATE_BP / 100}%` });
    }
    if (!isTimeZone(input.shop.timezone)) throw invalid('Unknown time zone', { 'shop.timezone': 'Pick a time zone from the list' });

    // Hash outside the transaction: argon2 is slow on purpose and must not hold the write lock.
    const [passwordHash, pinHash] = await Promise.all([hashSecret(input.owner.password), this.credentials.preparePin(input.owner.pin)]);
    const now = this.deps.clock.now();
    const userId = newId(now);
    const owner = input.owner;

    try {
      this.deps.sqlite.transaction(() => {
        if (this.staff.count() > 0) throw conflict('This till is already set up. Sign in instead.');
        const shop = {
          name: input.shop.name,
          code: shopCodeFor(input.shop.name),
          currency: input.shop.currency,
          taxRateBp,
          pricesIncludeTax: input.shop.pricesIncludeTax,
          timezone: input.shop.timezone,
          businessDayStartMinutes: DEFAULT_BUSINESS_DAY_START_MINUTES,
        };
        this.settings.setShop(shop);
        this.deps.db
          .insert(users)
          .values({
            id: userId,
            authToken: newToken(),
            username: owner.username,
            pinHash,
            pinPeppered: true,
            firstName: owner.firstName,
            lastName: owner.lastName,
            role: 'owner',
            dateJoined: now,
            lastLogin: now,
            updatedAt: now,
          })
          .run();
        this.credentials.storePassword(userId, passwordHash);
        this.deps.db.insert(profiles).values({ userId, updatedAt: now }).run();
        this.audit.append({ actorUserId: userId, action: 'shop.setup', entityType: 'settings', entityId: 'shop', newValue: shop });
        this.audit.append({
          actorUserId: userId,
          action: 'staff.create',
          entityType: 'user',
          entityId: userId,
          newValue: { username: owner.username, role: 'owner', firstName: owner.firstName, lastName: owner.lastName },
        });
        this.auth.recordEvent({ type: 'setup', successful: true, usernameSubmitted: owner.username, userId });
      })();
    } catch (error) {
      this.settings.forget();
      throw error;
    }

    const session = this.sessions.start(senderId, {
      userId,
      username: owner.username,
      displayName: displayNameOf({ displayName: '', firstName: owner.firstName, lastName: owner.lastName, username: owner.username }),
      role: 'owner',
    });
    return sessionInfo(session);
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
