import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import {
  APPEAL_CONFIG_KEYS,
  POLICY_KEYS,
  STEP_KEYS,
  additionalAppealSchema,
  appealOptionsSchema,
  appealPolicyRefSchema,
  appealResourceSchema,
  durationOptionSchema,
  iamSchema,
  questionSchema,
  requirementSchema,
  requirementTriggerSchema,
  type AdditionalAppeal,
  type AppealConfig,
  type Iam,
  type Policy,
  type Requirement,
  type Step,
} from '@/lib/api/guardian/policy-schema';
import { emptyIam, emptyPolicyValues } from './empty-values';
import { HTTP_AUTH_KEYS, HTTP_CONFIG_KEYS, isHttpAuthType } from '@/lib/guardian-rules/http-iam-config';
import { pickUndeclared } from '@/lib/guardian-rules/undeclared-keys';
import type {
  AdditionalAppealValues,
  AppealValues,
  IamValues,
  KeyValueRow,
  PolicyFormValues,
  RequirementValues,
  StepValues,
} from './policy-form-schema';

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

const rows = (record: Record<string, string>): KeyValueRow[] =>
  Object.entries(record).map(([key, value]) => ({ key, value }));

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
    providerType: resource.providerType ?? '',
    providerUrn: resource.providerUrn ?? '',
    type: resource.type ?? '',
    urn: resource.urn ?? '',
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
      providerType: on.providerType ?? '',
      providerUrn: on.providerUrn ?? '',
      resourceType: on.resourceType ?? '',
      resourceUrn: on.resourceUrn ?? '',
      role: on.role ?? '',
      expression: on.expression ?? '',
      conditions: on.conditions,
      extras: pickUndeclared(on, requirementTriggerSchema.declaredKeys),
    },
    appeals: requirement.appeals.map(additionalAppealValues),
    extras: pickUndeclared(requirement, requirementSchema.declaredKeys),
  };
}

function appealValues(appeal: AppealConfig | undefined): AppealValues {
  if (!appeal) return emptyPolicyValues().appeal;
  return {
    durationOptions: appeal.durationOptions.map((option) => ({
      name: option.name,
      value: option.value,
      extras: pickUndeclared(option, durationOptionSchema.declaredKeys),
    })),
    allowPermanentAccess: appeal.allowPermanentAccess,
    allowActiveAccessExtensionIn: appeal.allowActiveAccessExtensionIn ?? '',
    allowOnBehalf: appeal.allowOnBehalf,
    allowCreatorDetailsFailure: appeal.allowCreatorDetailsFailure,
    questions: appeal.questions.map((question) => ({
      key: question.key,
      question: question.question,
      required: question.required,
      description: question.description ?? '',
      extras: pickUndeclared(question, questionSchema.declaredKeys),
    })),
    extras: pickUndeclared(appeal, APPEAL_CONFIG_KEYS),
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

function iamValues(iam: Iam | undefined): IamValues {
  if (!iam) return emptyIam();
  const config = iam.config;
  const configExtras = pickUndeclared(config, HTTP_CONFIG_KEYS);
  // A config part the form cannot show as fields stays an extra, sent back as it came.
  if (config.headers !== undefined && !isStringRecord(config.headers)) configExtras.headers = config.headers;
  if (config.auth !== undefined && !isPlainObject(config.auth)) configExtras.auth = config.auth;
  const auth = isPlainObject(config.auth) ? config.auth : {};
  const knownType = isHttpAuthType(auth.type);
  const authType = typeof auth.type === 'string' ? auth.type : '';
  const credentials = auth.credentials_json;
  return {
    enabled: true,
    provider: iam.provider,
    url: text(config.url),
    headers: isStringRecord(config.headers) ? rows(config.headers) : [],
    authType,
    username: text(auth.username),
    password: text(auth.password),
    apiKeyIn: auth.type === 'api_key' ? text(auth.in) : 'header',
    apiKeyName: text(auth.key),
    apiKeyValue: text(auth.value),
    token: text(auth.token),
    audience: text(auth.audience),
    credentialsJson: isPlainObject(credentials) ? JSON.stringify(credentials, null, 2) : text(credentials),
    schema: rows(iam.schema),
    extras: pickUndeclared(iam, iamSchema.declaredKeys),
    configExtras,
    // An auth of a type the console does not know keeps all its fields (the form refuses the type).
    authExtras: knownType ? pickUndeclared(auth, HTTP_AUTH_KEYS) : pickUndeclared(auth, ['type']),
  };
}

/** A stored policy version as the editor's form values. */
export function toFormValues(policy: Policy): PolicyFormValues {
  return {
    id: policy.id,
    title: policy.title ?? '',
    description: policy.description ?? '',
    labels: rows(policy.labels),
    steps: policy.steps.map(stepValues),
    requirements: policy.requirements.map(requirementValues),
    appeal: appealValues(policy.appeal),
    iam: iamValues(policy.iam),
    extras: pickUndeclared(policy, POLICY_KEYS),
  };
}
