// The checkout floor (DESIGN.md §6): the same rows a router checkout wrote, inserted by raw
// prepared statements in one transaction, on a second database file in the same folder, opened
// with the app's own pragmas (db/open.ts applyPragmas: WAL, synchronous=FULL, secure_delete …).
//
// Why a second file rather than a second set of tables in the app's file: the floor's writes
// must not enter the app's audit chain (its hashes are placeholders) nor share its WAL (each side
// would pay for the other's checkpoints), and the same schema, triggers and indexes come for free
// from a copy. Both files sit side by side, so they share the disk, the file system and its fsync.
//
// "The same rows" includes the day's sales rollups the checkout adds to (issue 10): the floor runs
// the same UPSERTs, with the deltas worked out from the captured order before the clock starts.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { newId } from '../../db/ids';
import { applyPragmas, draftTransaction, type Sqlite } from '../../db/open';
import { localHourOf } from '../../electron/orders/orderNumbers';
import { saleFacts } from '../../electron/reports/rollupFacts';
import { RollupRows, UPSERT_ROLLUP, type RollupRow } from '../../electron/reports/rollupWriter';
import { modifiersOf } from '../../electron/reports/salesRecords';

type Row = Record<string, unknown>;

/** What one router checkout wrote, read back from the app's database: the floor writes copies. */
export interface CheckoutTemplate {
  cart: Row;
  cartItems: Row[];
  order: Row;
  lines: Row[];
  payments: Row[];
  statuses: Row[];
  audit: Row;
  /** The rollup rows the checkout added to, with what it added: [day, dim, key, n, qty, gross, discounts, refunds, tax]. */
  rollups: RollupRow[];
}

/** The open cart of `userId`, read before a checkout empties it. */
export function captureCart(sqlite: Sqlite, userId: string): Pick<CheckoutTemplate, 'cart' | 'cartItems'> {
  const cart = sqlite.prepare(`select * from carts where user_id = ? and status = 'open'`).get(userId) as Row;
  const cartItems = sqlite.prepare('select * from cart_items where cart_id = ?').all(cart.id) as Row[];
  return { cart, cartItems };
}

export function captureOrder(sqlite: Sqlite, orderId: string, cart: Pick<CheckoutTemplate, 'cart' | 'cartItems'>): CheckoutTemplate {
  const all = (sql: string) => sqlite.prepare(sql).all(orderId) as Row[];
  const order = all('select * from orders where id = ?')[0]!;
  const lines = all('select * from order_items where order_id = ? order by position');
  const payments = all('select * from payments where order_id = ?');
  const audit = all(`select * from audit_events where entity_id = ? and action = 'order.checkout'`)[0]!;
  const zone = (JSON.parse(sqlite.prepare(`select value from settings where key = 'shop'`).pluck().get() as string) as { timezone: string }).timezone;
  const rows = new RollupRows();
  saleFacts(
    {
      businessDay: order.business_day as string,
      staffName: order.staff_name as string,
      taxRateBp: order.tax_rate_bp as number,
      pricesIncludeTax: order.prices_include_tax === 1,
      hour: localHourOf(order.created_at as number, zone),
      discountReason: audit.reason as string,
      lines: lines.map((l) => ({
        itemId: l.menu_item_id as string,
        quantity: l.quantity as number,
        gross: l.line_subtotal as number,
        discount: l.line_discount as number,
        tax: l.line_tax as number,
        modifiers: modifiersOf(l.modifiers as string),
      })),
      payments: payments.map((p) => ({ method: p.method as 'cash' | 'card' | 'other', amount: p.amount as number })),
    },
    rows,
  );
  return { ...cart, order, lines, payments, statuses: all('select * from order_status_events where order_id = ?'), audit, rollups: [...rows.all()] };
}

/** insert(table, row): a raw insert of `row`'s columns, each statement prepared once per table and column set. */
export function rowInserter(db: () => Sqlite): (table: string, row: Row) => void {
  const inserts = new Map<string, Database.Statement>();
  return (table, row) => {
    const columns = Object.keys(row);
    const key = `${table}:${columns.join(',')}`;
    let stmt = inserts.get(key);
    if (!stmt) {
      stmt = db().prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
      inserts.set(key, stmt);
    }
    stmt.run(row);
  };
}

export class Floor {
  readonly db: Sqlite;
  private readonly cartLines;
  private readonly bumpCounter;
  private readonly lastHash;
  private readonly deleteCart;
  private readonly upsertRollup;

  constructor(file: string) {
    this.db = new Database(file);
    applyPragmas(this.db);
    this.cartLines = this.db.prepare(
      `select ci.*, mi.name, mi.base_price, mi.archived_at, mi.is_available from cart_items ci
       join carts c on c.id = ci.cart_id join menu_items mi on mi.id = ci.menu_item_id
       where c.user_id = ? and c.status = 'open' order by ci.added_at`,
    );
    this.bumpCounter = this.db
      .prepare(
        `insert into order_counters (terminal_id, business_day, last_seq) values (?, ?, 1)
         on conflict (terminal_id, business_day) do update set last_seq = last_seq + 1 returning last_seq`,
      )
      .pluck();
    this.lastHash = this.db.prepare('select hash from audit_events order by seq desc limit 1').pluck();
    this.deleteCart = this.db.prepare(`delete from carts where user_id = ? and status = 'open'`);
    this.upsertRollup = this.db.prepare<RollupRow>(UPSERT_ROLLUP);
  }

  private readonly insert = rowInserter(() => this.db);

  /** The cart the next checkout empties; untimed, and committed like the app's cart taps (draftTransaction). */
  prepareCart(t: CheckoutTemplate): void {
    const now = Date.now();
    const cartId = newId(now);
    draftTransaction(this.db, () => {
      this.insert('carts', { ...t.cart, id: cartId, created_at: now, updated_at: now });
      for (const item of t.cartItems) this.insert('cart_items', { ...item, id: newId(now), cart_id: cartId, added_at: now });
    });
  }

  /** The timed part: one transaction writing what the router's checkout wrote. */
  checkout(t: CheckoutTemplate): void {
    const userId = t.cart.user_id as string;
    this.db
      .transaction(() => {
        this.cartLines.all(userId);
        const now = Date.now();
        const day = t.order.business_day as string;
        const seq = this.bumpCounter.get(t.order.terminal_id, day) as number;
        const orderId = newId(now);
        const number = String(t.order.order_number).replace(/\d+$/, String(seq).padStart(4, '0'));
        this.insert('orders', { ...t.order, id: orderId, order_number: number, day_seq: seq, client_request_id: randomUUID(), paid_at: now, created_at: now, updated_at: now });
        for (const line of t.lines) this.insert('order_items', { ...line, id: newId(now), order_id: orderId });
        for (const p of t.payments) this.insert('payments', { ...p, id: newId(now), order_id: orderId, created_at: now });
        for (const s of t.statuses) this.insert('order_status_events', { ...s, id: newId(now), order_id: orderId, created_at: now });
        const { seq: _seq, ...audit } = t.audit;
        this.insert('audit_events', { ...audit, id: newId(now), created_at: now, entity_id: orderId, prev_hash: this.lastHash.get() ?? '' });
        for (const row of t.rollups) this.upsertRollup.run(...row);
        this.deleteCart.run(userId);
      })
      .immediate();
  }

  close(): void {
    this.db.close();
  }
}
