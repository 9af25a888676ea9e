/**
 * A form's closing row: the submit button (saying what it is doing while busy)
 * and, when the form can be left, a Cancel. Both wait while the form is busy.
 */
export function FormActions({
  busy,
  label,
  busyLabel,
  onCancel,
  cancelLabel = "Cancel",
  small = false,
  className,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  onCancel?: () => void;
  cancelLabel?: string;
  small?: boolean;
  className?: string;
}) {
  const size = small ? " small" : "";
  return (
    <div className={`wb-form-actions${className ? ` ${className}` : ""}`}>
      <button type="submit" className={`button primary${size}`} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {onCancel && (
        <button type="button" className={`button${size}`} onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      )}
    </div>
  );
}
