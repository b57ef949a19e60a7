import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { yieldToMain } from '@/lib/scheduling/in-slices';
import { diffPolicies } from '@/features/policy-diff';
import type { PolicyProblem } from '@/features/policy-editor';
import { loadTestCases, type CaseResult, type TestCase } from '@/features/appeal-trace';
import { attachCasesFiles, isCasesFilePath, readCasesFile, type ReadCasesFile } from './cases-files';
import { classify, duplicateIds } from './classify';
import {
  casesNeedAttention,
  casesPending,
  isApplicable,
  type EntryCases,
  type PlanEntry,
  type ServerCheck,
} from './plan-entry';
import type { PlanStore } from './plan-store';
import { PolicyFileReader } from './policy-file-reader';
import type { ScreenedFile } from './screen-file';
import { isHiddenPath, type SourceFile } from './source-file';
import { concurrencyLimit } from './concurrently';
import { LatestLookups } from './latest-lookups';

/** What planning needs from the world: the server's latest versions, Guardian's dry run, the editor's checks. */
export interface PlanDeps {
  /** The latest version of one policy on the server; undefined when it has none (a new policy). */
  latestVersion: (id: string, signal: AbortSignal) => Promise<Policy | undefined>;
  /** Guardian's `dry_run` of a create (new) or update (changed): resolves when it would accept. */
  dryRun: (policy: Policy, isNew: boolean, signal: AbortSignal) => Promise<ServerCheck>;
  checkPolicy: (policy: Policy, isNew: boolean) => Promise<PolicyProblem[]>;
  /** The test cases this browser keeps for a policy id. */
  storedCases: (policyId: string) => Promise<readonly TestCase[]>;
  /** Runs test cases against a policy on the target in Settings, off the page's thread. */
  runCases: (policy: Policy, cases: readonly TestCase[]) => Promise<CaseResult[]>;
}

export interface PlanOutcome {
  /** Files in hidden folders (`.git/…`), not shown. */
  hidden: number;
  /** A latest version could not be read from the server (the first such error): its files are not compared. */
  serverError?: unknown;
}

/** Dry runs at once: enough to plan a folder quickly, few enough not to flood the server. */
const DRY_RUN_CONCURRENCY = 3;
/** Latest-version reads at once (small answers): as many as a browser opens to one host. */
const LATEST_CONCURRENCY = 6;
/** Files sent to the reading worker before the first answer is taken (each at most 2 MB). */
const READ_AHEAD = 8;

function newEntry(file: SourceFile, index: number): PlanEntry {
  return {
    key: `${index}:${file.path}`,
    path: file.path,
    size: file.size,
    stage: 'waiting',
    notices: [],
    keptSecrets: [],
    extras: [],
    selected: false,
  };
}

/**
 * A file that would be written is planned, and selected when nothing stands against it, once both
 * Guardian's dry run and its test cases have answered (whichever comes last decides).
 */
function settle(store: PlanStore, key: string): void {
  store.update(key, (entry) => {
    const checked = entry.serverCheck?.state !== 'waiting' && entry.serverCheck?.state !== 'running';
    if (entry.stage !== 'checking' || !checked || casesPending(entry)) return {};
    const planned = { ...entry, stage: 'planned' as const };
    return { stage: 'planned', selected: isApplicable(planned) && !casesNeedAttention(planned) };
  });
}

const fileCases = (cases: EntryCases): readonly TestCase[] =>
  cases.state === 'waiting' && cases.source.kind === 'file' ? cases.source.cases : [];

