export { ChoiceDialog } from './choice-dialog';
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';
