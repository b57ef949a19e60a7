import type { PolicyFormValues } from '../form/policy-form-schema';
import { explainDurationError } from '@/lib/duration/parse-go-duration';
import { quote } from '../rules/text-checks';

/** Guardian echoes what it was sent: a 10,000-character value must not become a 10,000-character message. */
const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Guardian reports a rejected policy as HTTP 500 with one message: a handler prefix ("failed to
 * update policy: "), a stage ("policy validation: ", "parsing iam config: ") and then either
 * go-playground/validator lines (`Key: 'Policy.Steps[0].ApproveIf' Error:Field validation for
 * 'ApproveIf' failed on the 'required_if' tag`, joined with "\n") or one of the service's own
 * sentences. This turns such a message back into errors at the form fields it is about.
 */
interface ServerFieldError {
  /** A react-hook-form path, e.g. `steps.0.approveIf`. */
  path: string;
  /** In words for people, naming the fix where there is one. */
  message: string;
  /** Guardian's own line, for whoever wants the exact text (shown behind "details"). */
  detail?: string;
}

export interface MappedServerErrors {
  fields: ServerFieldError[];
  /** Lines that name no field: shown at the top, in the server's words. */
  unmapped: string[];
}

const VALIDATOR_LINE = /^Key: '([^']+)' Error:Field validation for '([^']+)' failed on the '([^']+)' tag$/;

/** Go struct field → form field, per struct. */
const STEP_FIELDS: Record<string, string> = {
  Name: 'name',
  Strategy: 'strategy',
  Approvers: 'approvers',
  ApproveIf: 'approveIf',
  When: 'when',
  Description: 'description',
  RejectionReason: 'rejectionReason',
};
const TRIGGER_FIELDS: Record<string, string> = {
  ProviderType: 'providerType',
  ProviderURN: 'providerUrn',
  ResourceType: 'resourceType',
  ResourceURN: 'resourceUrn',
  Role: 'role',
  Expression: 'expression',
  // Conditions are shown read-only; the trigger's first field stands for "the trigger".
  Conditions: 'providerType',
};
const RESOURCE_FIELDS: Record<string, string> = {
  ID: 'resourceId',
  ProviderType: 'providerType',
  ProviderURN: 'providerUrn',
  Type: 'type',
  URN: 'urn',
};
const AUTH_FIELDS: Record<string, string> = {
  Type: 'authType',
  Username: 'username',
  Password: 'password',
  In: 'apiKeyIn',
  Key: 'apiKeyName',
  Value: 'apiKeyValue',
  Token: 'token',
  Audience: 'audience',
  CredentialsJSON: 'credentialsJson',
};
/** mapstructure's decode errors name the wire keys. */
const AUTH_WIRE_KEYS: Record<string, string> = {
  type: 'authType',
  username: 'username',
  password: 'password',
  in: 'apiKeyIn',
  key: 'apiKeyName',
  value: 'apiKeyValue',
  token: 'token',
  audience: 'audience',
  credentials_json: 'credentialsJson',
};

/** `Policy.Steps[0].ApproveIf` → `steps.0.approveIf`; undefined when the namespace is not a form field. */
export function formPathOfNamespace(namespace: string): string | undefined {
  const parts = namespace.split('.');
  const root = parts.shift();
  const segments = parts.map((part) => {
    const match = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
    return { name: match?.[1] ?? part, index: match?.[2] };
  });
  const at = (i: number) => segments[i];
  const indexed = (i: number) => at(i)?.index;

  if (root === 'HTTPClientConfig') {
    const first = at(0)?.name;
    if (first === 'URL') return 'iam.url';
    if (first === 'Headers') return 'iam.headers';
    if (first === 'Auth') return `iam.${AUTH_FIELDS[at(1)?.name ?? 'Type'] ?? 'authType'}`;
    return undefined;
  }
  if (root !== 'Policy') return undefined;

  const first = at(0);
  switch (first?.name) {
    case 'ID':
      return 'id';
    case 'Steps': {
      if (first.index === undefined) return 'steps';
      const field = at(1)?.name;
      if (field === undefined) return `steps.${first.index}.name`;
      const mapped = STEP_FIELDS[field];
      return mapped ? `steps.${first.index}.${mapped}` : `steps.${first.index}.name`;
    }
    case 'Requirements': {
      if (first.index === undefined) return undefined;
      const req = `requirements.${first.index}`;
      const part = at(1)?.name;
      if (part === 'On') return `${req}.on.${TRIGGER_FIELDS[at(2)?.name ?? 'ProviderType'] ?? 'providerType'}`;
      if (part !== 'Appeals') return `${req}.on.providerType`;
      const j = indexed(1);
      if (j === undefined) return `${req}.appeals`;
      const appeal = `${req}.appeals.${j}`;
      const field = at(2)?.name;
      if (field === 'Resource') return `${appeal}.${RESOURCE_FIELDS[at(3)?.name ?? 'ID'] ?? 'resourceId'}`;
      if (field === 'Role') return `${appeal}.role`;
      if (field === 'Policy') return `${appeal}.${at(3)?.name === 'Version' ? 'policyVersion' : 'policyId'}`;
      if (field === 'Options') return `${appeal}.${at(3)?.name === 'ExpirationDate' ? 'expirationDate' : 'duration'}`;
      return `${appeal}.role`;
    }
    case 'AppealConfig':
    case 'Appeal': {
      const list = at(1);
      if (list?.name === 'AllowActiveAccessExtensionIn') return 'appeal.allowActiveAccessExtensionIn';
      if (list?.name === 'DurationOptions') {
        if (list.index === undefined) return 'appeal.durationOptions';
        return `appeal.durationOptions.${list.index}.${at(2)?.name === 'Name' ? 'name' : 'value'}`;
      }
      if (list?.name === 'Questions' && list.index !== undefined) {
        const field = at(2)?.name;
        return `appeal.questions.${list.index}.${field === 'Question' ? 'question' : field === 'Description' ? 'description' : 'key'}`;
      }
      return undefined;
    }
    case 'IAM':
      return at(1)?.name === 'Provider' ? 'iam.provider' : 'iam.url';
    default:
      return undefined;
  }
}

