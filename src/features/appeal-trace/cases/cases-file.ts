import { parseDocument, stringify } from 'yaml';
import { defaultAppealRequest, type AppealRequest, type IamAnswer } from '@/lib/appeal/appeal-request';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { isTarget } from '@/lib/expr';
import { resourceWire } from '@/lib/appeal/resource-wire';
import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { OUTCOME_NAMES, type Expectation, type TestCase } from './test-case';

/**
 * `<policy-id>.cases.yaml`: a policy's test cases as a file teams keep in git next to the policy.
 * The format is documented in docs/test-cases.md; keys are snake_case like the policy's own YAML.
 */
const CASES_FILE_VERSION = 1;

export { casesFileName } from './cases-file-name';

function caseToYaml(c: TestCase): Record<string, unknown> {
  const out: Record<string, unknown> = { name: c.name, created_by: c.createdBy };
  if (c.iam.ok) out.iam = c.iam.body;
  else out.iam_fails = c.iam.message;
  out.resource = resourceWire(c.request.resource);
  out.role = c.request.role;
  if (c.request.duration) out.duration = c.request.duration;
  if (c.request.details && Object.keys(c.request.details).length > 0) out.details = c.request.details;
  if (c.target) out.target = c.target;
  out.at = c.at;
  const expect: Record<string, unknown> = { outcome: c.expect.outcome };
  if ('step' in c.expect && c.expect.step !== undefined) expect.step = c.expect.step;
  if (c.expect.outcome === 'waits' && c.expect.approvers) expect.approvers = c.expect.approvers;
  out.expect = expect;
  return out;
}

export function toCasesYaml(policyId: string, cases: readonly TestCase[]): string {
  const header = `# Test cases of Guardian policy ${policyId}, written by Policy Console (format: docs/test-cases.md)\n`;
  return (
    header +
    stringify({ version: CASES_FILE_VERSION, policy: policyId, cases: cases.map(caseToYaml) }, { lineWidth: 0 })
  );
}

export interface FileProblem {
  /** 1-based case number in the file, or undefined for the file as a whole. */
  index?: number;
  name?: string;
  message: string;
  /** The case was not loaded (the others were); absent for warnings about a case that loaded. */
  leftOut?: true;
}

export interface ParsedCasesFile {
  policy?: string;
  cases: TestCase[];
  /** Cases refused or loaded with a warning, one message each; the others load. */
  problems: FileProblem[];
}

const CASE_KEYS = [
  'name',
  'created_by',
  'iam',
  'iam_fails',
  'resource',
  'role',
  'duration',
  'details',
  'target',
  'at',
  'expect',
];
const RESOURCE_KEYS = ['id', 'provider_type', 'provider_urn', 'type', 'urn', 'name', 'details', 'labels'];
const EXPECT_KEYS = ['outcome', 'step', 'approvers'];

const str = (v: unknown): v is string => typeof v === 'string';

function unknownKeys(value: Record<string, unknown>, known: readonly string[], where: string): string | undefined {
  const extra = Object.keys(value).filter((k) => !known.includes(k));
  return extra.length > 0 ? `${where}has unknown keys: ${extra.join(', ')} (known: ${known.join(', ')})` : undefined;
}

function readExpectation(value: unknown): Expectation | string {
  if (!isPlainObject(value)) return '`expect` must be a map with an `outcome`';
  const extra = unknownKeys(value, EXPECT_KEYS, '`expect` ');
  if (extra) return extra;
  const { outcome, step, approvers } = value;
  if (!OUTCOME_NAMES.includes(outcome as never)) return `\`expect.outcome\` must be one of ${OUTCOME_NAMES.join(', ')}`;
  if (step !== undefined && !str(step)) return '`expect.step` must be a step name';
  if (approvers !== undefined && !(Array.isArray(approvers) && approvers.every(str)))
    return '`expect.approvers` must be a list of emails';
  switch (outcome) {
    case 'approved':
      return { outcome };
    case 'blocked':
      return str(step) ? { outcome, step } : '`expect.step` is required for `blocked`: the step that blocks';
    case 'error':
      return str(step) ? { outcome, step } : { outcome };
    default:
      return {
        outcome: 'waits',
        ...(str(step) ? { step } : {}),
        ...(approvers ? { approvers: approvers as string[] } : {}),
      };
  }
}

