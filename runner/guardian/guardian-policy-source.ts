import { validate, describeIssues } from '../../src/lib/api/parse-response';
import { policyEnvelopeSchema } from '../../src/lib/api/guardian/policy-schema';
import { policyToWire } from '../../src/lib/api/guardian/policy-wire';
import type { PolicyLookup, PolicySource } from '../../server/policy-tests-api';

export interface GuardianSourceOptions {
  url: URL;
  authEmail?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * Policy versions from a real Guardian: `GET /api/v1beta1/policies/{id}/versions/{version}`
 * (version 0 = latest), read with the console's own schemas (either casing) and kept in REST wire
 * form. Guardian's 404 names the policy and version; no answer, a broken one or a timeout is the
 * gateway's fault (502 / 504), said in words.
 */
export function guardianPolicySource(options: GuardianSourceOptions): PolicySource {
  const root = options.url.href.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const seconds = Math.max(1, Math.round(options.timeoutMs / 1000));
  return {
    async lookup(id, version): Promise<PolicyLookup> {
      const named = version === 0 ? `policy "${id}" (latest version)` : `policy "${id}" version ${version}`;
      const url = `${root}/api/v1beta1/policies/${encodeURIComponent(id)}/versions/${version}`;
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (options.authEmail) headers['X-Auth-Email'] = options.authEmail;
      const signal = AbortSignal.timeout(options.timeoutMs);
      let status: number;
      let text: string;
      try {
        const response = await doFetch(url, { headers, signal });
        status = response.status;
        text = await response.text();
      } catch (error) {
        if (signal.aborted)
          return {
            ok: false,
            status: 504,
            message: `Guardian at ${root} did not answer for ${named} within ${seconds} s`,
          };
        const why = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        return { ok: false, status: 502, message: `Guardian at ${root} could not be reached${why}` };
      }
      if (status === 404) return { ok: false, status: 404, message: `${named} not found in Guardian` };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return {
          ok: false,
          status: 502,
          message: `Guardian answered HTTP ${status} for ${named} with a body that is not JSON`,
        };
      }
      if (status < 200 || status >= 300) {
        const said =
          typeof (body as { message?: unknown })?.message === 'string'
            ? `: ${(body as { message: string }).message}`
            : '';
        return { ok: false, status: 502, message: `Guardian answered HTTP ${status} for ${named}${said}` };
      }
      const parsed = validate(policyEnvelopeSchema, body);
      if (!parsed.ok)
        return {
          ok: false,
          status: 502,
          message: `Guardian sent ${named} in a shape the runner cannot read (${describeIssues(parsed)[0] ?? 'unexpected shape'})`,
        };
      const policy = parsed.value.policy;
      if (policy.id !== id || (version !== 0 && policy.version !== version))
        return { ok: false, status: 502, message: `Guardian answered ${named} with ${policy.id}:${policy.version}` };
      return { ok: true, ref: `${policy.id}:${policy.version}`, policy: policyToWire(policy, { omitZero: true }) };
    },
  };
}