function words(goField: string, tag: string, path: string): string {
  if (path === 'steps') return 'a policy needs at least one step.';
  if (path.endsWith('.approveIf')) return 'an auto step needs approve_if: an expression that decides approval.';
  if (/^steps\.\d+\.approvers$/.test(path))
    return 'a manual step needs at least one approver (an email or an expression).';
  if (/\.on\.\w+$/.test(path) && tag === 'required_without_all') {
    return 'say when this requirement applies: fill at least one of provider type, provider URN, resource type, resource URN, role or expression.';
  }
  if (/\.appeals\.\d+\.(providerType|providerUrn|type|urn)$/.test(path) && tag === 'required_with') {
    return 'provider type, provider URN, resource type and resource URN go together: fill all four, or name the resource by id.';
  }
  if (path.endsWith('.resourceId')) return 'name the resource, by id or by provider and URN.';
  if (path === 'iam.url' && tag === 'url')
    return 'not a valid URL: write a full URL such as https://iam.example.com/users/{user_id}.';
  if (path === 'iam.authType' && tag === 'oneof')
    return 'the auth type must be basic, api_key, bearer or google_idtoken.';
  if (path === 'iam.apiKeyIn') return 'say where the key goes: header or query.';
  if (path.endsWith('.strategy') && tag === 'oneof') return 'the strategy must be auto or manual.';
  if (tag === 'min') return 'add at least one.';
  if (tag === 'email') return 'not a valid email address.';
  if (tag === 'url') return 'not a valid URL.';
  if (tag.startsWith('required')) return `${goField} is required here.`;
  return `${goField} fails Guardian's “${tag}” rule.`;
}

/** Go's `time: unknown unit "d" in duration "1d"` in people's words, from the one duration module. */
function durationWords(value: string | undefined, goError: string): string {
  return (value === undefined ? undefined : explainDurationError(value)) ?? clip(goError);
}

function indexOfStep(values: PolicyFormValues | undefined, name: string): number {
  return values ? values.steps.findIndex((step) => step.name === name) : -1;
}

function approverPath(values: PolicyFormValues | undefined, approver: string): string | undefined {
  if (!values) return undefined;
  for (const [i, step] of values.steps.entries()) {
    if (step.strategy !== 'manual') continue;
    const j = step.approvers.findIndex((a) => a.value === approver);
    if (j >= 0) return `steps.${i}.approvers.${j}.value`;
  }
  return undefined;
}

const STRIP_PREFIXES = [/^failed to (?:create|update) policy: /, /^policy validation: /, /^invalid iam config: /];

function stripPrefixes(line: string): string {
  let rest = line.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of STRIP_PREFIXES) {
      if (prefix.test(rest)) {
        rest = rest.replace(prefix, '');
        changed = true;
      }
    }
  }
  return rest;
}

