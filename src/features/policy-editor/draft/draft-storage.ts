import { z } from 'zod/mini';
import { policyFormShape, type PolicyFormValues } from '../form/policy-form-schema';
import { withSecrets, withoutSecrets } from './draft-secrets';

/**
 * One draft per policy (`policy-console.draft.<id>`, or `.new` for a policy not saved yet), written
 * as the admin types, so a reload, a crash or a closed tab costs nothing.
 */
export const draftKey = (policyId: string | undefined): string => `policy-console.draft.${policyId ?? 'new'}`;

const storedDraftSchema = z.object({
  format: z.literal(1),
  savedAt: z.string(),
  /** The version the edit started from; null for a new policy. */
  baseVersion: z.nullable(z.number()),
  /** The latest version when the edit began: a newer one since means someone else saved. */
  latestAtStart: z.nullable(z.number()),
  values: policyFormShape,
  /** Secrets typed in this edit that the draft did not keep. */
  leftOut: z.array(z.string()),
});

type StoredDraft = z.infer<typeof storedDraftSchema>;

export interface Draft {
  savedAt: string;
  baseVersion: number | null;
  latestAtStart: number | null;
  values: PolicyFormValues;
  /** Secrets the admin must type again: left out when saving the draft, or no longer in the base. */
  missingSecrets: string[];
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export interface SaveDraftInput {
  values: PolicyFormValues;
  base: PolicyFormValues | undefined;
  baseVersion: number | null;
  latestAtStart: number | null;
  now?: Date;
}

/** Writes the draft; false when storage is full or disabled (the form still works, unprotected). */
export function saveDraft(key: string, input: SaveDraftInput): boolean {
  const { values, leftOut } = withoutSecrets(input.values, input.base);
  const draft: StoredDraft = {
    format: 1,
    savedAt: (input.now ?? new Date()).toISOString(),
    baseVersion: input.baseVersion,
    latestAtStart: input.latestAtStart,
    values,
    leftOut,
  };
  try {
    storage()?.setItem(key, JSON.stringify(draft));
    return storage() !== undefined;
  } catch {
    return false;
  }
}

/** The stored draft with the base's secrets put back, or undefined (none, or unreadable: then removed). */
export function loadDraft(key: string, base: PolicyFormValues | undefined): Draft | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(key);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  let parsed: ReturnType<typeof storedDraftSchema.safeParse>;
  try {
    parsed = storedDraftSchema.safeParse(JSON.parse(raw));
  } catch {
    parsed = storedDraftSchema.safeParse(undefined);
  }
  if (!parsed.success) {
    removeDraft(key);
    return undefined;
  }
  const stored = parsed.data;
  const { values, lost } = withSecrets(stored.values, base);
  return {
    savedAt: stored.savedAt,
    baseVersion: stored.baseVersion,
    latestAtStart: stored.latestAtStart,
    values,
    missingSecrets: [...stored.leftOut, ...lost],
  };
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: a draft that cannot be removed is offered again, and can be discarded then.
  }
}
