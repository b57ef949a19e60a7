import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';
import { NO_STEP, packVerdict, reasonCode } from '../../src/lib/appeal';
import { RECORD_BITS } from '../directory/iam-record-fields';
import { APPROVED, BLOCKED, ERRORED, type UserEvaluator, type UserUnderTest } from './outcome';

/**
 * An inline Cloudflare Access policy (`access_policy_req`) in a test: include (any rule), require
 * (every rule) and exclude (no rule) over the few rules a directory record can answer — everyone,
 * email, email_domain, geo. Other rules need Cloudflare's identity data, so they end as `error`.
 */
type Rule = Record<string, unknown>;
type Match = (u: UserUnderTest) => boolean | undefined;

function compileRule(rule: Rule): Match {
  const [kind, arg] = Object.entries(rule)[0] ?? [];
  const a = isPlainObject(arg) ? arg : {};
  switch (kind) {
    case 'everyone':
      return () => true;
    case 'email': {
      const email = String(a.email ?? '').toLowerCase();
      return (u) => u.email.toLowerCase() === email;
    }
    case 'email_domain': {
      const domain = `@${String(a.domain ?? '').toLowerCase()}`;
      return (u) => u.email.toLowerCase().endsWith(domain);
    }
    case 'geo':
      return (u) => u.record.country === a.country_code;
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
  const decide = (profile: UserUnderTest) => {
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
  // Access policies have no steps; the verdict's reason says only "matched", "did not match" or "cannot tell".
  const verdicts = [
    packVerdict(APPROVED, reasonCode('approved'), NO_STEP),
    packVerdict(BLOCKED, reasonCode('approve_if_false'), NO_STEP),
    packVerdict(ERRORED, reasonCode('invalid_step'), NO_STEP),
  ];
  const evaluate = (user: UserUnderTest) => verdicts[decide(user)]!;
  return Object.assign(evaluate, { fields: RECORD_BITS.country, needsEmail: true });
}
