import type { Ref } from 'react';

interface SubmitButtonProps {
  label: string;
  busy: boolean;
  /** primary (default), danger (destructive, e.g. Cancel order) or charge (Add to order, Complete sale). */
  variant?: 'primary' | 'danger' | 'charge';
  /** Disabled for another reason than being busy (e.g. not paid in full yet). */
  disabled?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
  /** The dialog focuses this button first. */
  autoFocus?: boolean;
}

/** A form's submit button: disabled, and marked busy, while its request is on the way. */
export function SubmitButton({ label, busy, variant = 'primary', disabled = false, buttonRef, autoFocus = false }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      ref={buttonRef}
      className={`btn btn--${variant} btn--large`}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
      data-autofocus={autoFocus || undefined}
    >
      {label}
    </button>
  );
}

interface FormButtonsProps extends Omit<SubmitButtonProps, 'label'> {
  submitLabel: string;
  onCancel(): void;
  /** The dismiss button's text ("Keep order"); Cancel unless told. */
  cancelLabel?: string;
  /** Keep the buttons in view at the bottom of a long, scrolling dialog. */
  sticky?: boolean;
  /** The row's class, for dialogs that lay their buttons out their own way. */
  className?: string;
}

/** Cancel and submit, at the foot of a dialog's form. */
export function FormButtons({ submitLabel, onCancel, cancelLabel = 'Cancel', sticky = false, className = 'dialog-buttons', ...submit }: FormButtonsProps) {
  return (
    <div className={`${className}${sticky ? ' dialog-buttons--sticky' : ''}`}>
      <button type="button" className="btn btn--secondary btn--large" onClick={onCancel} disabled={submit.busy}>
        {cancelLabel}
      </button>
      <SubmitButton label={submitLabel} {...submit} />
    </div>
  );
}
