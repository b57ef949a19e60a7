import type { JsonPath } from './mask-secrets';

/**
 * A run of the mask's bullet character: what a masked secret looks like once it has left the console
 * (a copied YAML view, an old download). It is never a real secret, so no write may carry it.
 */
const MASK_RUN = /\u2022{4,}/;

export const MASKED_VALUE_MESSAGE =
  'This is a masked value (••••••••), not the secret: enter the real one, or leave it out.';

export function isMaskedValue(value: unknown): boolean {
  return typeof value === 'string' && MASK_RUN.test(value);
}

/** Every place in `value` that holds a masked placeholder instead of a value, in document order. */
export function findMaskedValues(value: unknown): JsonPath[] {
  const found: JsonPath[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMaskedValue(node)) found.push(path);
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    }
  };
  walk(value, []);
  return found;
}
