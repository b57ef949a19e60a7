import { Suspense, useCallback } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { DraftCasesPanel } from '@/features/appeal-trace';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { PolicyFormValues } from '../form/policy-form-schema';

/** The policy's saved test cases, run against the draft as it changes (in a chunk and a worker of their own). */
export function DraftTestCases({
  policyId,
  baseVersion,
  form,
  currentPolicy,
}: {
  policyId: string;
  baseVersion?: number;
  form: UseFormReturn<PolicyFormValues>;
  currentPolicy: () => Policy;
}) {
  const onDraftChange = useCallback(
    (listener: () => void) => {
      const subscription = form.watch(() => listener());
      return () => subscription.unsubscribe();
    },
    [form],
  );
  return (
    <Suspense fallback={null}>
      <DraftCasesPanel
        policyId={policyId}
        baseVersion={baseVersion}
        currentPolicy={currentPolicy}
        onDraftChange={onDraftChange}
      />
    </Suspense>
  );
}
