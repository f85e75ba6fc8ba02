// The rules that keep a modifier group choosable at the counter, shared by the group editor and
// "sold out" on an option (electron/menu/soldOut.ts).
import { and, eq, isNull } from 'drizzle-orm';
import { modifierGroups, modifierOptions } from '../../db/schema';
import type { Deps } from '../core/deps';
import { conflict } from '../core/errors';
import { availableNow } from './soldOut';

type GroupRow = typeof modifierGroups.$inferSelect;

/**
 * A required group must stay choosable: with repeats one available option is enough, otherwise
 * as many as the minimum. Used by saveGroup and by "sold out" on an option.
 */
export function assertKeepsAvailable(group: Pick<GroupRow, 'name' | 'minChoices' | 'allowRepeat'>, available: number): void {
  if (group.minChoices < 1) return;
  const needed = group.allowRepeat ? 1 : group.minChoices;
  if (available >= needed) return;
  const what = group.name.toLocaleLowerCase();
  throw conflict(
    needed === 1
      ? `${group.name} is required: keep at least one ${what} available`
      : `${group.name} needs ${needed} choices: keep at least ${needed} options available`,
    { options: 'Keep enough options available' },
  );
}

/** Refuses marking an option sold out when its required group would have too few left (call inside the write). */
export function assertCanSellOut(deps: Pick<Deps, 'db'>, optionId: string, now: number): void {
  const option = deps.db.select().from(modifierOptions).where(eq(modifierOptions.id, optionId)).get();
  if (!option) return;
  const group = deps.db.select().from(modifierGroups).where(eq(modifierGroups.id, option.groupId)).get();
  if (!group || group.archivedAt !== null) return;
  const others = deps.db
    .select()
    .from(modifierOptions)
    .where(and(eq(modifierOptions.groupId, group.id), isNull(modifierOptions.archivedAt)))
    .all()
    .filter((o) => o.id !== optionId && availableNow(o, now));
  assertKeepsAvailable(group, others.length);
}
