import { ChoiceDialog } from '@/components/dialog';

interface LeaveDialogProps {
  open: boolean;
  isNew: boolean;
  onStay(): void;
  onLeave(): void;
  onDiscardAndLeave(): void;
}

/** Asked when the admin navigates away from an edit that is not saved in Guardian. */
export function LeaveDialog({ open, isNew, onStay, onLeave, onDiscardAndLeave }: LeaveDialogProps) {
  return (
    <ChoiceDialog
      open={open}
      title="Leave with unsaved changes?"
      onDismiss={onStay}
      choices={[
        { label: 'Stay', onChoose: onStay },
        { label: 'Leave, keep the draft', onChoose: onLeave },
        { label: 'Discard changes and leave', tone: 'danger', onChoose: onDiscardAndLeave },
      ]}
    >
      <p>
        Nothing of this edit is saved in Guardian yet. This browser keeps a draft you can restore when you come back to
        this {isNew ? 'new policy' : 'policy’s editor'}.
      </p>
    </ChoiceDialog>
  );
}
