import { useEffect, useRef, type MouseEvent } from 'react';

export const MAX_PIN_LENGTH = 12;
const SHOWN_SLOTS = 6;

interface PinPadProps {
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  busy?: boolean;
  /** Everything greyed out (e.g. the account is locked out) until the parent enables it again. */
  disabled?: boolean;
  /** The submit button's text. */
  submitLabel?: string;
  /** Listen to the physical keyboard (digits, Backspace, Escape, Enter). */
  keyboard?: boolean;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Touch keypad for a PIN, shown as dots. The PIN itself never appears on screen. */
export function PinPad({ value, onChange, onSubmit, busy: requestBusy = false, disabled = false, submitLabel = 'Sign in', keyboard = true }: PinPadProps) {
  const busy = requestBusy || disabled;
  // Keep the latest values for the window key listener without re-subscribing on every digit.
  const latest = useRef({ value, onChange, onSubmit, busy });
  latest.current = { value, onChange, onSubmit, busy };

  useEffect(() => {
    if (!keyboard) return;
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const { value: v, onChange: change, onSubmit: submit, busy: isBusy } = latest.current;
      if (isBusy) return;
      if (/^[0-9]$/.test(e.key)) {
        e.preventDefault();
        // Typing digits means entering the PIN: let a later Enter mean "Sign in", not "press the focused button".
        if (e.target instanceof HTMLButtonElement) e.target.blur();
        if (v.length < MAX_PIN_LENGTH) change(v + e.key);
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        change(v.slice(0, -1));
      } else if (e.key === 'Escape' || e.key === 'Delete') {
        e.preventDefault();
        change('');
      } else if (e.key === 'Enter') {
        // Enter on a focused button (other than a keypad key) presses that button instead.
        if (e.target instanceof HTMLButtonElement && !e.target.classList.contains('key')) return;
        e.preventDefault();
        if (v.length > 0) submit();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyboard]);

  const press = (digit: string) => {
    if (!busy && value.length < MAX_PIN_LENGTH) onChange(value + digit);
  };
  const slots = Math.max(SHOWN_SLOTS, value.length);
  // Tapping a key must not move focus onto it, so Enter on the keyboard still means "Sign in".
  const keepFocus = (e: MouseEvent) => e.preventDefault();

  return (
    <div className="pinpad">
      <div className="pin-dots" role="img" aria-label={value.length === 1 ? 'PIN: 1 digit entered' : `PIN: ${value.length} digits entered`}>
        {Array.from({ length: slots }, (_, i) => (
          <span key={i} className={`pin-dot${i < value.length ? ' pin-dot--filled' : ''}`} />
        ))}
      </div>
      <div className="keypad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" className="key" onMouseDown={keepFocus} onClick={() => press(d)} disabled={busy}>
            {d}
          </button>
        ))}
        <button type="button" className="key key--action"
          onMouseDown={keepFocus} onClick={() => onChange('')} disabled={busy || value.length === 0}>
          Clear
        </button>
        <button type="button" className="key" onMouseDown={keepFocus} onClick={() => press('0')} disabled={busy}>
          0
        </button>
        <button
          type="button"
          className="key key--action"
          onMouseDown={keepFocus}
          aria-label="Backspace"
          onClick={() => onChange(value.slice(0, -1))}
          disabled={busy || value.length === 0}
        >
          <span aria-hidden="true">⌫</span>
        </button>
      </div>
      <button type="button" className="btn btn--primary btn--large btn--block" onClick={onSubmit} disabled={busy || value.length === 0} aria-busy={requestBusy || undefined}>
        {submitLabel}
      </button>
    </div>
  );
}
