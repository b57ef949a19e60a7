import { isSecretKey } from '@/lib/secrets';
import type { PolicyFormValues } from '../form/policy-form-schema';

/**
 * Drafts live in localStorage, which any script of this origin can read and which outlives the
 * session: no secret goes there. A secret the edit started with is stored as a reference to it
 * (the base version still holds it); a secret typed in this edit is left out, and the admin is
 * told to type it again after restoring.
 */

const IAM_SECRET_FIELDS = new Set(['password', 'apiKeyValue', 'token', 'credentialsJson']);
const EXTRAS_KEYS = new Set([
  'extras',
  'configExtras',
  'authExtras',
  'resourceExtras',
  'optionsExtras',
  'policyExtras',
]);
const MARKER = '\u0000draft-secret:';

/** Words for a secret field the form shows, for "type it again" messages. */
const FIELD_WORDS: Record<string, string> = {
  password: 'IAM password',
  apiKeyValue: 'IAM API key',
  token: 'IAM bearer token',
  credentialsJson: 'IAM Google credentials',
};

type Path = (string | number)[];

/** A header row whose name says it carries a credential (`Authorization`, `X-Api-Token`). */
const isSecretHeaderRow = (path: Path, node: unknown) =>
  path.length === 3 &&
  path[0] === 'iam' &&
  path[1] === 'headers' &&
  typeof node === 'object' &&
  node !== null &&
  typeof (node as { key?: unknown }).key === 'string' &&
  isSecretKey((node as { key: string }).key);

function isSecretAt(path: Path, parent: unknown): boolean {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  if (key === 'value' && isSecretHeaderRow(path.slice(0, -1), parent)) return true;
  if (path.length === 2 && path[0] === 'iam') return IAM_SECRET_FIELDS.has(key);
  const inExtras = path.some((segment) => typeof segment === 'string' && EXTRAS_KEYS.has(segment));
  return inExtras && isSecretKey(key, { inIamConfig: path[0] === 'iam' });
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

function walk(node: unknown, path: Path, visit: (value: unknown, path: Path) => unknown, parent?: unknown): unknown {
  if (isSecretAt(path, parent) && isSet(node)) return visit(node, path);
  if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i], visit, node));
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, walk(value, [...path, key], visit, node)]),
    );
  }
  return node;
}

function secretsOf(values: PolicyFormValues | undefined): unknown[] {
  const found: unknown[] = [];
  if (values) walk(values, [], (value) => found.push(value));
  return found;
}

/** The object holding the value at `path`. */
function rowAt(root: unknown, path: Path): unknown {
  return path
    .slice(0, -1)
    .reduce<unknown>((node, segment) => (node as Record<string | number, unknown> | undefined)?.[segment], root);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function describe(path: Path, parent?: unknown): string {
  const key = String(path[path.length - 1]);
  if (isSecretHeaderRow(path.slice(0, -1), parent)) return `IAM header ${(parent as { key: string }).key}`;
  return path.length === 2 ? (FIELD_WORDS[key] ?? key) : `${key} (${path.slice(0, -1).join('.')})`;
}

/** The values as a draft may store them, and the secrets it had to leave out. */
export function withoutSecrets(values: PolicyFormValues, base: PolicyFormValues | undefined) {
  const known = secretsOf(base);
  const left: string[] = [];
  const stored = walk(values, [], (value, path) => {
    const index = known.findIndex((secret) => same(secret, value));
    if (index >= 0) return `${MARKER}${index}`;
    left.push(describe(path, rowAt(values, path)));
    return '';
  }) as PolicyFormValues;
  return { values: stored, leftOut: left };
}

/** A stored draft's values with the base's secrets put back; references the base no longer has become empty. */
export function withSecrets(stored: PolicyFormValues, base: PolicyFormValues | undefined) {
  const known = secretsOf(base);
  const lost: string[] = [];
  const restore = (node: unknown, path: Path): unknown => {
    if (typeof node === 'string' && node.startsWith(MARKER)) {
      const index = Number(node.slice(MARKER.length));
      if (index < known.length) return known[index];
      lost.push(describe(path, rowAt(stored, path)));
      return '';
    }
    if (Array.isArray(node)) return node.map((item, i) => restore(item, [...path, i]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, restore(value, [...path, key])]));
    }
    return node;
  };
  return { values: restore(stored, []) as PolicyFormValues, lost };
}
