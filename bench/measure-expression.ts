import { BUDGETS } from './lib/budgets';
import type { Measurement } from './lib/measurement';
import { runNodeTask } from './lib/node-task';
import { median } from './lib/stats';

interface ExpressionResult {
  cases: { name: string; length: number; samples: number[]; cpuSamples: number[] }[];
}

/** Per sample, the smaller of wall clock and process CPU: both bound the evaluation's own time from above. */
const bounded = (c: ExpressionResult['cases'][number]) => c.cpuSamples.map((cpu, i) => Math.min(cpu, c.samples[i]!));

/** The case marked as the ~100-character one, else the one closest to 100 characters. */
function headlineCase(cases: ExpressionResult['cases']) {
  return (
    cases.find((c) => /100 char/i.test(c.name)) ??
    [...cases].sort((a, b) => Math.abs(a.length - 100) - Math.abs(b.length - 100))[0]!
  );
}

export const expression: Measurement = {
  id: 'expression',
  title: 'Expression evaluation (src/lib/expr, compiled once)',
  metrics: [
    {
      id: 'expression.headline',
      label: 'Evaluation of a ~100-char expression',
      unit: 'ns',
      budget: BUDGETS.expressionNs,
      digits: 0,
    },
    {
      id: 'expression.slowest',
      label: 'Slowest bench case',
      unit: 'ns',
      budget: BUDGETS.expressionNs,
      digits: 0,
    },
  ],
  async measure(ctx) {
    const result = await runNodeTask<ExpressionResult>('expression', [String(ctx.runs)]);
    const headline = headlineCase(result.cases);
    const slowest = [...result.cases].sort((a, b) => median(bounded(b)) - median(bounded(a)))[0]!;
    const round = (ns: number[]) => ns.map((n) => Math.round(n));
    return {
      samples: {
        'expression.headline': {
          runs: round(bounded(headline)),
          note: `“${headline.name}”, ${headline.length} chars; wall clock ${Math.round(median(headline.samples))} ns`,
        },
        'expression.slowest': {
          runs: round(bounded(slowest)),
          note: `“${slowest.name}”, ${slowest.length} chars; wall clock ${Math.round(median(slowest.samples))} ns`,
        },
      },
      details: [
        '`compile(source)` once, then `run(env)` in a loop sized to ~150 ms per sample, in a fresh Node process',
        '(bench/node/expression.ts); each result is checked against the case’s expected value first. Each sample is the',
        'smaller of wall clock and process CPU time: the wall clock also counts waiting for a core on a busy machine, the',
        'process CPU also counts GC helper threads; on an idle machine they agree.',
        '',
        '| case | chars | ns per evaluation (median) | wall clock alone |',
        '|---|---:|---:|---:|',
        ...result.cases.map(
          (c) => `| ${c.name} | ${c.length} | ${Math.round(median(bounded(c)))} | ${Math.round(median(c.samples))} |`,
        ),
      ].join('\n'),
    };
  },
};
