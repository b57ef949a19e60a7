import type { Policy } from '@/lib/api/guardian/policy-schema';
import { isApiError } from '@/lib/api/api-error';
import { describeApiError } from '@/lib/api/describe-api-error';
import { policyDocumentObject, sameContent } from '@/lib/policy-document';
import { explainServerRefusal, validationMessageOf } from '@/features/policy-editor';
import { forEachConcurrently } from '../plan/concurrently';
import type { ApplyResult, PlanEntry } from '../plan/plan-entry';
import type { PlanStore } from '../plan/plan-store';

export interface ApplyDeps {
  /** The latest version, or undefined when the server has no policy with this id (404). */
  latest: (id: string) => Promise<Policy | undefined>;
  create: (policy: Policy) => Promise<Policy>;
  update: (policy: Policy) => Promise<Policy>;
}

/** Writes at once. Versions of one policy are never written in parallel: ids are unique in a plan. */
const APPLY_CONCURRENCY = 2;

/** Top-level keys the server did not store as sent (a raystack server drops a fork's `stages`). */
function keysNotKept(sent: Policy, saved: Policy): string[] {
  const a = policyDocumentObject(sent, { metadata: false, maskSecrets: false });
  const b = policyDocumentObject(saved, { metadata: false, maskSecrets: false });
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
}

const mayHaveArrived = (error: unknown) => isApiError(error) && (error.kind === 'timeout' || error.kind === 'network');

/**
 * Applies one planned file, safely when run twice: the latest version is read again first, and a
 * server that already holds this content (a reload mid-apply, a colleague) is success without a write;
 * a version saved since the plan is a conflict, never overwritten. A write that gets no answer is
 * checked the same way before it is called a failure.
 */
export async function applyEntry(entry: PlanEntry, deps: ApplyDeps): Promise<ApplyResult> {
  const policy = entry.policy!;
  const isNew = entry.status === 'new';
  let latest: Policy | undefined;
  try {
    latest = await deps.latest(policy.id);
  } catch (error) {
    const { title, message } = describeApiError(error);
    return {
      kind: 'failed',
      message: `Could not read the latest version first (${title}): ${message} Nothing was written.`,
    };
  }
  if (latest && sameContent(latest, policy)) return { kind: 'already', version: latest.version };
  if (isNew && latest) {
    return {
      kind: 'conflict',
      message: `“${policy.id}” was created on the server (v${latest.version}) after this plan. Plan again to see it; nothing was written.`,
    };
  }
  if (!isNew && !latest) {
    return { kind: 'conflict', message: `The server no longer has “${policy.id}”. Plan again; nothing was written.` };
  }
  if (!isNew && latest && latest.version !== entry.latest?.version) {
    return {
      kind: 'conflict',
      message: `v${latest.version} of “${policy.id}” was saved after this plan (planned from v${entry.latest?.version}). Plan again to see their change; nothing was written.`,
    };
  }
  try {
    const saved = isNew ? await deps.create(policy) : await deps.update(policy);
    return { kind: 'applied', version: saved.version, created: isNew, notKept: keysNotKept(policy, saved) };
  } catch (error) {
    if (mayHaveArrived(error)) {
      const after = await deps.latest(policy.id).catch(() => undefined);
      if (after && sameContent(after, policy)) {
        return { kind: 'applied', version: after.version, created: isNew, notKept: [] };
      }
    }
    const validation = validationMessageOf(error);
    if (validation) return { kind: 'refused', problems: explainServerRefusal(validation, policy) };
    const { title, message } = describeApiError(error);
    const tail = mayHaveArrived(error) ? ' The server did not store it (checked).' : '';
    return { kind: 'failed', message: `${title}: ${message}${tail}` };
  }
}

/** Applies the selected files; one file's failure does not stop the others. */
export async function runApply(
  keys: readonly string[],
  store: PlanStore,
  deps: ApplyDeps,
  onResult?: (entry: PlanEntry) => void,
): Promise<void> {
  for (const key of keys) store.update(key, { stage: 'applying', result: undefined });
  await forEachConcurrently(keys, APPLY_CONCURRENCY, async (key) => {
    const entry = store.get(key);
    if (!entry) return;
    const result = await applyEntry(entry, deps);
    const ok = result.kind === 'applied' || result.kind === 'already';
    store.update(key, { stage: ok ? 'applied' : 'failed', result, selected: false });
    onResult?.(store.get(key)!);
  });
}
