// Big policies for the diff and editor measurements, in Guardian's wire form (snake_case).

interface WireStep {
  name: string;
  description: string;
  when?: string;
  strategy: 'auto' | 'manual';
  approve_if?: string;
  approvers?: string[];
  allow_failed?: boolean;
}

export interface WirePolicy {
  id: string;
  version?: number;
  description: string;
  steps: WireStep[];
  appeal: { duration_options: { name: string; value: string }[]; allow_permanent_access: boolean };
  labels: Record<string, string>;
}

const DEPARTMENTS = ['eng', 'finance', 'sales', 'legal', 'support', 'security', 'data', 'design'];

function step(i: number, revision: number): WireStep {
  const department = DEPARTMENTS[i % DEPARTMENTS.length]!;
  if (i % 3 === 0) {
    return {
      name: `auto_check_${i}`,
      description: `Automatic check ${i} for ${department}`,
      when: `$appeal.resource.details.is_pii == ${i % 2 === 0 ? 'true' : 'false'}`,
      strategy: 'auto',
      approve_if: `$appeal.creator.department == "${department}" && $appeal.creator.risk < ${(i % 5) + revision}`,
      allow_failed: i % 7 === 0,
    };
  }
  return {
    name: `manual_review_${i}`,
    description: `Manual review ${i} by ${department}`,
    strategy: 'manual',
    approvers: [
      '$appeal.creator.userManager',
      `${department}-lead-${i}@example.com`,
      `${department}-backup-${(i + revision) % 50}@example.com`,
      '$appeal.resource.details.owner',
    ],
  };
}

/** A policy with `steps` steps. */
export function bigPolicy(id: string, steps: number): WirePolicy {
  return {
    id,
    description: `Benchmark policy with ${steps} steps`,
    steps: Array.from({ length: steps }, (_, i) => step(i, 0)),
    appeal: {
      duration_options: [
        { name: '1 day', value: '24h' },
        { name: '1 week', value: '168h' },
      ],
      allow_permanent_access: false,
    },
    labels: { owner: 'bench', size: String(steps) },
  };
}

/**
 * The next version of a big policy as a reviewer would meet it: about 5% of the steps edited,
 * 1% removed, 1% added, a few moved, and the labels changed.
 */
export function revisedPolicy(before: WirePolicy): WirePolicy {
  const n = before.steps.length;
  const steps = before.steps.map((s, i) => (i % 20 === 5 ? step(i, 1) : s)).filter((_, i) => i % 100 !== 50);
  for (let k = 0; k < Math.ceil(n / 100); k += 1)
    steps.splice(k * 97, 0, { ...step(n + k, 0), name: `added_step_${k}` });
  // Move a handful of steps to the end.
  for (let k = 0; k < 5; k += 1) steps.push(...steps.splice(10 + k * 3, 1));
  return {
    ...before,
    description: `${before.description} (revised)`,
    steps,
    labels: { ...before.labels, revised: 'yes' },
  };
}
