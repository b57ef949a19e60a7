import { BUDGETS } from './lib/budgets';
import { median } from './lib/stats';
import type { BenchContext } from './lib/context';
import { part, type Measurement } from './lib/measurement';
import { runNodeTask } from './lib/node-task';
import YAML from 'yaml';
import { bigPolicy, revisedPolicy } from './lib/fixtures';
import { armInputToPaint, CpuSamples, preparedClick, readTiming, traceMainThread } from './lib/page-timing';
import { profileDuring, timeTable } from './lib/profile-sources';
import { benchMock, gotoApp, withAppPage } from './lib/scenarios';
import type { Sample } from './lib/types';

const LINES = 20_000;

interface StructuralResult {
  samples: number[];
  cpuSamples: number[];
  cold: number;
  changes: number;
  steps: number;
  source: string;
}

async function structural(ctx: BenchContext): Promise<Record<string, Sample>> {
  const result = await runNodeTask<StructuralResult>('structural-diff', [String(Math.max(ctx.runs, 15))]);
  return {
    'diff.structural': {
      runs: result.cpuSamples.map((cpu, i) => Math.round(Math.min(cpu, result.samples[i]!) * 100) / 100),
      note: `${result.steps} steps each (case from ${result.source}), ${result.changes} changes found; wall clock ${median(result.samples).toFixed(1)} ms; first (cold) call ${result.cold.toFixed(1)} ms`,
    },
  };
}

/** Steps that make the policy's YAML ≈ 20,000 lines (what the line view compares). */
function stepsForLines(lines: number): { steps: number; lines: number } {
  let steps = 1000;
  for (;;) {
    const counted = yamlLines(bigPolicy('bench_line_diff', steps));
    if (counted >= lines) return { steps, lines: counted };
    steps = Math.ceil((steps * lines) / counted) + 10;
  }
}

function yamlLines(policy: unknown): number {
  return YAML.stringify(policy).split('\n').length;
}

let lineProfile: string[] = [];

async function lineDiff(ctx: BenchContext): Promise<Record<string, Sample>> {
  const { servers, mock } = await benchMock(ctx);
  const browser = await ctx.browser();
  const { steps, lines } = stepsForLines(LINES);
  const id = await ctx.once('policy:line-diff', async () => {
    const before = bigPolicy('bench_line_diff', steps);
    const created = await mock.createPolicy(before);
    await mock.updatePolicy(created.id, { ...revisedPolicy(before), id: created.id });
    return created.id;
  });
  const longest: number[] = [];
  const shown: number[] = [];
  const cpu = new CpuSamples();
  let over50 = 0;
  for (let run = 0; run < ctx.slowRuns; run += 1) {
    await withAppPage(ctx, async (page) => {
      await gotoApp(page, `${servers.app}/policies/${encodeURIComponent(id)}/diff/1...2`);
      await page.getByRole('radio', { name: 'Split lines' }).waitFor({ state: 'attached', timeout: 30_000 });
      await page.locator('.diff-summary').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      const click = await preparedClick(page, page.locator('label', { hasText: /^Split lines$/ }));
      await armInputToPaint(page, { eventType: 'click', until: { selector: '.ld-cell' } });
      const trace = await traceMainThread(browser, page, async () => {
        await click();
        shown.push(await readTiming(page, 30_000));
        await page.waitForTimeout(200);
      });
      longest.push(Math.round(trace.longestMs));
      cpu.add(trace);
      over50 += trace.over50;
    });
  }
  // Once more under the CPU profiler, to say where the main thread's time goes.
  const profile = await withAppPage(ctx, async (page) => {
    await gotoApp(page, `${servers.app}/policies/${encodeURIComponent(id)}/diff/1...2`);
    await page.locator('.diff-summary').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const click = await preparedClick(page, page.locator('label', { hasText: /^Split lines$/ }));
    await armInputToPaint(page, { eventType: 'click', until: { selector: '.ld-cell' } });
    return profileDuring(page, await ctx.build('production'), async () => {
      await click();
      await readTiming(page, 30_000);
    });
  });
  lineProfile = timeTable('Where the click on “Split lines” spends the main thread', profile);
  return {
    'diff.lineLongestTask': {
      runs: longest,
      note: `YAML of ${steps.toLocaleString('en')} steps ≈ ${lines.toLocaleString('en')} lines a side; ${over50} tasks over 50 ms in all runs`,
    },
    'diff.lineTotal': { runs: shown.map((ms) => Math.round(ms)) },
    'diff.lineCpu': cpu.sample(0),
  };
}

export const diff: Measurement = {
  id: 'diff',
  title: 'Diff',
  metrics: [
    {
      id: 'diff.structural',
      label: 'Structural diff, 2 × 1,000 steps (warm)',
      unit: 'ms',
      budget: BUDGETS.structuralDiffMs,
      digits: 1,
    },
    {
      id: 'diff.lineLongestTask',
      label: 'Longest task during a 20,000-line diff',
      unit: 'ms',
      budget: BUDGETS.lineDiffLongestTaskMs,
      digits: 0,
    },
    { id: 'diff.lineCpu', label: 'Main-thread CPU, click → line diff painted', unit: 'ms', digits: 0 },
    {
      id: 'diff.lineTotal',
      label: 'Click “Split lines” → line diff painted, 20,000 lines',
      unit: 'ms',
      budget: BUDGETS.lineDiffShownMs,
      digits: 0,
    },
  ],
  async measure(ctx) {
    return {
      samples: {
        ...(await part(['diff.structural'], () => structural(ctx))),
        ...(await part(['diff.lineLongestTask', 'diff.lineTotal', 'diff.lineCpu'], () => lineDiff(ctx))),
      },
      details: [
        'Structural: `diffPolicies` from `src/features/policy-diff/structural/diff-policies.ts` in Node (bench/node/structural-diff.ts),',
        'on two parsed 1,000-step versions (≈5% of steps edited, 1% removed, 1% added, 5 moved); median of warm calls, as',
        'the smaller of wall clock and process CPU time per call (5 calls a sample): both bound the main thread’s time from',
        'above — the wall clock also counts waiting for a core on a busy machine, the process CPU also counts GC helper threads.',
        '',
        'Line diff: two versions of a policy whose YAML is ≈20,000 lines are saved in the mock, `/policies/<id>/diff/1...2` is',
        'opened (production build), and a Chromium trace runs from the click on “Split lines” until the first diff line is',
        'painted (+200 ms). The figure is the longest task on the page’s main thread (any task, not only ≥50 ms ones).',
        '',
        ...lineProfile,
      ].join('\n'),
    };
  },
};
