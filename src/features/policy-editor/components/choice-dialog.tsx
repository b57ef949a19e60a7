import { useEffect, useId, useRef, type ReactNode } from 'react';
import '@/components/dialog/dialog.css';

interface Choice {
  label: string;
  onChoose: () => void;
  tone?: 'primary' | 'danger' | 'plain';
  disabled?: boolean;
}

interface ChoiceDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Buttons left to right; the first one gets focus (make it the safe one). */
  choices: Choice[];
  /** Escape or a click on the backdrop. */
  onDismiss: () => void;
  wide?: boolean;
  error?: ReactNode;
}

/**
 * A modal with more than two ways out (stay / keep draft and leave / discard and leave), on the
 * native `<dialog>` like the shared ConfirmDialog: focus is trapped, Escape dismisses, and focus
 * returns to the opener.
 */
export function ChoiceDialog({ open, title, children, choices, onDismiss, wide, error }: ChoiceDialogProps) {
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
        event.preventDefault();
        onDismiss();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onDismiss();
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
            {choices.map((choice, i) => (
              <button
                key={choice.label}
                type="button"
                className={
                  choice.tone === 'primary'
                    ? 'button button--primary'
                    : choice.tone === 'danger'
                      ? 'button button--danger'
                      : 'button'
                }
                onClick={choice.onChoose}
                disabled={choice.disabled}
                autoFocus={i === 0}
              >
                {choice.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </dialog>
  );
}
