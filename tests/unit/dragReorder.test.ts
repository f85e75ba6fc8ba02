// The order a drop produces (renderer/src/components/menu/reorderIds.ts): before/after a row,
// up and down, the ends, and drops that change nothing or name ids that are not in the list.
import { describe, expect, it } from 'vitest';
import { reordered } from '../../renderer/src/components/menu/reorderIds';

const ids = ['a', 'b', 'c', 'd'];

describe('reordered', () => {
  it('moves a row before or after another, up or down', () => {
    expect(reordered(ids, 'd', 'a', 'before')).toEqual(['d', 'a', 'b', 'c']);
    expect(reordered(ids, 'a', 'd', 'after')).toEqual(['b', 'c', 'd', 'a']);
    expect(reordered(ids, 'a', 'c', 'before')).toEqual(['b', 'a', 'c', 'd']);
    expect(reordered(ids, 'd', 'b', 'after')).toEqual(['a', 'b', 'd', 'c']);
  });
  it('keeps every id exactly once (main refuses anything else)', () => {
    const out = reordered(ids, 'b', 'd', 'after');
    expect([...out].sort()).toEqual(ids);
  });
  it('changes nothing when dropped on itself, next to its place, or with an unknown id', () => {
    expect(reordered(ids, 'b', 'b', 'after')).toEqual(ids);
    expect(reordered(ids, 'b', 'a', 'after')).toEqual(ids);
    expect(reordered(ids, 'b', 'c', 'before')).toEqual(ids);
    expect(reordered(ids, 'x', 'a', 'before')).toEqual(ids);
    expect(reordered(ids, 'a', 'x', 'before')).toEqual(ids);
    expect(reordered([], 'a', 'b', 'after')).toEqual([]);
  });
});
