import { isPlainObject } from '../guardian-rules/plain-object';
import { findSecrets, type JsonPath } from './mask-secrets';

function parentOf(root: unknown, path: JsonPath): Record<string, unknown> | undefined {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
    else node = isPlainObject(node) ? node[segment] : undefined;
  }
  return isPlainObject(node) ? node : undefined;
}

function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A policy file written for git leaves its secrets out (a comment names each). Applying it should
 * not wipe them: each secret the server's version holds and the file leaves out is kept, as long as
 * the file still has the object it sits in, of the same `type` (an auth switched from basic to bearer
 * does not inherit the old password). Both sides in wire form; returns a copy and the paths kept.
 */
export function carryOverSecrets<T>(file: T, server: unknown): { value: T; kept: JsonPath[] } {
  const out = cloneJson(file);
  const kept: JsonPath[] = [];
  for (const secret of findSecrets(server)) {
    const key = secret.path[secret.path.length - 1];
    if (typeof key !== 'string') continue;
    const target = parentOf(out, secret.path);
    const source = parentOf(server, secret.path);
    if (!target || !source || target[key] !== undefined) continue;
    if ('type' in source && target.type !== source.type) continue;
    target[key] = cloneJson(secret.value);
    kept.push(secret.path);
  }
  return { value: out, kept };
}
