import { Fragment, useEffect, useState, type FormEvent } from 'react';
import type { AuditEventView } from '../../../electron/shared/contract';
import { ChainStatus } from '../components/ChainStatus';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/SelectField';
import { SignInHistory } from '../components/SignInHistory';
import { TextField } from '../components/TextField';
import { auditActionLabel, auditEntityLabel, describeChange, formatDate, formatTime, shorten } from '../format';
import { EMPTY_QUERY, useAuditStore, type AuditQuery } from '../stores/auditStore';
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
  const [draft, setDraft] = useState<AuditQuery>(query);
  const [dateError, setDateError] = useState<string | null>(null);

  useEffect(() => {
    void search(useAuditStore.getState().query);
  }, [search]);

  function apply(e: FormEvent) {
    e.preventDefault();
    if (draft.fromDay && draft.toDay && draft.fromDay > draft.toDay) {
      setDateError('"From" must be on or before "To"');
      return;
    }
    setDateError(null);
    void search(draft);
  }

  const set = (patch: Partial<AuditQuery>) => setDraft((d) => ({ ...d, ...patch }));
  const people = filters?.people ?? [];
  const actions = filters?.actions ?? [];
  // Keep a chosen value visible even before (or without) the filter lists.
  const personMissing = draft.actorUserId && !people.some((p) => p.id === draft.actorUserId);
  const actionMissing = draft.action && !actions.includes(draft.action);

  return (
    <>
      <form className="audit-filters" onSubmit={apply} noValidate aria-label="Filters">
        <SelectField label="Person" value={draft.actorUserId} onChange={(v) => set({ actorUserId: v })}>
          <option value="">Everyone</option>
          {personMissing && <option value={draft.actorUserId}>{draft.actorUserId}</option>}
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Action" value={draft.action} onChange={(v) => set({ action: v })}>
          <option value="">All actions</option>
          {actionMissing && <option value={draft.action}>{draft.action}</option>}
          {actions.map((a) => (
            <option key={a} value={a}>
              {auditActionLabel(a)}
            </option>
          ))}
        </SelectField>
        <TextField label="From" type="date" value={draft.fromDay} onChange={(v) => set({ fromDay: v })} max={draft.toDay || undefined} />
        <TextField label="To" type="date" value={draft.toDay} onChange={(v) => set({ toDay: v })} min={draft.fromDay || undefined} />
        <div className="audit-filter-buttons">
          <button type="submit" className="btn btn--primary" disabled={loading}>
            Apply
          </button>
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => {
              setDraft(EMPTY_QUERY);
              setDateError(null);
              void search(EMPTY_QUERY);
            }}
            disabled={loading || JSON.stringify(draft) === JSON.stringify(EMPTY_QUERY)}
          >
            Clear filters
          </button>
        </div>
      </form>
      <ErrorMessage message={dateError ?? error} />

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
      {nextCursor && (
        <button type="button" className="btn btn--secondary btn--block load-more" onClick={() => void loadMore()} disabled={loading}>
          Load more
        </button>
      )}
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
      <td className="audit-time">
        <span className="audit-seq">#{e.seq}</span> <span className="audit-date">{formatDate(e.createdAt, timeZone)}</span>{' '}
        <span className="audit-clock">{formatTime(e.createdAt, timeZone)}</span>
      </td>
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
