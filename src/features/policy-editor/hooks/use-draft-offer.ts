import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyVersionQueryOptions } from '@/features/policies';
import { adoptDraft, listDrafts, loadDraft, removeDraft, type Draft } from '../draft/draft-storage';
import { emptyPolicyValues } from '../form/empty-values';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { toFormValues } from '../form/to-form-values';
import { sameValues } from './use-editor-form';

interface DraftOfferOptions {
  policyId: string | undefined;
  /** This tab's draft key: a restored draft becomes this tab's own. */
  draftKey: string;
  base: Policy | undefined;
  baseValues: PolicyFormValues;
  /** Puts a restored draft in the form, on top of the version it was made from. */
  onRestore(draft: Draft, draftBase: Policy | undefined, startValues: PolicyFormValues): void;
  onError(error: unknown): void;
  announce(message: string): void;
}

/**
 * The drafts this browser kept from earlier edits of this policy — this tab's, and those of other
 * tabs — offered back until each is restored or discarded.
 */
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
  const [offers, setOffers] = useState<Draft[]>(() =>
    listDrafts(policyId, baseValues).filter((draft) => {
      if (!sameValues(draft.values, baseValues)) return true;
      removeDraft(draft.key);
      return false;
    }),
  );
  const [restoring, setRestoring] = useState<string>();

  const restore = async (offer: Draft) => {
    setRestoring(offer.key);
    try {
      let draftBase = base;
      if (policyId && offer.baseVersion !== null && offer.baseVersion !== base?.version) {
        draftBase = await queryClient.fetchQuery(policyVersionQueryOptions(policyId, offer.baseVersion));
      }
      const startValues = draftBase ? toFormValues(draftBase) : emptyPolicyValues();
      const draft = loadDraft(offer.key, startValues) ?? offer;
      adoptDraft(offer.key, draftKey);
      onRestore(draft, draftBase, startValues);
      // One edit at a time: the others stay stored, to be offered again on the next visit.
      setOffers([]);
      announce('Your unsaved changes are back.');
    } catch (error) {
      onError(error);
    } finally {
      setRestoring(undefined);
    }
  };

  const discard = (offer: Draft) => {
    removeDraft(offer.key);
    setOffers((current) => current.filter((draft) => draft.key !== offer.key));
    announce('Draft discarded.');
  };

  /** While this tab's own draft waits for an answer, writing a new one would overwrite it. */
  const holdsOwnDraft = offers.some((draft) => draft.key === draftKey);

  return { offers, restoring, restore, discard, holdsOwnDraft };
}
