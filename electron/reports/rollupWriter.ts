// Keeps the daily rollups (sales_rollups) inside the transactions that write sales and refunds:
// the checkout, a refund, a cancel, the migration of old cancels (and the bench's generator). A
// sale's facts are first summed in memory — the same milk on three drinks is one row to touch —
// then each row is one prepared UPSERT that adds to what the day holds.
import type Database from 'better-sqlite3';
import type { Minor } from '../shared/money';
import { refundFacts, saleFacts, type FactSink, type RefundFacts, type RollupDim, type SaleFacts } from './rollupFacts';

/** A rollup row: [business_day, dim, key, n, qty, gross, discounts, refunds, tax]. */
export type RollupRow = [day: string, dim: RollupDim, key: string, n: number, qty: number, gross: Minor, discounts: Minor, refunds: Minor, tax: Minor];

export const UPSERT_ROLLUP = `insert into sales_rollups (business_day, dim, key, n, qty, gross, discounts, refunds, tax) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (business_day, dim, key) do update set n = n + excluded.n, qty = qty + excluded.qty, gross = gross + excluded.gross,
    discounts = discounts + excluded.discounts, refunds = refunds + excluded.refunds, tax = tax + excluded.tax`;

/** Facts summed per (day, dim, key), in the order first seen. */
export class RollupRows implements FactSink {
  private readonly rows = new Map<string, RollupRow>();

  add(day: string, dim: RollupDim, key: string, n: number, qty: number, gross: Minor, discounts: Minor, refunds: Minor, tax: Minor): void {
    const id = `${day}\u0000${dim}\u0000${key}`;
    const row = this.rows.get(id);
    if (!row) {
      this.rows.set(id, [day, dim, key, n, qty, gross, discounts, refunds, tax]);
      return;
    }
    row[3] += n;
    row[4] += qty;
    row[5] += gross;
    row[6] += discounts;
    row[7] += refunds;
    row[8] += tax;
  }

  get size(): number {
    return this.rows.size;
  }

  all(): IterableIterator<RollupRow> {
    return this.rows.values();
  }

  clear(): void {
    this.rows.clear();
  }
}

export class RollupWriter {
  private readonly upsert: Database.Statement<RollupRow>;

  constructor(sqlite: Database.Database) {
    this.upsert = sqlite.prepare(UPSERT_ROLLUP);
  }

  /** Adds a sale to its day's rollups. Must run inside the transaction that writes the sale. */
  sale(sale: SaleFacts): void {
    const rows = new RollupRows();
    saleFacts(sale, rows);
    this.write(rows);
  }

  /** Adds a refund to the rollups of the day it is issued. Must run inside the transaction that writes it. */
  refund(refund: RefundFacts): void {
    const rows = new RollupRows();
    refundFacts(refund, rows);
    this.write(rows);
  }

  /** Adds summed facts (the rebuild writes a chunk of days at once). */
  write(rows: RollupRows): void {
    for (const row of rows.all()) this.upsert.run(...row);
  }
}
