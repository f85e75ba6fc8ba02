import { useEffect } from 'react';
import type { SignInEventView } from '../../../electron/shared/contract';
import { authEventLabel } from '../format';
import { EMPTY_SIGN_IN_QUERY, useAuditStore, type SignInQuery } from '../stores/auditStore';
import { LoadMore, LogFilters, LogTimeCell } from './LogFilters';
import { SelectField } from './SelectField';

/** Owners: every sign-in, lock, refusal and app start/stop (auth_events), filtered, newest first. */
export function SignInHistory({ timeZone }: { timeZone: string | undefined }) {
  const filters = useAuditStore((s) => s.filters?.signIns);
  const { query, events, nextCursor, loading, loaded, error } = useAuditStore((s) => s.signIns);
  const search = useAuditStore((s) => s.searchSignIns);
  const loadMore = useAuditStore((s) => s.loadMoreSignIns);

  useEffect(() => {
    void search(useAuditStore.getState().signIns.query);
  }, [search]);

  const people = filters?.people ?? [];
  const eventTypes = filters?.eventTypes ?? [];

  return (
    <>
      <LogFilters
        ariaLabel="Sign-in filters"
        className="audit-filters audit-filters--sign-ins"
        initial={query}
        empty={EMPTY_SIGN_IN_QUERY}
        loading={loading}
        error={error}
        onSearch={(q) => void search(q)}
      >
        {(draft, set) => (
          <>
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
          </>
        )}
      </LogFilters>

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
      <LoadMore show={!!nextCursor} loading={loading} onLoad={() => void loadMore()} />
    </>
  );
}

function SignInRow({ event: e, timeZone }: { event: SignInEventView; timeZone: string | undefined }) {
  // For a failed try the name that was typed matters (it may name nobody, or be someone's guess).
  const typed = /^(login|unlock|override)_/.test(e.eventType) && e.usernameSubmitted && (!e.personName || !e.successful) ? e.usernameSubmitted : '';
  const failed = e.eventType === 'permission_denied' ? 'Refused' : 'Failed';
  return (
    <tr>
      <LogTimeCell seq={e.seq} at={e.createdAt} timeZone={timeZone} />
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