/** The cases this browser keeps for a policy: none is no line at all; unreadable ones say so. */
async function browserCases(
  policyId: string,
  deps: PlanDeps,
): Promise<{ entryCases: EntryCases; toRun: readonly TestCase[] }> {
  const source = { kind: 'browser' } as const;
  try {
    const toRun = await deps.storedCases(policyId);
    return {
      entryCases: toRun.length > 0 ? { state: 'waiting', source, count: toRun.length } : { state: 'none' },
      toRun,
    };
  } catch (error) {
    const message = `The test cases this browser keeps could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { entryCases: { state: 'failed', source, message }, toRun: [] };
  }
}

/** Runs one entry's cases and keeps their verdicts (not their traces: a folder can hold many). */
async function runEntryCases(store: PlanStore, key: string, cases: readonly TestCase[], deps: PlanDeps): Promise<void> {
  const entry = store.get(key);
  if (entry?.cases?.state !== 'waiting' || !entry.policy) return;
  const { source } = entry.cases;
  store.update(key, { cases: { state: 'running', source, count: cases.length } });
  try {
    const results = cases.length > 0 ? await deps.runCases(entry.policy, cases) : [];
    const { caseTraceQuery } = await loadTestCases();
    store.update(key, {
      cases: {
        state: 'done',
        source,
        results: results.map((result, i) => ({
          name: result.name,
          pass: result.pass,
          reason: result.reason,
          traceQuery: caseTraceQuery(cases[i]!),
        })),
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    store.update(key, { cases: { state: 'failed', source, message: `The cases could not run: ${message}` } });
  }
  settle(store, key);
}

/** What a policy file holds, into its entry; its policy's latest version is asked for if it names one. */
function takeReading(store: PlanStore, key: string, screened: ScreenedFile, latest: LatestLookups): void {
  if (!screened.ok) {
    const skipped = screened.problem === 'not-a-policy-file';
    store.update(key, {
      stage: 'planned',
      status: skipped ? 'skipped' : 'invalid',
      problem: { message: screened.message, details: [] },
    });
  } else if (!screened.reading.ok) {
    store.update(key, {
      stage: 'planned',
      status: 'invalid',
      problem: { message: screened.reading.message, details: screened.reading.details },
    });
  } else {
    const { policy, notices, extras } = screened.reading;
    // A CLI file says appeal_config: expected here, not worth a line per file.
    const worthSaying = notices.filter((notice) => notice.kind !== 'appeal-config').map((notice) => notice.text);
    store.update(key, { stage: 'comparing', id: policy.id, filePolicy: policy, notices: worthSaying, extras });
    latest.want(policy.id);
  }
}

/**
 * Plans a set of files: reads each in a worker (a few at once; the page takes each reading in a task
 * of its own, so neither a large file nor a large folder holds it still), finds duplicate ids, compares each
 * policy with its latest version on the server (asked for by id, never the whole list), runs the
 * editor's checks, Guardian's dry run and the policy's test cases (from a `.cases.yaml` beside it,
 * or else those this browser keeps). A file that fails at any point gets its own message; the
 * others go on.
 */
export async function runPlan(
  files: readonly SourceFile[],
  store: PlanStore,
  deps: PlanDeps,
  signal: AbortSignal,
): Promise<PlanOutcome> {
  const visible = files.filter((file) => !isHiddenPath(file.path));
  const casesFiles = visible.filter((file) => isCasesFilePath(file.path));
  const policyFiles = visible.filter((file) => !isCasesFilePath(file.path));
  const sources = new Map<string, SourceFile>();
  const entries = policyFiles.map((file, i) => {
    const entry = newEntry(file, i);
    sources.set(entry.key, file);
    return entry;
  });
  store.reset(entries);
  const outcome: PlanOutcome = { hidden: files.length - visible.length };

  // Each policy's latest version is asked for as soon as its file names it, while the rest are read.
  const latest = new LatestLookups(deps.latestVersion, LATEST_CONCURRENCY, signal);

  // A few files are in the worker at once, so that none waits for the page's turn to be sent; the
  // page takes their readings in order, one per task.
  const reader = new PolicyFileReader();
  const readings: Promise<ScreenedFile>[] = [];
  const startReading = (i: number) => {
    if (i >= entries.length) return;
    store.update(entries[i]!.key, { stage: 'reading' });
    readings[i] = reader.screen(sources.get(entries[i]!.key)!);
    // Awaited below, unless planning is cancelled first.
    readings[i].catch(() => undefined);
  };
  try {
    for (let i = 0; i < READ_AHEAD; i += 1) startReading(i);
    for (const [i, entry] of entries.entries()) {
      signal.throwIfAborted();
      const screened = await readings[i]!;
      startReading(i + READ_AHEAD);
      takeReading(store, entry.key, screened, latest);
      await yieldToMain();
    }
  } finally {
    reader.close();
  }

  const read = store.getEntries().filter((entry) => entry.stage === 'comparing');
  for (const [id, paths] of duplicateIds(read.map((entry) => ({ path: entry.path, id: entry.id })))) {
    for (const entry of read.filter((e) => e.id === id)) {
      store.update(entry.key, {
        stage: 'planned',
        status: 'invalid',
        problem: {
          message: `${paths.length} files name the policy “${id}”: keep one of them. None of them is applied.`,
          details: paths,
        },
      });
    }
  }

  // Cases files are read once every policy file is: each goes with the policy file of its id.
  const readCases: ReadCasesFile[] = [];
  const casesApi = casesFiles.length > 0 ? await loadTestCases() : undefined;
  for (const file of casesFiles) {
    signal.throwIfAborted();
    readCases.push(await readCasesFile(file, casesApi!));
    await yieldToMain();
  }
  const attached = casesApi ? attachCasesFiles(readCases, store.getEntries(), casesApi) : undefined;
  if (attached && attached.rows.length > 0) store.reset([...store.getEntries(), ...attached.rows]);

  // Each file that would be written is checked as soon as it is compared (the editor's checks, then
  // Guardian's dry run, a few at a time) while the others are still being compared.
  const checkLane = concurrencyLimit(DRY_RUN_CONCURRENCY);
  const checks: Promise<void>[] = [];
  const check = async (key: string) => {
    signal.throwIfAborted();
    const entry = store.get(key)!;
    const isNew = entry.status === 'new';
    const problems = await deps.checkPolicy(entry.policy!, isNew);
    signal.throwIfAborted();
    store.update(key, { clientProblems: problems, serverCheck: { state: 'running' } });
    const serverCheck = await deps.dryRun(entry.policy!, isNew, signal);
    store.update(key, { serverCheck });
    settle(store, key);
  };
  const withCases: { key: string; cases: readonly TestCase[]; unchanged: boolean }[] = [];
  for (const entry of store.getEntries()) {
    if (entry.stage !== 'comparing' || !entry.filePolicy) continue;
    const server = await latest.get(entry.filePolicy.id);
    signal.throwIfAborted();
    if (!server.ok) {
      // Not compared, so neither new nor changed: nothing to apply until the server answers.
      outcome.serverError ??= server.error;
      store.update(entry.key, { stage: 'planned' });
      continue;
    }
    const classified = classify(entry.filePolicy, server.latest);
    const unchanged = classified.status === 'unchanged';
    const before = classified.status === 'new' ? policySchema.parse({ id: classified.policy.id }) : classified.latest;
    const after = { ...classified.policy, version: classified.status === 'new' ? 1 : before.version + 1 };
    const fromFile = attached?.byEntry.get(entry.key);
    const found = fromFile
      ? { entryCases: fromFile, toRun: fileCases(fromFile) }
      : await browserCases(classified.policy.id, deps);
    signal.throwIfAborted();
    store.update(entry.key, {
      stage: unchanged ? 'planned' : 'checking',
      status: classified.status,
      policy: classified.policy,
      latest: classified.status === 'new' ? undefined : classified.latest,
      keptSecrets: classified.status === 'new' ? [] : classified.keptSecrets,
      diff: unchanged ? undefined : diffPolicies(before, after),
      // Set with the rest, so that neither the checks nor the cases settle the file without the other.
      cases: found.entryCases,
      ...(unchanged ? {} : { serverCheck: { state: 'waiting' as const } }),
    });
    if (found.entryCases.state === 'waiting') withCases.push({ key: entry.key, cases: found.toRun, unchanged });
    if (!unchanged) {
      const checking = checkLane(() => check(entry.key));
      // Awaited below, unless planning is cancelled first.
      checking.catch(() => undefined);
      checks.push(checking);
    }
    await yieldToMain();
  }

  // The worker runs one job at a time: files that would be written first, so that they are
  // planned (and selectable) soonest; the page gets a turn between two files.
  const casesRuns = (async () => {
    for (const { key, cases } of [...withCases].sort((a, b) => Number(a.unchanged) - Number(b.unchanged))) {
      signal.throwIfAborted();
      await runEntryCases(store, key, cases, deps);
      await yieldToMain();
    }
  })();
  await Promise.all([Promise.all(checks), casesRuns]);
  return outcome;
}
