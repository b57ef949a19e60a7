import type { PolicyFormOptions, PolicyFormValues } from '../form/policy-form-schema';
import { appealIssues } from './appeal-rules';
import type { FormIssue } from './form-issue';
import { iamIssues } from './iam-rules';
import { maskedValueIssues } from './masked-value-rules';
import { overviewIssues } from './overview-rules';
import { requirementIssues } from './requirement-rules';
import { stepIssues } from './step-rules';

/**
 * Every rule of PRODUCT.md's "Server validation rules" (what Guardian rejects) plus the stricter
 * ones a careful admin wants, in the order the form shows its fields.
 */
export function validatePolicyForm(values: PolicyFormValues, options: PolicyFormOptions): FormIssue[] {
  return validateParts(values, options, PARTS);
}

export type PolicyPart = 'overview' | 'steps' | 'requirements' | 'appeal' | 'iam';
const PARTS: readonly PolicyPart[] = ['overview', 'steps', 'requirements', 'appeal', 'iam'];

/** The part of the form a field path belongs to; rules never look across parts. */
export function partOfPath(path: string): PolicyPart {
  const root = path.split('.')[0];
  return root === 'steps' || root === 'requirements' || root === 'appeal' || root === 'iam' ? root : 'overview';
}

const PARTS_ROOTS: [PolicyPart, keyof PolicyFormValues][] = [
  ['overview', 'id'],
  ['overview', 'title'],
  ['overview', 'description'],
  ['overview', 'labels'],
  ['overview', 'extras'],
  ['steps', 'steps'],
  ['requirements', 'requirements'],
  ['appeal', 'appeal'],
  ['iam', 'iam'],
];

/** The rules of some parts only: what a change of one field needs re-checking. */
export function validateParts(
  values: PolicyFormValues,
  options: PolicyFormOptions,
  parts: Iterable<PolicyPart>,
): FormIssue[] {
  const wanted = new Set(parts);
  const masked = PARTS_ROOTS.filter(
    ([part, root]) => wanted.has(part) && (root !== 'iam' || values.iam.enabled),
  ).flatMap(([, root]) => maskedValueIssues(values, root));
  const maskedAt = new Set(masked.map((issue) => issue.path.join('.')));
  return [
    ...masked,
    // A mask is named as what it is, not also as a malformed value.
    ...[
      ...(wanted.has('overview') ? overviewIssues(values, options) : []),
      ...(wanted.has('steps') ? stepIssues(values.steps, options) : []),
      ...(wanted.has('requirements') ? requirementIssues(values.requirements, options) : []),
      ...(wanted.has('appeal') ? appealIssues(values.appeal) : []),
      ...(wanted.has('iam') ? iamIssues(values.iam) : []),
    ].filter((issue) => !maskedAt.has(issue.path.join('.'))),
  ];
}
