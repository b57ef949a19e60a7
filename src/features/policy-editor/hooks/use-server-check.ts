import { useState } from 'react';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { createPolicy, updatePolicy } from '@/features/policies';
import type { ServerCheck } from '../components/server-check-panel';
import { validationMessageOf } from '../server-errors/is-validation-error';

interface ServerCheckOptions {
  isNew: boolean;
  /** False when the check cannot be sent yet (no identity): the caller has said why. */
  canSend(): boolean;
  policy(): Policy;
  /** Puts Guardian's refusal on the fields; returns how many fields and loose messages it made. */
  applyRejection(message: string, origin: 'check'): Promise<{ fields: unknown[]; unmapped: unknown[] }>;
  onAccepted(): void;
}

/** "Check with server": Guardian's dry run of the current form, nothing saved. */
export function useServerCheck({ isNew, canSend, policy, applyRejection, onAccepted }: ServerCheckOptions) {
  const [check, setCheck] = useState<ServerCheck | undefined>();
  const [checking, setChecking] = useState(false);

  const run = async () => {
    if (!canSend()) return;
    setCheck({ state: 'running' });
    setChecking(true);
    try {
      const result = await (isNew ? createPolicy : updatePolicy)({ policy: policy(), dryRun: true });
      setCheck({ state: 'accepted', version: result.version, isNew });
      onAccepted();
    } catch (error) {
      const message = validationMessageOf(error);
      if (message) {
        const mapped = await applyRejection(message, 'check');
        setCheck({ state: 'rejected', fieldCount: mapped.fields.length, messageCount: mapped.unmapped.length });
      } else {
        setCheck({ state: 'failed', error });
      }
    } finally {
      setChecking(false);
    }
  };

  return { check, checking, run };
}
