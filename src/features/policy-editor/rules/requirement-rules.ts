import { explainDurationError } from '@/lib/duration/parse-go-duration';
import type { AdditionalAppealValues, PolicyFormOptions, RequirementValues } from '../form/policy-form-schema';
import { expressionError } from './expression-check';
import type { FormIssue } from './form-issue';
import { isRfc3339, regexProblem } from './text-checks';

const PATTERN_FIELDS = ['providerType', 'providerUrn', 'resourceType', 'resourceUrn', 'role'] as const;

function additionalAppealIssues(appeal: AdditionalAppealValues, at: (string | number)[]): FormIssue[] {
  const issues: FormIssue[] = [];
  const path = (field: string) => [...at, field];
  if (appeal.resourceBy === 'id') {
    if (appeal.resourceId.trim() === '') {
      issues.push({
        path: path('resourceId'),
        message: 'Give the id of the resource to request, or choose it by provider and URN instead.',
      });
    }
  } else {
    const parts = [
      ['providerType', 'provider type (e.g. bigquery)'],
      ['providerUrn', 'provider URN'],
      ['type', 'resource type (e.g. dataset)'],
      ['urn', 'resource URN'],
    ] as const;
    for (const [field, words] of parts) {
      if (appeal[field].trim() === '') {
        issues.push({ path: path(field), message: `Give the ${words}: Guardian needs all four to find the resource.` });
      }
    }
  }
  if (appeal.role.trim() === '') {
    issues.push({ path: path('role'), message: 'Give the role to request on that resource, e.g. viewer.' });
  }
  if (appeal.accessBy === 'duration') {
    const error = explainDurationError(appeal.duration);
    if (error) issues.push({ path: path('duration'), message: error });
  }
  if (appeal.accessBy === 'expiration' && !isRfc3339(appeal.expirationDate)) {
    issues.push({
      path: path('expirationDate'),
      message: 'Write the date as RFC 3339 with a time zone, e.g. 2026-12-31T23:59:59Z.',
    });
  }
  const hasPolicyId = appeal.policyId.trim() !== '';
  const hasVersion = appeal.policyVersion.trim() !== '';
  if (hasVersion && !/^[1-9]\d{0,8}$/.test(appeal.policyVersion.trim())) {
    issues.push({ path: path('policyVersion'), message: 'A policy version is a whole number from 1 up, e.g. 1.' });
  } else if (hasPolicyId && !hasVersion) {
    issues.push({
      path: path('policyVersion'),
      message: 'Give the version of that policy too, e.g. 1: Guardian needs both.',
    });
  } else if (hasVersion && !hasPolicyId) {
    issues.push({ path: path('policyId'), message: 'Give the id of the policy to use, or clear the version.' });
  }
  return issues;
}

export function requirementIssues(requirements: RequirementValues[], options: PolicyFormOptions): FormIssue[] {
  const issues: FormIssue[] = [];
  requirements.forEach((requirement, i) => {
    const on = requirement.on;
    const hasTrigger =
      PATTERN_FIELDS.some((field) => on[field].trim() !== '') ||
      on.expression.trim() !== '' ||
      on.conditions.length > 0;
    if (!hasTrigger) {
      issues.push({
        path: ['requirements', i, 'on', 'providerType'],
        message:
          'Say when this requirement applies: fill at least one of provider type, provider URN, resource type, resource URN, role or expression.',
      });
    }
    for (const field of PATTERN_FIELDS) {
      const problem = on[field] === '' ? undefined : regexProblem(on[field]);
      if (problem) {
        issues.push({
          path: ['requirements', i, 'on', field],
          message: `Guardian matches this as a regular expression, and it is not one (${problem}). Escape special characters with \\, e.g. my\\.project.`,
        });
      }
    }
    if (on.expression !== '') {
      const error = expressionError(on.expression, options.exprTarget);
      if (error) issues.push({ path: ['requirements', i, 'on', 'expression'], message: error });
    }
    if (requirement.appeals.length === 0) {
      issues.push({
        path: ['requirements', i, 'appeals'],
        message:
          'A requirement needs at least one additional appeal (a resource and a role): add one, or remove the requirement.',
      });
    }
    requirement.appeals.forEach((appeal, j) =>
      issues.push(...additionalAppealIssues(appeal, ['requirements', i, 'appeals', j])),
    );
  });
  return issues;
}
