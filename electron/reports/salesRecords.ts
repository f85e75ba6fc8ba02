// Reads the sales of a business day (or a range of days) from SQLite into the plain records
// figures.ts computes from. Three prepared statements, each driven by orders.business_day
// (the orders_day index); lines and payments are grouped onto their orders in one pass.
import type Database from 'better-sqlite3';
import type { SaleRecord, TenderMethod } from './figures';

interface OrderRow {
  id: string;
  business_day: string;
  status: SaleRecord['status'];
  staff_name: string;
  tax_rate_bp: number;
  prices_include_tax: number;
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
}
interface LineRow {
  order_id: string;
  quantity: number;
  line_subtotal: number;
  line_discount: number;
  line_tax: number;
  category_name: string | null;
}
interface PaymentRow {
  order_id: string;
  method: TenderMethod;
  amount: number;
  change_given: number;
}

export const UNCATEGORISED = 'Uncategorised';

export class SalesRecords {
  private readonly orders: Database.Statement<[string, string], OrderRow>;
  private readonly lines: Database.Statement<[string, string], LineRow>;
  private readonly payments: Database.Statement<[string, string], PaymentRow>;

  constructor(db: Database.Database) {
    this.orders = db.prepare(
      `select id, business_day, status, staff_name, tax_rate_bp, prices_include_tax, subtotal, discount_total, tax_total, total
         from orders where business_day between ? and ? order by business_day, created_at, id`,
    );
    this.lines = db.prepare(
      `select i.order_id, i.quantity, i.line_subtotal, i.line_discount, i.line_tax, c.name as category_name
         from orders o
         join order_items i on i.order_id = o.id
         left join menu_items m on m.id = i.menu_item_id
         left join categories c on c.id = m.category_id
        where o.business_day between ? and ?
        order by i.order_id, i.position`,
    );
    this.payments = db.prepare(
      `select p.order_id, p.method, p.amount, p.change_given
         from orders o join payments p on p.order_id = o.id
        where o.business_day between ? and ?
        order by p.order_id, p.created_at, p.id`,
    );
  }

  /** Every order (cancelled ones too — figures.ts leaves them out) of the days from..to, inclusive. */
  read(from: string, to: string = from): SaleRecord[] {
    const byId = new Map<string, SaleRecord>();
    const out: SaleRecord[] = [];
    for (const o of this.orders.all(from, to)) {
      const rec: SaleRecord = {
        orderId: o.id,
        businessDay: o.business_day,
        status: o.status,
        staffName: o.staff_name,
        taxRateBp: o.tax_rate_bp,
        pricesIncludeTax: o.prices_include_tax === 1,
        subtotal: o.subtotal,
        discountTotal: o.discount_total,
        taxTotal: o.tax_total,
        total: o.total,
        lines: [],
        payments: [],
      };
      byId.set(o.id, rec);
      out.push(rec);
    }
    for (const l of this.lines.all(from, to)) {
      byId.get(l.order_id)?.lines.push({
        quantity: l.quantity,
        gross: l.line_subtotal,
        discount: l.line_discount,
        tax: l.line_tax,
        categoryName: l.category_name ?? UNCATEGORISED,
      });
    }
    for (const p of this.payments.all(from, to)) {
      byId.get(p.order_id)?.payments.push({ method: p.method, amount: p.amount, change: p.change_given });
    }
    return out;
  }
}
