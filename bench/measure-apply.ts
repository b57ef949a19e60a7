import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { BUDGETS } from './lib/budgets';
import { TMP } from './lib/context';
import type { Measurement } from './lib/measurement';
import { armInputToPaint, CpuSamples, readTiming, traceMainThread } from './lib/page-timing';
import { profileDuring, timeTable } from './lib/profile-sources';
import { benchMock, gotoApp, ownMock, withAppPage } from './lib/scenarios';
import { NotAvailable, type Sample } from './lib/types';
import { policySchema, type Policy } from '../src/lib/api/guardian/policy-schema';
import { writeCliFile } from '../src/lib/policy-file';

const UNCHANGED = 20;
const CHANGED = 20;
const NEW = 10;
const FILES = UNCHANGED + CHANGED + NEW;
const TO_APPLY = CHANGED + NEW;
const PLANNED = '.plan-summary[data-phase="planned"]';
const CASES_PER_FILE = 5;

/** Issue 17's catalog (as the catalog section has it): 10,000 generated policies × 5 versions. */
const LARGE_CATALOG = { policyCount: 10_000, versionsPerPolicy: 5 };
/** Ids of the policies other sections create on the shared mock (a 20,000-line one among them). */
const CREATED_BY_THE_BENCH = /^bench_/;

/**
 * The latest version of every policy the mock holds, through its HTTP API — but those other sections
 * created: the folder is the same whether this section runs alone or after them.
 */
async function latestPolicies(mockBase: string): Promise<Policy[]> {
  const response = await fetch(`${mockBase}/api/v1beta1/policies`);
  const { policies } = (await response.json()) as { policies: unknown[] };
  const latest = new Map<string, Policy>();
  for (const row of policies) {
    const parsed = policySchema.safeParse(row);
    if (!parsed.success || CREATED_BY_THE_BENCH.test(parsed.data.id)) continue;
    const known = latest.get(parsed.data.id);
    if (!known || parsed.data.version > known.version) latest.set(parsed.data.id, parsed.data);
  }
  return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The latest versions of the same policies on another mock, read by id (its list is 68.7 MB). */
async function theseOn(mockBase: string, policies: Policy[]): Promise<Policy[]> {
  const found: Policy[] = [];
  for (const { id } of policies) {
    const response = await fetch(`${mockBase}/api/v1beta1/policies/${encodeURIComponent(id)}/versions/0`);
    if (!response.ok) continue;
    const parsed = policySchema.safeParse(((await response.json()) as { policy: unknown }).policy);
    if (parsed.success) found.push(parsed.data);
  }
  return found;
}

/**
 * A git folder as a team would have one: files downloaded from the console (the same writer), a
 * third of them edited, some new policies. Only policies the console's checks accept are used, so
 * every changed and new file goes on to Guardian's dry run.
 */
function writeFolder(policies: Policy[], withCases = false, name = 'apply-folder'): string {
  const root = join(TMP, withCases ? `${name}-cases` : name);
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
    {
      id: 'apply.plan50catalog',
      label: `Plan ${FILES} files against a 10,000-policy catalog (×5 versions, a 68.7 MB list)`,
      unit: 'ms',
      budget: BUDGETS.planFiftyFilesMs,
      digits: 0,
    },
    {
      id: 'apply.longestTaskCatalog',
      label: 'Longest main-thread task while planning against a 10,000-policy catalog',
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
    const browser = await ctx.browser();
    const results: { samples: Record<string, Sample>; details: string } = await withAppPage(ctx, async (page) => {
      const planOnce = (withCases = false) => planFolder(page, withCases ? casesFolder : folder, withCases);
      await openApplyPage(page, servers.app);
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
          `frame in which the Apply button offers all ${TO_APPLY} files — every file read, compared with its policy's latest version`,
          `(read by id, ${FILES} requests, 6 at a time), diffed, checked by the editor's rules and by Guardian's dry run (${TO_APPLY} requests, 3 at a time,`,
          'against the local mock with no added latency). The first plan of the page, which also loads the checker and the',
          'YAML reader, is not counted. The longest task says whether the page stays responsive while a folder is planned.',
          'The policies other sections create on the shared mock (`bench_*`, a 20,000-line one among them) are left out of the',
          'folder, so that it is the same whether this section runs alone or after them.',
          `With test cases: the same folder with a \`.cases.yaml\` of ${CASES_PER_FILE} cases beside each policy file, every file's`,
          'cases run in the trace worker against what applying it would write (one job per file, the page given a turn between two),',
          'timed until the plan is done; the cases expect "approved", so the files that fail them stay unselected.',
          '',
          `Against a 10,000-policy catalog: the same folder planned against a mock of its own with ${LARGE_CATALOG.policyCount.toLocaleString('en-US')}`,
          `generated policies × ${LARGE_CATALOG.versionsPerPolicy} versions more (the catalog section's 68.7 MB list), which planning must not read.`,
          '',
          ...timeTable(`Where one plan of ${FILES} files spends the main thread`, profile),
        ].join('\n'),
      };
    });
    // The same folder against a server with 10,000 policies more: planning reads only the policies
    // the files name, so the size of the catalog must not show.
    const large = await ownMock(ctx, 'apply-catalog', LARGE_CATALOG);
    const largeFolder = writeFolder(await theseOn(large.servers.mock, policies), false, 'apply-folder-large');
    const atScale = await withAppPage(ctx, async (page) => {
      await openApplyPage(page, large.servers.app);
      await planFolder(page, largeFolder);
      const walls: number[] = [];
      const longest: number[] = [];
      const longestCpu: number[] = [];
      for (let i = 0; i < ctx.runs; i += 1) {
        const trace = await traceMainThread(browser, page, async () => {
          walls.push(await planFolder(page, largeFolder));
        });
        longest.push(trace.longestMs);
        longestCpu.push(trace.longestCpuMs);
      }
      return { walls, longest, longestCpu };
    });
    results.samples['apply.plan50catalog'] = {
      runs: round(atScale.walls),
      note: 'the same ids, as that server has them; only the policies the files name are read',
    };
    results.samples['apply.longestTaskCatalog'] = {
      runs: round(atScale.longest),
      note: `its own CPU time: ${round(atScale.longestCpu).join(', ')} ms`,
    };
    return results;
  },
};

const round = (values: number[]) => values.map((v) => Math.round(v));

async function openApplyPage(page: Page, app: string): Promise<void> {
  await gotoApp(page, `${app}/policies/apply`);
  await page.getByLabel('A folder of policy files').waitFor({ state: 'attached', timeout: 30_000 });
}

/** Chooses a folder on "Apply from files": ms from the input's `change` to the frame with every file planned. */
async function planFolder(page: Page, folder: string, withCases = false): Promise<number> {
  await armInputToPaint(page, { eventType: 'change', until: { selector: PLANNED } });
  await page.getByLabel('A folder of policy files').setInputFiles(folder);
  const ms = await readTiming(page, 60_000);
  const counts = await page.locator('.plan-summary__counts').innerText();
  const plain = `${NEW} new · ${CHANGED} changed · ${UNCHANGED} unchanged`;
  const expected = withCases ? `${FILES * 2} files: ${plain} · ${FILES} test-case files` : `${FILES} files: ${plain}`;
  if (counts !== expected) throw new Error(`the plan says “${counts}”, not “${expected}”`);
  return ms;
}
