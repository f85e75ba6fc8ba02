/** A plain-language problem, announced to screen readers. Renders nothing without a message. */
export function ErrorMessage({ message, onDismiss }: { message: string | null | undefined; onDismiss?: () => void }) {
  if (!message) return null;
  return (
    <div className="alert" role="alert">
      <span className="alert-text">{message}</span>
      {onDismiss && (
        <button type="button" className="btn btn--ghost btn--small" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
