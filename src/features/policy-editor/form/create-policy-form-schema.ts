import { z } from 'zod/mini';
import { validatePolicyForm } from '../rules/validate-policy-form';
import { policyFormShape, type PolicyFormOptions } from './policy-form-schema';

/**
 * The form schema: the form's shape (`policy-form-schema.ts`) plus every rule (Guardian's own and the stricter ones), each
 * reported at the field it is about, with words that say how to fix it.
 */
export function createPolicyFormSchema(options: PolicyFormOptions) {
  return policyFormShape.check(
    z.superRefine((values, ctx) => {
      for (const issue of validatePolicyForm(values, options)) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    }),
  );
}
