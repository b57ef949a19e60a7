import { isApiError } from '@/lib/api/api-error';
import { describeApiError } from '@/lib/api/describe-api-error';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { getSettings } from '@/lib/settings';
import { createPolicy, getPolicyVersion, updatePolicy } from '@/features/policies';
import { checkPolicy, explainServerRefusal, validationMessageOf } from '@/features/policy-editor';
import { loadTestCases } from '@/features/appeal-trace';
import type { ApplyDeps } from '../apply/run-apply';
import type { ServerCheck } from '../plan/plan-entry';
import type { PlanDeps } from '../plan/run-plan';

const isNotFound = (error: unknown) => isApiError(error) && error.kind === 'http' && error.status === 404;

/**
 * A policy's latest version as the server has it now (version 0 asks Guardian for the latest, on
 * raystack and goto alike), or undefined when there is no such policy.
 */
async function latestVersion(id: string, signal?: AbortSignal): Promise<Policy | undefined> {
  try {
    return await getPolicyVersion({ id, version: 0 }, { signal });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function dryRun(policy: Policy, isNew: boolean, signal: AbortSignal): Promise<ServerCheck> {
  try {
    await (isNew ? createPolicy : updatePolicy)({ policy, dryRun: true }, signal);
    return { state: 'passed' };
  } catch (error) {
    const validation = validationMessageOf(error);
    if (validation) return { state: 'refused', problems: explainServerRefusal(validation, policy) };
    const { title, message } = describeApiError(error);
    return { state: 'failed', message: `${title}: ${message}` };
  }
}

export function planDeps(): PlanDeps {
  return {
    latestVersion,
    dryRun,
    checkPolicy: (policy, isNew) => checkPolicy(policy, { isNew, exprTarget: getSettings().exprTarget }),
    storedCases: async (policyId) => (await loadTestCases()).casesSnapshot(policyId).cases,
    runCases: async (policy, cases) => {
      const { runTraceJob } = await loadTestCases();
      const result = await runTraceJob({ kind: 'cases', policy, cases, target: getSettings().exprTarget });
      return result.kind === 'cases' ? result.results : [];
    },
  };
}

export const applyDeps: ApplyDeps = {
  latest: (id) => latestVersion(id),
  create: (policy) => createPolicy({ policy }),
  update: (policy) => updatePolicy({ policy }),
};
