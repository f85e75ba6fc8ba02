import { useState, type FormEvent, type ReactNode } from 'react';
import { formatDate, formatTime } from '../format';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';

interface DayRange {
  fromDay: string;
  toDay: string;
}

/**
 * The filter form both Audit log tabs share: the tab's own fields (`children`), a date range
 * checked before searching, Apply, and Clear filters (back to `empty`, searched at once).
 */
export function LogFilters<Q extends DayRange>(props: {
  ariaLabel: string;
  className: string;
  initial: Q;
  empty: Q;
  loading: boolean;
  error: string | null;
  onSearch: (query: Q) => void;
  children: (draft: Q, set: (patch: Partial<Q>) => void) => ReactNode;
}) {
  const { empty, loading, onSearch } = props;
  const [draft, setDraft] = useState<Q>(props.initial);
  const [dateError, setDateError] = useState<string | null>(null);
  const set = (patch: Partial<Q>) => setDraft((d) => ({ ...d, ...patch }));

  function apply(e: FormEvent) {
    e.preventDefault();
    if (draft.fromDay && draft.toDay && draft.fromDay > draft.toDay) {
      setDateError('"From" must be on or before "To"');
      return;
    }
    setDateError(null);
    onSearch(draft);
  }

  return (
    <>
      <form className={props.className} onSubmit={apply} noValidate aria-label={props.ariaLabel}>
        {props.children(draft, set)}
        <TextField label="From" type="date" value={draft.fromDay} onChange={(v) => set({ fromDay: v } as Partial<Q>)} max={draft.toDay || undefined} />
        <TextField label="To" type="date" value={draft.toDay} onChange={(v) => set({ toDay: v } as Partial<Q>)} min={draft.fromDay || undefined} />
        <div className="audit-filter-buttons">
          <button type="submit" className="btn btn--primary" disabled={loading}>
            Apply
          </button>
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => {
              setDraft(empty);
              setDateError(null);
              onSearch(empty);
            }}
            disabled={loading || JSON.stringify(draft) === JSON.stringify(empty)}
          >
            Clear filters
          </button>
        </div>
      </form>
      <ErrorMessage message={dateError ?? props.error} />
    </>
  );
}

/** An entry's number, date and time, as both logs show them. */
export function LogTimeCell({ seq, at, timeZone }: { seq: number; at: number; timeZone: string | undefined }) {
  return (
    <td className="audit-time">
      <span className="audit-seq">#{seq}</span> <span className="audit-date">{formatDate(at, timeZone)}</span>{' '}
      <span className="audit-clock">{formatTime(at, timeZone)}</span>
    </td>
  );
}

/** "Load more" under a log, while there is an older page. */
export function LoadMore({ show, loading, onLoad }: { show: boolean; loading: boolean; onLoad: () => void }) {
  if (!show) return null;
  return (
    <button type="button" className="btn btn--secondary btn--block load-more" onClick={onLoad} disabled={loading}>
      Load more
    </button>
  );
}