function readRequest(value: Record<string, unknown>, defaults: AppealRequest): AppealRequest | string {
  const resource = value.resource ?? {};
  if (!isPlainObject(resource)) return '`resource` must be a map';
  const extra = unknownKeys(resource, RESOURCE_KEYS, '`resource` ');
  if (extra) return extra;
  for (const key of RESOURCE_KEYS.filter((k) => k !== 'details' && k !== 'labels'))
    if (resource[key] !== undefined && !str(resource[key])) return `\`resource.${key}\` must be text`;
  if (resource.details !== undefined && resource.details !== null && !isPlainObject(resource.details))
    return '`resource.details` must be a map';
  if (value.role !== undefined && !str(value.role)) return '`role` must be text';
  if (value.details !== undefined && value.details !== null && !isPlainObject(value.details))
    return '`details` must be a map';
  const d = defaults.resource;
  const text = (key: string, fallback: string) => (str(resource[key]) ? resource[key] : fallback);
  return {
    ...defaults,
    resource: {
      id: text('id', d.id),
      providerType: text('provider_type', d.providerType),
      providerUrn: text('provider_urn', d.providerUrn),
      type: text('type', d.type),
      urn: text('urn', d.urn),
      name: text('name', d.name),
      details: resource.details === undefined ? d.details : (resource.details as Record<string, unknown> | null),
      labels: isPlainObject(resource.labels) ? (resource.labels as Record<string, string>) : d.labels,
    },
    role: str(value.role) ? value.role : defaults.role,
    duration: str(value.duration) ? value.duration : defaults.duration,
    details: value.details === undefined ? defaults.details : (value.details as Record<string, unknown> | null),
  };
}

function readCase(value: unknown, defaults: AppealRequest): TestCase | string {
  if (!isPlainObject(value)) return 'a case must be a map (name, created_by, iam, resource, role, expect…)';
  const extra = unknownKeys(value, CASE_KEYS, '');
  if (extra) return extra;
  if (!str(value.name) || value.name.trim() === '') return '`name` is required';
  if (!str(value.created_by) || value.created_by.trim() === '')
    return '`created_by` is required: the email of who appeals';
  if (value.iam !== undefined && value.iam_fails !== undefined)
    return 'give `iam` (the answer) or `iam_fails`, not both';
  if (value.iam_fails !== undefined && !str(value.iam_fails)) return '`iam_fails` must be the failure’s message';
  if (value.target !== undefined && !isTarget(value.target))
    return '`target` must be guardian-1.12, guardian-1.15 or expr-latest';
  if (value.at !== undefined && (!str(value.at) || Number.isNaN(Date.parse(value.at))))
    return '`at` must be a time such as 2026-12-01T12:00:00Z';
  const expect = readExpectation(value.expect);
  if (typeof expect === 'string') return expect;
  const request = readRequest(value, defaults);
  if (typeof request === 'string') return request;
  const iam: IamAnswer = str(value.iam_fails)
    ? { ok: false, message: value.iam_fails }
    : { ok: true, body: value.iam ?? {} };
  return {
    name: value.name,
    createdBy: value.created_by,
    iam,
    request,
    ...(value.target !== undefined ? { target: value.target as TestCase['target'] } : {}),
    at: str(value.at) ? new Date(Date.parse(value.at)).toISOString() : new Date(0).toISOString(),
    expect,
  };
}

/** Reads a cases file: every good case loads; each bad one is left out with a message. */
export function parseCasesFile(text: string, policy: Pick<Policy, 'id' | 'requirements' | 'steps'>): ParsedCasesFile {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    // The library's first line ends with the position again ("… at line 1, column 13:"), said once here.
    const at = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : '';
    const why = e.message
      .split('\n')[0]!
      .replace(/ at line \d+, column \d+:?$/, '')
      .replace(/[^.]$/, '$&.');
    return { cases: [], problems: [{ message: `This is not a YAML cases file${at}: ${why}` }] };
  }
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isPlainObject(root) || !Array.isArray(root.cases))
    return {
      cases: [],
      problems: [{ message: 'A cases file is a map with a `cases` list (see docs/test-cases.md).' }],
    };
  const problems: FileProblem[] = [];
  const extra = unknownKeys(root, ['version', 'policy', 'cases'], 'The file ');
  if (extra) problems.push({ message: `${extra}; they were ignored.` });
  if (root.policy !== undefined && root.policy !== policy.id)
    problems.push({
      message: `The file is for policy “${String(root.policy)}”, not ${policy.id}; its cases were read anyway.`,
    });
  const defaults = defaultAppealRequest(policy);
  const steps = new Set(policy.steps.map((s) => s.name));
  const cases: TestCase[] = [];
  root.cases.forEach((value: unknown, i: number) => {
    const name = isPlainObject(value) && str(value.name) ? value.name : undefined;
    const read = readCase(value, defaults);
    if (typeof read === 'string') {
      problems.push({ index: i + 1, name, message: `left out: ${read}.`, leftOut: true });
      return;
    }
    const step = 'step' in read.expect ? read.expect.step : undefined;
    if (step !== undefined && !steps.has(step))
      problems.push({
        index: i + 1,
        name,
        message: `loaded, but this version has no step \`${step}\`: it fails until it does.`,
      });
    cases.push(read);
  });
  return { policy: str(root.policy) ? root.policy : undefined, cases, problems };
}
