import { z } from 'zod/mini';
import { isPlainObject } from '../guardian-rules/plain-object';

export const toSnakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const toCamelCase = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * A zod object for a Guardian message: its declared (camelCase) keys are accepted in snake_case too
 * (real servers send snake_case, the swagger documents camelCase), and keys it does not declare are
 * kept as they came, so that nothing a newer or forked server sends is lost on the way back.
 * `declaredKeys` lists the message's own (camelCase) keys, for telling them from such extras.
 */
export function wireObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const renames = new Map(
    Object.keys(shape)
      .map((camel) => [toSnakeCase(camel), camel] as const)
      .filter(([snake, camel]) => snake !== camel),
  );
  const acceptBothCasings = z.transform((input: unknown) => {
    if (!isPlainObject(input) || !hasAny(input, renames)) return input;
    return renamed(input, renames);
  });
  const declaredKeys: readonly (keyof Shape & string)[] = Object.keys(shape);
  return Object.assign(z.pipe(acceptBothCasings, z.looseObject(shape)), { declaredKeys });
}

function hasAny(input: Record<string, unknown>, renames: ReadonlyMap<string, string>): boolean {
  for (const snake of renames.keys()) if (Object.hasOwn(input, snake)) return true;
  return false;
}

/**
 * `input` with each snake_case key of `renames` under its camelCase name (the camelCase key wins when
 * both are there and it is set), every other key as it came, in its order. A new object built key by
 * key: deleting keys from a copy leaves V8 a slow dictionary-mode object, which every later read of
 * it pays for.
 */
function renamed(input: Record<string, unknown>, renames: ReadonlyMap<string, string>): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const value = input[key];
    const camel = renames.get(key);
    if (camel !== undefined) {
      if (input[camel] === undefined) setOwn(output, camel, value);
    } else if (value !== undefined || !Object.hasOwn(output, key)) setOwn(output, key, value);
  }
  return output;
}

/** Sets a key of a new object; a key "__proto__" (JSON.parse makes it an own key) stays a key, as a copy keeps it. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
