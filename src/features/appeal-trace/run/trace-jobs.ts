import { appealTracer, type AppealCreator, type AppealRequest, type AppealTrace } from '@/lib/appeal';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { Target } from '@/lib/expr';
import { runCase, type CaseResult } from '../cases/run-case';
import type { TestCase } from '../cases/test-case';

/** Work the console hands off its main thread: tracing one appeal, or running a policy's test cases. */
export interface TraceAppealJob {
  kind: 'trace';
  policy: Policy;
  creator: AppealCreator;
  request: AppealRequest;
  targets: Target[];
  now: number;
  budgetMs?: number;
}

export type TraceJob = TraceAppealJob | { kind: 'cases'; policy: Policy; cases: readonly TestCase[]; target: Target };

export type JobResult = { kind: 'trace'; traces: AppealTrace[] } | { kind: 'cases'; results: CaseResult[] };

export function runJob(job: TraceJob): JobResult {
  if (job.kind === 'cases') return { kind: 'cases', results: job.cases.map((c) => runCase(job.policy, c, job.target)) };
  return {
    kind: 'trace',
    traces: job.targets.map((target) =>
      appealTracer(job.policy, { target, request: job.request })(job.creator, { now: job.now, budgetMs: job.budgetMs }),
    ),
  };
}
