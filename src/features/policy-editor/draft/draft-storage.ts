import { z } from 'zod/mini';
import { policyFormShape, type PolicyFormValues } from '../form/policy-form-schema';
import { withSecrets, withoutSecrets } from './draft-secrets';

import { keysStartingWith, readItem, removeItem, writeItem, type StorageWrite } from '@/lib/storage/safe-storage';

/**
 * One draft per policy and per browser tab, written as the admin types, so a reload, a crash or a
 * closed tab costs nothing, and two tabs editing the same policy never write over each other's
 * draft. The tab is named by an id kept in session storage: a reload of the tab goes on with its
 * own draft; a new tab starts its own.
 */
const PREFIX = 'policy-console.draft.';
const TAB_KEY = 'policy-console.tab';

let memoryTabId: string | undefined;

/** This tab's editing-session id (made once per tab; in memory only when storage is denied). */
export function tabId(): string {
  const stored = readItem('session', TAB_KEY);
  if (stored && /^[a-z0-9-]{1,40}$/.test(stored)) return stored;
  memoryTabId ??= crypto.randomUUID();
  writeItem('session', TAB_KEY, memoryTabId);
  return memoryTabId;
}

/** `id:<id>` or `new`: encoded, so that no policy id can read as another's, nor as "new". */
function scopeOf(policyId: string | undefined): string {
  return policyId === undefined ? 'new' : `id:${encodeURIComponent(policyId)}`;
}

/** The key of this tab's draft of a policy (or of a new policy). */
export const draftKey = (policyId: string | undefined, tab: string = tabId()): string =>
  `${PREFIX}${scopeOf(policyId)}@${tab}`;

/** Where drafts were kept before they were per tab: still offered, once. */
const legacyKey = (policyId: string | undefined) => `${PREFIX}${policyId ?? 'new'}`;

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
  /** Where it is stored. */
  key: string;
  /** Written by this tab (a reload, or an edit left and come back to), not by another one. */
  fromThisTab: boolean;
  savedAt: string;
  baseVersion: number | null;
  latestAtStart: number | null;
  values: PolicyFormValues;
  /** Secrets the admin must type again: left out when saving the draft, or no longer in the base. */
  missingSecrets: string[];
}

export interface SaveDraftInput {
  values: PolicyFormValues;
  base: PolicyFormValues | undefined;
  baseVersion: number | null;
  latestAtStart: number | null;
  now?: Date;
}

/** Writes the draft; says so when storage is full or denied (the form still holds the edit). */
export function saveDraft(key: string, input: SaveDraftInput): StorageWrite {
  const { values, leftOut } = withoutSecrets(input.values, input.base);
  const draft: StoredDraft = {
    format: 1,
    savedAt: (input.now ?? new Date()).toISOString(),
    baseVersion: input.baseVersion,
    latestAtStart: input.latestAtStart,
    values,
    leftOut,
  };
  return writeItem('local', key, JSON.stringify(draft));
}

/** The stored draft with the base's secrets put back, or undefined (none, or unreadable: then removed). */
export function loadDraft(key: string, base: PolicyFormValues | undefined): Draft | undefined {
  const raw = readItem('local', key);
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
    key,
    fromThisTab: key.endsWith(`@${tabId()}`),
    savedAt: stored.savedAt,
    baseVersion: stored.baseVersion,
    latestAtStart: stored.latestAtStart,
    values,
    missingSecrets: [...stored.leftOut, ...lost],
  };
}

export function removeDraft(key: string): void {
  // A draft that cannot be removed is offered again, and can be discarded then.
  removeItem('local', key);
}

/**
 * Every draft of a policy this browser keeps, from any tab: this tab's first, then the newest.
 * Unreadable ones are removed.
 */
export function listDrafts(policyId: string | undefined, base: PolicyFormValues | undefined): Draft[] {
  const keys = [...keysStartingWith('local', `${PREFIX}${scopeOf(policyId)}@`), legacyKey(policyId)];
  const drafts = keys.flatMap((key) => {
    const draft = loadDraft(key, base);
    return draft ? [draft] : [];
  });
  return drafts.sort(
    (a, b) => Number(b.fromThisTab) - Number(a.fromThisTab) || Date.parse(b.savedAt) - Date.parse(a.savedAt),
  );
}

/** Moves a draft to another key: copied before it is removed, so a crash in between leaves two, not none. */
function moveDraft(from: string, to: string): boolean {
  const raw = readItem('local', from);
  if (raw !== undefined && writeItem('local', to, raw) !== 'stored') return false;
  removeDraft(from);
  return true;
}

/**
 * Makes another tab's (or an old) draft this tab's own. A draft this tab already had is not
 * overwritten: it moves aside, under a key of its own, to be offered again later.
 */
export function adoptDraft(from: string, to: string): void {
  if (from === to) return;
  if (readItem('local', to) !== undefined) moveDraft(to, `${to.slice(0, to.lastIndexOf('@'))}@${crypto.randomUUID()}`);
  moveDraft(from, to);
}
