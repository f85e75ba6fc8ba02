import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface DialogProps {
  /** The dialog's accessible name. */
  label: string;
  onClose(): void;
  /** While true, Escape does nothing (a request is on its way). */
  busy?: boolean;
  wide?: boolean;
  children: ReactNode;
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A modal dialog: backdrop, Escape to close, focus kept inside and given back on close. */
export function Dialog({ label, onClose, busy = false, wide = false, children }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ onClose, busy });
  latest.current = { onClose, busy };

  // Escape closes even when focus has fallen out of the dialog (e.g. onto the page after a
  // focused button was disabled while saving).
  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      const root = ref.current;
      if (!root || root.contains(document.activeElement)) return; // handled by onKeyDown below
      if (e.key === 'Escape') {
        e.preventDefault();
        if (!latest.current.busy) latest.current.onClose();
      } else if (e.key === 'Tab') {
        // Tab from outside brings focus back into the dialog.
        const first = root.querySelector<HTMLElement>(FOCUSABLE);
        if (first) {
          e.preventDefault();
          first.focus();
        }
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]:not([disabled])') ??
      root?.querySelector<HTMLElement>('input:not([disabled]):not([type="radio"]), select:not([disabled]), textarea:not([disabled])') ??
      root?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (!busy) onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const focusable = ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE);
    if (!focusable || focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  // Rendered at the end of <body> so it never inherits a parent's colours or landmark (e.g. the top bar).
  return createPortal(
    <div className="dialog-backdrop">
      <div
        className={`dialog${wide ? ' dialog--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        ref={ref}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
