import type { PolicySource } from '../../server/policy-tests-api';
import type { Catalog } from './catalog';

/**
 * Versions from a seeded catalog. The mock's account answers a ref it does not have as a bad
 * request (400, as it always has); the runner's built-in catalog as Guardian would, with a 404.
 */
export function catalogPolicySource(catalog: () => Catalog, notFoundStatus: 400 | 404 = 400): PolicySource {
  return {
    lookup(id, version) {
      const stored = catalog().get(id, version);
      if (!stored) {
        const named = version === 0 ? `policy "${id}"` : `policy "${id}:${version}"`;
        return { ok: false, status: notFoundStatus, message: `${named} not found` };
      }
      return { ok: true, ref: `${stored.id}:${stored.version}`, policy: stored };
    },
  };
}
