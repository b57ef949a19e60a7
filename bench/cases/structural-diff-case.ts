import { policySchema, type Policy, type Step } from '../../src/lib/api/guardian/policy-schema';

/**
 * Cases for measuring the structural diff (not for the app): two versions of a policy with `steps`
 * steps, the second edited the way reviewers meet it — 5% of steps changed, 1% removed, 1% added,
 * a few moved, an approver list reshuffled, a secret rotated.
 */
function step(i: number, revision: number): Step {
  const team = ['eng', 'data', 'finance', 'sales'][i % 4]!;
  return i % 3 === 0
    ? {
        name: `auto_${i}`,
        strategy: 'auto',
        when: `$appeal.resource.details.is_pii == ${i % 2 === 0}`,
        approveIf: `$appeal.creator.department == "${team}" && $appeal.creator.risk < ${(i % 5) + revision}`,
        approvers: [],
        allowFailed: i % 7 === 0,
      }
    : {
        name: `manual_${i}`,
        strategy: 'manual',
        approvers: [
          '$appeal.creator.userManager',
          `${team}-lead-${i}@example.com`,
          `${team}-backup-${(i + revision) % 50}@example.com`,
        ],
        allowFailed: false,
      };
}

export function structuralDiffCase(steps = 1_000): { before: Policy; after: Policy } {
  const base = {
    id: 'bench',
    appeal: { duration_options: [{ name: '1 day', value: '24h' }], allow_permanent_access: false },
    iam: { provider: 'http', config: { url: 'http://iam', auth: { type: 'bearer', token: 'old' } } },
    labels: { owner: 'bench' },
  };
  const before = policySchema.parse({ ...base, version: 1, steps: [] });
  before.steps = Array.from({ length: steps }, (_, i) => step(i, 0));
  const after = policySchema.parse({
    ...base,
    version: 2,
    steps: [],
    iam: { ...base.iam, config: { ...base.iam.config, auth: { type: 'bearer', token: 'new' } } },
  });
  const edited = before.steps.map((s, i) => (i % 20 === 5 ? step(i, 1) : s)).filter((_, i) => i % 100 !== 50);
  for (let k = 0; k < Math.ceil(steps / 100); k++)
    edited.splice(k * 97, 0, { ...step(steps + k, 0), name: `added_${k}` });
  for (let k = 0; k < 5; k++) edited.push(...edited.splice(10 + k * 3, 1));
  const reshuffled = edited[1];
  if (reshuffled) reshuffled.approvers = [...reshuffled.approvers].reverse();
  after.steps = edited;
  return { before, after };
}
