import { toNestErrors } from '@hookform/resolvers';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, Resolver } from 'react-hook-form';
import { partOfPath, validateParts } from '../rules/validate-policy-form';
import { createPolicyFormSchema, type PolicyFormOptions, type PolicyFormValues } from './policy-form-schema';

/**
 * The form's resolver. On submit (no field names) it runs the whole zod form schema. When one
 * field changes, react-hook-form asks about that field only: then only the rules of its part of the
 * policy run, without zod re-walking 200 steps whose shape the form itself guarantees — a keystroke
 * in the title does not re-check every approver.
 */
export function createPolicyFormResolver(options: PolicyFormOptions): Resolver<PolicyFormValues> {
  const full = zodResolver(createPolicyFormSchema(options));
  return async (values, context, resolverOptions) => {
    const names = resolverOptions.names;
    if (!names || names.length === 0) return full(values, context, resolverOptions);
    const issues = validateParts(values, options, new Set(names.map((name) => partOfPath(String(name)))));
    if (issues.length === 0) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of issues) {
      const path = issue.path.join('.');
      flat[path] ??= { type: 'custom', message: issue.message };
    }
    return { values: {}, errors: toNestErrors(flat, resolverOptions) };
  };
}
