import { omitTooDeep } from '../../json/json-depth';
import { isOmittedZero } from '../../guardian-rules/go-zero';
import { pickUndeclared } from '../../guardian-rules/undeclared-keys';
import { toSnakeCase } from '../casing';
import {
  additionalAppealSchema,
  appealConfigSchema,
  appealOptionsSchema,
  appealPolicyRefSchema,
  appealResourceSchema,
  durationOptionSchema,
  iamSchema,
  policySchema,
  questionSchema,
  requirementSchema,
  requirementTriggerSchema,
  stepSchema,
  type AdditionalAppeal,
  type AppealConfig,
  type Iam,
  type Policy,
  type Requirement,
  type Step,
} from './policy-schema';

/**
 * Domain model → Guardian wire form (snake_case, as the server itself writes). Keys the console
 * does not model (a fork's extras) go back exactly as they came. With `omitZero`, zero values of
 * message fields are left out the way Guardian's JSON marshaller does; map values (labels, IAM
 * config) are data and always kept.
 */
export interface WireOptions {
  omitZero?: boolean;
}

type Wire = Record<string, unknown>;

/** Renames camelCase keys to snake_case (only the ones a message declares) and drops the unset. */
function message(fields: Record<string, unknown>, options: WireOptions): Wire {
  const out: Wire = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (options.omitZero && isOmittedZero(value)) continue;
    out[key] = value;
  }
  return out;
}

function renamed<T extends Record<string, unknown>>(
  value: T,
  keys: readonly (keyof T & string)[],
  o: WireOptions,
): Wire {
  const fields: Wire = pickUndeclared(value, keys);
  for (const key of keys) fields[toSnakeCase(key)] = value[key];
  return message(fields, o);
}

function stepToWire(step: Step, o: WireOptions = {}): Wire {
  return renamed(step, stepSchema.declaredKeys, o);
}

function additionalAppealToWire(appeal: AdditionalAppeal, o: WireOptions): Wire {
  const resource = appeal.resource && renamed(appeal.resource, appealResourceSchema.declaredKeys, o);
  const options = appeal.options && renamed(appeal.options, appealOptionsSchema.declaredKeys, o);
  const policy = appeal.policy && renamed(appeal.policy, appealPolicyRefSchema.declaredKeys, o);
  return message(
    {
      ...pickUndeclared(appeal, additionalAppealSchema.declaredKeys),
      resource,
      role: appeal.role,
      options,
      policy,
    },
    o,
  );
}

function requirementToWire(requirement: Requirement, o: WireOptions = {}): Wire {
  const on = requirement.on;
  const trigger = renamed(
    { ...on, conditions: on.conditions.map((c) => message({ ...c }, o)) },
    requirementTriggerSchema.declaredKeys,
    o,
  );
  return message(
    {
      ...pickUndeclared(requirement, requirementSchema.declaredKeys),
      on: trigger,
      appeals: requirement.appeals.map((a) => additionalAppealToWire(a, o)),
    },
    o,
  );
}

function appealConfigToWire(appeal: AppealConfig, o: WireOptions = {}): Wire {
  return renamed(
    {
      ...appeal,
      durationOptions: appeal.durationOptions.map((d) => renamed(d, durationOptionSchema.declaredKeys, o)),
      questions: appeal.questions.map((q) => renamed(q, questionSchema.declaredKeys, o)),
    },
    appealConfigSchema.declaredKeys,
    o,
  );
}

function iamToWire(iam: Iam, o: WireOptions): Wire {
  const schema = Object.keys(iam.schema).length > 0 ? iam.schema : undefined;
  return message(
    { ...pickUndeclared(iam, iamSchema.declaredKeys), provider: iam.provider, config: iam.config, schema },
    o,
  );
}

export function policyToWire(policy: Policy, o: WireOptions = {}): Wire {
  const labels = Object.keys(policy.labels).length > 0 ? policy.labels : undefined;
  return message(
    {
      ...pickUndeclared(policy, policySchema.declaredKeys),
      id: policy.id,
      version: policy.version || undefined,
      title: policy.title,
      description: policy.description,
      steps: policy.steps.map((s) => stepToWire(s, o)),
      labels,
      requirements: policy.requirements.map((r) => requirementToWire(r, o)),
      iam: policy.iam && iamToWire(policy.iam, o),
      appeal: policy.appeal && appealConfigToWire(policy.appeal, o),
      created_by: policy.createdBy,
      created_at: policy.createdAt,
      updated_at: policy.updatedAt,
    },
    o,
  );
}

/** The body of a create or update: the policy's content; the server sets version and authorship. */
export function policyWriteBody(policy: Policy): Wire {
  const { createdAt: _createdAt, updatedAt: _updatedAt, createdBy: _createdBy, ...content } = policy;
  // Parts nested too deep were shown as text; they cannot be sent back as they came.
  return omitTooDeep(policyToWire({ ...content, version: 0 }));
}
