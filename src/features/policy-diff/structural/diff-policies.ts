import {
  APPEAL_CONFIG_KEYS,
  POLICY_KEYS,
  appealConfigSchema,
  iamSchema,
  durationOptionSchema,
  questionSchema,
  requirementSchema,
  type AppealConfig,
  type DurationOption,
  type Iam,
  type Policy,
  type Question,
  type Requirement,
} from '@/lib/api/guardian/policy-schema';
import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { undeclaredKeys } from '@/lib/guardian-rules/undeclared-keys';
import { compareField, describeWhole, type FieldSpec } from './compare-fields';
import { diffKeyedList } from './diff-keyed-list';
import { diffSteps } from './diff-steps';
import { describeAdditionalAppeal, requirementKey } from './requirement-key';
import { summarizeDiff } from './summarize-diff';
import type { EntityChange, FieldChange, PolicyDiff } from './types';

const DEFAULT_APPEAL: AppealConfig = appealConfigSchema.parse({});

function fieldsChanged(specs: readonly (FieldSpec & { before: unknown; after: unknown })[]): FieldChange[] {
  const fields: FieldChange[] = [];
  for (const spec of specs) {
    const change = compareField(spec, spec.before, spec.after);
    if (change) fields.push(change);
  }
  return fields;
}

function entity(change: Omit<EntityChange, 'kind'> & { kind?: EntityChange['kind'] }): EntityChange[] {
  return change.fields.length > 0 ? [{ kind: 'changed', ...change }] : [];
}

function extrasSpecs(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  declared: readonly string[],
  path: readonly string[],
): (FieldSpec & { before: unknown; after: unknown })[] {
  const keys = new Set([...undeclaredKeys(before, declared), ...undeclaredKeys(after, declared)]);
  return [...keys].map((key) => ({
    field: key,
    label: key,
    format: 'json' as const,
    path: [...path, key],
    before: before[key],
    after: after[key],
  }));
}

function diffDetails(before: Policy, after: Policy): EntityChange[] {
  return entity({
    id: 'policy',
    section: 'policy',
    entity: 'policy',
    key: after.id,
    fields: fieldsChanged([
      { field: 'id', label: 'id', format: 'text', before: before.id, after: after.id },
      { field: 'title', label: 'title', format: 'text', before: before.title, after: after.title },
      {
        field: 'description',
        label: 'description',
        format: 'text',
        before: before.description,
        after: after.description,
      },
    ]),
  });
}

function diffAppealSettings(before: AppealConfig, after: AppealConfig): EntityChange[] {
  return entity({
    id: 'appeal',
    section: 'appeal',
    entity: 'appeal',
    key: 'appeal',
    fields: fieldsChanged([
      {
        field: 'allow_permanent_access',
        label: 'permanent access',
        format: 'boolean',
        before: before.allowPermanentAccess,
        after: after.allowPermanentAccess,
      },
      {
        field: 'allow_active_access_extension_in',
        label: 'extension window',
        format: 'duration',
        before: before.allowActiveAccessExtensionIn,
        after: after.allowActiveAccessExtensionIn,
      },
      {
        field: 'allow_on_behalf',
        label: 'appeals on behalf of others',
        format: 'boolean',
        before: before.allowOnBehalf,
        after: after.allowOnBehalf,
      },
      {
        field: 'allow_creator_details_failure',
        label: 'appeals when creator details fail to load',
        format: 'boolean',
        before: before.allowCreatorDetailsFailure,
        after: after.allowCreatorDetailsFailure,
      },
      ...extrasSpecs(before, after, APPEAL_CONFIG_KEYS, ['appeal']),
    ]),
  });
}

const diffDurations = (before: readonly DurationOption[], after: readonly DurationOption[]) =>
  diffKeyedList<DurationOption>(
    {
      section: 'durations',
      entity: 'duration option',
      path: ['appeal', 'duration_options'],
      keyOf: (option) => option.value,
      fields: [{ field: 'name', label: 'name', format: 'text', get: (option) => option.name }],
      declared: durationOptionSchema.declaredKeys,
      ordered: true,
    },
    before,
    after,
  );

const diffQuestions = (before: readonly Question[], after: readonly Question[]) =>
  diffKeyedList<Question>(
    {
      section: 'questions',
      entity: 'question',
      path: ['appeal', 'questions'],
      keyOf: (question) => question.key,
      fields: [
        { field: 'question', label: 'question', format: 'text', get: (q) => q.question },
        { field: 'required', label: 'required', format: 'boolean', get: (q) => q.required },
        { field: 'description', label: 'description', format: 'text', get: (q) => q.description },
      ],
      declared: questionSchema.declaredKeys,
      ordered: true,
      renames: true,
    },
    before,
    after,
  );

