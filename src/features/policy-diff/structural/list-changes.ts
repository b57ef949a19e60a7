import { describeWhole, type FieldSpec } from './compare-fields';
import { findMoves, type Keyed } from './match-by-key';
import type { EntityChange, EntityType, FieldChange, SectionId } from './types';

type Pair<T> = { before: Keyed<T>; after: Keyed<T> };

export interface ListChangeSpec<T> {
  section: SectionId;
  entity: EntityType;
  /** Whether order means something to people: then moves are reported and changes read where they stand. */
  ordered: boolean;
  /** The fields that differ between two matched items. */
  compare: (pair: Pair<T>) => FieldChange[];
  /** Every field of one item, with its value and wire path, for an item added or removed whole. */
  fieldsOf: (item: T, index: number) => (FieldSpec & { value: unknown })[];
  /** The lengths of both lists, when an added or removed item says where it stands among the others. */
  lengths?: { before: number; after: number };
}

/**
 * The changes between two lists already matched by key: `pairs` (those matched by key first, then the renames
 * from `renamedFrom` on), the added and the removed. A pair shows only if it differs, was renamed or moved.
 */
export function listChanges<T>(
  spec: ListChangeSpec<T>,
  lists: { pairs: Pair<T>[]; renamedFrom: number; added: Keyed<T>[]; removed: Keyed<T>[] },
): EntityChange[] {
  const { section, entity, lengths } = spec;
  const moved = spec.ordered ? findMoves(lists.pairs) : new Set<number>();
  const changes: (EntityChange & { order: number })[] = [];

  lists.pairs.forEach((pair, position) => {
    const fields = spec.compare(pair);
    const isRename = position >= lists.renamedFrom;
    const isMove = moved.has(position);
    if (fields.length === 0 && !isRename && !isMove) return;
    changes.push({
      id: `${entity}:${pair.after.id}`,
      section,
      entity,
      key: pair.after.key,
      kind: isRename ? 'renamed' : fields.length > 0 ? 'changed' : 'moved',
      fields,
      move: isMove ? { from: pair.before.index + 1, to: pair.after.index + 1 } : undefined,
      renamedFrom: isRename ? pair.before.key : undefined,
      order: pair.after.index,
    });
  });
  const whole = (entry: Keyed<T>, kind: 'added' | 'removed', of: number | undefined) => {
    changes.push({
      id: `${entity}:${entry.id}`,
      section,
      entity,
      key: entry.key,
      kind,
      fields: describeWhole(spec.fieldsOf(entry.item, entry.index), kind),
      ...(of === undefined ? {} : { position: { at: entry.index + 1, of } }),
      // A removed item is shown where it was, between the ones that are left.
      order: kind === 'added' ? entry.index : entry.index - 0.5,
    });
  };
  for (const entry of lists.added) whole(entry, 'added', lengths?.after);
  for (const entry of lists.removed) whole(entry, 'removed', lengths?.before);
  // Unordered things (labels, requirements) read best in key order; ordered ones where they stand.
  const byPlace = (a: { order: number }, b: { order: number }) => a.order - b.order;
  const byKey = (a: EntityChange, b: EntityChange) => a.key.localeCompare(b.key);
  return changes.sort(spec.ordered ? byPlace : byKey).map(({ order: _order, ...change }) => change);
}
