import type { AdditionalAppeal, Policy, Requirement, Step } from '@/lib/api/guardian/policy-schema';
import { toAppealConfig } from './appeal-config-values';
import { toIam } from './iam-values';
import { hasKeys, optional } from './unset-fields';
import { toRecord } from './key-value-rows';
import type { AdditionalAppealValues, PolicyFormValues, RequirementValues, StepValues } from './policy-form-schema';

/** Fields that do not apply to the chosen strategy are not sent, even if the form still holds them. */
function toStep(step: StepValues): Step {
  const auto = step.strategy === 'auto';
  return {
    ...step.extras,
    name: step.name,
    description: optional(step.description),
    strategy: step.strategy,
    when: optional(step.when),
    approveIf: auto ? optional(step.approveIf) : undefined,
    approvers: auto ? [] : step.approvers.map((approver) => approver.value),
    allowFailed: step.allowFailed,
    rejectionReason: auto ? optional(step.rejectionReason) : undefined,
  };
}

function toAdditionalAppeal(appeal: AdditionalAppealValues): AdditionalAppeal {
  const byId = appeal.resourceBy === 'id';
  const options = {
    ...appeal.optionsExtras,
    duration: appeal.accessBy === 'duration' ? optional(appeal.duration) : undefined,
    expirationDate: appeal.accessBy === 'expiration' ? optional(appeal.expirationDate) : undefined,
  };
  const hasPolicy = appeal.policyId !== '' || appeal.policyVersion !== '' || hasKeys(appeal.policyExtras);
  return {
    ...appeal.extras,
    resource: {
      ...appeal.resourceExtras,
      id: byId ? optional(appeal.resourceId) : undefined,
      providerType: byId ? undefined : optional(appeal.providerType),
      providerUrn: byId ? undefined : optional(appeal.providerUrn),
      type: byId ? undefined : optional(appeal.type),
      urn: byId ? undefined : optional(appeal.urn),
    },
    role: optional(appeal.role),
    options: options.duration || options.expirationDate || hasKeys(appeal.optionsExtras) ? options : undefined,
    policy: hasPolicy
      ? {
          ...appeal.policyExtras,
          id: optional(appeal.policyId),
          version: /^\d+$/.test(appeal.policyVersion) ? Number(appeal.policyVersion) : undefined,
        }
      : undefined,
  };
}

function toRequirement(requirement: RequirementValues): Requirement {
  const on = requirement.on;
  return {
    ...requirement.extras,
    on: {
      ...on.extras,
      providerType: optional(on.providerType),
      providerUrn: optional(on.providerUrn),
      resourceType: optional(on.resourceType),
      resourceUrn: optional(on.resourceUrn),
      role: optional(on.role),
      conditions: on.conditions as Requirement['on']['conditions'],
      expression: optional(on.expression),
    },
    appeals: requirement.appeals.map(toAdditionalAppeal),
  };
}

/**
 * The form's values as the domain policy to send: unknown keys of every part go back as they
 * came; version and authorship are the server's to set.
 */
export function toPolicy(values: PolicyFormValues): Policy {
  return {
    ...values.extras,
    id: values.id,
    version: 0,
    title: optional(values.title),
    description: optional(values.description),
    steps: values.steps.map(toStep),
    labels: toRecord(values.labels),
    requirements: values.requirements.map(toRequirement),
    iam: toIam(values.iam),
    appeal: toAppealConfig(values.appeal),
  };
}
