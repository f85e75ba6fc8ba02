import { useState, type ReactNode } from 'react';
import type { ZReportView } from '../../../../electron/shared/contract';
import { formatMoney, type Minor } from '../../../../electron/shared/money';
import { call } from '../../api';
import { isAuthLoss } from '../../stores/cartStore';
import { ErrorMessage } from '../ErrorMessage';
import { Icon } from '../Icon';
import { MovementsList } from './MovementsList';
import { ReportCard, ReportFigures, type ReportRow } from './ReportFigures';
import { denominationLabel, formatBusinessDay, shortDateTime, shortHash, varianceWords } from './shiftFormat';

interface ZReportPanelProps {
  report: ZReportView;
  /** Buttons at the top right (Done, Back to the list). */
  actions?: ReactNode;
}

/**
 * A stored Z report: its number, till and day, every figure, the cash count and variance, the
 * drawer movements, and its content hash and the audit chain head. Print and Save as PDF; after
 * the first, each copy is marked REPRINT. Used right after a close and from the Z history.
 */
export function ZReportPanel({ report, actions }: ZReportPanelProps) {
  const money = (m: Minor) => formatMoney(m, report.currency);
  const tz = report.timezone;
  const [printedBefore, setPrintedBefore] = useState(report.printedBefore);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cash = report.cash;

  async function print(kind: 'print' | 'pdf') {
    if (busy) return;
    setBusy(kind);
    setOutcome(null);
    setError(null);
    if (kind === 'print') {
      const result = await call('zreports.print', { id: report.id });
      if (result.ok) {
        setOutcome(`${result.value.reprint ? 'Reprint sent' : 'Printed'} on ${result.value.printer}.`);
        setPrintedBefore(true);
      } else if (!isAuthLoss(result.error)) setError(result.error.message);
    } else {
      const result = await call('zreports.savePdf', { id: report.id });
      if (result.ok && result.value.saved) {
        setOutcome(`Saved${result.value.reprint ? ' (marked REPRINT)' : ''}${result.value.path ? ` as ${result.value.path}` : ''}.`);
        setPrintedBefore(true);
      } else if (result.ok) setOutcome('Not saved.');
      else if (!isAuthLoss(result.error)) setError(result.error.message);
    }
    setBusy(null);
  }

  const cashRows: ReportRow[] = [
    { label: 'Counted', value: money(cash.counted.total) },
    { label: 'Difference', value: <span className={cash.variance < 0 ? 'warning-text' : undefined}>{varianceWords(cash.variance, report.currency)}</span>, total: true },
    ...(cash.varianceReason ? [{ label: 'Reason', value: cash.varianceReason }] : []),
    ...(cash.approvedBy ? [{ label: 'Approved by', value: cash.approvedBy }] : []),
    { label: 'Left in drawer', value: money(cash.leftInDrawer) },
    ...(cash.counts > 1 ? [{ label: 'Counts made', value: String(cash.counts) }] : []),
  ];

  return (
    <article className="zreport" aria-labelledby={`z-${report.id}`}>
      <div className="zreport-head">
        <div>
          <p className="dialog-kicker">
            Z report{printedBefore ? ' · next copy is a REPRINT' : ''}
          </p>
          <h3 className="zreport-title" id={`z-${report.id}`}>
            Z #{report.number} · {report.terminalName}
          </h3>
          <p className="muted">
            {report.shopName} · business day {formatBusinessDay(report.businessDay)}
          </p>
        </div>
        {actions && <div className="zreport-actions">{actions}</div>}
      </div>

      {!report.intact && (
        <div className="alert alert--big" role="alert">
          <Icon name="warning" className="alert-icon" />
          <span className="alert-text">This report's stored content does not match its hash: it may have been changed after it was closed.</span>
        </div>
      )}

      <dl className="facts zreport-facts">
        <div>
          <dt>Opened</dt>
          <dd>
            {shortDateTime(report.openedAt, tz)}
            <span className="fact-by">{report.openedBy}</span>
          </dd>
        </div>
        <div>
          <dt>Closed</dt>
          <dd>
            {shortDateTime(report.closedAt, tz)}
            <span className="fact-by">{report.closedBy}</span>
          </dd>
        </div>
        <div>
          <dt>Net sales</dt>
          <dd>{money(report.figures.net)}</dd>
        </div>
        <div>
          <dt>Cash</dt>
          <dd className={cash.variance < 0 ? 'warning-text' : undefined}>{varianceWords(cash.variance, report.currency)}</dd>
        </div>
      </dl>

      <div className="zreport-print">
        <button type="button" className="btn btn--primary btn--large" onClick={() => void print('print')} disabled={busy !== null} aria-busy={busy === 'print' || undefined}>
          <Icon name="printer" />
          {printedBefore ? 'Print (REPRINT)' : 'Print'}
        </button>
        <button type="button" className="btn btn--secondary btn--large" onClick={() => void print('pdf')} disabled={busy !== null} aria-busy={busy === 'pdf' || undefined}>
          Save as PDF
        </button>
        {outcome && (
          <p className="success" role="status">
            {outcome}
          </p>
        )}
      </div>
      <ErrorMessage message={error} onDismiss={() => setError(null)} />

      <ReportFigures
        figures={report.figures}
        currency={report.currency}
        firstOrderNumber={report.firstOrderNumber}
        lastOrderNumber={report.lastOrderNumber}
        cashRows={cashRows}
        cashExtra={
          cash.counted.counts.length > 0 && (
            <details className="zreport-denoms">
              <summary>Counted by note and coin</summary>
              <table className="report-table">
                <tbody>
                  {cash.counted.counts.map((c) => (
                    <tr key={c.value}>
                      <th scope="row">
                        {denominationLabel(c.value, report.currency)} × {c.count}
                      </th>
                      <td className="num">{money(c.value * c.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )
        }
      />

      <ReportCard title="Drawer movements">
        <MovementsList movements={report.movements} currency={report.currency} timeZone={tz} label="Z report drawer movements" />
      </ReportCard>

      <p className="zreport-hash muted small">
        Content hash <span className="mono">{shortHash(report.contentHash)}…</span> · audit chain head{' '}
        <span className="mono">{shortHash(report.auditHead)}…</span>
      </p>
    </article>
  );
}
