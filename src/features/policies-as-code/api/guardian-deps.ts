import { isApiError } from '@/lib/api/api-error';
import { describeApiError } from '@/lib/api/describe-api-error';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { getSettings } from '@/lib/settings';
import { createPolicy, getLatestPolicies, getPolicyVersion, updatePolicy } from '@/features/policies';
import { checkPolicy, explainServerRefusal, validationMessageOf } from '@/features/policy-editor';
import { loadTestCases } from '@/features/appeal-trace';
import type { ApplyDeps } from '../apply/run-apply';
import type { ServerCheck } from '../plan/plan-entry';
import type { PlanDeps } from '../plan/run-plan';

const isNotFound = (error: unknown) => isApiError(error) && error.kind === 'http' && error.status === 404;

/** The latest version of every policy, from a fresh read of the list (every version of every policy). */
async function latestVersions(): Promise<Map<string, Policy>> {
  const latest = await getLatestPolicies();
  return new Map(latest.map((policy) => [policy.id, policy]));
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
    latestVersions: () => latestVersions(),
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
  latest: async (id) => {
    try {
      return await getPolicyVersion({ id, version: 0 });
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  },
  create: (policy) => createPolicy({ policy }),
  update: (policy) => updatePolicy({ policy }),
};
