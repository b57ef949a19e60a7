export { ExpressionInput, type ExpressionInputProps } from './expression-input';
export { completionCandidates, completionContext, applyCompletion } from './completion';
