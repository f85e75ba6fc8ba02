// The modifier-group rules that every writer of the menu enforces (the back office's saveGroup and
// setSoldOut, the CSV import): one function so a file cannot sneak in a group the screen would
// refuse. Returns a sentence for a person, or null when the group is fine.

export interface GroupShape {
  name: string;
  minChoices: number;
  maxChoices: number;
  allowRepeat: boolean;
}

export interface OptionShape {
  isDefault: boolean;
  /** Available right now (soldOut.ts availableNow): not switched off nor sold out for today. */
  isAvailable: boolean;
  archived: boolean;
}

/** Choice limits the contract allows (menu.saveGroup). */
export const MAX_CHOICES = 20;

export function groupProblem(group: GroupShape, options: readonly OptionShape[]): string | null {
  const { name, minChoices: min, maxChoices: max } = group;
  if (!Number.isInteger(min) || min < 0 || min > MAX_CHOICES) return `${name}: the minimum must be a whole number from 0 to ${MAX_CHOICES}`;
  if (!Number.isInteger(max) || max < 1 || max > MAX_CHOICES) return `${name}: the maximum must be a whole number from 1 to ${MAX_CHOICES}`;
  if (min > max) return `${name}: the minimum (${min}) is more than the maximum (${max})`;
  const active = options.filter((o) => !o.archived);
  if (active.length === 0) return `${name} has no options left: add one or archive the group`;
  // With repeats allowed, one option can fill several choices (2 pumps of vanilla).
  if (!group.allowRepeat && min > active.length) {
    return `${name} asks for at least ${min} choices but offers ${active.length} option${active.length === 1 ? '' : 's'}`;
  }
  // As the back office's assertKeepsAvailable (modifierService.ts): a required group must stay choosable.
  const needed = group.allowRepeat ? 1 : min;
  const available = active.filter((o) => o.isAvailable).length;
  if (min >= 1 && available < needed) {
    return needed === 1 ? `${name} is required: keep at least one of its options available` : `${name} needs ${needed} choices: keep at least ${needed} options available`;
  }
  const defaults = active.filter((o) => o.isDefault).length;
  if (defaults > max) return `${name} has ${defaults} defaults but allows at most ${max} choice${max === 1 ? '' : 's'}`;
  return null;
}
