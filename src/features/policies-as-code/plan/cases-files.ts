import type { FileProblem, ParsedCasesFile, loadTestCases } from '@/features/appeal-trace';
import type { EntryCases, PlanEntry } from './plan-entry';
import { readTextFile } from './screen-file';
import type { SourceFile } from './source-file';

export type CasesApi = Awaited<ReturnType<typeof loadTestCases>>;

const CASES_SUFFIX = /\.cases\.ya?ml$/i;
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** `bigquery.cases.yaml` (or `.cases.yml`): a policy's test cases (docs/test-cases.md), not a policy file. */
export const isCasesFilePath = (path: string): boolean => CASES_SUFFIX.test(baseName(path));

/** A cases file as read from the folder, before it meets its policy. */
export interface ReadCasesFile {
  file: SourceFile;
  /** The policy it is for: its `policy:` key, or else its name (`X.cases.yaml` → `X`). */
  policyId: string;
  text?: string;
  /** Why it is not a cases file at all (too large, binary, not YAML, not a map with `cases`). */
  problem?: string;
  /** Read without a policy: how many cases it holds, and those that cannot load whatever the policy. */
  alone?: ParsedCasesFile;
}

/** The whole file refused (not YAML, no `cases` list): the parser's one message, else undefined. */
function refusal(parsed: ParsedCasesFile): string | undefined {
  return parsed.cases.length === 0 ? parsed.problems.find((p) => p.index === undefined)?.message : undefined;
}

export async function readCasesFile(file: SourceFile, api: CasesApi): Promise<ReadCasesFile> {
  const byName = baseName(file.path).replace(CASES_SUFFIX, '');
  const read = await readTextFile(file, 'test-case file');
  if (!read.ok) return { file, policyId: byName, problem: read.message };
  // Steps are unknown here: whether a case's step exists is only said against the policy.
  const alone = api.parseCasesFile(read.text, { id: byName, requirements: [], steps: [] });
  const policyId = alone.policy ?? byName;
  const problem = refusal(alone);
  return problem ? { file, policyId, problem } : { file, policyId, text: read.text, alone };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describeFileProblem(problem: FileProblem): string {
  if (problem.index === undefined) return problem.message;
  return `Case ${problem.index}${problem.name ? ` “${problem.name}”` : ''}: ${problem.message}`;
}

function casesRow(file: SourceFile, policyId: string, message: string, details: string[] = []): PlanEntry {
  return {
    key: `cases:${file.path}`,
    path: file.path,
    size: file.size,
    stage: 'planned',
    status: 'cases',
    id: policyId,
    problem: { message, details },
    notices: [],
    keptSecrets: [],
    extras: [],
    selected: false,
  };
}

/** The policy file named like a cases file (`a.cases.yaml` → `a.yaml`, `a.json`), in the same folder. */
function twinOf(casesPath: string, entries: readonly PlanEntry[]): PlanEntry | undefined {
  const stem = casesPath.replace(CASES_SUFFIX, '');
  return entries.find((entry) => entry.filePolicy && entry.path.replace(/\.(ya?ml|json)$/i, '') === stem);
}

interface AttachedCases {
  /** Rows for the cases files that need one: no policy file to go with, or problems. */
  rows: PlanEntry[];
  /** The folder's cases of each policy entry (by entry key), or why they cannot run. */
  byEntry: Map<string, EntryCases>;
}

/**
 * Gives each cases file to the policy file with its id, read against that policy (its defaults and
 * step names). A file that cannot be used says why in a row of its own; a policy whose cases file
 * could not be used says so instead of running the cases this browser keeps.
 */
export function attachCasesFiles(files: readonly ReadCasesFile[], entries: readonly PlanEntry[], api: CasesApi) {
  const attached: AttachedCases = { rows: [], byEntry: new Map() };
  const byPolicy = new Map<string, ReadCasesFile[]>();
  for (const file of files) byPolicy.set(file.policyId, [...(byPolicy.get(file.policyId) ?? []), file]);

  for (const [policyId, group] of byPolicy) {
    const policyEntries = entries.filter((entry) => entry.id === policyId);
    const entry = policyEntries.length === 1 && policyEntries[0]!.filePolicy ? policyEntries[0] : undefined;
    const usable = entry && entry.status !== 'invalid' ? entry : undefined;
    if (group.length > 1) {
      const paths = group.map((f) => f.file.path);
      for (const f of group) {
        attached.rows.push(
          casesRow(
            f.file,
            policyId,
            `${group.length} test-case files name the policy “${policyId}”: keep one of them. None of them is run.`,
            paths,
          ),
        );
      }
      if (usable) {
        attached.byEntry.set(usable.key, {
          state: 'failed',
          message: `${group.length} test-case files in this folder name this policy; none of them was run.`,
        });
      }
      continue;
    }
    const read = group[0]!;
    if (read.problem !== undefined || read.text === undefined) {
      attached.rows.push(casesRow(read.file, policyId, read.problem ?? 'This file could not be read.'));
      if (usable) {
        attached.byEntry.set(usable.key, {
          state: 'failed',
          message: `Its test-case file ${read.file.path} could not be read: see that file’s row.`,
        });
      }
      continue;
    }
    const count = read.alone?.cases.length ?? 0;
    if (!usable) {
      const leftOut = (read.alone?.problems ?? []).filter((p) => p.leftOut).map(describeFileProblem);
      const why =
        policyEntries.length > 0
          ? `The policy file for “${policyId}” cannot be applied (see its row), so`
          : `No policy file in this folder has the id “${policyId}”, so`;
      // `a.cases.yaml` beside an `a.yaml` whose policy has another id: most likely meant for it.
      const twin = policyEntries.length === 0 ? twinOf(read.file.path, entries) : undefined;
      const hint = twin
        ? ` ${twin.path} holds “${twin.id}”: if these cases are for it, add “policy: ${twin.id}” to this file.`
        : ' Keep it beside that policy’s file, or import it in the policy’s trace view.';
      attached.rows.push(
        casesRow(read.file, policyId, `${why} its ${plural(count, 'case was', 'cases were')} not run.${hint}`, leftOut),
      );
      continue;
    }
    const parsed = api.parseCasesFile(read.text, usable.filePolicy!);
    const leftOut = parsed.problems.filter((p) => p.leftOut).length;
    if (parsed.problems.length > 0) {
      const readCount = `${plural(parsed.cases.length, 'case', 'cases')} of this file ${parsed.cases.length === 1 ? 'runs' : 'run'} with ${usable.path}`;
      attached.rows.push(
        casesRow(
          read.file,
          policyId,
          `${plural(parsed.problems.length, 'problem', 'problems')} in the test cases of “${policyId}”; ${leftOut > 0 ? `${plural(leftOut, 'case was', 'cases were')} left out, and ` : ''}${readCount}.`,
          parsed.problems.map(describeFileProblem),
        ),
      );
    }
    attached.byEntry.set(usable.key, {
      state: 'waiting',
      source: { kind: 'file', path: read.file.path, cases: parsed.cases, leftOut },
      count: parsed.cases.length,
    });
  }
  return attached;
}
