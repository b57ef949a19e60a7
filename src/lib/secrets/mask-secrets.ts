import { isPlainObject } from '../guardian-rules/plain-object';
import { isSecretKey } from './secret-keys';

/** What a masked value shows. Fixed length: the mask must not hint at the secret's size. */
export const SECRET_MASK = '••••••••';
/** What a masked value shows in a comparison when it differs from the other side's. */
export const SECRET_MASK_CHANGED = '•••••••• (changed)';

/** A path into a JSON value: object keys and array indices. */
export type JsonPath = readonly (string | number)[];

/**
 * Whether the value at `path` (in a policy, either casing) is a secret: a secret-looking key anywhere,
 * and under `iam.config` also the generic `value` of an api_key auth.
 */
export function isSecretPath(path: JsonPath): boolean {
  const inIamConfig = path[0] === 'iam' && path[1] === 'config' && path.length > 2;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (typeof segment !== 'string') continue;
    // `iam.config` itself is not a secret; the keys below it may be.
    if (inIamConfig && i < 2) continue;
    if (isSecretKey(segment, { inIamConfig: inIamConfig && i >= 2 })) return true;
  }
  return false;
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isPlainObject(current) ? current[segment] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface MaskOptions {
  /**
   * The path of `value` inside its policy, when masking part of one (e.g. `['iam', 'config']`),
   * so that the rules for `iam.config` apply.
   */
  at?: JsonPath;
  /**
   * The other side of a comparison, with the same root as `value`: a secret that differs from the
   * secret at the same path there is shown as "changed" rather than with the plain mask, so a line
   * diff still shows the change without showing either value.
   */
  compareTo?: unknown;
}

/**
 * A deep copy of `value` with every secret replaced by a fixed mask. Empty secrets stay empty
 * (an unset password is worth seeing). Never mutates its input.
 */
export function maskSecrets<T>(value: T, options: MaskOptions = {}): T {
  const base = options.at ?? [];
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (path.length > base.length && isSecretPath(path) && hasValue(node)) {
      if (options.compareTo !== undefined) {
        const other = valueAt(options.compareTo, path.slice(base.length));
        if (!sameJson(node, other)) return SECRET_MASK_CHANGED;
      }
      return SECRET_MASK;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (isPlainObject(node)) {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) out[key] = walk(child, [...path, key]);
      return out;
    }
    return node;
  };
  return walk(value, [...base]) as T;
}

/** Whether anything in `value` would be masked: to say so next to raw views. */
export function containsSecrets(value: unknown, at: JsonPath = []): boolean {
  const walk = (node: unknown, path: (string | number)[]): boolean => {
    if (path.length > at.length && isSecretPath(path) && hasValue(node)) return true;
    if (Array.isArray(node)) return node.some((item, i) => walk(item, [...path, i]));
    if (isPlainObject(node)) return Object.entries(node).some(([key, child]) => walk(child, [...path, key]));
    return false;
  };
  return walk(value, [...at]);
}

/** Every secret in `value` that holds something, with its path, in document order. */
export function findSecrets(value: unknown, at: JsonPath = []): { path: JsonPath; value: unknown }[] {
  const found: { path: JsonPath; value: unknown }[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (path.length > at.length && isSecretPath(path) && hasValue(node)) {
      found.push({ path: path.slice(at.length), value: node });
      return;
    }
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (isPlainObject(node)) for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, [...at]);
  return found;
}

/** A deep copy of `value` with every secret left out (the key too), and the paths of what was left out. */
export function omitSecrets<T>(value: T): { value: T; omitted: JsonPath[] } {
  const omitted: JsonPath[] = [];
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (!isPlainObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const childPath = [...path, key];
      if (isSecretPath(childPath) && hasValue(child)) omitted.push(childPath);
      else out[key] = walk(child, childPath);
    }
    return out;
  };
  return { value: walk(value, []) as T, omitted };
}
