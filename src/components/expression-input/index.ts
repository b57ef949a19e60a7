export { ExpressionInput, type ExpressionInputProps } from './ExpressionInput';
export { completionCandidates, completionContext, applyCompletion } from './completion';
