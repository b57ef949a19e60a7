import { findMaskedValues, MASKED_VALUE_MESSAGE } from './masked-values';
import { MaskedValueError } from './masked-value-error';

/**
 * The last line of defence: no request body that stores a policy may carry a mask (a YAML copied from
 * a masked view, a re-imported download) as a value. The fields refuse it first; this refuses
 * whatever reaches the wire anyway.
 */
export function refuseMaskedValues<T>(body: T): T {
  const paths = findMaskedValues(body);
  if (paths.length > 0) {
    const where = paths.map((path) => path.join('.')).join(', ');
    throw new MaskedValueError(paths, `${MASKED_VALUE_MESSAGE} Found at ${where}. Nothing was sent.`);
  }
  return body;
}
