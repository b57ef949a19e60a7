import { stringify } from 'yaml';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyToWire } from '@/lib/api/guardian/policy-wire';
import { maskSecrets } from '@/lib/secrets';
import { canonicalOrder } from './canonical-order';

export type DocumentFormat = 'yaml' | 'json';

export interface PolicyDocumentOptions {
  /** Keep version, author and timestamps (the raw view does; a content diff does not). Default true. */
  metadata?: boolean;
  /**
   * Mask secrets (the default). Only an explicit "download with secrets" should turn this off.
   */
  maskSecrets?: boolean;
  /** The other side of a comparison: secrets that differ from it read "(changed)". */
  compareTo?: Policy;
}

const METADATA_KEYS = ['version', 'created_by', 'created_at', 'updated_at'];

function wireOf(policy: Policy, metadata: boolean): Record<string, unknown> {
  const wire = policyToWire(policy, { omitZero: true });
  if (!metadata) for (const key of METADATA_KEYS) delete wire[key];
  return canonicalOrder(wire);
}

/**
 * A policy as Guardian writes it (snake_case, zero values omitted), keys in a stable order, secrets
 * masked: the one object behind the raw JSON and YAML views, downloads and the line diff.
 */
export function policyDocumentObject(policy: Policy, options: PolicyDocumentOptions = {}): Record<string, unknown> {
  const metadata = options.metadata ?? true;
  const wire = wireOf(policy, metadata);
  if (options.maskSecrets === false) return wire;
  const other = options.compareTo ? wireOf(options.compareTo, metadata) : undefined;
  return maskSecrets(wire, { compareTo: other });
}

function serializeDocument(document: unknown, format: DocumentFormat): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  // No line folding: a long expression stays on one line, so a change to it is one changed line.
  return stringify(document, { lineWidth: 0, minContentWidth: 0 });
}

export function policyDocument(policy: Policy, format: DocumentFormat, options: PolicyDocumentOptions = {}): string {
  return serializeDocument(policyDocumentObject(policy, options), format);
}

/** A policy id as the stem of a file name that is safe on every OS, whatever the id holds. */
export function safeFileStem(id: string): string {
  return (
    id
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 100) || 'policy'
  );
}

/** `bigquery_approval-v3.yaml`: one version of a policy, as shown. */
export function policyFileName(policy: Pick<Policy, 'id' | 'version'>, format: DocumentFormat): string {
  return `${safeFileStem(policy.id)}-v${policy.version}.${format}`;
}
