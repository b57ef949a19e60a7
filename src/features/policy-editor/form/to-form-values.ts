import {
  POLICY_KEYS,
  STEP_KEYS,
  additionalAppealSchema,
  appealOptionsSchema,
  appealPolicyRefSchema,
  appealResourceSchema,
  requirementSchema,
  requirementTriggerSchema,
  type AdditionalAppeal,
  type Policy,
  type Requirement,
  type Step,
} from '@/lib/api/guardian/policy-schema';
import { appealConfigValues } from './appeal-config-values';
import { iamValues } from './iam-values';
import { toRows } from './key-value-rows';
import { pickUndeclared } from '@/lib/guardian-rules/undeclared-keys';
import type { AdditionalAppealValues, PolicyFormValues, RequirementValues, StepValues } from './policy-form-schema';

/** The form's text for each of `keys`: "" where the policy leaves the field out. */
const texts = <K extends string>(source: Partial<Record<K, string>>, keys: readonly K[]): Record<K, string> =>
  Object.fromEntries(keys.map((key) => [key, source[key] ?? ''])) as Record<K, string>;

function stepValues(step: Step): StepValues {
  return {
    name: step.name,
    description: step.description ?? '',
    strategy: step.strategy,
    when: step.when ?? '',
    approveIf: step.approveIf ?? '',
    approvers: step.approvers.map((value) => ({ value })),
    allowFailed: step.allowFailed,
    rejectionReason: step.rejectionReason ?? '',
    extras: pickUndeclared(step, STEP_KEYS),
  };
}

function additionalAppealValues(appeal: AdditionalAppeal): AdditionalAppealValues {
  const resource = appeal.resource ?? {};
  const byUrn = !resource.id && Boolean(resource.providerType || resource.providerUrn || resource.type || resource.urn);
  const options = appeal.options ?? {};
  return {
    resourceBy: byUrn ? 'urn' : 'id',
    resourceId: resource.id ?? '',
    ...texts(resource, ['providerType', 'providerUrn', 'type', 'urn']),
    role: appeal.role ?? '',
    accessBy: options.duration ? 'duration' : options.expirationDate ? 'expiration' : 'default',
    duration: options.duration ?? '',
    expirationDate: options.expirationDate ?? '',
    policyId: appeal.policy?.id ?? '',
    policyVersion: appeal.policy?.version === undefined ? '' : String(appeal.policy.version),
    extras: pickUndeclared(appeal, additionalAppealSchema.declaredKeys),
    resourceExtras: pickUndeclared(resource, appealResourceSchema.declaredKeys),
    optionsExtras: pickUndeclared(options, appealOptionsSchema.declaredKeys),
    policyExtras: pickUndeclared(appeal.policy, appealPolicyRefSchema.declaredKeys),
  };
}

function requirementValues(requirement: Requirement): RequirementValues {
  const on = requirement.on;
  return {
    on: {
      ...texts(on, ['providerType', 'providerUrn', 'resourceType', 'resourceUrn', 'role', 'expression']),
      conditions: on.conditions,
      extras: pickUndeclared(on, requirementTriggerSchema.declaredKeys),
    },
    appeals: requirement.appeals.map(additionalAppealValues),
    extras: pickUndeclared(requirement, requirementSchema.declaredKeys),
  };
}

/** A stored policy version as the editor's form values. */
export function toFormValues(policy: Policy): PolicyFormValues {
  return {
    id: policy.id,
    title: policy.title ?? '',
    description: policy.description ?? '',
    labels: toRows(policy.labels),
    steps: policy.steps.map(stepValues),
    requirements: policy.requirements.map(requirementValues),
    appeal: appealConfigValues(policy.appeal),
    iam: iamValues(policy.iam),
    extras: pickUndeclared(policy, POLICY_KEYS),
  };
}
