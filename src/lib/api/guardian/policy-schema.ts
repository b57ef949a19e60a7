import { z } from 'zod/mini';
import '../zod-messages';
import { wireObject } from '../casing';

/**
 * One schema per Guardian resource. Input: a Guardian response or request body in either casing,
 * with zero values possibly omitted. Output: the console's camelCase domain model with defaults
 * filled in, so "absent" and "false" / "" / [] mean the same thing everywhere.
 *
 * Written with zod/mini: these schemas load with the first view, and mini is a fraction of the size.
 */

const INTEGER_DIGITS = /^-?\d+$/;

/**
 * A proto int: an integer, or its digits as text (protojson's int64). One transform with the issues
 * and words of the union of `z.int()` and a digits regex it replaces ("Invalid input"; an integer
 * beyond the safe range is too big or small): z.union, z.int and z.regex are 0.9 kB gzip of the
 * catalog's worker, which loads before the first row.
 */
const int = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): number => {
    if (typeof value === 'string' && INTEGER_DIGITS.test(value)) return Number(value);
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      ctx.issues.push({ code: 'invalid_union', errors: [], input: value });
    } else if (value > Number.MAX_SAFE_INTEGER) {
      ctx.issues.push({
        code: 'too_big',
        origin: 'int',
        maximum: Number.MAX_SAFE_INTEGER,
        inclusive: true,
        input: value,
      });
    } else if (value < Number.MIN_SAFE_INTEGER) {
      ctx.issues.push({
        code: 'too_small',
        origin: 'int',
        minimum: Number.MIN_SAFE_INTEGER,
        inclusive: true,
        input: value,
      });
    }
    return Number(value);
  }),
);
/**
 * proto `string` fields that hand-written YAML often gives as numbers (e.g. `resource.id: 99`): a
 * string, or a finite number as its text; the union's "Invalid input" otherwise.
 */
const looseString = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): string => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    ctx.issues.push({ code: 'invalid_union', errors: [], input: value });
    return '';
  }),
);
const optionalString = () => z.optional(z.string());
const flag = () => z._default(z.boolean(), false);
const list = <T extends z.core.SomeType>(item: T) => z._default(z.array(item), () => []);
/**
 * A proto map (`map<string, …>`, google.protobuf.Struct): an object of any keys, each value checked.
 * An object with a catch-all rather than `z.record`: the same check with one schema kind fewer to
 * load in the catalog's worker.
 */
const map = <T extends z.core.SomeType>(value: T) => z._default(z.catchall(z.object({}), value), () => ({}));

/**
 * A step's strategy, "auto" or "manual": `z.enum`'s issue and our words, without z.enum's machinery
 * (0.3 kB gzip of the catalog's worker, which loads before the first row).
 */
const strategy = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): 'auto' | 'manual' => {
    if (value === 'auto' || value === 'manual') return value;
    ctx.issues.push({
      code: 'invalid_value',
      values: ['auto', 'manual'],
      input: value,
      message: 'strategy must be "auto" or "manual"',
    });
    return 'manual';
  }),
);

export const stepSchema = wireObject({
  name: z.string(),
  description: optionalString(),
  strategy,
  when: optionalString(),
  approveIf: optionalString(),
  approvers: list(z.string()),
  allowFailed: flag(),
  rejectionReason: optionalString(),
});

export const conditionSchema = wireObject({
  field: optionalString(),
  match: z.optional(z.looseObject({ eq: z.optional(z.unknown()) })),
});

export const requirementTriggerSchema = wireObject({
  providerType: optionalString(),
  providerUrn: optionalString(),
  resourceType: optionalString(),
  resourceUrn: optionalString(),
  role: optionalString(),
  conditions: list(conditionSchema),
  expression: optionalString(),
});

export const appealResourceSchema = wireObject({
  id: z.optional(looseString),
  providerType: optionalString(),
  providerUrn: optionalString(),
  type: optionalString(),
  urn: optionalString(),
});

export const appealOptionsSchema = wireObject({ expirationDate: optionalString(), duration: optionalString() });

export const appealPolicyRefSchema = wireObject({ id: optionalString(), version: z.optional(int) });

export const additionalAppealSchema = wireObject({
  resource: z.optional(appealResourceSchema),
  role: optionalString(),
  options: z.optional(appealOptionsSchema),
  policy: z.optional(appealPolicyRefSchema),
});

export const requirementSchema = wireObject({
  on: requirementTriggerSchema,
  appeals: list(additionalAppealSchema),
});

export const durationOptionSchema = wireObject({
  name: z._default(z.string(), ''),
  value: z._default(z.string(), ''),
});

export const questionSchema = wireObject({
  key: z._default(z.string(), ''),
  question: z._default(z.string(), ''),
  required: flag(),
  description: optionalString(),
});

export const appealConfigSchema = wireObject({
  durationOptions: list(durationOptionSchema),
  allowOnBehalf: flag(),
  allowPermanentAccess: flag(),
  allowActiveAccessExtensionIn: optionalString(),
  questions: list(questionSchema),
  allowCreatorDetailsFailure: flag(),
});

export const iamSchema = wireObject({
  provider: z.string(),
  /** Provider-specific and free-form (google.protobuf.Value): kept exactly as sent, secrets included. */
  config: map(z.unknown()),
  schema: map(z.string()),
});

/**
 * A policy's id: a string, not empty. The length is checked in a transform with `z.minLength`'s issue
 * and our words: zod's check machinery is 0.4 kB gzip of the catalog's worker (before the first row).
 */
const policyId = z.pipe(
  z.string(),
  z.transform((id: string, ctx) => {
    if (id.length === 0) {
      ctx.issues.push({
        code: 'too_small',
        origin: 'string',
        minimum: 1,
        inclusive: true,
        input: id,
        message: 'a policy needs an id',
      });
    }
    return id;
  }),
);

/** What identifies a version and says when and by whom it was saved: a version's stamp. */
const stampShape = {
  id: policyId,
  version: z._default(int, 0),
  createdBy: optionalString(),
  createdAt: optionalString(),
  updatedAt: optionalString(),
};

export const policySchema = wireObject({
  id: stampShape.id,
  version: stampShape.version,
  title: optionalString(),
  description: optionalString(),
  steps: list(stepSchema),
  labels: map(z.string()),
  requirements: list(requirementSchema),
  iam: z.optional(iamSchema),
  appeal: z.optional(appealConfigSchema),
  createdBy: stampShape.createdBy,
  createdAt: stampShape.createdAt,
  updatedAt: stampShape.updatedAt,
});

/**
 * A policy version's stamp, read with the same rules as in `policySchema`: a list of 50,000 versions
 * is checked this far for every row, and in full for the versions that are shown.
 */
export const policyStampSchema = wireObject(stampShape);

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
export type PolicyStamp = z.infer<typeof policyStampSchema>;

/** The keys each message declares, for telling known parts from a server's (or fork's) extras. */
export const POLICY_KEYS = policySchema.declaredKeys;
export const STEP_KEYS = stepSchema.declaredKeys;
export const APPEAL_CONFIG_KEYS = appealConfigSchema.declaredKeys;

export const policyEnvelopeSchema = z.object({ policy: policySchema });
export const preferencesEnvelopeSchema = z.object({
  appeal: z._default(appealConfigSchema, () => appealConfigSchema.parse({})),
});
export const policyListEnvelopeSchema = z.object({ policies: list(z.unknown()) });
