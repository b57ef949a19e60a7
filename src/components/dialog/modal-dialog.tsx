import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

interface ModalDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  /** The buttons, left to right; give the safe one `autoFocus`. */
  actions: ReactNode;
  /** Escape or a click on the backdrop (ignored while `dismissible` is false). */
  onDismiss: () => void;
  dismissible?: boolean;
  /** An error from the chosen action, shown inside the dialog so it can be retried. */
  error?: ReactNode;
  /** Wider, for dialogs that show a diff or a table. */
  wide?: boolean;
}

/**
 * The one modal shell, on the native `<dialog>`: the browser traps focus inside it, makes the page
 * behind inert, closes on Escape and gives focus back to the opener on close. React owns `open`.
 */
export function ModalDialog({
  open,
  title,
  children,
  actions,
  onDismiss,
  dismissible = true,
  error,
  wide,
}: ModalDialogProps) {
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
        // Escape: the parent decides, since React owns `open`.
        event.preventDefault();
        if (dismissible) onDismiss();
      }}
      onClick={(event) => {
        if (event.target === ref.current && dismissible) onDismiss();
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
          <div className="dialog__actions">{actions}</div>
        </div>
      )}
    </dialog>
  );
}
