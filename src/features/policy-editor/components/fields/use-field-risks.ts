import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { RiskPlace } from '@/lib/appeal';
import { useSettings } from '@/lib/settings';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { toPolicy } from '../../form/to-policy';
import type { FormPath } from './use-field-error';

/** The step expression a form path names, if it names one. */
function placeOf(name: string): RiskPlace | undefined {
  const match = /^steps\.(\d+)\.(when|approveIf|approvers\.(\d+)\.value)$/.exec(name);
  if (!match) return undefined;
  const step = Number(match[1]);
  if (match[3] !== undefined) return { step, field: 'approver', approver: Number(match[3]) };
  return { step, field: match[2] as 'when' | 'approveIf' };
}

/**
 * What the save check would say about this expression (a creator field the policy cannot have, a
 * failure on the sample appeal), worked out when the field is left — not at every keystroke, and
 * not only at review. Functions the target lacks are already flagged by the input as you type.
 */
export function useFieldRisks(name: FormPath): { risks: string[]; check: () => void } {
  const { getValues } = useFormContext<PolicyFormValues>();
  const { exprTarget } = useSettings();
  const [risks, setRisks] = useState<string[]>([]);
  const place = placeOf(name);
  const check = () => {
    if (!place) return;
    void import('@/lib/appeal/policy-risks').then(({ findPolicyRisks }) => {
      let found: string[];
      try {
        found = findPolicyRisks(toPolicy(getValues()), { target: exprTarget })
          .filter(
            (r) =>
              r.kind !== 'unsupported' &&
              r.place.step === place.step &&
              r.place.field === place.field &&
              r.place.approver === place.approver,
          )
          .map((r) => r.message);
      } catch {
        found = [];
      }
      setRisks(found);
    });
  };
  return { risks, check };
}
