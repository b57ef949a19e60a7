import { isPlainObject } from './plain-object';

/**
 * The keys a value carries beyond the ones its message declares: what a newer or forked Guardian
 * sent. They are shown read-only and sent back exactly as they came.
 */
export function undeclaredKeys(value: unknown, declared: readonly string[]): string[] {
  return isPlainObject(value) ? Object.keys(value).filter((key) => !declared.includes(key)) : [];
}

/** Those keys with their values. */
export function pickUndeclared(value: unknown, declared: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  if (isPlainObject(value)) for (const key of undeclaredKeys(value, declared)) picked[key] = value[key];
  return picked;
}
