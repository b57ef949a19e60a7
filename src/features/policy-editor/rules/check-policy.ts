import type { Policy } from '@/lib/api/guardian/policy-schema';
import { loadExpr, loadedExpr } from '@/lib/expr/load';
import type { PolicyFormOptions } from '../form/policy-form-schema';
import { toFormValues } from '../form/to-form-values';
import { wirePathOfField } from '../form/wire-path-of-field';
import { mapServerErrors } from '../server-errors/map-server-errors';
import { validatePolicyForm } from './validate-policy-form';

/** A problem with a policy, at the place in its file that a person reads (`steps[0].approve_if`). */
export interface PolicyProblem {
  path?: string;
  message: string;
}

/**
 * The editor's checks (Guardian's rules and the stricter ones) on a policy that did not come from the
 * form, such as a file: the same rules, the same words, at the file's paths.
 */
export async function checkPolicy(policy: Policy, options: PolicyFormOptions): Promise<PolicyProblem[]> {
  if (!loadedExpr()) await loadExpr();
  return validatePolicyForm(toFormValues(policy), options).map((issue) => ({
    path: wirePathOfField(issue.path.join('.')),
    message: issue.message,
  }));
}

/** Guardian's refusal of a policy (its one message) as problems at the file's paths where it names one. */
export function explainServerRefusal(message: string, policy: Policy): PolicyProblem[] {
  const { fields, unmapped } = mapServerErrors(message, toFormValues(policy));
  return [
    ...fields.map((field) => ({ path: wirePathOfField(field.path), message: field.message })),
    ...unmapped.map((line) => ({ message: line })),
  ];
}
