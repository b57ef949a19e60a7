import { appealTracer, type AppealCreator, type AppealRequest, type AppealTrace } from '@/lib/appeal';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { Target } from '@/lib/expr';

/** Work the trace view hands off its main thread: tracing one appeal on one or more targets. */
export interface TraceJob {
  kind: 'trace';
  policy: Policy;
  creator: AppealCreator;
  request: AppealRequest;
  targets: Target[];
  now: number;
  budgetMs?: number;
}

export type JobResult = { kind: 'trace'; traces: AppealTrace[] };

export function runJob(job: TraceJob): JobResult {
  return {
    kind: 'trace',
    traces: job.targets.map((target) =>
      appealTracer(job.policy, { target, request: job.request })(job.creator, { now: job.now, budgetMs: job.budgetMs }),
    ),
  };
}
