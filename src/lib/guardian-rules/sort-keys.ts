import { isPlainObject } from './plain-object';

/**
 * A copy with every object's keys in sorted order, lists kept in theirs: Guardian's JSON objects are
 * unordered, so key order alone never makes two policies differ.
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
  return sorted;
}

/** JSON text that is equal exactly when the values are, whatever their key order. */
export function stableJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent) ?? 'null';
}
