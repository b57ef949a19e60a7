import type { PolicyFormOptions, PolicyFormValues } from '../form/policy-form-schema';
import { appealIssues } from './appeal-rules';
import type { FormIssue } from './form-issue';
import { iamIssues } from './iam-rules';
import { overviewIssues } from './overview-rules';
import { requirementIssues } from './requirement-rules';
import { stepIssues } from './step-rules';

/**
 * Every rule of PRODUCT.md's "Server validation rules" (what Guardian rejects) plus the stricter
 * ones a careful admin wants, in the order the form shows its fields.
 */
export function validatePolicyForm(values: PolicyFormValues, options: PolicyFormOptions): FormIssue[] {
  return [
    ...overviewIssues(values, options),
    ...stepIssues(values.steps, options),
    ...requirementIssues(values.requirements, options),
    ...appealIssues(values.appeal),
    ...iamIssues(values.iam),
  ];
}
