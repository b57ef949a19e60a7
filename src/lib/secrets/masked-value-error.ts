import type { JsonPath } from './mask-secrets';

/**
 * A write refused before it left the console: it carries a masked placeholder where a secret goes
 * (masked-write.ts). On its own, without the search for masks, so that telling this error apart
 * (src/lib/api/describe-api-error.ts, in the app's shell) does not bring that search along.
 */
export class MaskedValueError extends Error {
  override readonly name = 'MaskedValueError';
  constructor(
    readonly paths: JsonPath[],
    message: string,
  ) {
    super(message);
  }
}
