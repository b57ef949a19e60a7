export { ChoiceDialog } from './choice-dialog';
export { ConfirmDialog } from './confirm-dialog';
