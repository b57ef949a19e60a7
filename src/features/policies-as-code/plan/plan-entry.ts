import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { PolicyDiff } from '@/features/policy-diff';
import type { PolicyProblem } from '@/features/policy-editor';

/** Where a file is on its way from the folder to the server. */
type EntryStage = 'waiting' | 'reading' | 'comparing' | 'checking' | 'planned' | 'applying' | 'applied' | 'failed';

export type PlanStatus = 'new' | 'changed' | 'unchanged' | 'invalid' | 'skipped';

export type ServerCheck =
  | { state: 'waiting' | 'running' }
  | { state: 'passed' }
  | { state: 'refused'; problems: PolicyProblem[] }
  /** The check itself could not run (offline, a 503): not a verdict on the policy. */
  | { state: 'failed'; message: string };

export type ApplyResult =
  | { kind: 'applied'; version: number; created: boolean; notKept: string[] }
  /** The server already held this content (applied before a reload, or by someone else). */
  | { kind: 'already'; version: number }
  | { kind: 'conflict'; message: string }
  | { kind: 'refused'; problems: PolicyProblem[] }
  | { kind: 'failed'; message: string };

/** One file of a plan: what it holds, what applying it would do, and what happened when it was applied. */
export interface PlanEntry {
  key: string;
  path: string;
  size: number;
  stage: EntryStage;
  status?: PlanStatus;
  /** Why the file cannot be applied, in words, with the parts at fault. */
  problem?: { message: string; details: string[] };
  notices: string[];
  id?: string;
  /** The policy the file holds, as read. */
  filePolicy?: Policy;
  /** What applying would write (the file, plus secrets kept from the server). */
  policy?: Policy;
  /** The latest version on the server, for changed and unchanged files. */
  latest?: Policy;
  keptSecrets: string[];
  /** Keys the console has no form for, kept and sent as they came. */
  extras: string[];
  diff?: PolicyDiff;
  clientProblems?: PolicyProblem[];
  serverCheck?: ServerCheck;
  selected: boolean;
  result?: ApplyResult;
}

/** Whether a file could be applied now: something to write, and no check against it. */
export function isApplicable(entry: PlanEntry): boolean {
  return (
    entry.stage === 'planned' &&
    (entry.status === 'new' || entry.status === 'changed') &&
    (entry.clientProblems?.length ?? 0) === 0 &&
    entry.serverCheck?.state !== 'refused'
  );
}
