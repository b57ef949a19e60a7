import { readPolicyFile } from '@/lib/policy-file';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { toFormValues } from '../form/to-form-values';

/**
 * A policy pasted or opened in the editor, read by the console's one policy-file reader (the CLI's
 * YAML or a REST body, either casing) into the form's values.
 */
export type ImportResult =
  { ok: true; values: PolicyFormValues; notices: string[] } | { ok: false; message: string; details: string[] };

export interface ParsePolicyTextOptions {
  /** The policy being edited: a file without an id is read as this one. */
  policyId?: string;
}

export function parsePolicyText(text: string, options: ParsePolicyTextOptions = {}): ImportResult {
  const reading = readPolicyFile(text, { defaultId: options.policyId });
  if (!reading.ok) {
    switch (reading.problem) {
      case 'empty':
        return { ok: false, message: 'Paste a policy first, as YAML or JSON.', details: [] };
      case 'not-a-policy':
        return { ok: false, message: 'A policy is a map of fields (id, steps, …); this is not one.', details: [] };
      case 'schema':
      case 'no-id':
        return {
          ok: false,
          message: 'This policy cannot be read into the form. Fix these parts and paste it again:',
          details: reading.details,
        };
      default:
        return { ok: false, message: reading.message, details: reading.details };
    }
  }
  const notices = reading.notices.map((notice) => notice.text);
  if (options.policyId !== undefined && reading.policy.id !== options.policyId) {
    notices.push(
      `The file is for “${reading.policy.id}”; its content is imported into “${options.policyId}”, the policy you are editing.`,
    );
  }
  const values = toFormValues(reading.policy);
  return { ok: true, values: options.policyId === undefined ? values : { ...values, id: options.policyId }, notices };
}
