import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, Resolver } from 'react-hook-form';
import { loadExpr, loadedExpr } from '@/lib/expr/load';
import { partOfPath, validateParts } from '../rules/validate-policy-form';
import { createPolicyFormSchema, type PolicyFormOptions, type PolicyFormValues } from './policy-form-schema';

/** The whole-form check (zod's resolver over the form schema): needed on submit only, so loaded then. */
const loadFullResolver = async (options: PolicyFormOptions): Promise<Resolver<PolicyFormValues>> => {
  const { zodResolver } = await import('@hookform/resolvers/zod');
  return zodResolver(createPolicyFormSchema(options));
};

/**
 * The form's resolver. On submit (every mounted field named) it runs the whole zod form schema. When one
 * field changes, react-hook-form asks about that field only: then only the rules of its part of the
 * policy run, without zod re-walking 200 steps whose shape the form itself guarantees — a keystroke
 * in the title does not re-check every approver. The expression checker and zod's resolver are
 * loaded on first use (about a sixth of the editor's code).
 */
export function createPolicyFormResolver(options: PolicyFormOptions): Resolver<PolicyFormValues> {
  let full: Promise<Resolver<PolicyFormValues>> | undefined;
  return async (values, context, resolverOptions) => {
    if (!loadedExpr()) await loadExpr();
    const names = resolverOptions.names;
    const parts = new Set((names ?? []).map((name) => partOfPath(String(name))));
    // On submit react-hook-form names every mounted field, not none: a request spanning parts is a
    // whole-form check (a part with no mounted field, such as a policy with no steps, still counts).
    if (!names || names.length === 0 || parts.size > 1) {
      full ??= loadFullResolver(options).catch((error: unknown) => {
        full = undefined;
        throw error;
      });
      return (await full)(values, context, resolverOptions);
    }
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
