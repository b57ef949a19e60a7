import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';
import type { CreatorProfile } from '../directory/directory';
import { FIELD_BITS } from '../directory/profile-fields';
import { APPROVED, BLOCKED, ERRORED, type UserEvaluator } from './outcome';

/**
 * An inline Cloudflare Access policy (`access_policy_req`) in a test: include (any rule), require
 * (every rule) and exclude (no rule) over the few rules a directory profile can answer — everyone,
 * email, email_domain, geo. Other rules need Cloudflare's identity data, so they end as `error`.
 */
type Rule = Record<string, unknown>;
type Match = (p: CreatorProfile) => boolean | undefined;

function compileRule(rule: Rule): Match {
  const [kind, arg] = Object.entries(rule)[0] ?? [];
  const a = isPlainObject(arg) ? arg : {};
  switch (kind) {
    case 'everyone':
      return () => true;
    case 'email': {
      const email = String(a.email ?? '').toLowerCase();
      return (p) => p.email.toLowerCase() === email;
    }
    case 'email_domain': {
      const domain = `@${String(a.domain ?? '').toLowerCase()}`;
      return (p) => p.email.toLowerCase().endsWith(domain);
    }
    case 'geo':
      return (p) => p.country === a.country_code;
    default:
      return () => undefined;
  }
}

function rules(value: unknown): Match[] {
  return Array.isArray(value) ? value.filter(isPlainObject).map((r) => compileRule(r)) : [];
}

export function accessEvaluator(policy: Record<string, unknown>): UserEvaluator {
  const include = rules(policy.include);
  const require = rules(policy.require);
  const exclude = rules(policy.exclude);
  const deny = policy.decision === 'deny';
  const evaluate = (profile: CreatorProfile) => {
    let included = false;
    for (const r of include) {
      const m = r(profile);
      if (m === undefined) return ERRORED;
      included ||= m;
    }
    let matched = included;
    for (const r of require) {
      const m = r(profile);
      if (m === undefined) return ERRORED;
      matched &&= m;
    }
    for (const r of exclude) {
      const m = r(profile);
      if (m === undefined) return ERRORED;
      if (m) matched = false;
    }
    if (deny) return matched ? BLOCKED : APPROVED;
    return matched ? APPROVED : BLOCKED;
  };
  return Object.assign(evaluate, { fields: FIELD_BITS.email | FIELD_BITS.country });
}
