import { useState } from 'react';
import { call } from '../../api';
import { formatDateTime } from '../../format';
import { useLoaded } from '../../hooks/useLoaded';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { MovementsList } from './MovementsList';
import { ReportCard, ReportFigures } from './ReportFigures';

/** The X report: the open shift's figures so far. Nothing is closed or stored; it can be read any time. */
export function XReportDialog({ timeZone, onClose }: { timeZone?: string | undefined; onClose(): void }) {
  const [reloads, setReloads] = useState(0);
  const result = useLoaded(() => call('shifts.xReport', {}), [reloads]);
  const report = result?.ok ? result.value : null;

  return (
    <Dialog label="X report" onClose={onClose} wide>
      <div className="dialog-body report">
        <div className="dialog-head">
          <p className="dialog-kicker">X report · figures so far, nothing is closed</p>
          <h2 className="dialog-title">{report ? `X report — ${report.terminalName}` : 'X report'}</h2>
          {report && (
            <p className="muted">
              Shift opened {formatDateTime(report.openedAt, timeZone)} by {report.openedBy} · as of {formatDateTime(report.generatedAt, timeZone)}
            </p>
          )}
        </div>
        {!result && <p className="muted">Adding up the shift…</p>}
        {result && !result.ok && <ErrorMessage message={result.error.message} />}
        {report && (
          <>
            <ReportFigures
              figures={report.figures}
              currency={report.currency}
              firstOrderNumber={report.firstOrderNumber}
              lastOrderNumber={report.lastOrderNumber}
            />
            <ReportCard title="Drawer movements">
              <MovementsList movements={report.movements} currency={report.currency} timeZone={timeZone} label="X report drawer movements" />
            </ReportCard>
          </>
        )}
        <div className="dialog-buttons dialog-buttons--sticky">
          <button type="button" className="btn btn--secondary btn--large" onClick={() => setReloads((n) => n + 1)}>
            Refresh
          </button>
          <button type="button" className="btn btn--primary btn--large" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
