/** The policy-diff feature's public API: other features import from here only. */
export { diffPolicies } from './structural/diff-policies';
export { describeNewPolicy } from './structural/describe-new-policy';
export { summaryToText } from './structural/summarize-diff';
export { StructuralDiffView } from './components/structural-diff-view';
export { ChangeSummary } from './components/change-summary';
export { SummaryWithFullDiff } from './components/summary-with-full-diff';
export type { PolicyDiff } from './structural/types';
