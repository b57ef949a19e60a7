import { undeclaredKeys } from '@/lib/guardian-rules/undeclared-keys';
import { stableJson } from '@/lib/guardian-rules/sort-keys';
import { compareField, compareList, describeWhole, type FieldSpec } from './compare-fields';
import { findMoves, matchByKey, pairRenames } from './match-by-key';
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
  const moved = spec.ordered ? findMoves(pairs) : new Set<number>();
  const fieldSpecs = (item: T, index: number) =>
    spec.fields.map((field) => ({ ...field, value: field.get(item), path: [...spec.path, index, field.field] }));
  const changes: (EntityChange & { order: number })[] = [];

  pairs.forEach((pair, position) => {
    const fields: FieldChange[] = [];
    for (const field of spec.fields) {
      const fieldSpec = { ...field, path: [...spec.path, pair.after.index, field.field] };
      const a = field.get(pair.before.item);
      const b = field.get(pair.after.item);
      const change =
        field.format === 'list' ? compareList(fieldSpec, asStrings(a), asStrings(b)) : compareField(fieldSpec, a, b);
      if (change) fields.push(change);
    }
    const isRename = position >= matching.pairs.length;
    const isMove = moved.has(position);
    if (fields.length === 0 && !isRename && !isMove) return;
    changes.push({
      id: `${spec.entity}:${pair.after.id}`,
      section: spec.section,
      entity: spec.entity,
      key: pair.after.key,
      kind: isRename ? 'renamed' : fields.length > 0 ? 'changed' : 'moved',
      fields,
      move: isMove ? { from: pair.before.index + 1, to: pair.after.index + 1 } : undefined,
      renamedFrom: isRename ? pair.before.key : undefined,
      order: pair.after.index,
    });
  });
  for (const entry of added) {
    changes.push({
      id: `${spec.entity}:${entry.id}`,
      section: spec.section,
      entity: spec.entity,
      key: entry.key,
      kind: 'added',
      fields: describeWhole(fieldSpecs(entry.item, entry.index), 'added'),
      order: entry.index,
    });
  }
  for (const entry of removed) {
    changes.push({
      id: `${spec.entity}:${entry.id}`,
      section: spec.section,
      entity: spec.entity,
      key: entry.key,
      kind: 'removed',
      fields: describeWhole(fieldSpecs(entry.item, entry.index), 'removed'),
      order: entry.index - 0.5,
    });
  }
  // Unordered things (labels, requirements) read best in key order; ordered ones where they stand.
  const byPlace = (a: { order: number }, b: { order: number }) => a.order - b.order;
  const byKey = (a: EntityChange, b: EntityChange) => a.key.localeCompare(b.key);
  return changes.sort(spec.ordered ? byPlace : byKey).map(({ order: _order, ...change }) => change);
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
