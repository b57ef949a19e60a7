import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { UseFormReturn } from 'react-hook-form';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyToWire } from '@/lib/api/guardian/policy-wire';
import { draftRefusal, loadDraftTestStarter, type DraftRefusal, type DraftTestInput } from '@/features/policy-tests';
import type { PolicyFormValues } from '../form/policy-form-schema';
import type { useProblemReport } from './use-problem-report';

interface DraftTestOptions {
  form: UseFormReturn<PolicyFormValues>;
  problems: ReturnType<typeof useProblemReport>;
  currentPolicy: () => Policy;
  /** The saved version the edit started from; absent for a new policy. */
  baseVersion: number | undefined;
  /** The policy whose draft test the editor shows (the id as typed, for a new policy). */
  policyId: string | undefined;
  announce: (message: string) => void;
}

/**
 * "Test this draft": the form as it stands, checked as a save checks it, tested over the whole user
 * base without saving, with its saved version tested beside it. A server that checks the draft and
 * refuses it (in Guardian's words) gets its words on the fields, as a refused save does.
 */
export function useDraftTest({ form, problems, currentPolicy, baseVersion, policyId, announce }: DraftTestOptions) {
  // The starter is fetched on the first click; the button shows "starting" while it comes.
  const start = useMutation({
    mutationFn: async (input: DraftTestInput) => (await loadDraftTestStarter())(input),
  });
  const [refusal, setRefusal] = useState<Exclude<DraftRefusal, { kind: 'invalid' }>>();
  const [baseProblem, setBaseProblem] = useState<unknown>();
  const [testedId, setTestedId] = useState(policyId);

  const onValid = async () => {
    problems.clear();
    setRefusal(undefined);
    setBaseProblem(undefined);
    const policy = currentPolicy();
    try {
      const started = await start.mutateAsync({
        wire: policyToWire(policy, { omitZero: true }) as Record<string, unknown>,
        policyId: policy.id,
        baseVersion,
      });
      setTestedId(policy.id);
      setBaseProblem(started.baseError);
      announce(
        started.base
          ? `Testing this draft and version ${baseVersion} against every user. Nothing was saved.`
          : 'Testing this draft against every user. Nothing was saved.',
      );
    } catch (error) {
      const refused = draftRefusal(error);
      if (refused.kind === 'invalid') await problems.applyServerRejection(refused.message);
      else setRefusal(refused);
    }
  };

  return {
    run: () => void form.handleSubmit(onValid, problems.reportInvalid)(),
    starting: start.isPending,
    refusal,
    baseProblem,
    testedId,
    dismiss: () => setRefusal(undefined),
  };
}
