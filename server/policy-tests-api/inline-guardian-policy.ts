import { policySchema } from '../../src/lib/api/guardian/policy-schema';
import { policyToWire } from '../../src/lib/api/guardian/policy-wire';
import type { Target } from '../../src/lib/expr';
import { validateGuardianPolicy } from '../../mocks/validation/guardian-rules';
import { loosePolicy } from '../../mocks/validation/loose-policy';
import { decodePolicyBody } from '../../mocks/validation/proto-decode';

/**
 * An unsaved Guardian policy sent inline in a test's `policies` (our servers' extension): an object
 * with `steps`, in Guardian's REST wire form (either casing, as Guardian reads request bodies). It is
 * checked as Guardian checks a policy it is asked to save, so a draft that Guardian would refuse is
 * refused here in Guardian's own words, and a client can put them on its fields.
 */
export interface DraftRules {
  target: Target;
  /** The stricter checks of the mock's `strict` validation (see mocks/validation/guardian-rules.ts). */
  strict: boolean;
}

export type InlineGuardianPolicy =
  { ok: true; ref: string; policy: Record<string, unknown> } | { ok: false; message: string };

/** Whether a `policies` item is an inline Guardian policy rather than a Cloudflare Access one. */
export function isInlineGuardianPolicy(item: Record<string, unknown>): boolean {
  return 'steps' in item;
}

export function readInlineGuardianPolicy(item: Record<string, unknown>, rules: DraftRules): InlineGuardianPolicy {
  const decoded = decodePolicyBody(JSON.stringify(item));
  if (!decoded.ok) return { ok: false, message: decoded.message };
  // Like an update: the version is the server's to set, so a draft needs none.
  const outcome = validateGuardianPolicy(loosePolicy(decoded.body), {
    isUpdate: true,
    strict: rules.strict,
    target: rules.target,
  });
  if (!outcome.ok) return { ok: false, message: outcome.message };
  const parsed = policySchema.safeParse({ ...item, version: 0 });
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    return { ok: false, message: `policy validation: ${problem?.path.join('.') ?? ''}: ${problem?.message ?? ''}` };
  }
  return {
    ok: true,
    ref: `${parsed.data.id}:draft`,
    policy: policyToWire(parsed.data, { omitZero: true }) as Record<string, unknown>,
  };
}
