// Shared pieces of `npm run bench`: sizes, percentiles, the result table and the environment line.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export const SIZES = {
  /** Timed samples per figure (after WARMUP untimed ones). */
  iterations: Number(process.env.BENCH_ITERATIONS ?? (QUICK ? 300 : 2000)),
  warmup: QUICK ? 50 : 200,
  /** Orders in the generated "year of data" database. */
  bigOrders: Number(process.env.BENCH_ORDERS ?? (QUICK ? 20_000 : 1_000_000)),
  /** Interleaved checkouts on the big and the empty database. */
  bigCheckouts: QUICK ? 100 : 500,
  rendererLoads: QUICK ? 4 : 7,
};

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function stats(samples: number[]): Stats {
  if (samples.length === 0) return { n: 0, p50: NaN, p99: NaN, max: NaN };
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1]! };
}

export const ms = (x: number): string => (Number.isNaN(x) ? '—' : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(3)} ms`);
export const ratio = (x: number): string => `${x.toFixed(2)}×`;

export type Verdict = 'ok' | 'OVER' | 'info' | 'SKIPPED';

interface Row {
  figure: string;
  p50: string;
  p99: string;
  budget: string;
  verdict: Verdict;
  note: string;
}

/** The result table printed at the end; sections add rows as they finish (and print them at once). */
export class Table {
  readonly rows: Row[] = [];

  add(figure: string, values: { p50?: string; p99?: string }, budget: string, verdict: Verdict | boolean, note = ''): void {
    const v: Verdict = typeof verdict === 'boolean' ? (verdict ? 'ok' : 'OVER') : verdict;
    const row = { figure, p50: values.p50 ?? '—', p99: values.p99 ?? '—', budget, verdict: v, note };
    this.rows.push(row);
    console.log(`  ${v.padEnd(7)} ${figure}: p50 ${row.p50}, p99/max ${row.p99} (${budget}) ${note}`);
  }

  print(header: string): void {
    const head: Row = { figure: 'figure', p50: 'p50', p99: 'p99 / max', budget: 'budget', verdict: 'info', note: 'note' };
    const cells = (r: Row) => [r.figure, r.p50, r.p99, r.budget, r === head ? '' : r.verdict, r.note];
    const all = [head, ...this.rows];
    const widths = cells(head).map((_, c) => Math.max(...all.map((r) => cells(r)[c]!.length)));
    console.log(`\n${header}\n`);
    for (const r of all) console.log(cells(r).map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
    const judged = this.rows.filter((r) => r.verdict === 'ok' || r.verdict === 'OVER');
    const over = judged.filter((r) => r.verdict === 'OVER');
    console.log(`\n${judged.length - over.length} of ${judged.length} budgets met${over.length ? `; over: ${over.map((r) => r.figure).join('; ')}` : ''}.`);
  }
}

/** The file system a path is on ("ext4 (/dev/vda on /)"), as DESIGN.md §6 asks the bench to print. */
export function fileSystemOf(dir: string): string {
  try {
    const out = execFileSync('df', ['-T', '-P', dir], { encoding: 'utf8' }).trim().split('\n').pop()!.split(/\s+/);
    return `${out[1]} (${out[0]} on ${out[6]})`;
  } catch {
    try {
      return execFileSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown file system';
    }
  }
}

export const machine = (): string =>
  `${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

export const sleep = (msToWait: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, msToWait)));
