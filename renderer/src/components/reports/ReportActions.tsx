// Export CSV, Print and Save as PDF for the period on screen, with what happened in one sentence.
// In a browser (tests) main may answer CONFLICT "Printing is available in the desktop app": that
// is said calmly, as the receipt buttons do, not as a failure.
import { useState } from 'react';
import { call } from '../../api';
import type { SalesReport } from '../../../../electron/shared/contract';
import type { ReceiptOutcome } from '../../receipts';
import { Icon } from '../Icon';
import { ReceiptOutcomeLine } from '../ReceiptOutcomeLine';
import { countWords } from './reportFormat';

type Busy = 'csv' | 'print' | 'pdf' | null;

function refused(code: string, message: string): ReceiptOutcome | null {
  if (code === 'LOCKED' || code === 'UNAUTHENTICATED') return null; // the till goes to sign-in
  return { tone: code === 'CONFLICT' ? 'info' : 'error', message };
}

export function ReportActions({ report }: { report: SalesReport }) {
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<ReceiptOutcome | null>(null);
  const period = { from: report.period.from, to: report.period.to };

  async function run(kind: Exclude<Busy, null>) {
    if (busy) return;
    setBusy(kind);
    setOutcome(null);
    let next: ReceiptOutcome | null;
    if (kind === 'csv') {
      const r = await call('reports.exportCsv', { ...period, bucket: report.bucket });
      next = !r.ok
        ? refused(r.error.code, r.error.message)
        : r.value.saved
          ? { tone: 'ok', message: `Saved ${countWords(r.value.rows, 'row')}${r.value.path ? ` as ${r.value.path}` : ''}` }
          : { tone: 'info', message: 'Not saved.' };
    } else if (kind === 'print') {
      const r = await call('reports.print', period);
      next = r.ok ? { tone: 'ok', message: r.value.printer ? `Summary sent to ${r.value.printer}.` : 'Summary sent to the printer.' } : refused(r.error.code, r.error.message);
    } else {
      const r = await call('reports.savePdf', period);
      next = !r.ok
        ? refused(r.error.code, r.error.message)
        : r.value.saved
          ? { tone: 'ok', message: r.value.path ? `Summary saved as ${r.value.path}` : 'Summary saved.' }
          : { tone: 'info', message: 'Not saved.' };
    }
    setBusy(null);
    setOutcome(next);
  }

  const button = (kind: Exclude<Busy, null>, label: string, icon?: 'printer' | 'receipt') => (
    <button type="button" className="btn btn--secondary btn--small" onClick={() => void run(kind)} disabled={busy !== null} aria-busy={busy === kind || undefined}>
      {icon && <Icon name={icon} />}
      {label}
    </button>
  );

  return (
    <div className="rpt-actions">
      <div className="rpt-action-buttons">
        {button('csv', 'Export CSV')}
        {button('print', 'Print', 'printer')}
        {button('pdf', 'Save as PDF', 'receipt')}
      </div>
      <ReceiptOutcomeLine outcome={outcome} />
    </div>
  );
}
