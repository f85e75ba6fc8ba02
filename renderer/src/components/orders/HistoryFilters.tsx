// The filter bar above the order history: one search box (order number, or a customer's name or
// phone), the date presets (managers and owners), staff, tender, status, and "More" (item, total
// range). Typing is searched after a short pause; choices at once.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HistoryStatus, PaymentMethod, StaffView } from '../../../../electron/shared/contract';
import { HISTORY_STATUS_LABELS } from '../../../../electron/shared/contract';
import { call } from '../../api';
import { PAYMENT_LABELS } from '../../format';
import { useOrdersStore } from '../../stores/ordersStore';
import { TextField } from '../TextField';
import { DATE_PRESETS, EMPTY_FORM, addDays, isEmptyForm, moreCount, queryHint, type HistoryForm } from './historyFilters';

const TYPING_PAUSE_MS = 350;
type TextKey = 'query' | 'item' | 'minTotal' | 'maxTotal';
const TEXT_KEYS: readonly TextKey[] = ['query', 'item', 'minTotal', 'maxTotal'];
const textOf = (form: HistoryForm): Pick<HistoryForm, TextKey> => ({ query: form.query, item: form.item, minTotal: form.minTotal, maxTotal: form.maxTotal });

/** What is typed, kept here and sent to the store after a pause, on Enter, or with a choice made meanwhile. */
function useDraft(form: HistoryForm, setForm: (patch: Partial<HistoryForm>) => void) {
  const [draft, setDraft] = useState(() => textOf(form));
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Clear puts the store's form back to empty: the fields follow.
  useEffect(() => {
    if (form === EMPTY_FORM) setDraft((latest.current = textOf(EMPTY_FORM)));
  }, [form]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  /** One search with what was typed and `patch` (a choice), so nothing typed is lost to a choice. */
  const apply = (patch: Partial<HistoryForm> = {}) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = useOrdersStore.getState().form;
    const typed = Object.fromEntries(TEXT_KEYS.filter((k) => latest.current[k] !== current[k]).map((k) => [k, latest.current[k]]));
    if (Object.keys(typed).length + Object.keys(patch).length > 0) setForm({ ...typed, ...patch });
  };
  const edit = (key: TextKey, value: string) => {
    setDraft((latest.current = { ...latest.current, [key]: value }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(), TYPING_PAUSE_MS);
  };
  return { draft, edit, apply };
}

export function HistoryFilters({ allDays, canPickStaff }: { allDays: boolean; canPickStaff: boolean }) {
  const form = useOrdersStore((s) => s.form);
  const errors = useOrdersStore((s) => s.formErrors);
  const today = useOrdersStore((s) => s.today);
  const setForm = useOrdersStore((s) => s.setForm);
  const clearForm = useOrdersStore((s) => s.clearForm);
  const { draft, edit, apply } = useDraft(form, setForm);
  const [showMore, setShowMore] = useState(moreCount(form) > 0);
  const [staff, setStaff] = useState<StaffView[]>([]);

  useEffect(() => {
    if (!canPickStaff) return;
    let live = true;
    void call('staff.list', {}).then((r) => live && r.ok && setStaff(r.value));
    return () => {
      live = false;
    };
  }, [canPickStaff]);

  const more = moreCount({ ...form, ...draft });

  return (
    <form
      className="history-filters"
      aria-label="Find orders"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="history-search-row">
        <TextField
          className="history-search"
          label="Search orders"
          type="search"
          value={draft.query}
          onChange={(v) => edit('query', v)}
          placeholder="#42, a name or a phone"
          hint={queryHint(draft.query)}
          error={errors.query}
          autoComplete="off"
          maxLength={60}
        />
        <button type="button" className="btn btn--secondary btn--small history-more-btn" aria-expanded={showMore} onClick={() => setShowMore((v) => !v)}>
          More{more > 0 ? ` (${more})` : ''}
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={clearForm} disabled={isEmptyForm({ ...form, ...draft })}>
          Clear
        </button>
      </div>

      {allDays && (
        <div className="history-dates">
          <div className="segmented segmented--dates" role="group" aria-label="Dates">
            {DATE_PRESETS.map((p) => (
              <button
                key={p.value}
                type="button"
                className={`segmented-option${form.preset === p.value ? ' segmented-option--on' : ''}`}
                aria-pressed={form.preset === p.value}
                onClick={() => {
                  // Custom starts from the last seven days, which the person then moves.
                  const custom = p.value === 'custom' && !form.customFrom && !form.customTo && today ? { customFrom: addDays(today, -6), customTo: today } : {};
                  apply({ preset: p.value, ...custom });
                }}
              >
                {p.label}
              </button>
            ))}
          </div>
          {form.preset === 'custom' && (
            <div className="history-custom-days">
              <TextField label="From" type="date" value={form.customFrom} onChange={(v) => apply({ customFrom: v })} max={form.customTo || today || undefined} error={errors.customFrom} />
              <TextField label="To" type="date" value={form.customTo} onChange={(v) => apply({ customTo: v })} min={form.customFrom || undefined} max={today || undefined} error={errors.customTo} />
            </div>
          )}
        </div>
      )}

      <div className="history-choices">
        {canPickStaff && (
          <Choice label="Staff" value={form.staffId} onChange={(v) => apply({ staffId: v })} none="All staff">
            {staff.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
                {p.isActive ? '' : ' (left)'}
              </option>
            ))}
          </Choice>
        )}
        <Choice label="Tender" value={form.tender} onChange={(v) => apply({ tender: v as PaymentMethod | '' })} none="Any tender">
          {(Object.keys(PAYMENT_LABELS) as PaymentMethod[]).map((m) => (
            <option key={m} value={m}>
              {PAYMENT_LABELS[m]}
            </option>
          ))}
        </Choice>
        <Choice label="Status" value={form.status} onChange={(v) => apply({ status: v as HistoryStatus | '' })} none="Any status">
          {(Object.keys(HISTORY_STATUS_LABELS) as HistoryStatus[]).map((s) => (
            <option key={s} value={s}>
              {HISTORY_STATUS_LABELS[s]}
            </option>
          ))}
        </Choice>
      </div>

      {showMore && (
        <div className="history-more">
          <TextField label="Item" value={draft.item} onChange={(v) => edit('item', v)} placeholder="e.g. oat latte" error={errors.item} maxLength={60} autoComplete="off" />
          <TextField label="Total from" inputMode="decimal" value={draft.minTotal} onChange={(v) => edit('minTotal', v)} placeholder="0.00" error={errors.minTotal} autoComplete="off" />
          <TextField label="Total to" inputMode="decimal" value={draft.maxTotal} onChange={(v) => edit('maxTotal', v)} placeholder="any" error={errors.maxTotal} autoComplete="off" />
        </div>
      )}
      {/* Enter in any field searches now. */}
      <button type="submit" hidden tabIndex={-1} />
    </form>
  );
}

/** A compact select whose label is read out but not shown (its "All …" option says what it is). */
function Choice({ label, value, onChange, none, children }: { label: string; value: string; onChange: (v: string) => void; none: string; children: ReactNode }) {
  return (
    <label className={`history-choice${value ? ' history-choice--set' : ''}`}>
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {children}
      </select>
    </label>
  );
}
