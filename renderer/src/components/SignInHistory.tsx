import { useEffect, useState, type FormEvent } from 'react';
import type { SignInEventView } from '../../../electron/shared/contract';
import { authEventLabel, formatDate, formatTime } from '../format';
import { EMPTY_SIGN_IN_QUERY, useAuditStore, type SignInQuery } from '../stores/auditStore';
import { ErrorMessage } from './ErrorMessage';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

/** Owners: every sign-in, lock, refusal and app start/stop (auth_events), filtered, newest first. */
export function SignInHistory({ timeZone }: { timeZone: string | undefined }) {
  const filters = useAuditStore((s) => s.filters?.signIns);
  const { query, events, nextCursor, loading, loaded, error } = useAuditStore((s) => s.signIns);
  const search = useAuditStore((s) => s.searchSignIns);
  const loadMore = useAuditStore((s) => s.loadMoreSignIns);
  const [draft, setDraft] = useState<SignInQuery>(query);
  const [dateError, setDateError] = useState<string | null>(null);

  useEffect(() => {
    void search(useAuditStore.getState().signIns.query);
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

  const set = (patch: Partial<SignInQuery>) => setDraft((d) => ({ ...d, ...patch }));
  const people = filters?.people ?? [];
  const eventTypes = filters?.eventTypes ?? [];

  return (
    <>
      <form className="audit-filters audit-filters--sign-ins" onSubmit={apply} noValidate aria-label="Sign-in filters">
        <SelectField label="Person" value={draft.userId} onChange={(v) => set({ userId: v })}>
          <option value="">Everyone</option>
          {draft.userId && !people.some((p) => p.id === draft.userId) && <option value={draft.userId}>{draft.userId}</option>}
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Event" value={draft.eventType} onChange={(v) => set({ eventType: v })}>
          <option value="">All events</option>
          {draft.eventType && !eventTypes.includes(draft.eventType) && <option value={draft.eventType}>{authEventLabel(draft.eventType)}</option>}
          {eventTypes.map((t) => (
            <option key={t} value={t}>
              {authEventLabel(t)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Result" value={draft.result} onChange={(v) => set({ result: v as SignInQuery['result'] })}>
          <option value="">Any result</option>
          <option value="ok">Succeeded</option>
          <option value="failed">Failed or refused</option>
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
              setDraft(EMPTY_SIGN_IN_QUERY);
              setDateError(null);
              void search(EMPTY_SIGN_IN_QUERY);
            }}
            disabled={loading || JSON.stringify(draft) === JSON.stringify(EMPTY_SIGN_IN_QUERY)}
          >
            Clear filters
          </button>
        </div>
      </form>
      <ErrorMessage message={dateError ?? error} />

      {!loaded && loading && <p className="muted">Loading the sign-in history…</p>}
      {loaded && events.length === 0 && !error && <p className="muted">No sign-in events match these filters.</p>}
      {events.length > 0 && (
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">Sign-in events</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Person</th>
                <th scope="col">Event</th>
                <th scope="col">Result</th>
                <th scope="col">Details</th>
                <th scope="col">Till</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <SignInRow key={e.id} event={e} timeZone={timeZone} />
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

function SignInRow({ event: e, timeZone }: { event: SignInEventView; timeZone: string | undefined }) {
  // For a failed try the name that was typed matters (it may name nobody, or be someone's guess).
  const typed = /^(login|unlock|override)_/.test(e.eventType) && e.usernameSubmitted && (!e.personName || !e.successful) ? e.usernameSubmitted : '';
  const failed = e.eventType === 'permission_denied' ? 'Refused' : 'Failed';
  return (
    <tr>
      <td className="audit-time">
        <span className="audit-seq">#{e.seq}</span> <span className="audit-date">{formatDate(e.createdAt, timeZone)}</span>{' '}
        <span className="audit-clock">{formatTime(e.createdAt, timeZone)}</span>
      </td>
      <td>
        {e.personName ?? <span className="muted">{e.usernameSubmitted ? 'No such person' : 'System'}</span>}
        {typed && <span className="signin-typed muted"> typed “{typed}”</span>}
      </td>
      <td>
        <span className="audit-action-label">{authEventLabel(e.eventType)}</span>
        <br />
        <span className="audit-action mono">{e.eventType}</span>
      </td>
      <td>{e.successful ? <span className="signin-result signin-result--ok">OK</span> : <span className="signin-result signin-result--failed">{failed}</span>}</td>
      <td className="audit-details">{e.detail || <span className="muted">—</span>}</td>
      <td>{e.terminalName ?? <span className="muted">—</span>}</td>
    </tr>
  );
}
