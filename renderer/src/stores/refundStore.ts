// Refunds of a paid order: the preview, the refund itself (which puts the refreshed order into
// the orders store), the refund receipt's print, and the words a till shows for where money goes.
import type { ChannelInput, OrderDetail, PaymentMethod, RefundPreview, RefundResult, RefundTender } from '../../../electron/shared/contract';
import { formatMoney, type Currency, type Minor } from '../../../electron/shared/money';
import type { Result } from '../../../electron/shared/result';
import { call } from '../api';
import type { ReceiptOutcome } from '../receipts';
import { useOrdersStore } from './ordersStore';

export function previewRefund(input: ChannelInput<'refunds.preview'>): Promise<Result<RefundPreview>> {
  return call('refunds.preview', input);
}

/** Issue a refund; on success the order on screen (detail and its row) becomes main's new copy. */
export async function issueRefund(input: ChannelInput<'refunds.issue'>): Promise<Result<RefundResult>> {
  const result = await call('refunds.issue', input);
  if (result.ok) showOrder(result.value.order);
  return result;
}

/** Put main's fresh copy of an order on screen (its row's status too). */
export function showOrder(order: OrderDetail): void {
  const state = useOrdersStore.getState();
  useOrdersStore.setState({
    orders: state.orders.map((o) => (o.id === order.id ? { ...o, status: order.status } : o)),
    detail: state.selectedId === order.id ? order : state.detail,
  });
}

/**
 * Print a refund receipt, the outcome in one sentence. Same rules as an order's receipt
 * (receipts.ts): in a browser main answers CONFLICT "Printing is available in the desktop app",
 * which is shown calmly; a lost session shows nothing (the till goes to sign-in).
 */
export async function printRefundReceipt(refundId: string): Promise<ReceiptOutcome | null> {
  const result = await call('refunds.print', { refundId });
  if (result.ok) {
    return { tone: 'ok', message: result.value.printer ? `Refund receipt sent to ${result.value.printer}.` : 'Refund receipt sent to the printer.' };
  }
  const { code, message } = result.error;
  if (code === 'LOCKED' || code === 'UNAUTHENTICATED') return null;
  return { tone: code === 'CONFLICT' ? 'info' : 'error', message };
}

const METHOD_WORDS: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

/** "Card ₱100.00 · Cash ₱50.00". */
export function tenderSplit(tenders: readonly { method: PaymentMethod; amount: Minor }[], currency: Currency): string {
  return tenders.map((t) => `${METHOD_WORDS[t.method]} ${formatMoney(t.amount, currency)}`).join(' · ');
}

/** Where the money goes, for a question or a sentence: "to card", "in cash", "to card and cash". */
export function tenderWords(tender: RefundTender, tenders: readonly { method: PaymentMethod }[]): string {
  const one = (m: PaymentMethod) => (m === 'cash' ? 'in cash' : m === 'card' ? 'to card' : 'as other payment');
  if (tender !== 'original') return one(tender);
  const methods = [...new Set(tenders.map((t) => t.method))];
  if (methods.length === 1) return one(methods[0]!);
  if (methods.length === 0) return 'to the original payment';
  return `to ${methods.map((m) => (m === 'other' ? 'other payment' : m)).join(' and ')}`;
}

/** "₱50.00 in cash from the drawer, ₱100.00 to the card": what happens to each part. */
export function handBackWords(tenders: readonly { method: PaymentMethod; amount: Minor }[], currency: Currency): string {
  return tenders
    .filter((t) => t.amount > 0)
    .map((t) => {
      const m = formatMoney(t.amount, currency);
      return t.method === 'cash' ? `${m} in cash from the drawer` : t.method === 'card' ? `${m} to the card` : `${m} as other payment`;
    })
    .join(', ');
}
