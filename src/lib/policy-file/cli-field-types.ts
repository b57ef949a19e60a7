import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import type { JsonPath } from '@/lib/secrets';

/**
 * Where `domain.Policy` has a typed string or bool field. Guardian's CLI reads YAML with yaml.v3 into
 * those Go fields, which takes a plain scalar's text as is for a string (`id: 2024` is the id
 * "2024", `value: 1.10` stays "1.10") and accepts YAML 1.1's words for a bool (`required: yes`).
 * A YAML 1.2 reader would give a number and a string there: these paths say where to read as the
 * CLI does. `*` is any key or index; `A` is the appeal settings under either name.
 */
type Pattern = readonly string[];

const STEP = ['steps', '*'];
const TRIGGER = ['requirements', '*', 'on'];
const APPEAL = ['requirements', '*', 'appeals', '*'];

const STRING_PATTERNS: readonly Pattern[] = [
  ['id'],
  ['title'],
  ['description'],
  ['stages', '*'],
  ['labels', '*'],
  ...['name', 'description', 'strategy', 'when', 'approve_if', 'rejection_reason', 'stage', 'terms_and_conditions'].map(
    (key) => [...STEP, key],
  ),
  [...STEP, 'approvers', '*'],
  ...['provider_type', 'provider_urn', 'resource_type', 'resource_urn', 'role', 'expression'].map((key) => [
    ...TRIGGER,
    key,
  ]),
  ...['id', 'provider_type', 'provider_urn', 'type', 'urn'].map((key) => [...APPEAL, 'resource', key]),
  [...APPEAL, 'role'],
  [...APPEAL, 'account_type'],
  [...APPEAL, 'options', 'duration'],
  [...APPEAL, 'policy', 'id'],
  ['A', 'duration_options', '*', 'name'],
  ['A', 'duration_options', '*', 'value'],
  ['A', 'questions', '*', 'key'],
  ['A', 'questions', '*', 'question'],
  ['A', 'questions', '*', 'description'],
  ['A', 'allow_active_access_extension_in'],
  ['A', 'terms_and_conditions'],
  ['iam', 'provider'],
  ['iam', 'schema', '*'],
];

const BOOL_PATTERNS: readonly Pattern[] = [
  [...STEP, 'allow_failed'],
  [...STEP, 'dont_allow_self_approval'],
  ['A', 'allow_on_behalf'],
  ['A', 'allow_permanent_access'],
  ['A', 'allow_creator_details_failure'],
  ['A', 'questions', '*', 'required'],
];

const TRUE_WORDS = ['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'];
const FALSE_WORDS = ['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'];

function matches(pattern: Pattern, path: JsonPath): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((part, i) => {
    const segment = path[i];
    if (part === '*') return true;
    if (part === 'A') return segment === 'appeal' || segment === 'appeal_config';
    return part === segment;
  });
}

export interface CliReading {
  /** Paths where a YAML 1.2 reader and the CLI disagree, read the CLI's way. */
  changed: JsonPath[];
}

/**
 * Re-reads the scalars of typed fields the way the CLI does. `value` is the document read with YAML
 * 1.2 rules; `sourceOf(path)` gives a plain scalar's text as written (undefined if it was quoted or is
 * not a scalar). Changes `value` in place.
 */
export function readTypedFieldsAsCli(
  value: Record<string, unknown>,
  sourceOf: (path: JsonPath) => string | undefined,
): CliReading {
  const changed: JsonPath[] = [];
  const walk = (node: unknown, path: (string | number)[], set: (v: unknown) => void) => {
    if (typeof node === 'number' || typeof node === 'boolean') {
      if (STRING_PATTERNS.some((p) => matches(p, path))) {
        const source = sourceOf(path);
        if (source !== undefined) {
          set(source);
          changed.push(path);
        }
      }
      return;
    }
    if (typeof node === 'string') {
      if (BOOL_PATTERNS.some((p) => matches(p, path))) {
        if (TRUE_WORDS.includes(node) || FALSE_WORDS.includes(node)) {
          set(TRUE_WORDS.includes(node));
          changed.push(path);
        }
      }
      return;
    }
    // Free-form parts (iam.config, metadata sources…) hold data of any type: only the typed levels are walked.
    if (path.length > 5) return;
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i], (v) => (node[i] = v)));
    else if (isPlainObject(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key], (v) => (node[key] = v));
    }
  };
  walk(value, [], () => undefined);
  return { changed };
}
