// The counter's hot path on a fresh database: add-to-cart, and checkout against its floor with
// router and floor samples interleaved in one loop (DESIGN.md §6).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChannelInput, MenuItemView } from '../../electron/shared/contract';
import { makeTestCore, setupInput, type TestCore } from '../support/testCore';
import { captureCart, captureOrder, Floor, type CheckoutTemplate } from './floor';
import { ms, ratio, SIZES, stats, type Table } from './report';

/** Real time for sessions and order stamps. */
export class BenchClock {
  now = (): number => Date.now();
  advance(): void {}
}

type Line = { menuItemId: string; quantity?: number; optionIds?: string[] };
type Payments = (total: number) => ChannelInput<'orders.checkout'>['payments'];

export interface CheckoutSpec {
  name: string;
  lines: Line[];
  payments: Payments;
}

export async function setUpCounter(dir?: string): Promise<{ t: TestCore<BenchClock>; items: MenuItemView[] }> {
  const t = makeTestCore({ clock: new BenchClock(), dir });
  await t.must('setup.complete', setupInput());
  // Cash goes into a counted drawer: the till's shift is open, as at any shop during the day.
  await t.must('shifts.open', { requestId: randomUUID(), float: { amount: 200_000 } });
  const items = (await t.must('menu.list', {})).flatMap((c) => c.items);
  return { t, items };
}

export const itemNamed = (items: MenuItemView[], name: string): MenuItemView => {
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`The seed menu has no ${name}`);
  return item;
};

export function standardSpecs(items: MenuItemView[]): CheckoutSpec[] {
  const latte = itemNamed(items, 'Latte').id;
  const croissant = itemNamed(items, 'Croissant').id;
  return [
    { name: 'checkout, 2 lines, cash', lines: [{ menuItemId: latte }, { menuItemId: croissant, quantity: 2 }], payments: (total) => [{ method: 'cash', tendered: total }] },
    {
      name: 'checkout, 10 lines, card + cash',
      lines: items.slice(0, 10).map((i) => ({ menuItemId: i.id })),
      payments: (total) => [
        { method: 'card', amount: Math.floor(total / 2), reference: 'AUTH' },
        { method: 'cash', tendered: total - Math.floor(total / 2) },
      ],
    },
  ];
}

async function fillCart(t: TestCore<BenchClock>, spec: CheckoutSpec, senderId?: string): Promise<number> {
  let total = 0;
  for (const line of spec.lines) total = (await t.must('cart.addItem', line, senderId)).totals.total;
  return total;
}

/** One router checkout of `spec`, returning how long the router call took. */
export async function routerCheckout(t: TestCore<BenchClock>, spec: CheckoutSpec, total: number, senderId?: string): Promise<number> {
  const start = performance.now();
  const r = await t.call('orders.checkout', { requestId: crypto.randomUUID(), payments: spec.payments(total) }, senderId);
  const took = performance.now() - start;
  if (!r.ok) throw new Error(`checkout failed: ${r.error.message}`);
  return took;
}

export async function addToCartFigures(t: TestCore<BenchClock>, items: MenuItemView[], table: Table): Promise<void> {
  const latte = itemNamed(items, 'Latte');
  const croissant = itemNamed(items, 'Croissant').id;
  const opt = (name: string) => latte.modifierGroups.flatMap((g) => g.options).find((o) => o.name === name)!.id;
  const cases: [string, (i: number) => Line & { note?: string }][] = [
    ['add-to-cart via router', (i) => ({ menuItemId: i % 2 ? latte.id : croissant })],
    ['add-to-cart with modifiers via router', (i) => ({ menuItemId: latte.id, optionIds: [opt('Large'), opt('Oat'), opt('Extra shot')], note: i % 3 ? '' : 'extra hot' })],
  ];
  for (const [name, input] of cases) {
    const samples: number[] = [];
    for (let i = 0; i < SIZES.iterations + SIZES.warmup; i++) {
      if (i % 10 === 0) await t.must('cart.clear', {});
      const start = performance.now();
      const r = await t.call('cart.addItem', input(i));
      const took = performance.now() - start;
      if (!r.ok) throw new Error(r.error.message);
      if (i >= SIZES.warmup) samples.push(took);
    }
    const s = stats(samples);
    table.add(name, { p50: ms(s.p50), p99: ms(s.p99) }, 'p99 < 1 ms', s.p99 < 1);
  }
  await t.must('cart.clear', {});
}

const liveBytes = (t: TestCore<BenchClock>) => {
  t.core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const pages = (p: string) => t.core.sqlite.pragma(p, { simple: true }) as number;
  return (pages('page_count') - pages('freelist_count')) * pages('page_size');
};

/**
 * Checkout through the router against the floor, interleaved: each round fills both carts
 * (untimed), then times one router checkout and one floor checkout back to back, alternating
 * which goes first, so load drift and disk hiccups fall on both alike.
 */
export async function interleavedCheckouts(t: TestCore<BenchClock>, specs: CheckoutSpec[], table: Table): Promise<void> {
  // One real checkout per spec gives the floor its rows (the router's own, read back).
  const templates: CheckoutTemplate[] = [];
  for (const spec of specs) {
    const total = await fillCart(t, spec);
    const cart = captureCart(t.core.sqlite, ownerId(t));
    const r = await t.must('orders.checkout', { requestId: crypto.randomUUID(), payments: spec.payments(total) });
    templates.push(captureOrder(t.core.sqlite, r.order.id, cart));
  }
  t.core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const floorFile = path.join(t.dir, 'floor.sqlite');
  fs.copyFileSync(t.dbPath, floorFile);
  const floor = new Floor(floorFile);
  try {
    for (const [k, spec] of specs.entries()) {
      const template = templates[k]!;
      const rounds = k === 0 ? SIZES.iterations : Math.ceil(SIZES.iterations / 2);
      const before = liveBytes(t);
      const router: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < rounds + SIZES.warmup; i++) {
        if (i % 100 === 0) await t.must('auth.activity', {});
        const total = await fillCart(t, spec);
        floor.prepareCart(template);
        let took: number;
        let floorTook: number;
        if (i % 2 === 0) {
          took = await routerCheckout(t, spec, total);
          floorTook = timeFloor(floor, template);
        } else {
          floorTook = timeFloor(floor, template);
          took = await routerCheckout(t, spec, total);
        }
        if (i >= SIZES.warmup) {
          router.push(took);
          raw.push(floorTook);
        }
      }
      const perOrder = (liveBytes(t) - before) / (rounds + SIZES.warmup);
      const r = stats(router);
      const f = stats(raw);
      const p50 = r.p50 / f.p50;
      const p99 = r.p99 / f.p99;
      table.add(`${spec.name}: floor (raw SQL, same rows)`, { p50: ms(f.p50), p99: ms(f.p99) }, '—', 'info', `${f.n} samples, interleaved`);
      table.add(
        `${spec.name}: via router`,
        { p50: ms(r.p50), p99: ms(r.p99) },
        'p50 ≤ 1.5× floor, p99 ≤ 1.3× floor',
        p50 <= 1.5 && p99 <= 1.3,
        `p50 ${ratio(p50)}, p99 ${ratio(p99)} floor; ${(perOrder / 1024).toFixed(2)} KB/order written`,
      );
    }
  } finally {
    floor.close();
  }
}

function timeFloor(floor: Floor, template: CheckoutTemplate): number {
  const start = performance.now();
  floor.checkout(template);
  return performance.now() - start;
}

const ownerId = (t: TestCore<BenchClock>): string =>
  t.core.sqlite.prepare(`select id from users where role = 'owner' order by date_joined limit 1`).pluck().get() as string;
