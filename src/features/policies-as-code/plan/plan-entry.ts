import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { PolicyDiff } from '@/features/policy-diff';
import type { PolicyProblem } from '@/features/policy-editor';
import type { TestCase } from '@/features/appeal-trace';

/** Where a file is on its way from the folder to the server. */
type EntryStage = 'waiting' | 'reading' | 'comparing' | 'checking' | 'planned' | 'applying' | 'applied' | 'failed';

/** `cases`: a test-case file that needs a row of its own (no policy file to go with, or problems). */
export type PlanStatus = 'new' | 'changed' | 'unchanged' | 'invalid' | 'skipped' | 'cases';

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

/** Where a policy's test cases came from: a `.cases.yaml` beside it in the folder, or this browser. */
export type CasesSource =
  | {
      kind: 'file';
      path: string;
      /** As read against the file's policy: kept to offer them to this browser once applied. */
      cases: readonly TestCase[];
      /** Cases of the file that could not be read (said in the file's own row). */
      leftOut: number;
    }
  | { kind: 'browser' };

/** One case's verdict. The trace itself is not kept: the query rebuilds it in the trace view. */
interface CaseVerdict {
  name: string;
  pass: boolean;
  reason: string;
  traceQuery: string;
}

export type EntryCases =
  | { state: 'none' }
  | { state: 'waiting' | 'running'; source: CasesSource; count: number }
  | { state: 'done'; source: CasesSource; results: CaseVerdict[] }
  /** The cases could not run (a case that runs too long, an unreadable or doubled file). */
  | { state: 'failed'; source?: CasesSource; message: string };

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
  /** The policy's test cases, run against what applying would write. */
  cases?: EntryCases;
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

/**
 * Test cases that fail, or could not all run: a problem the admin acknowledges by selecting the
 * file themselves (it is never selected for them).
 */
export function casesNeedAttention(entry: PlanEntry): boolean {
  const cases = entry.cases;
  if (!cases || cases.state === 'none') return false;
  if (cases.state === 'failed') return true;
  if (cases.source.kind === 'file' && cases.source.leftOut > 0) return true;
  return cases.state === 'done' && cases.results.some((result) => !result.pass);
}

/** Whether the test cases are still to run or running. */
export const casesPending = (entry: PlanEntry): boolean =>
  entry.cases?.state === 'waiting' || entry.cases?.state === 'running';
