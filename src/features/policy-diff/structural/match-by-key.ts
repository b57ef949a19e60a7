/**
 * Pairs the items of two lists by a key (step name, question key, …). Duplicate keys, which real
 * policies do have, are told apart by occurrence: the second `a` before pairs with the second `a` after.
 */

export interface Keyed<T> {
  /** Unique within its list: the key, with `#2`, `#3` … on repeats. */
  id: string;
  key: string;
  index: number;
  item: T;
}

export interface Matching<T> {
  pairs: { before: Keyed<T>; after: Keyed<T> }[];
  removed: Keyed<T>[];
  added: Keyed<T>[];
}

function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Keyed<T>[] {
  const seen = new Map<string, number>();
  return items.map((item, index) => {
    const key = keyOf(item);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return { id: count === 1 ? key : `${key}#${count}`, key, index, item };
  });
}

export function matchByKey<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string): Matching<T> {
  const left = keyed(before, keyOf);
  const right = keyed(after, keyOf);
  const rightById = new Map(right.map((entry) => [entry.id, entry]));
  const pairs: Matching<T>['pairs'] = [];
  const removed: Keyed<T>[] = [];
  const matched = new Set<string>();
  for (const entry of left) {
    const other = rightById.get(entry.id);
    if (other) {
      pairs.push({ before: entry, after: other });
      matched.add(entry.id);
    } else removed.push(entry);
  }
  const added = right.filter((entry) => !matched.has(entry.id));
  return { pairs, removed, added };
}

/**
 * Pairs removed and added items whose content is equal apart from their key: renamed, not replaced.
 * `contentOf` gives a comparable string of everything but the key.
 */
export function pairRenames<T>(
  matching: Matching<T>,
  contentOf: (item: T) => string,
): { renames: { before: Keyed<T>; after: Keyed<T> }[]; removed: Keyed<T>[]; added: Keyed<T>[] } {
  if (matching.removed.length === 0 || matching.added.length === 0) {
    return { renames: [], removed: matching.removed, added: matching.added };
  }
  const addedByContent = new Map<string, Keyed<T>[]>();
  for (const entry of matching.added) {
    const content = contentOf(entry.item);
    const list = addedByContent.get(content);
    if (list) list.push(entry);
    else addedByContent.set(content, [entry]);
  }
  const renames: { before: Keyed<T>; after: Keyed<T> }[] = [];
  const removed: Keyed<T>[] = [];
  const taken = new Set<Keyed<T>>();
  for (const entry of matching.removed) {
    const candidate = addedByContent.get(contentOf(entry.item))?.shift();
    if (candidate) {
      renames.push({ before: entry, after: candidate });
      taken.add(candidate);
    } else removed.push(entry);
  }
  return { renames, removed, added: matching.added.filter((entry) => !taken.has(entry)) };
}

/**
 * Which pairs changed place relative to the others. Inserting one item at the top shifts every
 * index but moves nothing, so "moved" means "not on the longest run that kept its relative order".
 * Returns the set of moved pair positions (indices into `pairs`).
 */
export function findMoves(pairs: readonly { before: { index: number }; after: { index: number } }[]): Set<number> {
  const order = pairs
    .map((pair, position) => ({ position, from: pair.before.index, to: pair.after.index }))
    .sort((a, b) => a.from - b.from);
  // Longest increasing subsequence of `to` (patience sorting), O(n log n).
  const tails: number[] = [];
  const previous = new Array<number>(order.length).fill(-1);
  for (let i = 0; i < order.length; i++) {
    const to = order[i]!.to;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[tails[mid]!]!.to < to) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) kept.add(i);
  const moved = new Set<number>();
  order.forEach((entry, i) => {
    if (!kept.has(i)) moved.add(entry.position);
  });
  return moved;
}
