import { seedFirstVersion, SEED_POLICIES } from '../../mocks/db/seed-policies';
import { toWirePolicy } from '../../mocks/db/wire-form';
import type { Target } from '../../mocks/engine/expressions';
import { TestRun, type TestSummary } from '../../mocks/engine/test-run';
import type { Policy } from '../../src/lib/api/guardian/policy-schema';
import { CREATOR_IAM } from './creator-iam';

/**
 * How much one policy test costs the mock: CPU time, wall time and memory held to evaluate every
 * user of a directory. Run by bench/node/engine.ts, or by hand:
 *   npx tsx --expose-gc bench/node/engine.ts 1000000 [example|wide]
 */
export interface EngineMeasurement {
  users: number;
  policy: string;
  cpuMs: number;
  wallMs: number;
  /** Heap and ArrayBuffer memory still held by the test's results afterwards (after a GC when exposed). */
  heldMB: number;
  summary: TestSummary;
}

const gc = (globalThis as { gc?: () => void }).gc;

export function measureEngine(options: {
  users: number;
  policy?: Policy;
  target?: Target;
  seed?: number;
}): EngineMeasurement {
  const policy = options.policy ?? seedFirstVersion(SEED_POLICIES[0]!);
  const wire = toWirePolicy(policy);
  gc?.();
  const before = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = new TestRun({
    id: 'bench',
    accountId: 'bench',
    policies: [{ kind: 'guardian', ref: `${policy.id}:${policy.version}`, policy: wire }],
    startedAt: 0,
    userCount: options.users,
    usersPerSecond: options.users,
    timeBudgetMs: 3_600_000,
    seed: options.seed ?? 42,
    exprTarget: options.target ?? 'guardian-1.12',
    hostileNames: true,
    blocked: false,
  });
  const summary = run.summary(Number.MAX_SAFE_INTEGER);
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  gc?.();
  const after = process.memoryUsage();
  const held = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  // Keep the run alive until memory was read.
  void run.materialised;
  return {
    users: options.users,
    policy: `${policy.id}:${policy.version}`,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    wallMs: Math.round(wallMs),
    heldMB: Math.round((held / 1e6) * 10) / 10,
    summary,
  };
}

/** A policy that reads most creator fields, for a worst case beside the examples. */
export const WIDE_POLICY: Policy = {
  id: 'bench_wide_policy',
  version: 1,
  labels: {},
  requirements: [],
  iam: CREATOR_IAM,
  steps: [
    {
      name: 'employee_check',
      strategy: 'auto',
      approveIf: '$appeal.creator.company == "Company Name" && $appeal.creator.risk != "high"',
      approvers: [],
      allowFailed: false,
    },
    {
      name: 'country_check',
      strategy: 'auto',
      approveIf: '$appeal.creator.country in ["US", "GB", "DE", "NL", "SG", "IN"]',
      approvers: [],
      allowFailed: true,
    },
    {
      name: 'team',
      strategy: 'auto',
      approveIf: '$appeal.creator.department in ["eng", "data"] || $appeal.creator.title == "Manager"',
      approvers: [],
      allowFailed: true,
    },
    { name: 'manager_approval', strategy: 'manual', approvers: ['$appeal.creator.managers'], allowFailed: false },
    {
      name: 'owner_approval',
      strategy: 'manual',
      when: '$appeal.creator.employment_type != "employee"',
      approvers: ['$appeal.resource.details.owner'],
      allowFailed: false,
    },
  ],
};
