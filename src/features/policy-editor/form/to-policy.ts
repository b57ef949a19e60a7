import type { AdditionalAppeal, AppealConfig, Iam, Policy, Requirement, Step } from '@/lib/api/guardian/policy-schema';
import type {
  AdditionalAppealValues,
  AppealValues,
  IamValues,
  KeyValueRow,
  PolicyFormValues,
  RequirementValues,
  StepValues,
} from './policy-form-schema';

/** Empty text means "not set": Guardian omits zero values, so "" and absent are the same policy. */
const optional = (value: string): string | undefined => (value === '' ? undefined : value);

const hasKeys = (value: Record<string, unknown>): boolean => Object.keys(value).length > 0;

const record = (rows: KeyValueRow[]): Record<string, string> =>
  Object.fromEntries(rows.map((row) => [row.key, row.value]));

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

function toAppealConfig(appeal: AppealValues): AppealConfig | undefined {
  const config: AppealConfig = {
    ...appeal.extras,
    durationOptions: appeal.durationOptions.map((option) => ({
      ...option.extras,
      name: option.name,
      value: option.value,
    })),
    allowOnBehalf: appeal.allowOnBehalf,
    allowPermanentAccess: appeal.allowPermanentAccess,
    allowActiveAccessExtensionIn: optional(appeal.allowActiveAccessExtensionIn),
    questions: appeal.questions.map((question) => ({
      ...question.extras,
      key: question.key,
      question: question.question,
      required: question.required,
      description: optional(question.description),
    })),
    allowCreatorDetailsFailure: appeal.allowCreatorDetailsFailure,
  };
  const isEmpty =
    config.durationOptions.length === 0 &&
    config.questions.length === 0 &&
    !config.allowOnBehalf &&
    !config.allowPermanentAccess &&
    !config.allowCreatorDetailsFailure &&
    config.allowActiveAccessExtensionIn === undefined &&
    !hasKeys(appeal.extras);
  return isEmpty ? undefined : config;
}

/** Only the `auth` fields of the chosen type are sent; an unknown type the policy had is kept whole. */
function toAuth(iam: IamValues): Record<string, unknown> | undefined {
  const extras = iam.authExtras;
  switch (iam.authType) {
    case 'basic':
      return { ...extras, type: 'basic', username: iam.username, password: iam.password };
    case 'api_key':
      return { ...extras, type: 'api_key', in: iam.apiKeyIn, key: iam.apiKeyName, value: iam.apiKeyValue };
    case 'bearer':
      return { ...extras, type: 'bearer', token: iam.token };
    case 'google_idtoken':
      return { ...extras, type: 'google_idtoken', audience: iam.audience, credentials_json: iam.credentialsJson };
    case '':
      return undefined;
    default:
      return { ...extras, type: iam.authType };
  }
}

function toIam(iam: IamValues): Iam | undefined {
  if (!iam.enabled) return undefined;
  const auth = toAuth(iam);
  // A provider other than http keeps its own config whole (in configExtras); it has no url field.
  const config: Record<string, unknown> =
    iam.url === '' ? { ...iam.configExtras } : { url: iam.url, ...iam.configExtras };
  if (iam.headers.length > 0) config.headers = record(iam.headers);
  if (auth) config.auth = auth;
  return { ...iam.extras, provider: iam.provider, config, schema: record(iam.schema) };
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
    labels: record(values.labels),
    requirements: values.requirements.map(toRequirement),
    iam: toIam(values.iam),
    appeal: toAppealConfig(values.appeal),
  };
}
