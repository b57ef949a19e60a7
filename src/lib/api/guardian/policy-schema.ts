import { z } from 'zod';
import { wireObject } from '../casing';

/**
 * One schema per Guardian resource. Input: a Guardian response or request body in either casing,
 * with zero values possibly omitted. Output: the console's camelCase domain model with defaults
 * filled in, so "absent" and "false" / "" / [] mean the same thing everywhere.
 */

const int = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
/** proto `string` fields that hand-written YAML often gives as numbers (e.g. `resource.id: 99`). */
const looseString = z.union([z.string(), z.number().transform(String)]);

export const stepSchema = wireObject({
  name: z.string(),
  description: z.string().optional(),
  strategy: z.enum(['auto', 'manual'], { error: 'strategy must be "auto" or "manual"' }),
  when: z.string().optional(),
  approveIf: z.string().optional(),
  approvers: z.array(z.string()).default([]),
  allowFailed: z.boolean().default(false),
  rejectionReason: z.string().optional(),
});

export const conditionSchema = wireObject({
  field: z.string().optional(),
  match: z.looseObject({ eq: z.unknown().optional() }).optional(),
});

export const requirementTriggerSchema = wireObject({
  providerType: z.string().optional(),
  providerUrn: z.string().optional(),
  resourceType: z.string().optional(),
  resourceUrn: z.string().optional(),
  role: z.string().optional(),
  conditions: z.array(conditionSchema).default([]),
  expression: z.string().optional(),
});

export const additionalAppealSchema = wireObject({
  resource: wireObject({
    id: looseString.optional(),
    providerType: z.string().optional(),
    providerUrn: z.string().optional(),
    type: z.string().optional(),
    urn: z.string().optional(),
  }).optional(),
  role: z.string().optional(),
  options: wireObject({
    expirationDate: z.string().optional(),
    duration: z.string().optional(),
  }).optional(),
  policy: wireObject({ id: z.string().optional(), version: int.optional() }).optional(),
});

export const requirementSchema = wireObject({
  on: requirementTriggerSchema,
  appeals: z.array(additionalAppealSchema).default([]),
});

export const durationOptionSchema = wireObject({
  name: z.string().default(''),
  value: z.string().default(''),
});

export const questionSchema = wireObject({
  key: z.string().default(''),
  question: z.string().default(''),
  required: z.boolean().default(false),
  description: z.string().optional(),
});

export const appealConfigSchema = wireObject({
  durationOptions: z.array(durationOptionSchema).default([]),
  allowOnBehalf: z.boolean().default(false),
  allowPermanentAccess: z.boolean().default(false),
  allowActiveAccessExtensionIn: z.string().optional(),
  questions: z.array(questionSchema).default([]),
  allowCreatorDetailsFailure: z.boolean().default(false),
});

export const iamSchema = wireObject({
  provider: z.string(),
  /** Provider-specific and free-form (google.protobuf.Value): kept exactly as sent, secrets included. */
  config: z.record(z.string(), z.unknown()).default({}),
  schema: z.record(z.string(), z.string()).default({}),
});

export const policySchema = wireObject({
  id: z.string().min(1, 'a policy needs an id'),
  version: int.default(0),
  title: z.string().optional(),
  description: z.string().optional(),
  steps: z.array(stepSchema).default([]),
  labels: z.record(z.string(), z.string()).default({}),
  requirements: z.array(requirementSchema).default([]),
  iam: iamSchema.optional(),
  appeal: appealConfigSchema.optional(),
  createdBy: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

export type Step = z.infer<typeof stepSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type RequirementTrigger = z.infer<typeof requirementTriggerSchema>;
export type AdditionalAppeal = z.infer<typeof additionalAppealSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type DurationOption = z.infer<typeof durationOptionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type AppealConfig = z.infer<typeof appealConfigSchema>;
export type Iam = z.infer<typeof iamSchema>;
export type Policy = z.infer<typeof policySchema>;

/** The keys each message declares, for telling known parts from a server's (or fork's) extras. */
export const POLICY_KEYS = [
  'id',
  'version',
  'title',
  'description',
  'steps',
  'labels',
  'requirements',
  'iam',
  'appeal',
  'createdBy',
  'createdAt',
  'updatedAt',
] as const;
export const STEP_KEYS = [
  'name',
  'description',
  'strategy',
  'when',
  'approveIf',
  'approvers',
  'allowFailed',
  'rejectionReason',
] as const;
export const APPEAL_CONFIG_KEYS = [
  'durationOptions',
  'allowOnBehalf',
  'allowPermanentAccess',
  'allowActiveAccessExtensionIn',
  'questions',
  'allowCreatorDetailsFailure',
] as const;

export const policyEnvelopeSchema = z.object({ policy: policySchema });
export const preferencesEnvelopeSchema = z.object({ appeal: appealConfigSchema.default(appealConfigSchema.parse({})) });
export const policyListEnvelopeSchema = z.object({ policies: z.array(z.unknown()).default([]) });
/** Guardian's error body (grpc-gateway `rpcStatus`). */
export const guardianErrorSchema = z.looseObject({ code: z.number().optional(), message: z.string().optional() });
