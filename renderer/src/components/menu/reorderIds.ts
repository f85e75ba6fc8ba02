// The order a drag-and-drop produces (useDragReorder), kept free of DOM and React so the unit
// tests (tests/unit/dragReorder.test.ts, compiled without the DOM library) can import it.

export type DropSide = 'before' | 'after';

/** The ids after moving `dragged` to just before/after `target`; the same order when nothing moves. */
export function reordered(ids: readonly string[], dragged: string, target: string, side: DropSide): string[] {
  if (dragged === target || !ids.includes(dragged) || !ids.includes(target)) return [...ids];
  const rest = ids.filter((id) => id !== dragged);
  const at = rest.indexOf(target) + (side === 'after' ? 1 : 0);
  return [...rest.slice(0, at), dragged, ...rest.slice(at)];
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
