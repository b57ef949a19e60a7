import { isPlainObject } from '@/lib/api/casing';

/** The keys of `value` that `declared` does not list: a fork's extras, kept aside and sent back as they came. */
export function pickExtras(value: unknown, declared: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(value)) return {};
  const extras: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!declared.includes(key)) extras[key] = v;
  return extras;
}

export const hasKeys = (value: Record<string, unknown>): boolean => Object.keys(value).length > 0;
