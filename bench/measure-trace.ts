import { BUDGETS } from './lib/budgets';
import { repeat, type Measurement } from './lib/measurement';
import { runNodeTask } from './lib/node-task';
import { median } from './lib/stats';

interface TraceResult {
  firstMs: number;
  warmMs: number[];
  steps: string[];
}

/** Fresh processes: the first trace of each is the cold one a person meets on opening the view. */
const PROCESSES = 3;

export const trace: Measurement = {
  id: 'trace',
  title: 'Trace of one appeal through a 20-step policy (src/lib/appeal, Node)',
  metrics: [
    { id: 'trace.first', label: 'First trace, 20 steps (cold)', unit: 'ms', budget: BUDGETS.traceMs, digits: 1 },
    { id: 'trace.warm', label: 'Trace, 20 steps (warm, median)', unit: 'ms', budget: BUDGETS.traceMs, digits: 2 },
  ],
  async measure(ctx) {
    const runs = await repeat(Math.min(ctx.runs, PROCESSES), () => runNodeTask<TraceResult>('trace', ['200']));
    return {
      samples: {
        'trace.first': { runs: runs.map((r) => r.firstMs), note: 'compile with trace hooks + walk, nothing warm' },
        'trace.warm': { runs: runs.map((r) => median(r.warmMs)), note: 'median of 200 traces per process' },
      },
      details: [
        '`traceAppeal` on a 20-step policy (bench/node/trace.ts: auto checks over creator and resource, manual reviews with',
        'expression approvers, an IAM schema with a `$response` expression), each process new: the first trace includes',
        `compiling every expression with trace hooks. Steps: ${runs[0]!.steps.join(', ')}.`,
      ].join('\n'),
    };
  },
};
