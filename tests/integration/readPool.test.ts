// The read workers: answers come back, failures keep a person's sentence, a busy worker never
// stalls the main loop, a solo job does not hold up the shared worker, and a dead worker is replaced.
import { afterEach, expect, test } from 'vitest';
import { ReadPool } from '../../electron/core/readPool';
import { makeTestCore, type TestCore } from '../support/testCore';

let t: TestCore | null = null;
let pool: ReadPool | null = null;
afterEach(async () => {
  await pool?.close();
  t?.close();
  pool = null;
  t = null;
});

function makePool(): ReadPool {
  t = makeTestCore();
  pool = new ReadPool({ dbPath: t.dbPath }, { info: () => {}, error: () => {} });
  return pool;
}

test('a job answers with its value and reports progress', async () => {
  const p = makePool();
  const seen: unknown[] = [];
  await expect(p.run('pool.echo', { value: { a: 1, b: ['x'] } }, (v) => seen.push(v))).resolves.toEqual({ a: 1, b: ['x'] });
  expect(seen).toEqual([{ halfway: true }]);
});

test('a failing job rejects; the worker goes on answering', async () => {
  const p = makePool();
  await expect(p.run('pool.fail', { message: 'boom' })).rejects.toThrow(/boom/);
  await expect(p.run('pool.echo', { value: 7 })).resolves.toBe(7);
});

test('a busy worker does not block the main event loop', async () => {
  const p = makePool();
  await p.run('pool.echo', { value: 0 }); // started
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const busy = p.run('pool.echo', { value: 'slow', busyMs: 400 });
  await busy;
  clearInterval(timer);
  expect(ticks).toBeGreaterThan(20); // the loop kept turning while the worker spun for 400 ms
});

test('a solo job runs beside the shared worker', async () => {
  const p = makePool();
  await p.run('pool.echo', { value: 0 });
  const slow = p.runAlone('pool.echo', { value: 'export', busyMs: 1500 });
  const started = Date.now();
  await expect(p.run('pool.echo', { value: 'page' })).resolves.toBe('page');
  expect(Date.now() - started).toBeLessThan(1200);
  await expect(slow).resolves.toBe('export');
});

test('closing the pool rejects new jobs plainly', async () => {
  const p = makePool();
  await p.close();
  await expect(p.run('pool.echo', { value: 1 })).rejects.toThrow(/closed/);
});

