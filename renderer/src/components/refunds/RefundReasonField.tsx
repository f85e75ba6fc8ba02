import { TextField } from '../TextField';

/** The reasons a counter gives most; one tap fills the field, which can still be edited. */
export const QUICK_REASONS = ['Wrong order', 'Customer complaint', 'Quality', 'Changed their mind'] as const;

interface RefundReasonFieldProps {
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  disabled: boolean;
}

/** Why (required): free text, with quick chips under it for the usual reasons. */
export function RefundReasonField({ value, onChange, error, disabled }: RefundReasonFieldProps) {
  return (
    <div className="refund-reason">
      <TextField
        label="Reason"
        value={value}
        onChange={onChange}
        maxLength={200}
        autoComplete="off"
        hint="Required: tap one below or type your own."
        error={error}
        disabled={disabled}
      />
      <div className="refund-chips" role="group" aria-label="Quick reasons">
        {QUICK_REASONS.map((r) => {
          const on = value.trim() === r;
          return (
            <button
              key={r}
              type="button"
              className={`refund-chip${on ? ' refund-chip--on' : ''}`}
              aria-pressed={on}
              onClick={() => onChange(on ? '' : r)}
              disabled={disabled}
            >
              {r}
            </button>
          );
        })}
      </div>
    </div>
  );
}
