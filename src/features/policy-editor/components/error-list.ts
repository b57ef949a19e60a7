import type { FieldErrors } from 'react-hook-form';
import type { PolicyFormValues } from '../form/policy-form-schema';

export interface ListedError {
  path: string;
  message: string;
}

/** The order fields appear on the page, per kind of object (indexes written as `*`). */
const FIELD_ORDER: Record<string, readonly string[]> = {
  '': ['id', 'title', 'description', 'labels', 'steps', 'requirements', 'appeal', 'iam'],
  'labels.*': ['key', 'value'],
  'steps.*': ['name', 'description', 'strategy', 'when', 'approveIf', 'approvers', 'allowFailed', 'rejectionReason'],
  'steps.*.approvers.*': ['value'],
  'requirements.*': ['on', 'appeals'],
  'requirements.*.on': ['providerType', 'providerUrn', 'resourceType', 'resourceUrn', 'role', 'expression'],
  'requirements.*.appeals.*': [
    'resourceBy',
    'resourceId',
    'providerType',
    'providerUrn',
    'type',
    'urn',
    'role',
    'accessBy',
    'duration',
    'expirationDate',
    'policyId',
    'policyVersion',
  ],
  appeal: [
    'durationOptions',
    'allowPermanentAccess',
    'allowActiveAccessExtensionIn',
    'allowOnBehalf',
    'allowCreatorDetailsFailure',
    'questions',
  ],
  'appeal.durationOptions.*': ['name', 'value'],
  'appeal.questions.*': ['key', 'question', 'description', 'required'],
  iam: [
    'enabled',
    'provider',
    'url',
    'headers',
    'authType',
    'username',
    'password',
    'apiKeyIn',
    'apiKeyName',
    'apiKeyValue',
    'token',
    'audience',
    'credentialsJson',
    'schema',
  ],
  'iam.headers.*': ['key', 'value'],
  'iam.schema.*': ['key', 'value'],
};

const isNumeric = (segment: string) => /^\d+$/.test(segment);

function rank(segments: string[], i: number): number {
  const segment = segments[i] ?? '';
  if (segment === 'root') return -1;
  if (isNumeric(segment)) return Number(segment);
  const shape = segments
    .slice(0, i)
    .map((s) => (isNumeric(s) ? '*' : s))
    .join('.');
  const index = FIELD_ORDER[shape]?.indexOf(segment) ?? -1;
  return index < 0 ? 1000 : index;
}

/** Compares form paths by where their fields are on the page. */
export function comparePaths(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    return rank(x, i) - rank(y, i);
  }
  return x.length - y.length;
}

function isLeaf(node: unknown): node is { message?: unknown; type?: unknown } {
  return (
    typeof node === 'object' && node !== null && 'type' in node && typeof (node as { type: unknown }).type === 'string'
  );
}

/** Every error in react-hook-form's nested errors, in page order. */
export function listErrors(errors: FieldErrors<PolicyFormValues>): ListedError[] {
  const out: ListedError[] = [];
  const visit = (node: unknown, path: string[]) => {
    if (typeof node !== 'object' || node === null) return;
    if (isLeaf(node) && typeof node.message === 'string' && node.message !== '') {
      out.push({ path: path.join('.'), message: node.message });
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'ref' || key === 'types' || key === 'message' || key === 'type') continue;
      // A list's own error ("add at least one") belongs to the list, not to a "root" field.
      visit(child, key === 'root' ? path : [...path, key]);
    }
  };
  visit(errors, []);
  return out.sort((a, b) => comparePaths(a.path, b.path));
}

const LABELS: Record<string, string> = {
  id: 'Id',
  title: 'Title',
  description: 'Description',
  labels: 'Labels',
  name: 'Name',
  strategy: 'Strategy',
  when: 'When',
  approveIf: 'Approve if',
  approvers: 'Approvers',
  rejectionReason: 'Rejection reason',
  providerType: 'Provider type',
  providerUrn: 'Provider URN',
  resourceType: 'Resource type',
  resourceUrn: 'Resource URN',
  role: 'Role',
  expression: 'Expression',
  appeals: 'Additional appeals',
  resourceId: 'Resource id',
  type: 'Resource type',
  urn: 'Resource URN',
  duration: 'Duration',
  expirationDate: 'Expiration date',
  policyId: 'Policy id',
  policyVersion: 'Policy version',
  durationOptions: 'Duration options',
  value: 'Value',
  allowActiveAccessExtensionIn: 'Extension window',
  key: 'Key',
  question: 'Question',
  provider: 'IAM provider',
  url: 'IAM URL',
  headers: 'IAM headers',
  authType: 'Auth type',
  username: 'Username',
  password: 'Password',
  apiKeyIn: 'API key location',
  apiKeyName: 'API key name',
  apiKeyValue: 'API key',
  token: 'Token',
  audience: 'Audience',
  credentialsJson: 'Credentials JSON',
  schema: 'IAM schema',
  steps: 'Steps',
};

/** Where a field is, in words: “Step 2 (manager_approval) › Approvers › 1”. */
export function describePath(path: string, values: PolicyFormValues): string {
  const s = path.split('.');
  const n = (i: number) => Number(s[i]) + 1;
  const label = (key: string | undefined) => LABELS[key ?? ''] ?? key ?? '';
  switch (s[0]) {
    case 'steps': {
      if (s.length === 1) return 'Steps';
      const name = values.steps[Number(s[1])]?.name;
      const step = `Step ${n(1)}${name ? ` (${name.length > 40 ? `${name.slice(0, 39)}…` : name})` : ''}`;
      if (s[2] === 'approvers' && s[3] !== undefined) return `${step} › Approver ${n(3)}`;
      return `${step} › ${label(s[2])}`;
    }
    case 'requirements': {
      const requirement = `Requirement ${n(1)}`;
      if (s[2] === 'on') return `${requirement} › When › ${label(s[3])}`;
      if (s[2] === 'appeals' && s[3] !== undefined) return `${requirement} › Appeal ${n(3)} › ${label(s[4])}`;
      return `${requirement} › ${label(s[2])}`;
    }
    case 'appeal':
      if (s[1] === 'durationOptions' && s[2] !== undefined)
        return `Duration option ${n(2)} › ${s[3] === 'name' ? 'Name' : 'Duration'}`;
      if (s[1] === 'questions' && s[2] !== undefined) return `Question ${n(2)} › ${label(s[3])}`;
      return `Appeal settings › ${label(s[1])}`;
    case 'iam':
      if ((s[1] === 'headers' || s[1] === 'schema') && s[2] !== undefined)
        return `${label(s[1])} › Row ${n(2)} › ${label(s[3])}`;
      return label(s[1]);
    case 'labels':
      return s[1] === undefined ? 'Labels' : `Label ${n(1)} › ${label(s[2])}`;
    default:
      return label(s[0]);
  }
}
