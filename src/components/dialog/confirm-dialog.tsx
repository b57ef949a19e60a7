import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  /** Cancel button, Escape, or a click on the backdrop. */
  onCancel: () => void;
  /** The confirmed action is running: buttons are disabled and the confirm button says so. */
  busy?: boolean;
  busyLabel?: string;
  tone?: 'primary' | 'danger';
  /** An error from the confirmed action, shown inside the dialog so it can be retried. */
  error?: ReactNode;
  /** Wider, for dialogs that show a diff or a table. */
  wide?: boolean;
}

/**
 * A modal confirmation on the native `<dialog>`: the browser traps focus inside it, makes the page
 * behind inert, closes on Escape and gives focus back to the opener on close.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
  busy,
  busyLabel,
  tone = 'primary',
  error,
  wide,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: React owns `open`, so let the parent close it (and refuse while busy).
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onClick={(event) => {
        if (event.target === ref.current && !busy) onCancel();
      }}
    >
      {open && (
        <div className="dialog__frame">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <div id={bodyId} className="dialog__body">
            {children}
          </div>
          {error && (
            <div className="dialog__error" role="alert">
              {error}
            </div>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onCancel} disabled={busy} autoFocus>
              {cancelLabel}
            </button>
            <button
              type="button"
              className={tone === 'danger' ? 'button button--danger' : 'button button--primary'}
              onClick={onConfirm}
              disabled={busy}
              aria-busy={busy || undefined}
            >
              {busy ? (busyLabel ?? `${confirmLabel}…`) : confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
