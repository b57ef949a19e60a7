// Time to trace one appeal through a 20-step policy (src/lib/appeal traceAppeal: compile with trace
// hooks, walk, record every read), as the trace view does for each target it shows. In a process of
// its own; the first trace (cold: nothing compiled or optimised yet) and warm ones are reported apart.
import { policySchema } from '../../src/lib/api/guardian/policy-schema';
import * as appeal from '../../src/lib/appeal';
import { CREATOR_IAM } from '../lib/creator-iam';
import { reportResult } from '../lib/node-task';

const RUNS = Number(process.argv[2] ?? 200);

/** Twenty steps as admins write them: auto checks over the creator and resource, manual reviews with expression approvers. */
const checks = [
  '$appeal.creator.company == "Company Name" && $appeal.creator.risk != "high"',
  '$appeal.creator.country in ["US", "GB", "DE", "NL", "SG", "IN"]',
  '$appeal.creator.department in ["eng", "data"] || $appeal.creator.title == "Manager"',
  'all($appeal.creator.managers, {# endsWith "@example.com"})',
  '$appeal.resource.details.is_pii != true || $appeal.creator.employment_type == "employee"',
];
const approvers = [
  ['$appeal.creator.manager_email'],
  ['$appeal.creator.managers'],
  ['$appeal.resource.details.owner', 'security@example.com'],
  ['$appeal.creator.employment_type == "employee" ? $appeal.creator.manager_email : $appeal.resource.details.owner'],
];
const policy = policySchema.parse({
  id: 'bench_twenty_steps',
  version: 1,
  labels: {},
  requirements: [],
  iam: {
    ...CREATOR_IAM,
    schema: { ...CREATOR_IAM.schema, manager_email: '$response.manager != nil ? $response.manager.email : nil' },
  },
  steps: Array.from({ length: 20 }, (_, i) =>
    i % 2 === 0
      ? {
          name: `check_${i + 1}`,
          strategy: 'auto',
          approveIf: checks[(i / 2) % checks.length],
          approvers: [],
          allowFailed: i % 4 === 2,
        }
      : {
          name: `review_${i + 1}`,
          strategy: 'manual',
          ...(i % 3 === 0 ? { when: '$appeal.resource.details.is_sensitive' } : {}),
          approvers: approvers[((i - 1) / 2) % approvers.length],
          allowFailed: false,
        },
  ),
});
const body = {
  email: 'ana.silva17@example.com',
  company_name: 'Company Name',
  risk: 'low',
  country: 'NL',
  department: 'eng',
  title: 'Staff Engineer',
  managers: ['boss3@example.com', 'ceo0@example.com'],
  manager: { email: 'boss3@example.com', name: 'Bo Ss' },
  employment_type: 'employee',
};
const input = { createdBy: body.email, iam: { ok: true as const, body }, request: appeal.defaultAppealRequest(policy) };
const once = () => {
  const t0 = performance.now();
  const trace = appeal.traceAppeal(policy, input, { target: 'guardian-1.12', now: Date.parse('2026-12-01T12:00:00Z') });
  return { ms: performance.now() - t0, trace };
};

const first = once();
if (first.trace.verdict.outcome !== 0 || first.trace.budgetExceeded)
  throw new Error(`the bench policy should be approved: ${JSON.stringify(first.trace.steps.map((s) => s.state))}`);
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) warm.push(once().ms);
reportResult({ firstMs: first.ms, warmMs: warm, steps: first.trace.steps.map((s) => s.state) });
