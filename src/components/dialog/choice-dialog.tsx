import type { ReactNode } from 'react';
import { buttonClass, type ButtonTone } from './button-tone';
import { ModalDialog } from './modal-dialog';

interface Choice {
  label: string;
  onChoose: () => void;
  tone?: ButtonTone;
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

/** A modal with more than two ways out (stay / keep draft and leave / discard and leave). */
export function ChoiceDialog({ choices, ...shell }: ChoiceDialogProps) {
  return (
    <ModalDialog
      {...shell}
      actions={choices.map((choice, i) => (
        <button
          key={choice.label}
          type="button"
          className={buttonClass(choice.tone)}
          onClick={choice.onChoose}
          disabled={choice.disabled}
          autoFocus={i === 0}
        >
          {choice.label}
        </button>
      ))}
    />
  );
}
