// Print / save-as-PDF for a finished order, with the outcome in one plain sentence. In a
// browser (tests) main answers CONFLICT "Printing is available in the desktop app": that
// sentence is shown as it is, calmly, not as a failure of the sale.
import { call } from './api';

export interface ReceiptOutcome {
  /** 'ok': done; 'info': nothing went wrong but nothing happened (no printing here, save cancelled); 'error'. */
  tone: 'ok' | 'info' | 'error';
  message: string;
}

export async function printReceipt(orderId: string): Promise<ReceiptOutcome | null> {
  const result = await call('receipts.print', { orderId });
  if (result.ok) {
    return { tone: 'ok', message: result.value.printer ? `Receipt sent to ${result.value.printer}.` : 'Receipt sent to the printer.' };
  }
  return outcomeOf(result.error.code, result.error.message);
}

export async function saveReceiptPdf(orderId: string): Promise<ReceiptOutcome | null> {
  const result = await call('receipts.savePdf', { orderId });
  if (result.ok) {
    return result.value.saved
      ? { tone: 'ok', message: result.value.path ? `Receipt saved as ${result.value.path}` : 'Receipt saved.' }
      : { tone: 'info', message: 'Not saved.' };
  }
  return outcomeOf(result.error.code, result.error.message);
}

function outcomeOf(code: string, message: string): ReceiptOutcome | null {
  if (code === 'LOCKED' || code === 'UNAUTHENTICATED') return null; // the till goes to sign-in
  return { tone: code === 'CONFLICT' ? 'info' : 'error', message };
}
