import { useCallback, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { emptyPolicyValues } from '../form/empty-values';
import { createPolicyFormResolver } from '../form/policy-form-resolver';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { toFormValues } from '../form/to-form-values';
import { toPolicy } from '../form/to-policy';

export const sameValues = (a: PolicyFormValues, b: PolicyFormValues) => JSON.stringify(a) === JSON.stringify(b);

interface EditorFormOptions {
  policyId: string | undefined;
  base: Policy | undefined;
  exprTarget: Parameters<typeof createPolicyFormResolver>[0]['exprTarget'];
}

/**
 * The editor's form and what "unchanged" means for it. `defaults` moves when the form is replaced
 * (a restored draft, an import, a rebase on someone else's version), not on every base change.
 */
export function useEditorForm({ policyId, base, exprTarget }: EditorFormOptions) {
  const isNew = policyId === undefined;
  const baseValues = useMemo(() => (base ? toFormValues(base) : emptyPolicyValues()), [base]);
  // react-hook-form reads its options on every render: a new expression target applies at once.
  const resolver = useMemo(() => createPolicyFormResolver({ isNew, exprTarget }), [isNew, exprTarget]);
  const form = useForm<PolicyFormValues>({
    defaultValues: baseValues,
    resolver,
    // Checked on submit, then again as each field changes. Not on blur in general: an error appearing
    // when a field loses focus pushes the page down under the pointer, and the next click lands
    // elsewhere. Durations are the exception (TextField's checkOnBlur): `1d` looks right and is not.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const defaults = useRef(baseValues);

  /** Replaces the form: `start` is what "unchanged" means from now on, `values` what the inputs hold. */
  const replaceValues = (start: PolicyFormValues, values: PolicyFormValues) => {
    defaults.current = start;
    form.reset(start);
    if (!sameValues(start, values)) form.reset(values, { keepDefaultValues: true });
    return !sameValues(start, values);
  };

  const currentPolicy = (): Policy => {
    const values = form.getValues();
    return toPolicy({ ...values, id: policyId ?? values.id });
  };

  const isChanged = useCallback(() => !sameValues(form.getValues(), defaults.current), [form]);

  return { form, baseValues, defaults, replaceValues, currentPolicy, isChanged };
}
