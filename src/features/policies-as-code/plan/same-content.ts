import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyDocumentObject } from '@/lib/policy-document';

/**
 * A policy's content as one string: what a version holds apart from its number and authorship, in
 * the canonical order, zero values left out, secrets as they are. Two policies with the same key say
 * the same thing, however their files were written: this is what makes apply idempotent.
 */
export function contentKey(policy: Policy): string {
  return JSON.stringify(policyDocumentObject(policy, { metadata: false, maskSecrets: false }));
}

export function sameContent(a: Policy, b: Policy): boolean {
  return contentKey(a) === contentKey(b);
}

/** A short fingerprint of a content key (FNV-1a, 32 bits): enough to recognise a file again after a reload. */
export function fingerprint(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
