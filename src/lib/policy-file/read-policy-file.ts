import { isScalar, parseAllDocuments, type Document } from 'yaml';
import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { undeclaredKeys } from '@/lib/guardian-rules/undeclared-keys';
import { POLICY_KEYS, policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { describeIssues } from '@/lib/api/parse-response';
import { MASKED_VALUE_MESSAGE, findMaskedValues, formatJsonPath } from '@/lib/secrets';
import { capDepth, formatTooDeepPath } from '@/lib/json/json-depth';
import { readTypedFieldsAsCli } from './cli-field-types';

/**
 * The one reader of policy files, for import and for apply: the CLI's YAML (`appeal_config` or goto's
 * `appeal`, YAML 1.2 rules plus the CLI's reading of typed fields) or a REST body (JSON, snake_case or
 * camelCase, bare or in its `{"policy": …}` envelope). Every way a file can be wrong is its own
 * `problem`, with a message that says what to do.
 */
type PolicyFileProblem = 'empty' | 'syntax' | 'documents' | 'not-a-policy' | 'no-id' | 'schema' | 'masked';

/** Something read differently from how the text puts it, said once. */
interface PolicyFileNotice {
  kind: 'appeal-config' | 'both-appeal-keys' | 'server-fields' | 'read-as-cli' | 'extras' | 'too-deep';
  text: string;
}

export type PolicyFileReading =
  | {
      ok: true;
      policy: Policy;
      notices: PolicyFileNotice[];
      /** Top-level keys the console has no form for: kept and sent as they came. */
      extras: string[];
    }
  | { ok: false; problem: PolicyFileProblem; message: string; details: string[] };

const SERVER_KEYS = ['version', 'created_at', 'createdAt', 'updated_at', 'updatedAt', 'created_by', 'createdBy'];

type Parsed = { ok: true; value: unknown; doc?: Document } | { ok: false; problem: PolicyFileProblem; message: string };

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text) && /[\]}]\s*$/.test(text);
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(detail)?.[1];
    const where = offset === undefined ? '' : ` (${lineAndColumn(text, Number(offset))})`;
    return { ok: false, problem: 'syntax', message: `This is not valid JSON${where}: ${detail.split('\n')[0]}` };
  }
}

function parseYaml(text: string): Parsed {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, merge: true });
  const list = Array.isArray(docs) ? docs : [];
  const error = list.flatMap((doc) => doc.errors)[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? `line ${at.line}, column ${at.col}` : 'somewhere';
    if (/Maximum call stack/i.test(error.message)) return tooDeepToRead(where);
    return {
      ok: false,
      problem: 'syntax',
      message: `This is neither valid YAML nor JSON (${where}): ${error.message.split('\n')[0]!.replace(/:$/, '.')}`,
    };
  }
  const withContent = list.filter((doc) => doc.contents !== null);
  if (withContent.length > 1) {
    return {
      ok: false,
      problem: 'documents',
      message: `This file holds ${withContent.length} YAML documents (separated by “---”); a policy file holds one policy. Give each policy a file of its own.`,
    };
  }
  const doc = withContent[0];
  if (!doc) return { ok: false, problem: 'empty', message: 'This file is empty: a policy file holds YAML or JSON.' };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }), doc };
  } catch (error) {
    if (error instanceof RangeError) return tooDeepToRead('somewhere');
    throw error;
  }
}

/** The YAML reader walks a document recursively: thousands of levels exhaust its stack. */
function tooDeepToRead(where: string): Parsed {
  return {
    ok: false,
    problem: 'syntax',
    message: `This file is nested too deep to read (${where}): more levels than the reader can follow, where a policy needs about ten.`,
  };
}

/** Empty fields (`description:` in YAML, `null` in JSON) mean "not set" to the CLI's Go structs. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (child !== null) out[key] = withoutNulls(child);
  return out;
}

function plainSource(doc: Document, path: readonly (string | number)[]): string | undefined {
  const node = doc.getIn(path, true);
  return isScalar(node) && node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : undefined;
}

const quoteAll = (keys: readonly string[]) => keys.map((k) => `“${k}”`).join(', ');

export interface ReadPolicyFileOptions {
  /**
   * How to read the text. Like the CLI, a `.json` file is JSON (strict) and a `.yaml`/`.yml` file is
   * YAML; pasted text (no format) is JSON when it parses as JSON, YAML otherwise.
   */
  format?: 'json' | 'yaml';
  /** The id to use when the file names none (an existing policy's editor); without it, no id is a problem. */
  defaultId?: string;
}

