// Small pieces the menu back office's panels share: the colour palette as named swatches, a
// labelled money input (the app's ₱ box), a labelled checkbox, and "Move up / Move down".
import { useId } from 'react';
import { MENU_COLORS, type MenuColor } from '../../../../electron/shared/contract';
import { CURRENCIES, type Currency } from '../../../../electron/shared/money';

/** Names people say out loud: the swatch alone is not enough (colour blindness, glare on the till). */
export const COLOR_LABELS: Record<MenuColor, string> = {
  '': 'Default',
  espresso: 'Espresso',
  caramel: 'Caramel',
  matcha: 'Matcha',
  berry: 'Berry',
  sky: 'Sky',
  plum: 'Plum',
  slate: 'Slate',
  sun: 'Sun',
};

export function Swatch({ color }: { color: MenuColor }) {
  return <span className={`menu-swatch${color ? ` tile-color--${color}` : ''}`} aria-hidden="true" />;
}

/** The palette as a row of radio buttons, each a swatch with its name. */
export function ColorPicker({ value, onChange, legend = 'Colour' }: { value: MenuColor; onChange(color: MenuColor): void; legend?: string }) {
  const name = useId();
  return (
    <fieldset className="color-picker">
      <legend>{legend}</legend>
      <div className="color-picker-options">
        {MENU_COLORS.map((c) => (
          <label key={c || 'default'} className={`color-option${value === c ? ' color-option--on' : ''}`}>
            <input type="radio" name={name} value={c} checked={value === c} onChange={() => onChange(c)} />
            <Swatch color={c} />
            <span>{COLOR_LABELS[c]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface MoneyFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  currency: Currency;
  error?: string | undefined;
  hint?: string | undefined;
  /** Option price deltas may be negative ("no milk −₱10"). */
  allowNegative?: boolean;
  /** Hide the label visually (rows of a table where the column says it). */
  hiddenLabel?: boolean;
}

/** The app's money box (currency symbol + amount) with a label and an error under it. */
export function MoneyField({ label, value, onChange, currency, error, hint, allowNegative = false, hiddenLabel = false }: MoneyFieldProps) {
  const id = useId();
  const note = error ?? hint;
  return (
    <div className={`field field--money${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className={hiddenLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <span className="money-input">
        <span className="money-input-symbol" aria-hidden="true">
          {CURRENCIES[currency]}
        </span>
        <input
          id={id}
          type="text"
          inputMode={allowNegative ? 'text' : 'decimal'}
          autoComplete="off"
          maxLength={13}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={note ? `${id}-note` : undefined}
        />
      </span>
      {note && (
        <p className={error ? 'field-error' : 'field-hint'} id={`${id}-note`}>
          {note}
        </p>
      )}
    </div>
  );
}

export function CheckField({ label, checked, onChange, hint, disabled = false }: { label: string; checked: boolean; onChange(v: boolean): void; hint?: string; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="field field--check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} disabled={disabled} />
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field-hint menu-check-hint">{hint}</p>}
    </div>
  );
}

interface MoveButtonsProps {
  name: string;
  first: boolean;
  last: boolean;
  busy?: boolean;
  onMove(delta: -1 | 1): void;
}

/** Reordering for touch: two big arrows, named for screen readers ("Move Latte up"). */
export function MoveButtons({ name, first, last, busy = false, onMove }: MoveButtonsProps) {
  return (
    <span className="move-buttons">
      <button type="button" className="btn btn--secondary btn--small move-btn" aria-label={`Move ${name} up`} disabled={first || busy} onClick={() => onMove(-1)}>
        ↑
      </button>
      <button type="button" className="btn btn--secondary btn--small move-btn" aria-label={`Move ${name} down`} disabled={last || busy} onClick={() => onMove(1)}>
        ↓
      </button>
    </span>
  );
}

/** The ids in a new order after moving one of them by one place (unchanged at either end). */
export function moved(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const list = [...ids];
  const from = list.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return list;
  [list[from], list[to]] = [list[to]!, list[from]!];
  return list;
}

/** "−₱10.00" / "+₱15.00" for option price deltas; "" for none. */
export function signedMoney(delta: number, format: (n: number) => string): string {
  if (delta === 0) return '';
  return delta < 0 ? `−${format(-delta)}` : `+${format(delta)}`;
}

/** "-10", "15.50" typed into a delta box → minor units (null when unreadable). */
export function parseDelta(text: string, parse: (t: string) => number | null): number | null {
  const t = text.trim().replace(/^[−–]/, '-');
  const negative = t.startsWith('-');
  const amount = parse(negative ? t.slice(1) : t.replace(/^\+/, ''));
  if (amount === null) return null;
  return negative ? -amount : amount;
}
