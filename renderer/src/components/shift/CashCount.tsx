import { useId, type ReactNode } from 'react';
import type { CashCountInput } from '../../../../electron/shared/contract';
import { formatMoney, parseMoney, type Currency, type Minor } from '../../../../electron/shared/money';
import { TextField } from '../TextField';
import { denominationLabel } from './shiftFormat';

/** What is typed in a cash count: how many of each note and coin, or one amount. */
export interface CashCountDraft {
  mode: 'count' | 'amount';
  /** Denomination (minor units) → the count as typed. */
  counts: Record<number, string>;
  amount: string;
}

export const emptyCount = (mode: CashCountDraft['mode'] = 'count'): CashCountDraft => ({ mode, counts: {}, amount: '' });

const COUNT_PATTERN = /^\d{1,5}$/;

function countOf(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  if (t === '') return 0;
  return COUNT_PATTERN.test(t) ? Number(t) : null;
}

/** The running total of the notes and coins typed so far (rows that are not a number count as 0). */
export function countTotal(draft: CashCountDraft, denominations: readonly Minor[]): Minor {
  if (draft.mode === 'amount') return parseMoney(draft.amount.trim()) ?? 0;
  return denominations.reduce((sum, value) => sum + value * (countOf(draft.counts[value]) ?? 0), 0);
}

export type ParsedCount = { ok: true; input: CashCountInput; total: Minor } | { ok: false; rows: Record<number, string>; amount?: string };

/** The count as main takes it, or what to fix (per row, or the amount). */
export function parseCount(draft: CashCountDraft, denominations: readonly Minor[]): ParsedCount {
  if (draft.mode === 'amount') {
    const text = draft.amount.trim();
    const amount = text === '' ? null : parseMoney(text);
    if (amount === null) return { ok: false, rows: {}, amount: text === '' ? 'Enter the amount' : 'Type an amount like 2000 or 2,000.00' };
    return { ok: true, input: { amount }, total: amount };
  }
  const rows: Record<number, string> = {};
  const counts: { value: Minor; count: number }[] = [];
  for (const value of denominations) {
    const n = countOf(draft.counts[value]);
    if (n === null) rows[value] = 'A whole number';
    else if (n > 0) counts.push({ value, count: n });
  }
  if (Object.keys(rows).length > 0) return { ok: false, rows };
  return { ok: true, input: { counts }, total: countTotal(draft, denominations) };
}

interface CashCountProps {
  draft: CashCountDraft;
  onChange(draft: CashCountDraft): void;
  denominations: readonly Minor[];
  currency: Currency;
  /** The one-amount field's label ("Opening float", "Cash in the drawer"). */
  amountLabel: string;
  /** Per-row problems from parseCount. */
  rowErrors?: Record<number, string>;
  amountError?: string | undefined;
  disabled?: boolean;
  /** The form's buttons, beside the running total so the next step is in reach. */
  footer?: ReactNode;
}

/**
 * Counting the drawer: one row per note and coin (how many, and what they come to) with a running
 * total, or — with the toggle — one amount.
 */
export function CashCount({ draft, onChange, denominations, currency, amountLabel, rowErrors = {}, amountError, disabled = false, footer }: CashCountProps) {
  const id = useId();
  const money = (m: Minor) => formatMoney(m, currency);
  const total = countTotal(draft, denominations);

  const setMode = (mode: CashCountDraft['mode']) => onChange({ ...draft, mode });
  const setRow = (value: Minor, text: string) => onChange({ ...draft, counts: { ...draft.counts, [value]: text.replace(/[^\d]/g, '') } });

  return (
    <div className="cash-count">
      <div className="segmented" role="group" aria-label="How to count">
        {(['count', 'amount'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={`segmented-option${draft.mode === m ? ' segmented-option--on' : ''}`}
            aria-pressed={draft.mode === m}
            onClick={() => setMode(m)}
            disabled={disabled}
          >
            {m === 'count' ? 'Count notes and coins' : 'Enter one amount'}
          </button>
        ))}
      </div>

      {draft.mode === 'amount' ? (
        <TextField
          label={amountLabel}
          className="field--tender"
          inputMode="decimal"
          autoComplete="off"
          maxLength={14}
          value={draft.amount}
          onChange={(amount) => onChange({ ...draft, amount })}
          error={amountError}
          disabled={disabled}
        />
      ) : (
        <div className="denom-grid" role="group" aria-label="Notes and coins">
          {denominations.map((value) => {
            const label = denominationLabel(value, currency);
            const n = countOf(draft.counts[value]);
            const rowId = `${id}-${value}`;
            const error = rowErrors[value];
            return (
              <div key={value} className={`denom-row${error ? ' denom-row--invalid' : ''}${n ? ' denom-row--used' : ''}`}>
                <label className="denom-label" htmlFor={rowId}>
                  {label}
                </label>
                <span className="denom-times" aria-hidden="true">
                  ×
                </span>
                <input
                  id={rowId}
                  className="denom-input"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={5}
                  placeholder="0"
                  value={draft.counts[value] ?? ''}
                  onChange={(e) => setRow(value, e.target.value)}
                  onFocus={(e) => e.target.select()}
                  aria-invalid={error ? true : undefined}
                  disabled={disabled}
                />
                <span className="denom-subtotal" aria-label={`${label} subtotal`}>
                  {error ? <span className="field-error">{error}</span> : n ? money(value * n) : ''}
                </span>
              </div>
            );
          })}
        </div>
      )}

      <div className="count-foot">
        {draft.mode === 'count' && (
          <div className="count-total" aria-live="polite">
            <span>Total counted</span>
            <span className="count-total-amount">{money(total)}</span>
          </div>
        )}
        {footer}
      </div>
    </div>
  );
}
