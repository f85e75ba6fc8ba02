// Reports (managers and owners): the sales of any period against the one before, sales over
// time, busy hours, best sellers, options, staff, tenders, discounts and refunds. Loaded on
// demand (see App.tsx) so the counter never pays for the chart library. Every figure is main's.
import { useEffect } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { PeriodPicker } from '../components/reports/PeriodPicker';
import { rangeInWords } from '../components/reports/periods';
import { ReportActions } from '../components/reports/ReportActions';
import { ReportSections } from '../components/reports/ReportSections';
import { SummaryCards } from '../components/reports/SummaryCards';
import { useReportsStore } from '../stores/reportsStore';
import { useSessionStore } from '../stores/sessionStore';
import './reports.css';
import './reportsPrint.css';

function Skeleton() {
  return (
    <div className="rpt-skeleton" aria-hidden="true">
      <div className="rpt-skeleton-cards">
        {Array.from({ length: 8 }, (_, i) => (
          <span key={i} className="rpt-skeleton-block" />
        ))}
      </div>
      <span className="rpt-skeleton-block rpt-skeleton-block--chart" />
    </div>
  );
}

export function ReportsScreen() {
  const open = useReportsStore((s) => s.open);
  const load = useReportsStore((s) => s.load);
  const report = useReportsStore((s) => s.report);
  const loading = useReportsStore((s) => s.loading);
  const error = useReportsStore((s) => s.error);
  const today = useReportsStore((s) => s.today);

  const userId = useSessionStore((s) => s.session?.userId ?? null);

  useEffect(() => {
    void open(userId);
  }, [open, userId]);

  return (
    <main className="page-screen reports-screen" aria-busy={loading || undefined}>
      <div className="page-inner page-inner--wide">
        <div className="page-head rpt-head">
          <h2 className="page-title">Reports</h2>
          {report && <ReportActions key={`${report.period.from}:${report.period.to}`} report={report} />}
          {report ? (
            <p className="rpt-period-words">
              <strong>{rangeInWords(report.period)}</strong>
              <span className="muted">
                {' '}
                · compared with {rangeInWords(report.previous)}
                {report.period.days > 1 ? `, the ${report.period.days} days before` : ', the day before'}
              </span>
            </p>
          ) : (
            <p className="muted rpt-period-words">Sales by the shop's business day.</p>
          )}
        </div>

        <PeriodPicker />

        {error && (
          <div className="rpt-error">
            <ErrorMessage message={error.message} />
            {error.code !== 'FORBIDDEN' && (
              <button type="button" className="btn btn--secondary btn--small" onClick={() => void (today ? load() : open(userId))} disabled={loading}>
                Try again
              </button>
            )}
          </div>
        )}

        {loading && (
          <p className="rpt-loading" role="status">
            <span className="rpt-spinner" aria-hidden="true" />
            {report ? 'Updating the report…' : 'Adding up the sales…'}
          </p>
        )}
        {!report && loading && <Skeleton />}

        {report && (
          <div className={`rpt-body${loading ? ' rpt-body--stale' : ''}`}>
            {report.summary.ordersCount === 0 && report.summary.refundsCount === 0 && <p className="info-line">No sales in this period.</p>}
            <SummaryCards report={report} />
            <ReportSections report={report} />
          </div>
        )}
      </div>
    </main>
  );
}
