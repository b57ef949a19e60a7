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
  const aliases = Object.keys(shape)
    .map((camel) => [toSnakeCase(camel), camel] as const)
    .filter(([snake, camel]) => snake !== camel);
  const acceptBothCasings = z.transform((input: unknown) => {
    if (!isPlainObject(input)) return input;
    let output: Record<string, unknown> | undefined;
    for (const [snake, camel] of aliases) {
      if (!(snake in input)) continue;
      output ??= { ...input };
      if (output[camel] === undefined) output[camel] = output[snake];
      delete output[snake];
    }
    return output ?? input;
  });
  const declaredKeys: readonly (keyof Shape & string)[] = Object.keys(shape);
  return Object.assign(z.pipe(acceptBothCasings, z.looseObject(shape)), { declaredKeys });
}
