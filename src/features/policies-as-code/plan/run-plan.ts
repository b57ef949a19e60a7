import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { yieldToMain } from '@/lib/scheduling/in-slices';
import { diffPolicies } from '@/features/policy-diff';
import type { PolicyProblem } from '@/features/policy-editor';
import { classify, duplicateIds } from './classify';
import { isApplicable, type PlanEntry, type ServerCheck } from './plan-entry';
import type { PlanStore } from './plan-store';
import { screenFile } from './screen-file';
import { isHiddenPath, type SourceFile } from './source-file';
import { forEachConcurrently } from './concurrently';

/** What planning needs from the world: the server's latest versions, Guardian's dry run, the editor's checks. */
export interface PlanDeps {
  /** The latest version of every policy on the server, by id. */
  latestVersions: (signal: AbortSignal) => Promise<Map<string, Policy>>;
  /** Guardian's `dry_run` of a create (new) or update (changed): resolves when it would accept. */
  dryRun: (policy: Policy, isNew: boolean, signal: AbortSignal) => Promise<ServerCheck>;
  checkPolicy: (policy: Policy, isNew: boolean) => Promise<PolicyProblem[]>;
}

export interface PlanOutcome {
  /** Files in hidden folders (`.git/…`), not shown. */
  hidden: number;
  /** The server's versions could not be read: nothing could be compared. */
  serverError?: unknown;
}

/** Dry runs at once: enough to plan a folder quickly, few enough not to flood the server. */
const DRY_RUN_CONCURRENCY = 3;

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
 * Plans a set of files: reads each (one at a time, giving the page back in between, so a large
 * folder never holds it still), finds duplicate ids, compares each policy with the latest version on
 * the server, runs the editor's checks and Guardian's dry run. A file that fails at any point gets
 * its own message; the others go on.
 */
export async function runPlan(
  files: readonly SourceFile[],
  store: PlanStore,
  deps: PlanDeps,
  signal: AbortSignal,
): Promise<PlanOutcome> {
  const visible = files.filter((file) => !isHiddenPath(file.path));
  const sources = new Map<string, SourceFile>();
  const entries = visible.map((file, i) => {
    const entry = newEntry(file, i);
    sources.set(entry.key, file);
    return entry;
  });
  store.reset(entries);
  const outcome: PlanOutcome = { hidden: files.length - visible.length };

  const latest = deps.latestVersions(signal).then(
    (map) => ({ ok: true as const, map }),
    (error: unknown) => ({ ok: false as const, error }),
  );

  for (const entry of entries) {
    signal.throwIfAborted();
    store.update(entry.key, { stage: 'reading' });
    const screened = await screenFile(sources.get(entry.key)!);
    if (!screened.ok) {
      const skipped = screened.problem === 'not-a-policy-file';
      store.update(entry.key, {
        stage: 'planned',
        status: skipped ? 'skipped' : 'invalid',
        problem: { message: screened.message, details: [] },
      });
    } else if (!screened.reading.ok) {
      store.update(entry.key, {
        stage: 'planned',
        status: 'invalid',
        problem: { message: screened.reading.message, details: screened.reading.details },
      });
    } else {
      const { policy, notices, extras } = screened.reading;
      // A CLI file says appeal_config: expected here, not worth a line per file.
      const worthSaying = notices.filter((notice) => notice.kind !== 'appeal-config').map((notice) => notice.text);
      store.update(entry.key, { stage: 'comparing', id: policy.id, filePolicy: policy, notices: worthSaying, extras });
    }
    await yieldToMain();
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

  const server = await latest;
  signal.throwIfAborted();
  if (!server.ok) {
    outcome.serverError = server.error;
    for (const entry of store.getEntries()) {
      if (entry.stage === 'comparing') store.update(entry.key, { stage: 'planned' });
    }
    return outcome;
  }

  const toCheck: PlanEntry[] = [];
  for (const entry of store.getEntries()) {
    if (entry.stage !== 'comparing' || !entry.filePolicy) continue;
    const classified = classify(entry.filePolicy, server.map.get(entry.filePolicy.id));
    const before = classified.status === 'new' ? policySchema.parse({ id: classified.policy.id }) : classified.latest;
    const after = { ...classified.policy, version: classified.status === 'new' ? 1 : before.version + 1 };
    store.update(entry.key, {
      stage: classified.status === 'unchanged' ? 'planned' : 'checking',
      status: classified.status,
      policy: classified.policy,
      latest: classified.status === 'new' ? undefined : classified.latest,
      keptSecrets: classified.status === 'new' ? [] : classified.keptSecrets,
      diff: classified.status === 'unchanged' ? undefined : diffPolicies(before, after),
    });
    if (classified.status !== 'unchanged') toCheck.push(store.get(entry.key)!);
    await yieldToMain();
  }

  for (const entry of toCheck) {
    const problems = await deps.checkPolicy(entry.policy!, entry.status === 'new');
    store.update(entry.key, { clientProblems: problems, serverCheck: { state: 'waiting' } });
    await yieldToMain();
  }
  await forEachConcurrently(toCheck, DRY_RUN_CONCURRENCY, async (entry) => {
    signal.throwIfAborted();
    store.update(entry.key, { serverCheck: { state: 'running' } });
    const check = await deps.dryRun(entry.policy!, entry.status === 'new', signal);
    store.update(entry.key, { stage: 'planned', serverCheck: check });
    store.update(entry.key, (current) => ({ selected: isApplicable(current) }));
  });
  return outcome;
}
