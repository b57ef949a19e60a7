import type { ReactNode } from 'react';
import { buttonClass } from './button-tone';
import { ModalDialog } from './modal-dialog';

export interface ConfirmDialogProps {
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

/** Cancel or confirm; Cancel has the focus, and nothing closes the dialog while the action runs. */
export function ConfirmDialog({
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
  busy,
  busyLabel,
  tone = 'primary',
  ...shell
}: ConfirmDialogProps) {
  return (
    <ModalDialog
      {...shell}
      onDismiss={onCancel}
      dismissible={!busy}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={busy} autoFocus>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={buttonClass(tone)}
            onClick={onConfirm}
            disabled={busy}
            aria-busy={busy || undefined}
          >
            {busy ? (busyLabel ?? `${confirmLabel}…`) : confirmLabel}
          </button>
        </>
      }
    />
  );
}
