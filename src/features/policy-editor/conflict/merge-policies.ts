import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { policyContent } from '@/lib/policy-document/policy-content';

/**
 * A three-way merge of policy content, for "keep editing on top of theirs": the changes this edit
 * made to its base, applied to the version someone else saved meanwhile. Steps, questions and
 * duration options are matched by their keys (name, key, value), lists of plain values as sets.
 * Where both sides changed the same thing differently, this edit's value wins and the place is
 * reported, so the admin can look at it before saving.
 */
export interface MergeResult {
  policy: Policy;
  /** Where both changed the same thing differently, e.g. `steps › manager_approval › approvers`. */
  conflicts: string[];
}

type Json = unknown;

const KEY_OF: Record<string, string> = { steps: 'name', durationOptions: 'value', questions: 'key' };

const equal = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);
const isPrimitive = (v: Json) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function keyed(list: Json[], key: string): Map<string, Json> | undefined {
  const map = new Map<string, Json>();
  for (const item of list) {
    const k = isPlainObject(item) ? item[key] : undefined;
    if (typeof k !== 'string' || map.has(k)) return undefined;
    map.set(k, item);
  }
  return map;
}

class Merger {
  conflicts: string[] = [];

  merge(base: Json, mine: Json, theirs: Json, path: string[]): Json {
    if (equal(mine, base)) return theirs;
    if (equal(theirs, base)) return mine;
    if (equal(mine, theirs)) return mine;
    if (isPlainObject(mine) && isPlainObject(theirs) && (base === undefined || isPlainObject(base))) {
      return this.objects(base ?? {}, mine, theirs, path);
    }
    if (Array.isArray(mine) && Array.isArray(theirs) && Array.isArray(base)) {
      const merged = this.arrays(base, mine, theirs, path);
      if (merged) return merged;
    }
    this.conflicts.push(path.join(' › ') || 'policy');
    return mine;
  }

  private objects(
    base: Record<string, Json>,
    mine: Record<string, Json>,
    theirs: Record<string, Json>,
    path: string[],
  ) {
    const out: Record<string, Json> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])) {
      const value = this.merge(base[key], mine[key], theirs[key], [...path, key]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  private arrays(base: Json[], mine: Json[], theirs: Json[], path: string[]): Json[] | undefined {
    const last = path[path.length - 1] ?? '';
    const keyName = KEY_OF[last];
    if (keyName) {
      const [b, m, t] = [keyed(base, keyName), keyed(mine, keyName), keyed(theirs, keyName)];
      if (b && m && t) return this.keyedLists(b, m, t, path);
    }
    if ([base, mine, theirs].every((list) => list.every(isPrimitive))) {
      const removed = base.filter((v) => !mine.includes(v));
      const added = mine.filter((v) => !base.includes(v));
      return [...theirs.filter((v) => !removed.includes(v)), ...added.filter((v) => !theirs.includes(v))];
    }
    if (base.length === mine.length && base.length === theirs.length) {
      return mine.map((item, i) => this.merge(base[i], item, theirs[i], [...path, String(i + 1)]));
    }
    return undefined;
  }

  private keyedLists(base: Map<string, Json>, mine: Map<string, Json>, theirs: Map<string, Json>, path: string[]) {
    const common = (list: Map<string, Json>) => [...list.keys()].filter((k) => base.has(k));
    const mineReordered = !equal(
      common(mine),
      [...base.keys()].filter((k) => mine.has(k)),
    );
    const [primary, secondary] = mineReordered ? [mine, theirs] : [theirs, mine];
    const order = [...primary.keys(), ...[...secondary.keys()].filter((k) => !primary.has(k))];
    const out: Json[] = [];
    for (const key of order) {
      const value = this.merge(base.get(key), mine.get(key), theirs.get(key), [...path, key]);
      if (value !== undefined) out.push(value);
    }
    return out;
  }
}

export function mergePolicies(base: Policy, mine: Policy, theirs: Policy): MergeResult {
  const plain = (p: Policy) => JSON.parse(JSON.stringify(policyContent(p))) as Json;
  const merger = new Merger();
  const merged = merger.merge(plain(base), plain(mine), plain(theirs), []);
  const parsed = policySchema.safeParse(merged);
  // The merge of three valid policies is valid; should it not be, this edit is kept as it is.
  return parsed.success
    ? { policy: parsed.data, conflicts: merger.conflicts }
    : { policy: mine, conflicts: ['policy'] };
}
