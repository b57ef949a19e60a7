/** The policy-diff feature's public API: other features import from here only. */
export { diffPolicies } from './structural/diff-policies';
export { summarizeDiff, summaryToText } from './structural/summarize-diff';
export type {
  ChangeKind,
  EntityChange,
  EntityType,
  FieldChange,
  ListItemChange,
  PolicyDiff,
  SectionId,
  SummaryItem,
  TextPart,
  ValueFormat,
  VersionRef,
} from './structural/types';
export { StructuralDiffView } from './components/structural-diff-view';
export { ChangeSummary } from './components/change-summary';
