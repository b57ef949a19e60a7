/**
 * The structural diff of two policy versions: what changed, said in terms of the policy's own parts
 * (steps by name, questions by key, …) rather than lines. Values are display text, secrets already
 * masked, so any view can render a diff without seeing a secret.
 */

export type SectionId =
  'policy' | 'steps' | 'requirements' | 'appeal' | 'durations' | 'questions' | 'labels' | 'iam' | 'other';

export type EntityType =
  'policy' | 'step' | 'requirement' | 'appeal' | 'duration option' | 'question' | 'label' | 'iam' | 'setting';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved' | 'renamed';

/** How a value is shown: expressions and JSON in monospace, booleans as on/off, durations with words. */
export type ValueFormat = 'text' | 'expression' | 'boolean' | 'duration' | 'json' | 'list';

/** A run of text in a text diff: unchanged, or only in the new text, or only in the old. */
export interface TextPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface ListItemChange {
  value: string;
  change: 'added' | 'removed' | 'same';
}

export interface FieldChange {
  /** The field as the wire and the YAML spell it, e.g. `approve_if`, `config.auth.password`. */
  field: string;
  /** The field in plain words, e.g. "approval condition". */
  label: string;
  kind: 'added' | 'removed' | 'changed';
  format: ValueFormat;
  /** Each side as display text; absent when the field is unset on that side. Secrets are masked. */
  before?: string;
  after?: string;
  /** Text and expressions: word-level parts; JSON: line-level parts. Never for secrets. */
  parts?: TextPart[];
  /** Lists compared as sets (approvers): every entry with whether it came, went or stayed. */
  list?: { items: ListItemChange[]; reordered: boolean };
  /** The value is a secret: both sides are masks, and only the fact of a change is told. */
  secret?: boolean;
}

export interface EntityChange {
  /** Unique within the diff and stable for a given pair of versions, e.g. `step:manager_approval`. */
  id: string;
  section: SectionId;
  entity: EntityType;
  /** What identifies the thing: step name, question key, duration value, label key, requirement trigger. */
  key: string;
  kind: ChangeKind;
  /** Field by field: what changed (for changed), or what the thing holds (for added and removed). */
  fields: FieldChange[];
  /** 1-based positions, when the thing changed place relative to the others. */
  move?: { from: number; to: number };
  /** The old key of a renamed thing (`key` is the new one). */
  renamedFrom?: string;
  /** Where an added (or removed) step stands (stood): 1-based, out of how many in that version. */
  position?: { at: number; of: number };
}

interface VersionRef {
  id: string;
  version: number;
}

/** One line of the plain-words summary: "Step `manager_approval`: approvers changed". */
export interface SummaryItem {
  /** The change it tells about, for linking to its detail. */
  changeId: string;
  /** "Step", "Question", … or absent for policy-wide settings. */
  subject?: string;
  /** The thing's key, shown in monospace. */
  name?: string;
  /** The key in words where it is cryptic: a duration option `0h` is "Permanent". */
  nameWords?: string;
  /** Why this change deserves a second look (it lets more through), in words; absent when it does not. */
  risk?: string;
  /** What happened, in words: ["approvers changed", "moved from position 2 to 3"]. */
  phrases: string[];
}

export interface PolicyDiff {
  before: VersionRef;
  after: VersionRef;
  /** In display order: policy details, steps, requirements, appeal settings, durations, questions, labels, IAM, other. */
  changes: EntityChange[];
  summary: SummaryItem[];
  /** No difference in content (version, author and dates are not content). */
  identical: boolean;
}
