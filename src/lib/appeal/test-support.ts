import type { Policy, Step } from '../api/guardian/policy-schema';
import type { Target } from '../expr';
import { defaultAppealRequest, type IamAnswer } from './appeal-request';
import { compilePolicy } from './policy-program';
import { traceAppeal } from './trace-appeal';
import { unpackVerdict, type Verdict } from './verdict';
import { walkAppeal } from './walk-appeal';

/** Small builders for the simulation's tests. */
export const NOW = Date.parse('2026-12-01T12:00:00Z');

export const policyWith = (steps: Step[], extra: Partial<Policy> = {}): Policy => ({
  id: 'p',
  version: 1,
  steps,
  labels: {},
  requirements: [],
  ...extra,
});

export const auto = (approveIf: string, extra: Partial<Step> = {}): Step => ({
  name: 'a',
  strategy: 'auto',
  approveIf,
  approvers: [],
  allowFailed: false,
  ...extra,
});

export const manual = (approvers: string[], extra: Partial<Step> = {}): Step => ({
  name: 'm',
  strategy: 'manual',
  approvers,
  allowFailed: false,
  ...extra,
});

export const withIam = (schema: Record<string, string> = {}, extra: Partial<Policy> = {}): Partial<Policy> => ({
  iam: {
    provider: 'http',
    config: { url: 'http://iam.example.com/users/{user_id}', auth: { type: 'bearer', token: 't' } },
    schema,
  },
  ...extra,
});

export const found = (body: unknown): IamAnswer => ({ ok: true, body });

/** The fast verdict and the traced one for the same appeal; tests check both. */
function verdicts(
  policy: Policy,
  iam: IamAnswer = found({ email: 'ana@example.com' }),
  target: Target = 'guardian-1.12',
): { fast: Verdict; traced: Verdict } {
  const request = defaultAppealRequest(policy);
  const fast = unpackVerdict(walkAppeal(compilePolicy(policy, { target, request, now: NOW }), 'ana@example.com', iam));
  const trace = traceAppeal(policy, { createdBy: 'ana@example.com', iam, request }, { target, now: NOW });
  const { outcome, reason, step } = trace.verdict;
  return { fast, traced: { outcome, reason, step } };
}

/** The verdict, after checking that the fast and traced walks agree on it. */
export function verdictOf(policy: Policy, iam?: IamAnswer, target?: Target): Verdict {
  const { fast, traced } = verdicts(policy, iam, target);
  if (JSON.stringify(fast) !== JSON.stringify(traced))
    throw new Error(`fast ${JSON.stringify(fast)} and traced ${JSON.stringify(traced)} disagree`);
  return fast;
}
