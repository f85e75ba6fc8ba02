// "86" an item or an option: sold out for today (back by itself when the next business day
// starts) or until someone turns it back on. Availability is judged against the clock when the
// menu is read, so nothing has to run at the start of the day to bring things back.
import { eq } from 'drizzle-orm';
import { menuItems, modifierGroups, modifierOptions } from '../../db/schema';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import { nextDay, zonedDayStart } from '../audit/auditQuery';
import type { Deps } from '../core/deps';
import { notFound } from '../core/errors';
import { businessDayOf } from '../orders/orderNumbers';
import type { ParsedInput } from '../shared/contract';
import type { ShopSettings, SettingsStore } from '../settings/shopSettings';
import { itemAuditValue } from './catalogRules';
import { assertCanSellOut } from './modifierRules';
import type { MenuChange } from './menuService';

interface Availability {
  isAvailable: boolean;
  soldOutUntil: number | null;
}

/** Sellable right now: not switched off, and not sold out for today (a past soldOutUntil has ended). */
export function availableNow(row: Availability, now: number): boolean {
  return row.isAvailable && (row.soldOutUntil === null || row.soldOutUntil <= now);
}

/** The end of a sold-out-for-today that is still running, else null (an ended one reads as none). */
export function soldOutUntilNow(row: Availability, now: number): number | null {
  return row.soldOutUntil !== null && row.soldOutUntil > now ? row.soldOutUntil : null;
}

/** When the business day after the one `now` falls in starts (shop time zone, e.g. 04:00 local). */
export function nextBusinessDayStart(now: number, shop: Pick<ShopSettings, 'timezone' | 'businessDayStartMinutes'>): number {
  const { timezone, businessDayStartMinutes: startMinutes } = shop;
  const next = nextDay(businessDayOf(now, timezone, startMinutes));
  const guess = zonedDayStart(next, timezone) + startMinutes * 60_000;
  // A daylight-saving change between midnight and the day start moves it by an hour: take the
  // first minute that really belongs to the next business day.
  for (const shift of [0, -3_600_000, 3_600_000]) {
    const at = guess + shift;
    if (businessDayOf(at, timezone, startMinutes) === next && businessDayOf(at - 60_000, timezone, startMinutes) !== next) return at;
  }
  return guess;
}

/** The new flags for "sold out (today | until turned on)" or "available again". */
export function soldOutFlags(soldOut: boolean, until: 'today' | 'manual', now: number, shop: ShopSettings): Availability {
  if (!soldOut) return { isAvailable: true, soldOutUntil: null };
  return until === 'today' ? { isAvailable: true, soldOutUntil: nextBusinessDayStart(now, shop) } : { isAvailable: false, soldOutUntil: null };
}

/** menu.setSoldOut for both targets; the caller returns the refreshed back-office view. */
export class SoldOut {
  constructor(
    private readonly deps: Pick<Deps, 'db' | 'sqlite' | 'clock'>,
    private readonly audit: AuditLog,
    private readonly settings: SettingsStore,
    private readonly onChange: (change: MenuChange) => void,
  ) {}

  set(actor: Session, input: ParsedInput<'menu.setSoldOut'>): void {
    this.deps.sqlite.transaction(() => (input.target === 'item' ? this.setItem(actor, input) : this.setOption(actor, input)))();
    // Only the item's (or the option's) row changed: the counter rereads just that part.
    this.onChange(input.target === 'item' ? { item: input.id } : 'options');
  }

  private setItem(actor: Session, input: ParsedInput<'menu.setSoldOut'>): void {
    const { db, clock } = this.deps;
    const item = db.select().from(menuItems).where(eq(menuItems.id, input.id)).get();
    if (!item || item.archivedAt !== null) throw notFound('That menu item');
    const now = clock.now();
    const shop = this.settings.requireShop();
    const flags = soldOutFlags(input.soldOut, input.until, now, shop);
    const updated = db
      .update(menuItems)
      .set({ ...flags, version: item.version + 1, updatedAt: now })
      .where(eq(menuItems.id, item.id))
      .returning()
      .get();
    this.audit.append({
      actorUserId: actor.userId,
      action: 'menu.item.soldout',
      entityType: 'menu_item',
      entityId: item.id,
      oldValue: itemAuditValue(item, shop.currency, now),
      newValue: itemAuditValue(updated, shop.currency, now),
    });
  }

  /** "Out of oat milk": the option is greyed on every item that offers it, at once. */
  private setOption(actor: Session, input: ParsedInput<'menu.setSoldOut'>): void {
    const { db, clock } = this.deps;
    const row = db
      .select({ option: modifierOptions, group: modifierGroups.name })
      .from(modifierOptions)
      .innerJoin(modifierGroups, eq(modifierGroups.id, modifierOptions.groupId))
      .where(eq(modifierOptions.id, input.id))
      .get();
    if (!row || row.option.archivedAt !== null) throw notFound('That option');
    const now = clock.now();
    // "Milk is required: keep at least one milk available" — else no drink with milk could be sold.
    if (input.soldOut) assertCanSellOut(this.deps, row.option.id, now);
    const flags = soldOutFlags(input.soldOut, input.until, now, this.settings.requireShop());
    const updated = db
      .update(modifierOptions)
      .set({ ...flags, version: row.option.version + 1, updatedAt: now })
      .where(eq(modifierOptions.id, row.option.id))
      .returning()
      .get();
    const value = (o: Availability) => ({
      name: `${row.option.name} (${row.group})`,
      isAvailable: o.isAvailable,
      soldOutUntil: soldOutUntilNow(o, now),
    });
    this.audit.append({
      actorUserId: actor.userId,
      action: 'menu.option.soldout',
      entityType: 'modifier_option',
      entityId: row.option.id,
      oldValue: value(row.option),
      newValue: value(updated),
    });
  }
}
