import { z } from 'zod/mini';

export const toSnakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const toCamelCase = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A zod object for a Guardian message: its declared (camelCase) keys are accepted in snake_case too
 * (real servers send snake_case, the swagger documents camelCase), and keys it does not declare are
 * kept as they came, so that nothing a newer or forked server sends is lost on the way back.
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
  return z.pipe(acceptBothCasings, z.looseObject(shape));
}

/** The keys a value carries beyond the ones its schema declares: shown read-only, sent back unchanged. */
export function extraKeys(value: Record<string, unknown>, declared: readonly string[]): string[] {
  return Object.keys(value).filter((key) => !declared.includes(key));
}
