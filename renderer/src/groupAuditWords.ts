// Modifier groups' audit entries in words: "Whip: on Mocha Frappe, Frappes", "Milk: choices 0–1 →
// 1–1, options Whole, Oat +₱30.00 → Whole (default), Oat +₱30.00", "Whip: added, choose 1, options …".
// Main records { name, minChoices, maxChoices, allowRepeat, options } with the options already in
// words, and { name, on } for where the group is attached (electron/menu/modifierService.ts).

type GroupValue = Record<string, unknown> & { name: string };

const GROUP_KEYS = new Set(['name', 'minChoices', 'maxChoices', 'allowRepeat', 'options', 'on', 'archived']);

export function isGroupValue(v: unknown): v is GroupValue {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.name === 'string' && ('on' in o || typeof o.options === 'string' || o.archived === true) && Object.keys(o).every((k) => GROUP_KEYS.has(k));
}

const choices = (v: GroupValue): string => (v.minChoices === v.maxChoices ? String(v.minChoices) : `${String(v.minChoices)}–${String(v.maxChoices)}`);

export function describeGroupChange(before: GroupValue, after: GroupValue): string {
  const parts: string[] = [];
  const changed = (k: string) => k in after && JSON.stringify(before[k]) !== JSON.stringify(after[k]);
  if (changed('name')) parts.push(`renamed “${after.name}”`);
  if (changed('minChoices') || changed('maxChoices')) parts.push(`choose ${choices(before)} → ${choices(after)}`);
  if (changed('allowRepeat')) parts.push(after.allowRepeat ? 'an option may be taken more than once' : 'each option once');
  if (changed('options')) parts.push(`options ${String(before.options)} → ${String(after.options)}`);
  if (after.archived === true) parts.push(typeof before.on === 'string' && before.on !== 'nothing' ? `archived (was on ${before.on})` : 'archived');
  else if (changed('on')) parts.push(`on ${String(after.on)}`);
  return `${before.name}: ${parts.length > 0 ? parts.join(', ') : 'no change'}`;
}

export function describeNewGroup(v: GroupValue): string {
  return `${v.name}: added, choose ${choices(v)}${v.allowRepeat ? ' (repeats allowed)' : ''}, options ${String(v.options)}`;
}
