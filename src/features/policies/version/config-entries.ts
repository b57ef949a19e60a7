import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { isSecretPath } from '@/lib/secrets';

export interface ConfigEntry {
  /** `auth.password` */
  path: string;
  /** The value as text: strings as they are, anything else as JSON. */
  value: string;
  secret: boolean;
}

/** An IAM config (free-form) as a flat list of leaves, each told whether it is a secret. */
export function configEntries(
  config: Record<string, unknown>,
  at: readonly string[] = ['iam', 'config'],
): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (isPlainObject(value) && Object.keys(value).length > 0 && !(path.length > 0 && isSecretPath([...at, ...path]))) {
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
      return;
    }
    if (path.length === 0) return;
    entries.push({
      path: path.join('.'),
      value: typeof value === 'string' ? value : JSON.stringify(value),
      secret: isSecretPath([...at, ...path]) && value !== '' && value !== null && value !== undefined,
    });
  };
  walk(config, []);
  return entries;
}
