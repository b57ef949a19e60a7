import type { JsonPath } from './mask-secrets';
import { findMaskedValues, MASKED_VALUE_MESSAGE } from './masked-values';

/** A write refused before it left the console: it carries a masked placeholder where a secret goes. */
export class MaskedValueError extends Error {
  override readonly name = 'MaskedValueError';
  constructor(readonly paths: JsonPath[]) {
    super(`${MASKED_VALUE_MESSAGE} Found at ${paths.map((path) => path.join('.')).join(', ')}. Nothing was sent.`);
  }
}

/**
 * The last line of defence: no request body that stores a policy may carry a mask (a YAML copied from
 * a masked view, a re-imported download) as a value. The fields refuse it first; this refuses
 * whatever reaches the wire anyway.
 */
export function refuseMaskedValues<T>(body: T): T {
  const paths = findMaskedValues(body);
  if (paths.length > 0) throw new MaskedValueError(paths);
  return body;
}
