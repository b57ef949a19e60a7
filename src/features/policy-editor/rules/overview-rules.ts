import { containsGoWhitespace } from '@/lib/guardian-rules/go-whitespace';
import type { PolicyFormOptions, PolicyFormValues } from '../form/policy-form-schema';
import type { FormIssue } from './form-issue';
import { quote, withoutWhitespace } from './text-checks';
import { keyValueIssues } from './key-value-rules';

export function overviewIssues(values: PolicyFormValues, options: PolicyFormOptions): FormIssue[] {
  const issues: FormIssue[] = [];
  if (options.isNew) {
    if (values.id === '') {
      issues.push({ path: ['id'], message: 'Give the policy an id, e.g. bigquery_approval. It cannot change later.' });
    } else if (containsGoWhitespace(values.id)) {
      issues.push({
        path: ['id'],
        message: `Guardian does not allow spaces in an id: write ${quote(withoutWhitespace(values.id))} instead.`,
      });
    } else if (values.id.includes('/')) {
      // The id becomes a path segment of /policies/{id}; a slash would split it.
      issues.push({ path: ['id'], message: 'An id cannot contain “/”: use - or _ instead.' });
    }
  }
  issues.push(...keyValueIssues(values.labels, ['labels'], 'label'));
  return issues;
}
