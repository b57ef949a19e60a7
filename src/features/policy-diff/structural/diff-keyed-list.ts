import { undeclaredKeys } from '@/lib/guardian-rules/undeclared-keys';
import { stableJson } from '@/lib/guardian-rules/sort-keys';
import { compareField, compareList, type FieldSpec } from './compare-fields';
import { listChanges } from './list-changes';
import { matchByKey, pairRenames } from './match-by-key';
import type { EntityChange, EntityType, FieldChange, SectionId } from './types';

/**
 * The shared shape of "a list of things matched by a key": questions by key, duration options by
 * value, requirements by trigger. Steps have their own (approver lists, extras per step).
 */
export interface KeyedListSpec<T> {
  section: SectionId;
  entity: EntityType;
  /** The wire path of the list, e.g. `['appeal', 'questions']`. */
  path: readonly string[];
  keyOf: (item: T) => string;
  /** The fields compared, besides the key. */
  fields: (FieldSpec & { get: (item: T) => unknown })[];
  /** Whether order means something to people (it does for what a form shows). */
  ordered: boolean;
  /** Spot renames: a removed and an added item equal in all but the key. */
  renames?: boolean;
  /** The keys the schema declares (camelCase); any others are a fork's extras, compared as JSON. */
  declared?: readonly string[];
}

function withExtras<T>(spec: KeyedListSpec<T>, before: readonly T[], after: readonly T[]): KeyedListSpec<T>['fields'] {
  if (!spec.declared) return spec.fields;
  const declared = spec.declared;
  const extras = new Set<string>();
  for (const item of [...before, ...after]) for (const key of undeclaredKeys(item, declared)) extras.add(key);
  return [
    ...spec.fields,
    ...[...extras].map((key) => ({
      field: key,
      label: key,
      format: 'json' as const,
      get: (item: T) => (item as Record<string, unknown>)[key],
    })),
  ];
}

export function diffKeyedList<T>(
  listSpec: KeyedListSpec<T>,
  before: readonly T[],
  after: readonly T[],
): EntityChange[] {
  const spec = { ...listSpec, fields: withExtras(listSpec, before, after) };
  const matching = matchByKey(before, after, spec.keyOf);
  const contentOf = (item: T) => stableJson(spec.fields.map((field) => field.get(item) ?? null));
  const { renames, removed, added } = spec.renames
    ? pairRenames(matching, contentOf)
    : { renames: [], removed: matching.removed, added: matching.added };
  const pairs = [...matching.pairs, ...renames];
  const fieldSpecs = (item: T, index: number) =>
    spec.fields.map((field) => ({ ...field, value: field.get(item), path: [...spec.path, index, field.field] }));
  const compare = (pair: (typeof pairs)[number]) => {
    const fields: FieldChange[] = [];
    for (const field of spec.fields) {
      const fieldSpec = { ...field, path: [...spec.path, pair.after.index, field.field] };
      const a = field.get(pair.before.item);
      const b = field.get(pair.after.item);
      const change =
        field.format === 'list' ? compareList(fieldSpec, asStrings(a), asStrings(b)) : compareField(fieldSpec, a, b);
      if (change) fields.push(change);
    }
    return fields;
  };
  return listChanges(
    { section: spec.section, entity: spec.entity, ordered: spec.ordered, compare, fieldsOf: fieldSpecs },
    { pairs, renamedFrom: matching.pairs.length, added, removed },
  );
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
