import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, Resolver } from 'react-hook-form';
import { loadExpr, loadedExpr } from '@/lib/expr/load';
import type { PolicyFormOptions, PolicyFormValues } from './policy-form-schema';

/** Retries a failed load on the next call instead of keeping the failure. */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** The rules of each part of the policy: no field is checked before the first submit, so loaded then. */
const loadRules = loadOnce(() => import('../rules/validate-policy-form'));

/** Fetches what the first check needs while the admin types, so that it answers at once. */
export const preloadFormChecks = () => Promise.all([loadExpr(), loadRules()]);

/** The whole-form check (zod's resolver over the form schema): needed on submit only, so loaded then. */
const loadFullResolver = async (options: PolicyFormOptions): Promise<Resolver<PolicyFormValues>> => {
  const [{ zodResolver }, { createPolicyFormSchema }] = await Promise.all([
    import('@hookform/resolvers/zod'),
    import('./create-policy-form-schema'),
  ]);
  return zodResolver(createPolicyFormSchema(options));
};

/**
 * The form's resolver. On submit (every mounted field named) it runs the whole zod form schema. When one
 * field changes, react-hook-form asks about that field only: then only the rules of its part of the
 * policy run, without zod re-walking 200 steps whose shape the form itself guarantees — a keystroke
 * in the title does not re-check every approver. The expression checker, the rules and zod's resolver
 * are loaded on first use (about a quarter of the editor's code).
 */
export function createPolicyFormResolver(options: PolicyFormOptions): Resolver<PolicyFormValues> {
  const full = loadOnce(() => loadFullResolver(options));
  return async (values, context, resolverOptions) => {
    if (!loadedExpr()) await loadExpr();
    const { partOfPath, validateParts } = await loadRules();
    const names = resolverOptions.names;
    const parts = new Set((names ?? []).map((name) => partOfPath(String(name))));
    // On submit react-hook-form names every mounted field, not none: a request spanning parts is a
    // whole-form check (a part with no mounted field, such as a policy with no steps, still counts).
    if (!names || names.length === 0 || parts.size > 1) return (await full())(values, context, resolverOptions);
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