/** One sentence of Guardian's service (not a validator line) → a field, when it names one. */
function mapSentence(sentence: string, values: PolicyFormValues | undefined): ServerFieldError | undefined {
  let m: RegExpExecArray | null;
  if (sentence === 'id should not contain whitespaces') {
    const id = values?.id.trim().replace(/\s+/g, '_');
    return {
      path: 'id',
      message: `Guardian: the id must not contain spaces${id ? ` — write ${quote(id)} instead` : ''}.`,
    };
  }
  if ((m = /^step name should not contain whitespaces: "(.*)"$/s.exec(sentence))) {
    const i = indexOfStep(values, m[1]!);
    const fix = m[1]!.trim().replace(/\s+/g, '_');
    return i < 0
      ? undefined
      : {
          path: `steps.${i}.name`,
          message: `Guardian: step names must not contain spaces — write ${quote(fix)} instead.`,
        };
  }
  if ((m = /^duplicate step name: "(.*)"$/s.exec(sentence))) {
    const name = m[1]!;
    const later = values?.steps.findIndex((step, i) => step.name === name && i !== indexOfStep(values, name)) ?? -1;
    return later < 0
      ? undefined
      : { path: `steps.${later}.name`, message: 'Guardian: another step has this name — give each step its own name.' };
  }
  if ((m = /^validating approver "(.*?)": (.*)$/s.exec(sentence))) {
    const path = approverPath(values, m[1]!);
    return path
      ? {
          path,
          message: `Guardian cannot use this approver (${clip(m[2]!)}): write an email, or an expression that yields emails such as $appeal.resource.details.owner.`,
        }
      : undefined;
  }
  if ((m = /^invalid expression in step "(.*?)" (when|approve_if): (.*)$/s.exec(sentence))) {
    const i = indexOfStep(values, m[1]!);
    const field = m[2] === 'when' ? 'when' : 'approveIf';
    return i < 0 ? undefined : { path: `steps.${i}.${field}`, message: `Guardian: ${clip(m[3]!)}` };
  }
  if ((m = /^invalid appeal extension policy: (?:parsing duration: )?(.*)$/s.exec(sentence))) {
    const value = values?.appeal.allowActiveAccessExtensionIn;
    return { path: 'appeal.allowActiveAccessExtensionIn', message: `Guardian: ${durationWords(value, m[1]!)}` };
  }
  if ((m = /^invalid appeal duration option "(.*?)": (?:parsing duration: )?(.*)$/s.exec(sentence))) {
    const i = values?.appeal.durationOptions.findIndex((o) => o.name === m![1]) ?? -1;
    const value = values?.appeal.durationOptions[i]?.value;
    return i < 0
      ? undefined
      : { path: `appeal.durationOptions.${i}.value`, message: `Guardian: ${durationWords(value, m[2]!)}` };
  }
  if ((m = /^duplicate question key: "(.*)"$/s.exec(sentence))) {
    const matches = values?.appeal.questions.flatMap((q, i) => (q.key === m![1] ? [i] : [])) ?? [];
    const i = matches[1] ?? matches[0];
    return i === undefined
      ? undefined
      : {
          path: `appeal.questions.${i}.key`,
          message: 'Guardian: another question uses this key — give each question its own key.',
        };
  }
  if ((m = /^invalid requirements: requirement\[(\d+)\]\.appeals\[(\d+)\](\.resource)?: (.*)$/s.exec(sentence))) {
    const appeal = `requirements.${m[1]}.appeals.${m[2]}`;
    const resourceBy = values?.requirements[Number(m[1])]?.appeals[Number(m[2])]?.resourceBy;
    const field = m[3] ? (resourceBy === 'urn' ? 'providerType' : 'resourceId') : 'role';
    return { path: `${appeal}.${field}`, message: `Guardian: ${clip(m[4]!)}` };
  }
  if ((m = /^parsing iam config: (.*)$/s.exec(sentence))) {
    return m[1] === 'unknown provider type'
      ? { path: 'iam.provider', message: 'Guardian does not know this identity provider: choose http.' }
      : { path: 'iam.url', message: `Guardian cannot read the IAM config: ${clip(m[1]!)}` };
  }
  if ((m = /^\* '(url|headers|auth)(?:\.(\w+))?' (.*)$/.exec(sentence))) {
    const path =
      m[1] === 'url'
        ? 'iam.url'
        : m[1] === 'headers'
          ? 'iam.headers'
          : `iam.${AUTH_WIRE_KEYS[m[2] ?? 'type'] ?? 'authType'}`;
    return { path, message: `Guardian cannot read this value: ${clip(m[3]!)}` };
  }
  return undefined;
}

/**
 * Maps a Guardian validation message onto form fields. `values` are the form values that were
 * sent (the message names steps and approvers by value, not by position). Several problems on one
 * field keep the first.
 */
export function mapServerErrors(message: string, values?: PolicyFormValues): MappedServerErrors {
  const fields: ServerFieldError[] = [];
  const unmapped: string[] = [];
  let context: string | undefined;
  for (const raw of message.split('\n')) {
    const line = stripPrefixes(raw);
    if (line === '') continue;
    if (/^parsing iam config: invalid client config: \d+ error\(s\) decoding:$/.test(line)) {
      context = 'iam-decode';
      continue;
    }
    const validator = VALIDATOR_LINE.exec(line);
    const mapped = validator
      ? (() => {
          const path = formPathOfNamespace(validator[1]!);
          return path ? { path, message: `Guardian: ${words(validator[2]!, validator[3]!, path)}` } : undefined;
        })()
      : mapSentence(line, values);
    if (mapped) {
      if (!fields.some((field) => field.path === mapped.path))
        fields.push({ ...mapped, detail: clip(raw.trim(), 500) });
    } else if (!(context === 'iam-decode' && line === '')) {
      unmapped.push(clip(raw.trim(), 500));
    }
  }
  return { fields, unmapped };
}
