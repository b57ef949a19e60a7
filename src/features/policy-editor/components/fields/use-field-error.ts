import { get, useFormState, type FieldPath } from 'react-hook-form';
import type { PolicyFormValues } from '../../form/policy-form-schema';

export type FormPath = FieldPath<PolicyFormValues>;

/** The error message at one path (a list's own error included); re-renders only for that path. */
export function useFieldError(name: FormPath): string | undefined {
  const { errors } = useFormState<PolicyFormValues>({ name });
  const node = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return node?.message || node?.root?.message || undefined;
}
