import { useEffect, useState } from 'react';
import { CloseShiftFlow } from '../components/shift/CloseShiftFlow';
import { OpenShiftForm } from '../components/shift/OpenShiftForm';
import { ShiftPanel } from '../components/shift/ShiftPanel';
import { ZHistory } from '../components/shift/ZHistory';
import { ZReportPanel } from '../components/shift/ZReportPanel';
import { ErrorMessage } from '../components/ErrorMessage';
import { hasPermission, useSessionStore } from '../stores/sessionStore';
import { useShiftStore } from '../stores/shiftStore';
import './shift.css';

type Tab = 'shift' | 'history';

/**
 * "Drawer": this till's shift. With none open, count the float and open one; with one open, the
 * drawer movements, the X report and Close shift (blind count → Z report). Managers also find the
 * till's Z reports here.
 */
export function ShiftScreen() {
  const timeZone = useSessionStore((s) => s.shop?.timezone);
  const canManage = useSessionStore((s) => hasPermission(s.session, 'shifts.manage'));
  const state = useShiftStore((s) => s.state);
  const loading = useShiftStore((s) => s.loading);
  const error = useShiftStore((s) => s.error);
  const closedReport = useShiftStore((s) => s.closedReport);
  const load = useShiftStore((s) => s.load);
  const dismissReport = useShiftStore((s) => s.dismissReport);
  const [tab, setTab] = useState<Tab>('shift');
  const [closing, setClosing] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  // A close that went through ends the closing steps: the Z report shows instead.
  useEffect(() => {
    if (closedReport) setClosing(false);
  }, [closedReport]);

  const shift = state?.shift ?? null;
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`shift-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`shift-panel-${id}`}
      className={`shift-tab${tab === id ? ' shift-tab--on' : ''}`}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );

  let body;
  if (closedReport) {
    body = (
      <>
        <p className="success" role="status">
          Shift closed. Z #{closedReport.number} is stored; print it for the day's records.
        </p>
        <ZReportPanel
          report={closedReport}
          actions={
            <button type="button" className="btn btn--secondary btn--large" onClick={dismissReport}>
              Done
            </button>
          }
        />
      </>
    );
  } else if (!state) {
    body = loading ? <p className="muted">Looking at this till's drawer…</p> : null;
  } else if (!shift) {
    body = <OpenShiftForm key="open" state={state} />;
  } else if (closing) {
    body = <CloseShiftFlow state={state} shift={shift} onCancel={() => setClosing(false)} />;
  } else {
    body = <ShiftPanel state={state} shift={shift} timeZone={timeZone} onClose={() => setClosing(true)} />;
  }

  return (
    <main className="page-screen shift-screen">
      <div className="page-inner">
        <div className="page-head">
          <div>
            <h2 className="page-title">Drawer</h2>
            <p className="muted">
              {state ? `${state.terminalName} · ` : ''}Open the shift with a counted float, record cash in and out, and close with a blind
              count.
            </p>
          </div>
        </div>
        <ErrorMessage message={error} />
        {canManage && (
          <div className="shift-tabs" role="tablist" aria-label="Drawer sections">
            {tabButton('shift', 'This shift')}
            {tabButton('history', 'Z reports')}
          </div>
        )}
        <div
          className="shift-body"
          {...(canManage ? { role: 'tabpanel', id: `shift-panel-${tab}`, 'aria-labelledby': `shift-tab-${tab}` } : {})}
        >
          {canManage && tab === 'history' ? <ZHistory timeZone={timeZone} today={state?.today} /> : body}
        </div>
      </div>
    </main>
  );
}
