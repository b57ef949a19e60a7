import { findMaskedValues, MASKED_VALUE_MESSAGE } from '@/lib/secrets';
import type { PolicyFormValues } from '../form/policy-form-schema';
import type { FormIssue } from './form-issue';

/**
 * A masked placeholder (`••••••••`, from a masked view or download) where a value goes: refused at
 * its field, in every part of the form, so that it is never saved as the secret.
 */
export function maskedValueIssues(values: Partial<PolicyFormValues>, root: keyof PolicyFormValues): FormIssue[] {
  return findMaskedValues(values[root]).map((path) => ({ path: [root, ...path], message: MASKED_VALUE_MESSAGE }));
}
