import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';
import type { LookupFailure, PolicySource, TestPolicy } from './contracts';
import { isInlineGuardianPolicy, readInlineGuardianPolicy, type DraftRules } from './inline-guardian-policy';

/**
 * What a test's `policies` name. A string is a reusable policy id: `"<policy_id>:<version>"`, or a
 * bare id meaning its latest version, looked up in the server's policy source and snapshotted at
 * start. An object with `steps` is an unsaved Guardian policy (our servers' extension); any other
 * object is an inline Access policy (`access_policy_req`).
 */
export type Resolution =
  | { ok: true; policies: TestPolicy[] }
  | { ok: false; problems: string[] }
  | { ok: false; failure: LookupFailure }
  /** An inline Guardian policy Guardian would refuse: its message, as Guardian words it. */
  | { ok: false; invalidDraft: { at: string; message: string } };

const DECISIONS = ['allow', 'deny', 'non_identity', 'bypass'];

function parsePolicyRef(ref: string): { id: string; version: number } {
  const colon = ref.lastIndexOf(':');
  const tail = colon >= 0 ? ref.slice(colon + 1) : '';
  if (colon > 0 && /^\d+$/.test(tail)) return { id: ref.slice(0, colon), version: Number(tail) };
  return { id: ref, version: 0 };
}

function checkAccessPolicy(item: Record<string, unknown>, at: string): string | undefined {
  const missing = ['name', 'decision', 'include'].filter((k) => !(k in item));
  if (missing.length > 0) return `${at}: missing ${missing.join(', ')}`;
  if (typeof item.name !== 'string') return `${at}.name: must be a string`;
  if (!DECISIONS.includes(item.decision as string)) return `${at}.decision: must be one of ${DECISIONS.join(', ')}`;
  if (!Array.isArray(item.include)) return `${at}.include: must be an array of rules`;
  return undefined;
}

export async function resolvePolicies(input: unknown, source: PolicySource, rules: DraftRules): Promise<Resolution> {
  if (!isPlainObject(input) || !Array.isArray(input.policies)) {
    return { ok: false, problems: ['policies: required, an array of policy ids or policy objects'] };
  }
  if (input.policies.length === 0) return { ok: false, problems: ['policies: must name at least one policy'] };
  const problems: string[] = [];
  let invalidDraft: { at: string; message: string } | undefined;
  const slots: (TestPolicy | Promise<TestPolicy | LookupFailure | undefined> | undefined)[] = [];
  input.policies.forEach((item: unknown, i: number) => {
    const at = `policies[${i}]`;
    if (typeof item === 'string') {
      if (item.trim() === '') return problems.push(`${at}: an empty policy id`);
      const { id, version } = parsePolicyRef(item);
      slots.push(
        Promise.resolve(source.lookup(id, version)).then((found) => {
          if (found.ok) return { kind: 'guardian', ref: found.ref, policy: found.policy };
          // The mock's catalog answers "not found" as a bad request, naming the item.
          if (found.status === 400) problems.push(`${at}: ${found.message}`);
          else return found;
          return undefined;
        }),
      );
      return;
    }
    if (isPlainObject(item) && isInlineGuardianPolicy(item)) {
      const draft = readInlineGuardianPolicy(item, rules);
      if (draft.ok) slots.push({ kind: 'guardian', ref: draft.ref, policy: draft.policy });
      else invalidDraft ??= { at, message: draft.message };
      return;
    }
    if (isPlainObject(item)) {
      const problem = checkAccessPolicy(item, at);
      if (problem) problems.push(problem);
      else slots.push({ kind: 'access', policy: item });
      return;
    }
    problems.push(`${at}: must be a policy id (string) or a policy object`);
  });
  const settled = await Promise.all(slots);
  const failure = settled.find((s): s is LookupFailure => s !== undefined && 'ok' in s);
  if (failure) return { ok: false, failure };
  if (problems.length > 0) return { ok: false, problems };
  if (invalidDraft) return { ok: false, invalidDraft };
  return { ok: true, policies: settled as TestPolicy[] };
}
