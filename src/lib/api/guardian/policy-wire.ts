import { isPlainObject, toSnakeCase } from '../casing';
import type { AdditionalAppeal, AppealConfig, Iam, Policy, Requirement, Step } from './policy-schema';

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

function isZero(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === false ||
    value === '' ||
    value === 0 ||
    (Array.isArray(value) && value.length === 0) ||
    (isPlainObject(value) && Object.keys(value).length === 0)
  );
}

/** Renames camelCase keys to snake_case (only the ones a message declares) and drops the unset. */
function message(fields: Record<string, unknown>, options: WireOptions): Wire {
  const out: Wire = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (options.omitZero && isZero(value)) continue;
    out[key] = value;
  }
  return out;
}

function extras(value: Record<string, unknown>, declared: readonly string[]): Wire {
  const out: Wire = {};
  for (const [key, v] of Object.entries(value)) if (!declared.includes(key)) out[key] = v;
  return out;
}

function renamed<T extends Record<string, unknown>>(
  value: T,
  keys: readonly (keyof T & string)[],
  o: WireOptions,
): Wire {
  const fields: Wire = extras(value, keys);
  for (const key of keys) fields[toSnakeCase(key)] = value[key];
  return message(fields, o);
}

export function stepToWire(step: Step, o: WireOptions = {}): Wire {
  return renamed(
    step,
    ['name', 'description', 'strategy', 'when', 'approveIf', 'approvers', 'allowFailed', 'rejectionReason'],
    o,
  );
}

function additionalAppealToWire(appeal: AdditionalAppeal, o: WireOptions): Wire {
  const resource = appeal.resource && renamed(appeal.resource, ['id', 'providerType', 'providerUrn', 'type', 'urn'], o);
  const options = appeal.options && renamed(appeal.options, ['expirationDate', 'duration'], o);
  const policy = appeal.policy && renamed(appeal.policy, ['id', 'version'], o);
  return message(
    { ...extras(appeal, ['resource', 'role', 'options', 'policy']), resource, role: appeal.role, options, policy },
    o,
  );
}

export function requirementToWire(requirement: Requirement, o: WireOptions = {}): Wire {
  const on = requirement.on;
  const trigger = renamed(
    { ...on, conditions: on.conditions.map((c) => message({ ...c }, o)) },
    ['providerType', 'providerUrn', 'resourceType', 'resourceUrn', 'role', 'conditions', 'expression'],
    o,
  );
  return message(
    {
      ...extras(requirement, ['on', 'appeals']),
      on: trigger,
      appeals: requirement.appeals.map((a) => additionalAppealToWire(a, o)),
    },
    o,
  );
}

export function appealConfigToWire(appeal: AppealConfig, o: WireOptions = {}): Wire {
  return renamed(
    {
      ...appeal,
      durationOptions: appeal.durationOptions.map((d) => renamed(d, ['name', 'value'], o)),
      questions: appeal.questions.map((q) => renamed(q, ['key', 'question', 'required', 'description'], o)),
    },
    [
      'durationOptions',
      'allowOnBehalf',
      'allowPermanentAccess',
      'allowActiveAccessExtensionIn',
      'questions',
      'allowCreatorDetailsFailure',
    ],
    o,
  );
}

function iamToWire(iam: Iam, o: WireOptions): Wire {
  const schema = Object.keys(iam.schema).length > 0 ? iam.schema : undefined;
  return message(
    { ...extras(iam, ['provider', 'config', 'schema']), provider: iam.provider, config: iam.config, schema },
    o,
  );
}

export function policyToWire(policy: Policy, o: WireOptions = {}): Wire {
  const labels = Object.keys(policy.labels).length > 0 ? policy.labels : undefined;
  return message(
    {
      ...extras(policy, [
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
      ]),
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
  return policyToWire({ ...content, version: 0 });
}