export function readPolicyFile(input: string, options: ReadPolicyFileOptions = {}): PolicyFileReading {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return {
      ok: false,
      problem: 'empty',
      message: 'This file is empty: a policy file holds YAML or JSON.',
      details: [],
    };
  }
  const parsed =
    options.format === 'json'
      ? parseJson(text)
      : options.format === 'yaml'
        ? parseYaml(text)
        : (() => {
            const json = looksLikeJson(text) ? parseJson(text) : undefined;
            return json?.ok ? json : parseYaml(text);
          })();
  if (!parsed.ok) return { ...parsed, details: [] };

  // Before any walk over it (every one of them recursive): a part nested thousands of levels deep
  // becomes its raw text, as it does in an answer from the server, and a save leaves it out.
  const { value: shallow, capped } = capDepth(parsed.value);
  let value = shallow;
  let path: (string | number)[] = [];
  if (isPlainObject(value) && Object.keys(value).length === 1 && isPlainObject(value.policy)) {
    value = value.policy;
    path = ['policy'];
  }
  if (!isPlainObject(value)) {
    return {
      ok: false,
      problem: 'not-a-policy',
      message: 'A policy is a map of fields (id, steps, …); this file holds something else.',
      details: [],
    };
  }

  const notices: PolicyFileNotice[] = [];
  const input0: Record<string, unknown> = value;
  if (parsed.doc) {
    const doc = parsed.doc;
    const { changed } = readTypedFieldsAsCli(input0, (at) => plainSource(doc, [...path, ...at]));
    if (changed.length > 0) {
      const shown = changed.slice(0, 4).map(formatJsonPath).join(', ');
      notices.push({
        kind: 'read-as-cli',
        text: `Read ${shown}${changed.length > 4 ? ` and ${changed.length - 4} more` : ''} as Guardian’s CLI does (as text, or yes/no as true/false).`,
      });
    }
  }
  const record = withoutNulls(input0) as Record<string, unknown>;
  if (capped.length > 0) {
    const shown = capped.slice(0, 3).map(formatTooDeepPath).join(', ');
    notices.push({
      kind: 'too-deep',
      text: `${shown}${capped.length > 3 ? ` and ${capped.length - 3} more` : ''} ${capped.length === 1 ? 'is' : 'are'} nested too deep to read: shown as raw text and left out when saving.`,
    });
  }

  const masked = findMaskedValues(record);
  if (masked.length > 0) {
    return {
      ok: false,
      problem: 'masked',
      message: `${MASKED_VALUE_MESSAGE} Found at ${masked.slice(0, 3).map(formatJsonPath).join(', ')}${masked.length > 3 ? ` and ${masked.length - 3} more` : ''}.`,
      details: masked.slice(0, 8).map((at) => formatJsonPath(at)),
    };
  }

  if ('appeal_config' in record) {
    if (record.appeal === undefined) {
      record.appeal = record.appeal_config;
      notices.push({
        kind: 'appeal-config',
        text: '“appeal_config” (the CLI’s YAML name) was read as “appeal”, the name the API uses.',
      });
    } else {
      notices.push({
        kind: 'both-appeal-keys',
        text: 'Both “appeal” and “appeal_config” were given: “appeal” is used; Guardian would ignore “appeal_config”.',
      });
    }
    delete record.appeal_config;
  }
  const stamped = SERVER_KEYS.filter((key) => key in record);
  for (const key of stamped) delete record[key];
  if (stamped.length > 0) {
    notices.push({
      kind: 'server-fields',
      text: `Left out ${stamped.join(', ')}: the server sets version and authorship when you save.`,
    });
  }

  const missingId = record.id === undefined || record.id === '';
  if (missingId && options.defaultId !== undefined) record.id = options.defaultId;
  const result = policySchema.safeParse({ ...record, id: record.id ?? '' });
  if (!result.success) {
    const details = describeIssues(result.error, 8);
    if (missingId && result.error.issues.every((issue) => issue.path[0] === 'id')) {
      return {
        ok: false,
        problem: 'no-id',
        message: 'This file names no policy: add its id (e.g. “id: bigquery_approval”) at the top.',
        details,
      };
    }
    return {
      ok: false,
      problem: 'schema',
      message: 'This policy cannot be read. Fix these parts and try again:',
      details,
    };
  }
  const extras = undeclaredKeys(result.data, POLICY_KEYS);
  if (extras.length > 0) {
    notices.push({
      kind: 'extras',
      text: `Kept ${quoteAll(extras)} as they are: the form cannot edit them; they are sent unchanged.`,
    });
  }
  return { ok: true, policy: result.data, notices, extras };
}
