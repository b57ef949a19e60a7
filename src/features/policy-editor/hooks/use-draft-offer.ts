import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyVersionQueryOptions } from '@/features/policies';
import { loadDraft, removeDraft, type Draft } from '../draft/draft-storage';
import { emptyPolicyValues } from '../form/empty-values';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { toFormValues } from '../form/to-form-values';
import { sameValues } from './use-editor-form';

interface DraftOfferOptions {
  policyId: string | undefined;
  draftKey: string;
  base: Policy | undefined;
  baseValues: PolicyFormValues;
  /** Puts a restored draft in the form, on top of the version it was made from. */
  onRestore(draft: Draft, draftBase: Policy | undefined, startValues: PolicyFormValues): void;
  onError(error: unknown): void;
  announce(message: string): void;
}

/** A draft this browser kept from an earlier edit, offered back until restored or discarded. */
export function useDraftOffer({
  policyId,
  draftKey,
  base,
  baseValues,
  onRestore,
  onError,
  announce,
}: DraftOfferOptions) {
  const queryClient = useQueryClient();
  const [offer, setOffer] = useState<Draft | undefined>(() => {
    const draft = loadDraft(draftKey, baseValues);
    if (draft && sameValues(draft.values, baseValues)) {
      removeDraft(draftKey);
      return undefined;
    }
    return draft;
  });
  const [restoring, setRestoring] = useState(false);

  const restore = async () => {
    if (!offer) return;
    setRestoring(true);
    try {
      let draftBase = base;
      if (policyId && offer.baseVersion !== null && offer.baseVersion !== base?.version) {
        draftBase = await queryClient.fetchQuery(policyVersionQueryOptions(policyId, offer.baseVersion));
      }
      const startValues = draftBase ? toFormValues(draftBase) : emptyPolicyValues();
      const draft = loadDraft(draftKey, startValues) ?? offer;
      onRestore(draft, draftBase, startValues);
      setOffer(undefined);
      announce('Your unsaved changes are back.');
    } catch (error) {
      onError(error);
    } finally {
      setRestoring(false);
    }
  };

  const discard = () => {
    removeDraft(draftKey);
    setOffer(undefined);
    announce('Draft discarded.');
  };

  return { offer, restoring, restore, discard };
}
