import { parse, YAMLParseError } from 'yaml';
import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { undeclaredKeys } from '@/lib/guardian-rules/undeclared-keys';
import { POLICY_KEYS, policySchema } from '@/lib/api/guardian/policy-schema';
import { describeIssues } from '@/lib/api/parse-response';
import { findMaskedValues } from '@/lib/secrets';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { toFormValues } from '../form/to-form-values';

/**
 * Reads a policy pasted in either form people have one in: the CLI's YAML (`guardian policy create
 * --file`, with `appeal_config`) or a REST body (JSON, snake_case or camelCase, bare or wrapped in
 * `{"policy": …}`). YAML 1.2 rules, so the key `on` stays a string.
 */
export type ImportResult =
  { ok: true; values: PolicyFormValues; notices: string[] } | { ok: false; message: string; details: string[] };

const SERVER_KEYS = ['version', 'created_at', 'createdAt', 'updated_at', 'updatedAt', 'created_by', 'createdBy'];

function readText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: parse(text, { uniqueKeys: true, prettyErrors: true }) };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      const where = at ? `line ${at.line}, column ${at.col}` : 'somewhere';
      return { ok: false, message: `This is neither valid YAML nor JSON (${where}): ${error.message.split('\n')[0]}` };
    }
    return { ok: false, message: `This could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function parsePolicyText(text: string): ImportResult {
  if (text.trim() === '') return { ok: false, message: 'Paste a policy first, as YAML or JSON.', details: [] };
  const read = readText(text);
  if (!read.ok) return { ok: false, message: read.message, details: [] };
  let value = read.value;
  if (isPlainObject(value) && Object.keys(value).length === 1 && isPlainObject(value.policy)) value = value.policy;
  if (!isPlainObject(value)) {
    return { ok: false, message: 'A policy is a map of fields (id, steps, …); this is not one.', details: [] };
  }

  const notices: string[] = [];
  const input: Record<string, unknown> = { ...value };
  if ('appeal_config' in input) {
    if (input.appeal === undefined) {
      input.appeal = input.appeal_config;
      notices.push('“appeal_config” (the CLI’s YAML name) was read as “appeal”, the name the API uses.');
    } else {
      notices.push(
        'Both “appeal” and “appeal_config” were given: “appeal” is used; Guardian would ignore “appeal_config”.',
      );
    }
    delete input.appeal_config;
  }
  const stamped = SERVER_KEYS.filter((key) => key in input);
  for (const key of stamped) delete input[key];
  if (stamped.length > 0)
    notices.push(`Left out ${stamped.join(', ')}: the server sets version and authorship when you save.`);

  const parsed = policySchema.safeParse({ id: '', ...input });
  if (!parsed.success) {
    return {
      ok: false,
      message: 'This policy cannot be read into the form. Fix these parts and paste it again:',
      details: describeIssues(parsed.error, 8),
    };
  }
  const extras = undeclaredKeys(parsed.data, POLICY_KEYS);
  if (extras.length > 0) {
    notices.push(
      `Kept ${extras.map((k) => `“${k}”`).join(', ')} as they are: the form cannot edit them; they are sent unchanged.`,
    );
  }
  const masked = findMaskedValues(input);
  if (masked.length > 0) {
    notices.push(
      `${masked.map((path) => path.join('.')).join(', ')} ${masked.length === 1 ? 'holds' : 'hold'} a masked value (••••••••), not the secret: it is marked at its field, and nothing can be saved until you enter the real one or leave it out.`,
    );
  }
  return { ok: true, values: toFormValues(parsed.data), notices };
}