const diffRequirements = (before: readonly Requirement[], after: readonly Requirement[]) =>
  diffKeyedList<Requirement>(
    {
      section: 'requirements',
      entity: 'requirement',
      path: ['requirements'],
      keyOf: requirementKey,
      fields: [
        {
          field: 'appeals',
          label: 'additional appeals',
          format: 'list',
          get: (requirement) => requirement.appeals.map(describeAdditionalAppeal),
        },
      ],
      declared: requirementSchema.declaredKeys,
      ordered: false,
    },
    before,
    after,
  );

const diffLabels = (before: Record<string, string>, after: Record<string, string>) =>
  diffKeyedList<[string, string]>(
    {
      section: 'labels',
      entity: 'label',
      path: ['labels'],
      keyOf: ([key]) => key,
      fields: [{ field: 'value', label: 'value', format: 'text', get: ([, value]) => value }],
      ordered: false,
    },
    Object.entries(before).sort(([a], [b]) => a.localeCompare(b)),
    Object.entries(after).sort(([a], [b]) => a.localeCompare(b)),
  );

/** `{auth: {type, password}}` → `[['auth', 'type'], …]`: every leaf of a free-form config. */
function leaves(value: unknown, path: string[] = []): string[][] {
  if (!isPlainObject(value) || Object.keys(value).length === 0) return path.length > 0 ? [path] : [];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
}

function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) current = isPlainObject(current) ? current[key] : undefined;
  return current;
}

function diffIam(before: Iam | undefined, after: Iam | undefined): EntityChange[] {
  if (!before && !after) return [];
  const empty: Iam = { provider: '', config: {}, schema: {} };
  const a = before ?? empty;
  const b = after ?? empty;
  const configPaths = new Map<string, string[]>();
  for (const path of [...leaves(a.config), ...leaves(b.config)]) configPaths.set(path.join('.'), path);
  const schemaKeys = [...new Set([...Object.keys(a.schema), ...Object.keys(b.schema)])].sort();
  const specs: (FieldSpec & { before: unknown; after: unknown })[] = [
    { field: 'provider', label: 'provider', format: 'text', before: a.provider, after: b.provider },
    ...[...configPaths].map(([dotted, path]) => ({
      field: `config.${dotted}`,
      label: `config.${dotted}`,
      format: 'text' as const,
      path: ['iam', 'config', ...path],
      before: at(a.config, path),
      after: at(b.config, path),
    })),
    ...schemaKeys.map((key) => ({
      field: `schema.${key}`,
      label: `schema.${key}`,
      format: 'expression' as const,
      before: a.schema[key],
      after: b.schema[key],
    })),
    ...extrasSpecs(a, b, iamSchema.declaredKeys, ['iam']),
  ];
  if (!before || !after) {
    const kind = before ? 'removed' : 'added';
    const fields = describeWhole(
      specs.map((spec) => ({ ...spec, value: kind === 'added' ? spec.after : spec.before })),
      kind,
    );
    return [{ id: 'iam', section: 'iam', entity: 'iam', key: 'iam', kind, fields }];
  }
  return entity({ id: 'iam', section: 'iam', entity: 'iam', key: 'iam', fields: fieldsChanged(specs) });
}

/** A fork's top-level extras (`stages`, `custom_steps`, …): one change per key, shown as JSON. */
function diffOther(before: Policy, after: Policy): EntityChange[] {
  return extrasSpecs(before, after, POLICY_KEYS, []).flatMap((spec) => {
    const change = compareField(spec, spec.before, spec.after);
    if (!change) return [];
    const kind = change.kind;
    return [
      {
        id: `setting:${spec.field}`,
        section: 'other' as const,
        entity: 'setting' as const,
        key: spec.field,
        kind,
        fields: [change],
      },
    ];
  });
}

/**
 * What changed from `before` to `after`, part by part. Version, author and timestamps are not
 * content: two versions with the same content are `identical`.
 */
export function diffPolicies(before: Policy, after: Policy): PolicyDiff {
  const appealBefore = before.appeal ?? DEFAULT_APPEAL;
  const appealAfter = after.appeal ?? DEFAULT_APPEAL;
  const changes: EntityChange[] = [
    ...diffDetails(before, after),
    ...diffSteps(before.steps, after.steps),
    ...diffRequirements(before.requirements, after.requirements),
    ...diffAppealSettings(appealBefore, appealAfter),
    ...diffDurations(appealBefore.durationOptions, appealAfter.durationOptions),
    ...diffQuestions(appealBefore.questions, appealAfter.questions),
    ...diffLabels(before.labels, after.labels),
    ...diffIam(before.iam, after.iam),
    ...diffOther(before, after),
  ];
  return {
    before: { id: before.id, version: before.version },
    after: { id: after.id, version: after.version },
    changes,
    summary: summarizeDiff(changes),
    identical: changes.length === 0,
  };
}
