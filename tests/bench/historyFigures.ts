// Order history pages on the two-year database (DESIGN.md §6: a 50-row page at any depth, p99 <
// 10 ms): the first page, and pages starting 50% and 95% of the way down and at the very oldest
// orders, through the router as the owner. The cursors are made from the rows at those depths
// (untimed); the page query's plan is printed.
import { performance } from 'node:perf_hooks';
import type { TestCore } from '../support/testCore';
import type { BenchClock } from './counter';
import { ms, QUICK, stats, type Table } from './report';

export async function historyFigures(t: TestCore<BenchClock>, senderId: string, orders: number, table: Table): Promise<void> {
  const size = (orders / 1000).toLocaleString('en') + 'k';
  const at = t.core.sqlite.prepare(`select created_at, id from orders order by created_at desc, id desc limit 1 offset ?`);
  const cursorAt = (offset: number) => {
    const row = at.get(Math.max(0, Math.min(orders - 1, offset))) as { created_at: number; id: string };
    return `${row.created_at}_${row.id}`;
  };
  const depths: [string, string | undefined][] = [
    ['first page', undefined],
    ['50% deep', cursorAt(Math.floor(orders * 0.5))],
    ['95% deep', cursorAt(Math.floor(orders * 0.95))],
    ['the oldest orders', cursorAt(orders - 30)],
  ];
  const samples = QUICK ? 50 : 200;
  for (const [name, before] of depths) {
    const took: number[] = [];
    for (let i = 0; i < samples + 10; i++) {
      const began = performance.now();
      const r = await t.call('orders.list', { limit: 50, ...(before ? { before } : {}) }, senderId);
      if (!r.ok) throw new Error(`orders.list failed: ${r.error.message}`);
      if (i >= 10) took.push(performance.now() - began);
    }
    const s = stats(took);
    table.add(`order history page of 50, ${name} (${size} orders)`, { p50: ms(s.p50), p99: ms(s.p99) }, 'p99 < 10 ms', s.p99 < 10, `${s.n} pages`);
  }
  console.log('\nQuery plan (EXPLAIN QUERY PLAN) of a history page with a cursor:');
  for (const line of t.core.services.history.pagePlan()) console.log(`    ${line}`);
}
