import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS } from './lib/budgets';
import { TMP } from './lib/context';
import type { Measurement } from './lib/measurement';
import { armInputToPaint, CpuSamples, readTiming, traceMainThread } from './lib/page-timing';
import { profileDuring, timeTable } from './lib/profile-sources';
import { benchMock, gotoApp, withAppPage } from './lib/scenarios';
import { NotAvailable } from './lib/types';
import { policySchema, type Policy } from '../src/lib/api/guardian/policy-schema';
import { writeCliFile } from '../src/lib/policy-file';

const UNCHANGED = 20;
const CHANGED = 20;
const NEW = 10;
const FILES = UNCHANGED + CHANGED + NEW;
const TO_APPLY = CHANGED + NEW;
const PLANNED = '.plan-summary[data-phase="planned"]';
const CASES_PER_FILE = 5;

/** The latest version of every policy the mock holds, through its HTTP API. */
async function latestPolicies(mockBase: string): Promise<Policy[]> {
  const response = await fetch(`${mockBase}/api/v1beta1/policies`);
  const { policies } = (await response.json()) as { policies: unknown[] };
  const latest = new Map<string, Policy>();
  for (const row of policies) {
    const parsed = policySchema.safeParse(row);
    if (!parsed.success) continue;
    const known = latest.get(parsed.data.id);
    if (!known || parsed.data.version > known.version) latest.set(parsed.data.id, parsed.data);
  }
  return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * A git folder as a team would have one: files downloaded from the console (the same writer), a
 * third of them edited, some new policies. Only policies the console's checks accept are used, so
 * every changed and new file goes on to Guardian's dry run.
 */
function writeFolder(policies: Policy[], withCases = false): string {
  const root = join(TMP, withCases ? 'apply-folder-cases' : 'apply-folder');
  const dir = join(root, 'policies');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const usable = policies.filter((p) => p.steps.length > 0);
  if (usable.length < UNCHANGED + CHANGED) {
    throw new NotAvailable(`the mock holds ${usable.length} policies; the folder needs ${UNCHANGED + CHANGED}`);
  }
  usable.slice(0, UNCHANGED).forEach((policy) => {
    writeFileSync(join(dir, `${policy.id}.yaml`), writeCliFile(policy, { dialect: 'raystack' }).text);
  });
  usable.slice(UNCHANGED, UNCHANGED + CHANGED).forEach((policy) => {
    const edited = { ...policy, description: `${policy.description ?? ''} (edited in git)` };
    writeFileSync(join(dir, `${policy.id}.yaml`), writeCliFile(edited, { dialect: 'raystack' }).text);
  });
  for (let i = 0; i < NEW; i += 1) {
    const template = usable[i]!;
    const fresh = { ...template, id: `bench_apply_new_${i}`, version: 0 };
    writeFileSync(join(dir, `${fresh.id}.yaml`), writeCliFile(fresh, { dialect: 'raystack' }).text);
  }
  if (withCases) {
    for (const policy of usable.slice(0, UNCHANGED + CHANGED))
      writeFileSync(join(dir, `${policy.id}.cases.yaml`), casesFile());
    for (let i = 0; i < NEW; i += 1) writeFileSync(join(dir, `bench_apply_new_${i}.cases.yaml`), casesFile());
  }
  return root;
}

/**
 * A `.cases.yaml` (docs/test-cases.md) of CASES_PER_FILE appeals, named by its file: whatever the
 * policy, each case runs every step's expressions (their outcome does not matter here).
 */
function casesFile(): string {
  const cases = Array.from(
    { length: CASES_PER_FILE },
    (_, i) =>
      `  - name: case ${i}\n    created_by: user${i}@example.com\n    iam: { email: user${i}@example.com, team: t${i % 3} }\n    expect: { outcome: approved }\n`,
  );
  return `version: 1\ncases:\n${cases.join('')}`;
}

export const apply: Measurement = {
  id: 'apply',
  title: 'Apply from files (planning a folder of 50 policy files, production build + mock HTTP server)',
  metrics: [
    {
      id: 'apply.plan50',
      label: `Plan ${FILES} files (folder chosen → every file planned)`,
      unit: 'ms',
      budget: BUDGETS.planFiftyFilesMs,
      digits: 0,
    },
    {
      id: 'apply.longestTask',
      label: 'Longest main-thread task while planning',
      unit: 'ms',
      budget: BUDGETS.planLongestTaskMs,
      digits: 0,
    },
    { id: 'apply.cpu', label: 'Main-thread CPU, planning 50 files', unit: 'ms', digits: 0 },
    {
      id: 'apply.plan50cases',
      label: `Plan ${FILES} files, each with a .cases.yaml of ${CASES_PER_FILE} cases (run in the trace worker)`,
      unit: 'ms',
      digits: 0,
    },
    {
      id: 'apply.longestTaskCases',
      label: 'Longest main-thread task while planning with test cases',
      unit: 'ms',
      budget: BUDGETS.planLongestTaskMs,
      digits: 0,
    },
  ],
  async measure(ctx) {
    const { servers } = await benchMock(ctx);
    const policies = await latestPolicies(servers.mock);
    const folder = writeFolder(policies);
    const casesFolder = writeFolder(policies, true);
    return withAppPage(ctx, async (page) => {
      const browser = await ctx.browser();
      const input = page.getByLabel('A folder of policy files');
      const planOnce = async (withCases = false) => {
        await armInputToPaint(page, { eventType: 'change', until: { selector: PLANNED } });
        await input.setInputFiles(withCases ? casesFolder : folder);
        const ms = await readTiming(page, 60_000);
        const counts = await page.locator('.plan-summary__counts').innerText();
        const plain = `${NEW} new · ${CHANGED} changed · ${UNCHANGED} unchanged`;
        const expected = withCases
          ? `${FILES * 2} files: ${plain} · ${FILES} test-case files`
          : `${FILES} files: ${plain}`;
        if (counts !== expected) throw new Error(`the plan says “${counts}”, not “${expected}”`);
        return ms;
      };
      await gotoApp(page, `${servers.app}/policies/apply`);
      await input.waitFor({ state: 'attached', timeout: 30_000 });
      // The first plan also loads the checker, the diff and the YAML reader: warm-up, not counted.
      await planOnce();
      const walls: number[] = [];
      const longest: number[] = [];
      const longestCpu: number[] = [];
      const cpu = new CpuSamples();
      for (let i = 0; i < ctx.runs; i += 1) {
        const trace = await traceMainThread(browser, page, async () => {
          walls.push(await planOnce());
        });
        longest.push(trace.longestMs);
        longestCpu.push(trace.longestCpuMs);
        cpu.add(trace);
      }
      // The same folder with a cases file per policy: the first plan loads the cases reader.
      await planOnce(true);
      const wallsCases: number[] = [];
      const longestCases: number[] = [];
      const longestCasesCpu: number[] = [];
      for (let i = 0; i < ctx.runs; i += 1) {
        const trace = await traceMainThread(browser, page, async () => {
          wallsCases.push(await planOnce(true));
        });
        longestCases.push(trace.longestMs);
        longestCasesCpu.push(trace.longestCpuMs);
      }
      const dist = await ctx.build('production');
      const profile = await profileDuring(page, dist, async () => {
        await planOnce();
      });
      const round = (values: number[]) => values.map((v) => Math.round(v));
      return {
        samples: {
          'apply.plan50': { runs: round(walls), note: `${UNCHANGED} unchanged, ${CHANGED} changed, ${NEW} new` },
          'apply.longestTask': {
            runs: round(longest),
            note: `its own CPU time: ${round(longestCpu).join(', ')} ms (the rest is waiting for a core)`,
          },
          'apply.cpu': cpu.sample(0),
          'apply.plan50cases': {
            runs: round(wallsCases),
            note: `${FILES * CASES_PER_FILE} cases, one file's cases per worker job`,
          },
          'apply.longestTaskCases': {
            runs: round(longestCases),
            note: `its own CPU time: ${round(longestCasesCpu).join(', ')} ms`,
          },
        },
        details: [
          `A folder of ${FILES} CLI files written by the console's own writer from the mock's policies: ${UNCHANGED} as they are on`,
          `the server, ${CHANGED} with an edited description, ${NEW} new. Timed from the folder input's \`change\` event to the first`,
          `frame in which the Apply button offers all ${TO_APPLY} files — every file read, compared with the latest version (one`,
          `list request), diffed, checked by the editor's rules and by Guardian's dry run (${TO_APPLY} requests, 3 at a time,`,
          'against the local mock with no added latency). The first plan of the page, which also loads the checker and the',
          'YAML reader, is not counted. The longest task says whether the page stays responsive while a folder is planned.',
          `With test cases: the same folder with a \`.cases.yaml\` of ${CASES_PER_FILE} cases beside each policy file, every file's`,
          'cases run in the trace worker against what applying it would write (one job per file, the page given a turn between two),',
          'timed until the plan is done; the cases expect "approved", so the files that fail them stay unselected.',
          '',
          ...timeTable(`Where one plan of ${FILES} files spends the main thread`, profile),
        ].join('\n'),
      };
    });
  },
};
