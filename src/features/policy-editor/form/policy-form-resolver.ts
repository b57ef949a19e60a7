import { toNestErrors } from '@hookform/resolvers';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, Resolver } from 'react-hook-form';
import { partOfPath, validateParts } from '../rules/validate-policy-form';
import { createPolicyFormSchema, type PolicyFormOptions, type PolicyFormValues } from './policy-form-schema';

/**
 * The form's resolver. On submit (every mounted field named) it runs the whole zod form schema. When one
 * field changes, react-hook-form asks about that field only: then only the rules of its part of the
 * policy run, without zod re-walking 200 steps whose shape the form itself guarantees — a keystroke
 * in the title does not re-check every approver.
 */
export function createPolicyFormResolver(options: PolicyFormOptions): Resolver<PolicyFormValues> {
  const full = zodResolver(createPolicyFormSchema(options));
  return async (values, context, resolverOptions) => {
    const names = resolverOptions.names;
    const parts = new Set((names ?? []).map((name) => partOfPath(String(name))));
    // On submit react-hook-form names every mounted field, not none: a request spanning parts is a
    // whole-form check (a part with no mounted field, such as a policy with no steps, still counts).
    if (!names || names.length === 0 || parts.size > 1) return full(values, context, resolverOptions);
    const issues = validateParts(values, options, parts);
    if (issues.length === 0) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of issues) {
      const path = issue.path.join('.');
      flat[path] ??= { type: 'custom', message: issue.message };
    }
    return { values: {}, errors: toNestErrors(flat, resolverOptions) };
  };
}
