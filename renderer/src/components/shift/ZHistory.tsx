import { useEffect, useState } from 'react';
import type { ZReportSummary, ZReportView } from '../../../../electron/shared/contract';
import { formatMoney } from '../../../../electron/shared/money';
import { call } from '../../api';
import { formatDateTime } from '../../format';
import { ErrorMessage } from '../ErrorMessage';
import { formatBusinessDay, varianceWords } from './shiftFormat';
import { ZReportPanel } from './ZReportPanel';

/** Managers: this till's Z reports, newest first; open one to read it again or reprint it. */
export function ZHistory({ timeZone, today }: { timeZone?: string | undefined; today?: string | undefined }) {
  const [reports, setReports] = useState<ZReportSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<ZReportView | null>(null);
  const [opening, setOpening] = useState<string | null>(null);

  async function load(before?: string) {
    setLoading(true);
    setError(null);
    const result = await call('zreports.list', before ? { before } : {});
    setLoading(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setReports((list) => {
      const base = before ? list : [];
      const seen = new Set(base.map((r) => r.id));
      return [...base, ...result.value.reports.filter((r) => !seen.has(r.id))];
    });
    setNextCursor(result.value.nextCursor);
  }

  useEffect(() => {
    void load();
  }, []);

  async function view(id: string) {
    setOpening(id);
    setError(null);
    const result = await call('zreports.get', { id });
    setOpening(null);
    if (result.ok) setOpen(result.value);
    else setError(result.error.message);
  }

  if (open) {
    return (
      <ZReportPanel
        key={open.id}
        report={open}
        actions={
          <button type="button" className="btn btn--secondary btn--large" onClick={() => setOpen(null)}>
            Back to Z reports
          </button>
        }
      />
    );
  }

  return (
    <section className="shift-card" aria-labelledby="z-history-title">
      <div className="shift-card-head">
        <h3 id="z-history-title" className="shift-card-title">
          Z reports
        </h3>
        <p className="muted">Every closed shift on this till, newest first. Open one to read it again or print a copy (marked REPRINT).</p>
      </div>
      <ErrorMessage message={error} />
      {reports.length === 0 && !loading && !error && <p className="muted">No shift has been closed on this till yet.</p>}
      {reports.length > 0 && (
        <div className="table-scroll">
          <table className="report-table z-list" aria-label="Z reports">
            <thead>
              <tr>
                <th scope="col">Z</th>
                <th scope="col">Business day</th>
                <th scope="col">Closed</th>
                <th scope="col" className="num">
                  Net sales
                </th>
                <th scope="col" className="num">
                  Cash
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">#{r.number}</th>
                  <td>{formatBusinessDay(r.businessDay, today)}</td>
                  <td>
                    {formatDateTime(r.closedAt, timeZone)}
                    <span className="muted"> · {r.closedBy}</span>
                  </td>
                  <td className="num">{formatMoney(r.net, r.currency)}</td>
                  <td className={`num${r.variance < 0 ? ' warning-text' : ''}`}>{varianceWords(r.variance, r.currency)}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      onClick={() => void view(r.id)}
                      disabled={opening !== null}
                      aria-label={`Open Z #${r.number}`}
                    >
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loading && <p className="muted">Loading Z reports…</p>}
      {nextCursor && !loading && (
        <button type="button" className="btn btn--secondary btn--large load-more" onClick={() => void load(nextCursor)}>
          Show older
        </button>
      )}
    </section>
  );
}
