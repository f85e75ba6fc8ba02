import type { RefundableLine, RefundPreview } from '../../../../electron/shared/contract';
import { formatMoney, type Currency, type Minor } from '../../../../electron/shared/money';
import { optionsSummary } from '../../format';
import { TextField } from '../TextField';

export type RefundMode = 'all' | 'lines' | 'amount';

const MODES: { mode: RefundMode; label: string }[] = [
  { mode: 'all', label: 'Whole order' },
  { mode: 'lines', label: 'Items' },
  { mode: 'amount', label: 'Amount' },
];

interface RefundWhatPickerProps {
  mode: RefundMode;
  onMode(mode: RefundMode): void;
  lines: readonly RefundableLine[];
  /** How many of each line to refund (lineId → quantity). */
  quantities: Readonly<Record<string, number>>;
  onQuantity(lineId: string, quantity: number): void;
  amountText: string;
  onAmountText(text: string): void;
  amountError: string | undefined;
  /** Still refundable on the whole order. */
  refundable: Minor;
  currency: Currency;
  /** The preview of the current choice, for the money per line. */
  preview: RefundPreview | null;
  disabled: boolean;
}

/** What to refund: the whole order, items and how many of each, or an amount. */
export function RefundWhatPicker(props: RefundWhatPickerProps) {
  const { mode, onMode, lines, refundable, currency, disabled } = props;
  const money = (m: Minor) => formatMoney(m, currency);
  return (
    <section className="refund-what" aria-labelledby="refund-what-title">
      <h3 id="refund-what-title" className="refund-section-title">
        What to refund
      </h3>
      <div className="segmented segmented--three" role="group" aria-label="What to refund">
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            className={`segmented-option${mode === m.mode ? ' segmented-option--on' : ''}`}
            aria-pressed={mode === m.mode}
            onClick={() => onMode(m.mode)}
            disabled={disabled}
          >
            {m.label}
          </button>
        ))}
      </div>
      {mode === 'all' && <WholeOrder lines={lines} refundable={refundable} money={money} />}
      {mode === 'lines' && <LinePicker {...props} money={money} />}
      {mode === 'amount' && (
        <TextField
          label="Amount to refund"
          className="field--discount"
          inputMode="decimal"
          autoComplete="off"
          maxLength={14}
          value={props.amountText}
          onChange={props.onAmountText}
          error={props.amountError}
          hint={`Up to ${money(refundable)}, what is left. For example 50 or 25.50`}
          disabled={disabled}
        />
      )}
    </section>
  );
}

function lineLabel(l: RefundableLine): string {
  return l.modifiers.length > 0 ? `${l.name} (${optionsSummary(l.modifiers)})` : l.name;
}

function WholeOrder({ lines, refundable, money }: { lines: readonly RefundableLine[]; refundable: Minor; money(m: Minor): string }) {
  const left = lines.filter((l) => l.refundableQuantity > 0);
  return (
    <div className="refund-whole">
      <p className="muted">Everything still left on the order, {money(refundable)}:</p>
      {left.length > 0 && (
        <ul className="refund-whole-lines" aria-label="Items to refund">
          {left.map((l) => (
            <li key={l.lineId}>
              <span>
                {l.refundableQuantity} × {l.name}
                {l.modifiers.length > 0 && <span className="refund-line-sub"> · {optionsSummary(l.modifiers)}</span>}
              </span>
              <span className="refund-money">{money(l.refundableAmount)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LinePicker({ lines, quantities, onQuantity, preview, disabled, money }: RefundWhatPickerProps & { money(m: Minor): string }) {
  const amountOf = (lineId: string) => preview?.lineAmounts.find((a) => a.lineId === lineId)?.amount;
  return (
    <ul className="refund-lines" aria-label="Items to refund">
      {lines.map((l) => {
        const n = quantities[l.lineId] ?? 0;
        const label = lineLabel(l);
        const amount = n > 0 ? amountOf(l.lineId) : undefined;
        const none = l.refundableQuantity === 0;
        return (
          <li key={l.lineId} className={`refund-line${none ? ' refund-line--done' : ''}${n > 0 ? ' refund-line--on' : ''}`}>
            <div className="refund-line-name">
              <span className="refund-line-title">{l.name}</span>
              {l.modifiers.length > 0 && <span className="refund-line-sub">{optionsSummary(l.modifiers)}</span>}
              <span className="refund-line-left">
                {none ? 'All refunded' : `${l.refundableQuantity} of ${l.quantity} left`}
              </span>
            </div>
            <div className="refund-qty" role="group" aria-label={`How many ${label}`}>
              <button
                type="button"
                className="qty-btn"
                aria-label={`One less ${label}`}
                onClick={() => onQuantity(l.lineId, n - 1)}
                disabled={disabled || n <= 0}
              >
                −
              </button>
              <span className="qty-value" aria-live="polite">
                {n}
              </span>
              <button
                type="button"
                className="qty-btn"
                aria-label={`One more ${label}`}
                onClick={() => onQuantity(l.lineId, n + 1)}
                disabled={disabled || n >= l.refundableQuantity}
              >
                +
              </button>
            </div>
            <span className="refund-money refund-line-amount">{n === 0 ? '' : amount === undefined ? '…' : money(amount)}</span>
          </li>
        );
      })}
    </ul>
  );
}
