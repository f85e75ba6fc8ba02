import type { ReceiptView } from '../shared/contract';
import type { Session } from '../accounts/sessions';
import { ServiceError } from '../core/errors';
import type { OrderHistory } from '../orders/orderHistory';
import type { SettingsStore } from '../settings/shopSettings';
import { receiptHtml } from './receiptHtml';

/** The Electron side of printing (main.ts); absent in plain Node, where printing is refused plainly. */
export interface ReceiptPrinter {
  print(html: string, options: { silent: boolean; deviceName: string }): Promise<{ printer: string }>;
  savePdf(html: string, suggestedName: string): Promise<{ saved: boolean; path: string | null }>;
  printers(): Promise<{ name: string; isDefault: boolean }[]>;
}

export const NO_PRINTER = 'Printing is available in the desktop app';

/** Receipts of paid orders: what they say, printing, reprinting and PDF. */
export class ReceiptService {
  constructor(
    private readonly history: OrderHistory,
    private readonly settings: SettingsStore,
    private readonly printer: ReceiptPrinter | null,
  ) {}

  get(session: Session, orderId: string): ReceiptView {
    const order = this.history.detailFor(session, orderId);
    const shop = this.settings.requireShop();
    return {
      shopName: shop.name,
      footer: shop.receiptFooter,
      currency: order.currency,
      timezone: shop.timezone,
      orderNumber: order.orderNumber,
      shortNumber: order.shortNumber,
      createdAt: order.createdAt,
      staffName: order.staffName,
      contactName: order.contactName,
      status: order.status,
      lines: order.lines.map((l) => ({
        name: l.name,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        modifiers: l.modifiers.map((m) => m.name),
        note: l.note,
        lineDiscount: l.lineDiscount,
        lineTotal: l.lineTotal,
      })),
      subtotal: order.subtotal,
      discountTotal: order.discountTotal,
      taxTotal: order.taxTotal,
      taxRateBp: order.taxRateBp,
      pricesIncludeTax: order.pricesIncludeTax,
      total: order.total,
      payments: order.payments,
      change: order.payments.reduce((a, p) => a + p.change, 0),
    };
  }

  private requirePrinter(): ReceiptPrinter {
    if (!this.printer) throw new ServiceError('CONFLICT', NO_PRINTER);
    return this.printer;
  }

  async print(session: Session, orderId: string): Promise<{ printer: string }> {
    const html = receiptHtml(this.get(session, orderId));
    const shop = this.settings.requireShop();
    return this.requirePrinter().print(html, { silent: shop.silentPrint, deviceName: shop.printerName });
  }

  async savePdf(session: Session, orderId: string): Promise<{ saved: boolean; path: string | null }> {
    const receipt = this.get(session, orderId);
    return this.requirePrinter().savePdf(receiptHtml(receipt), `receipt-${receipt.orderNumber}.pdf`);
  }

  printers(): Promise<{ name: string; isDefault: boolean }[]> {
    return this.requirePrinter().printers();
  }
}
