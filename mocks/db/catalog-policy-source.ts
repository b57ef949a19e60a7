import type { PolicySource } from '../../server/policy-tests-api';
import type { MockState } from '../state/mock-state';

/** The mock account holds the Guardian catalog: a ref it does not have is a bad request, as before. */
export function catalogPolicySource(state: MockState): PolicySource {
  return {
    lookup(id, version) {
      const stored = state.catalog.get(id, version);
      if (!stored)
        return { ok: false, status: 400, message: `policy "${version === 0 ? id : `${id}:${version}`}" not found` };
      return { ok: true, ref: `${stored.id}:${stored.version}`, policy: stored };
    },
  };
}
