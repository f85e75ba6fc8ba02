import { Fragment, useEffect, useState } from 'react';
import type { AuditEventView } from '../../../electron/shared/contract';
import { ChainStatus } from '../components/ChainStatus';
import { LoadMore, LogFilters, LogTimeCell } from '../components/LogFilters';
import { SelectField } from '../components/SelectField';
import { SignInHistory } from '../components/SignInHistory';
import { auditActionLabel, auditEntityLabel, describeChange, shorten } from '../format';
import { EMPTY_QUERY, useAuditStore } from '../stores/auditStore';
import { useSessionStore } from '../stores/sessionStore';
import './audit.css';

type Tab = 'changes' | 'signIns';

/** Owners: who did what and when, and who signed in, filtered, with a check that nobody has altered either. */
export function AuditScreen() {
  const timeZone = useSessionStore((s) => s.shop?.timezone);
  const [tab, setTab] = useState<Tab>('changes');
  const loadFilters = useAuditStore((s) => s.loadFilters);
  const verify = useAuditStore((s) => s.verify);

  useEffect(() => {
    void loadFilters();
    void verify();
  }, [loadFilters, verify]);

  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`audit-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`audit-panel-${id}`}
      className={`audit-tab${tab === id ? ' audit-tab--on' : ''}`}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );

  return (
    <main className="page-screen">
      <div className="page-inner page-inner--wide">
        <div className="page-head">
          <div>
            <h2 className="page-title">Audit log</h2>
            <p className="muted">Every change to staff, prices, discounts and settings, and every sign-in, newest first.</p>
          </div>
        </div>

        <ChainStatus timeZone={timeZone} />

        <div className="audit-tabs" role="tablist" aria-label="Audit log sections">
          {tabButton('changes', 'Changes')}
          {tabButton('signIns', 'Sign-in history')}
        </div>
        <section id={`audit-panel-${tab}`} role="tabpanel" aria-labelledby={`audit-tab-${tab}`} className="audit-panel">
          {tab === 'changes' ? <ChangesPanel timeZone={timeZone} /> : <SignInHistory timeZone={timeZone} />}
        </section>
      </div>
    </main>
  );
}

/** The audit trail's changes (audit_events), filtered by person, action and dates. */
function ChangesPanel({ timeZone }: { timeZone: string | undefined }) {
  const filters = useAuditStore((s) => s.filters);
  const query = useAuditStore((s) => s.query);
  const events = useAuditStore((s) => s.events);
  const nextCursor = useAuditStore((s) => s.nextCursor);
  const loading = useAuditStore((s) => s.loading);
  const loaded = useAuditStore((s) => s.loaded);
  const error = useAuditStore((s) => s.error);
  const search = useAuditStore((s) => s.search);
  const loadMore = useAuditStore((s) => s.loadMore);

  useEffect(() => {
    void search(useAuditStore.getState().query);
  }, [search]);

  const people = filters?.people ?? [];
  const actions = filters?.actions ?? [];

  return (
    <>
      <LogFilters
        ariaLabel="Filters"
        className="audit-filters"
        initial={query}
        empty={EMPTY_QUERY}
        loading={loading}
        error={error}
        onSearch={(q) => void search(q)}
      >
        {(draft, set) => (
          <>
            {/* A chosen value stays visible even before (or without) the filter lists. */}
            <SelectField label="Person" value={draft.actorUserId} onChange={(v) => set({ actorUserId: v })}>
              <option value="">Everyone</option>
              {draft.actorUserId && !people.some((p) => p.id === draft.actorUserId) && <option value={draft.actorUserId}>{draft.actorUserId}</option>}
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Action" value={draft.action} onChange={(v) => set({ action: v })}>
              <option value="">All actions</option>
              {draft.action && !actions.includes(draft.action) && <option value={draft.action}>{draft.action}</option>}
              {actions.map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(a)}
                </option>
              ))}
            </SelectField>
          </>
        )}
      </LogFilters>

      {!loaded && loading && <p className="muted">Loading the audit trail…</p>}
      {loaded && events.length === 0 && !error && <p className="muted">No entries match these filters.</p>}
      {events.length > 0 && (
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">Audit entries</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Person</th>
                <th scope="col">Action</th>
                <th scope="col">Details</th>
                <th scope="col">Approved by</th>
                <th scope="col">Till</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <AuditRow key={e.id} event={e} timeZone={timeZone} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore show={!!nextCursor} loading={loading} onLoad={() => void loadMore()} />
    </>
  );
}

/** "staff.resetPin" may wrap after the dot, never mid-word. */
function breakable(action: string) {
  const parts = action.split('.');
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </Fragment>
  ));
}

function AuditRow({ event: e, timeZone }: { event: AuditEventView; timeZone: string | undefined }) {
  const change = describeChange(e.oldValue, e.newValue);
  const full = [e.oldValue !== null ? `Before: ${e.oldValue}` : null, e.newValue !== null ? `After: ${e.newValue}` : null]
    .filter(Boolean)
    .join('\n');
  return (
    <tr>
      <LogTimeCell seq={e.seq} at={e.createdAt} timeZone={timeZone} />
      <td>{e.actorName ?? <span className="muted">System</span>}</td>
      <td>
        <span className="audit-action-label">{auditActionLabel(e.action)}</span>
        <br />
        <span className="audit-action mono">{breakable(e.action)}</span>
      </td>
      <td className="audit-details">
        {/* The record's id stays reachable (hover) without standing in for the words. */}
        <span className="audit-entity" title={e.entityId ? `${e.entityType} ${e.entityId}` : undefined}>
          {auditEntityLabel(e.entityType)}
        </span>
        {change && (
          <span className="audit-change" title={full || undefined}>
            {shorten(change, 120)}
          </span>
        )}
        {e.reason && <span className="audit-reason">“{e.reason}”</span>}
      </td>
      <td>{e.approverName ?? <span className="muted">—</span>}</td>
      <td>{e.terminalName ?? <span className="muted">—</span>}</td>
    </tr>
  );
}
