import { policySchema, type Policy } from '../../src/lib/api/guardian/policy-schema';
import { policyToWire } from '../../src/lib/api/guardian/policy-wire';
import { HTTP_AUTH_KEYS } from '../../src/lib/guardian-rules/http-iam-config';
import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';

/** A policy version exactly as the mock's Guardian answers with it (snake_case, zero values left out). */
export type WirePolicy = Record<string, unknown> & { id: string; version: number };

/** protojson writes Timestamps as RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits. */
export function protoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * Guardian round-trips an http IAM config through its Go struct (HTTPClientConfig) when it reads a
 * policy, so only the struct's fields survive, and `omitempty` ones vanish when empty. Secrets come
 * back decrypted, in plain text — the console has to mask them.
 */
function normalizeIamConfig(provider: unknown, config: unknown): unknown {
  if (provider !== 'http' || !isPlainObject(config)) return config;
  const out: Record<string, unknown> = { url: typeof config.url === 'string' ? config.url : '' };
  if (isPlainObject(config.headers) && Object.keys(config.headers).length > 0) out.headers = config.headers;
  if (isPlainObject(config.auth)) {
    const auth: Record<string, unknown> = { type: typeof config.auth.type === 'string' ? config.auth.type : '' };
    for (const key of HTTP_AUTH_KEYS.slice(1)) {
      const value = config.auth[key];
      if (typeof value === 'string' && value !== '') auth[key] = value;
    }
    out.auth = auth;
  }
  return out;
}

/** Domain policy → the stored, answered wire form. */
export function toWirePolicy(policy: Policy): WirePolicy {
  const wire = policyToWire(policy, { omitZero: true }) as WirePolicy;
  const iam = wire.iam;
  if (isPlainObject(iam) && 'config' in iam) iam.config = normalizeIamConfig(iam.provider, iam.config);
  return wire;
}

/** Any accepted policy JSON (either casing) → the stored wire form, extra keys kept. */
export function normalizeWirePolicy(input: unknown): WirePolicy {
  return toWirePolicy(policySchema.parse(input));
}
