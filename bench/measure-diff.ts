import { BUDGETS } from './lib/budgets';
import type { BenchContext } from './lib/context';
import { requireBuiltView } from './lib/features';
import { part, type Measurement } from './lib/measurement';
import { runNodeTask } from './lib/node-task';
import type { Sample } from './lib/types';
import { NotAvailable } from './lib/types';

interface StructuralResult {
  samples: number[];
  cold: number;
  changes: number;
  steps: number;
}

async function structural(ctx: BenchContext): Promise<Record<string, Sample>> {
  const result = await runNodeTask<StructuralResult>('structural-diff', [String(Math.max(ctx.runs, 15))]);
  return {
    'diff.structural': {
      runs: result.samples.map((ms) => Math.round(ms * 100) / 100),
      note: `${result.steps} steps each, ${result.changes} changes found; first (cold) call ${result.cold.toFixed(1)} ms`,
    },
  };
}

async function lineDiff(_ctx: BenchContext): Promise<Record<string, Sample>> {
  requireBuiltView('src/features/policy-diff/routes/policy-diff-route.tsx', 'the diff view');
  throw new NotAvailable('the line-diff measurement waits for the diff view');
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
    { id: 'diff.lineTotal', label: 'Line diff shown, 20,000 lines', unit: 'ms', digits: 0 },
  ],
  async measure(ctx) {
    return {
      samples: {
        ...(await part(['diff.structural'], () => structural(ctx))),
        ...(await part(['diff.lineLongestTask', 'diff.lineTotal'], () => lineDiff(ctx))),
      },
      details: [
        'Structural: `diffPolicies` from `src/features/policy-diff/structural/diff-policies.ts` in Node (bench/node/structural-diff.ts),',
        'on two parsed 1,000-step versions (≈5% of steps edited, 1% removed, 1% added, 5 moved); median of warm calls.',
      ].join('\n'),
    };
  },
};
