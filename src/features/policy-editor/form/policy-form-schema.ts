import { z } from 'zod/mini';
import type { HttpAuthType } from '@/lib/guardian-rules/http-iam-config';
import type { Settings } from '@/lib/settings';

/**
 * The editor's form model: what the inputs hold, not what Guardian stores. Lists are arrays of
 * objects (react-hook-form field arrays need that), maps are key/value rows, numbers are the text
 * typed, and every object keeps the keys the console does not model (`extras`) so they go back to
 * the server unchanged. `to-form-values.ts` and `to-policy.ts` map between this and the domain
 * `Policy`.
 */

const extras = z.record(z.string(), z.unknown());
const keyValueRow = z.object({ key: z.string(), value: z.string() });

const STRATEGIES = ['auto', 'manual'] as const;

const stepValues = z.object({
  name: z.string(),
  description: z.string(),
  strategy: z.enum(STRATEGIES),
  when: z.string(),
  approveIf: z.string(),
  approvers: z.array(z.object({ value: z.string() })),
  allowFailed: z.boolean(),
  rejectionReason: z.string(),
  extras,
});

const triggerValues = z.object({
  providerType: z.string(),
  providerUrn: z.string(),
  resourceType: z.string(),
  resourceUrn: z.string(),
  role: z.string(),
  expression: z.string(),
  /** Legacy `{field, match}` conditions: carried as they came, shown read-only. */
  conditions: z.array(z.unknown()),
  extras,
});

const additionalAppealValues = z.object({
  /** A resource is named either by its id or by provider type/URN + resource type/URN. */
  resourceBy: z.enum(['id', 'urn']),
  resourceId: z.string(),
  providerType: z.string(),
  providerUrn: z.string(),
  type: z.string(),
  urn: z.string(),
  role: z.string(),
  /** How long the extra access lasts: the appeal's default, a duration, or until a date. */
  accessBy: z.enum(['default', 'duration', 'expiration']),
  duration: z.string(),
  expirationDate: z.string(),
  policyId: z.string(),
  policyVersion: z.string(),
  extras,
  resourceExtras: extras,
  optionsExtras: extras,
  policyExtras: extras,
});

const requirementValues = z.object({
  on: triggerValues,
  appeals: z.array(additionalAppealValues),
  extras,
});

const durationOptionValues = z.object({ name: z.string(), value: z.string(), extras });
const questionValues = z.object({
  key: z.string(),
  question: z.string(),
  required: z.boolean(),
  description: z.string(),
  extras,
});

const appealValues = z.object({
  durationOptions: z.array(durationOptionValues),
  allowPermanentAccess: z.boolean(),
  allowActiveAccessExtensionIn: z.string(),
  allowOnBehalf: z.boolean(),
  allowCreatorDetailsFailure: z.boolean(),
  questions: z.array(questionValues),
  extras,
});

const iamValues = z.object({
  enabled: z.boolean(),
  provider: z.string(),
  url: z.string(),
  headers: z.array(keyValueRow),
  /** '' (none), one of HTTP_AUTH_TYPES, or a type the policy had that Guardian does not know (shown, refused). */
  authType: z.string(),
  username: z.string(),
  password: z.string(),
  /** header or query; anything else the policy had is shown and refused. */
  apiKeyIn: z.string(),
  apiKeyName: z.string(),
  apiKeyValue: z.string(),
  token: z.string(),
  audience: z.string(),
  credentialsJson: z.string(),
  schema: z.array(keyValueRow),
  extras,
  configExtras: extras,
  authExtras: extras,
});

export const policyFormShape = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  labels: z.array(keyValueRow),
  steps: z.array(stepValues),
  requirements: z.array(requirementValues),
  appeal: appealValues,
  iam: iamValues,
  extras,
});

export type PolicyFormValues = z.infer<typeof policyFormShape>;
export type StepValues = z.infer<typeof stepValues>;
export type RequirementValues = z.infer<typeof requirementValues>;
export type AdditionalAppealValues = z.infer<typeof additionalAppealValues>;
export type DurationOptionValues = z.infer<typeof durationOptionValues>;
export type QuestionValues = z.infer<typeof questionValues>;
export type AppealValues = z.infer<typeof appealValues>;
export type IamValues = z.infer<typeof iamValues>;
export type KeyValueRow = z.infer<typeof keyValueRow>;
export type AuthType = HttpAuthType;

export interface PolicyFormOptions {
  /** The id field is editable (and checked) only for a new policy; an edit keeps its id. */
  isNew: boolean;
  /** Which expr runtime expressions are checked against (the `exprTarget` setting). */
  exprTarget: Settings['exprTarget'];
}
