import { useFormState } from 'react-hook-form';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { listErrors } from './error-list';
import type { FormPath } from './fields/use-field-error';

/** How many errors sit under the given paths (a section's roots). */
export function useErrorCount(roots: FormPath[]): number {
  const { errors } = useFormState<PolicyFormValues>({ name: roots });
  return listErrors(errors).filter((e) => roots.some((root) => e.path === root || e.path.startsWith(`${root}.`)))
    .length;
}
