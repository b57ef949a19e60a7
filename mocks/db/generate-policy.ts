import type { AppealConfig, Iam, Policy, Requirement, Step } from '../../src/lib/api/guardian/policy-schema';
import { Prng, hash32 } from '../lib/random';
import { AUTO_STEPS, MANUAL_STEPS } from './step-library';
import {
  ACTIONS,
  AREAS,
  DURATION_OPTIONS,
  LABEL_VALUES,
  PERMANENT_OPTION,
  POLICY_AUTHORS,
  QUESTIONS,
  SYSTEMS,
  type ActionWord,
  type AreaWord,
  type SystemWord,
} from './vocabulary';

/** Where a generated policy's words come from: enough to rebuild it, and to name it. */
export interface PolicyWords {
  id: string;
  system: SystemWord;
  area: AreaWord;
  action: ActionWord;
}

const COMBOS = SYSTEMS.length * AREAS.length * ACTIONS.length;
// A stride coprime with COMBOS spreads consecutive indexes over different systems and areas.
const STRIDE = 577;

/** The id and vocabulary of generated policy `index` (ids unique for any catalog size). */
export function policyWords(seed: number, index: number): PolicyWords {
  const combo = (index * STRIDE + (seed % COMBOS)) % COMBOS;
  const system = SYSTEMS[combo % SYSTEMS.length]!;
  const area = AREAS[Math.floor(combo / SYSTEMS.length) % AREAS.length]!;
  const action = ACTIONS[Math.floor(combo / (SYSTEMS.length * AREAS.length))]!;
  const sep = hash32(seed, combo, 7) % 3 === 0 ? '-' : '_';
  const round = Math.floor(index / COMBOS);
  const id = [system.key, area.key, action.key].join(sep) + (round > 0 ? `${sep}${round + 1}` : '');
  return { id, system, area, action };
}

/** How many versions generated policy `index` has: mostly a few, some long histories. */
export function versionCount(seed: number, index: number, maxVersions: number): number {
  const r = hash32(seed, index, 11) / 4294967296;
  const skewed = Math.floor(Math.pow(r, 1.8) * maxVersions) + 1;
  return Math.min(maxVersions, Math.max(1, skewed));
}

function title(w: PolicyWords): string {
  const text = `${w.system.name} ${w.area.name} ${w.action.name}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const DESCRIPTIONS = [
  (w: PolicyWords) =>
    `Who may get ${w.action.name} to ${w.area.name} ${w.system.resourceType}s in ${w.system.name}, and who approves it.`,
  (w: PolicyWords) => `Approval flow for ${w.system.name} ${w.system.resourceType}s that hold ${w.area.name} data.`,
  (w: PolicyWords) =>
    `Requests for ${w.action.name} on ${w.system.name} (${w.area.name}). Reviewed quarterly by the owning team.`,
];

function buildSteps(rng: Prng, w: PolicyWords): Step[] {
  const steps: Step[] = [];
  const autos = Object.keys(AUTO_STEPS);
  if (rng.chance(0.6)) steps.push(AUTO_STEPS[rng.pick(autos)]!(rng, w.area));
  if (w.area.sensitive && rng.chance(0.35)) {
    const second = rng.pick(autos);
    if (!steps.some((s) => s.name === second)) steps.push(AUTO_STEPS[second]!(rng, w.area));
  }
  steps.push(MANUAL_STEPS[rng.chance(0.7) ? 'manager_approval' : 'supervisor_approval']!(rng, w.area));
  const extras = w.area.sensitive
    ? ['owner_approval', 'pii_review', 'security_review', 'skip_level_approval']
    : ['owner_approval', 'contractor_sponsor'];
  if (w.area.key === 'finance' || w.area.key === 'billing') extras.push('finance_controller');
  const extraCount = rng.int(w.action.privileged ? 3 : 2);
  for (let i = 0; i < extraCount; i++) {
    const name = rng.pick(extras);
    if (!steps.some((s) => s.name === name)) steps.push(MANUAL_STEPS[name]!(rng, w.area));
  }
  return steps;
}

function buildAppeal(rng: Prng, w: PolicyWords): AppealConfig {
  const count = 1 + rng.int(3);
  const start = rng.int(DURATION_OPTIONS.length - count + 1);
  const durationOptions = DURATION_OPTIONS.slice(start, start + count).map((d) => ({ ...d }));
  const allowPermanentAccess = !w.action.privileged && rng.chance(0.3);
  if (allowPermanentAccess) durationOptions.push({ ...PERMANENT_OPTION });
  const questions = rng.chance(0.7) ? [{ ...QUESTIONS[0]! }] : [];
  if (w.area.sensitive && rng.chance(0.5)) questions.push({ ...QUESTIONS[1]! });
  return {
    durationOptions,
    allowOnBehalf: rng.chance(0.3),
    allowPermanentAccess,
    allowActiveAccessExtensionIn: rng.chance(0.6) ? rng.pick(['24h', '48h', '72h']) : undefined,
    questions: questions.map((q) => ({ description: undefined, ...q })),
    allowCreatorDetailsFailure: rng.chance(0.1),
  };
}

function buildLabels(rng: Prng, w: PolicyWords): Record<string, string> {
  const labels: Record<string, string> = {};
  if (rng.chance(0.85)) labels.team = rng.pick(LABEL_VALUES.team);
  if (rng.chance(0.6)) labels.env = w.area.key === 'staging' ? 'staging' : rng.pick(LABEL_VALUES.env);
  if (w.area.sensitive && rng.chance(0.5)) labels.compliance = rng.pick(LABEL_VALUES.compliance);
  if (rng.chance(0.3)) labels.tier = rng.pick(LABEL_VALUES.tier);
  return labels;
}

/**
 * The two IAM schemas generated policies use: each maps every creator field the step library reads,
 * one with plain response field names, one with `$response` expressions (iam-record-fields.ts in
 * mocks/directory lists what the mock IAM answers).
 */
const IAM_SCHEMAS: readonly Record<string, string>[] = [
  {
    email: 'email',
    name: 'full_name',
    company: 'company_name',
    department: 'department',
    title: 'title',
    userManager: 'manager_email',
    manager_email: 'manager_email',
    managers: 'managers',
    country: 'country',
    employment_type: 'employment_type',
    risk: 'risk',
  },
  {
    email: 'email',
    name: 'fullName',
    company: 'companyName',
    department: 'department',
    title: 'title',
    userManager: '$response.manager != nil ? $response.manager.email : nil',
    manager_email: '$response.manager != nil ? $response.manager.email : nil',
    managers: 'managers',
    country: 'country',
    employment_type: 'employment_type',
    risk: 'risk',
  },
];

function creatorFieldsRead(steps: readonly Step[]): string[] {
  const fields = new Set<string>();
  for (const step of steps) {
    for (const text of [step.when, step.approveIf, ...step.approvers]) {
      for (const match of (text ?? '').matchAll(/\$appeal\.creator\.(\w+)/g)) fields.add(match[1]!);
    }
  }
  return [...fields].sort();
}

/**
 * IAM configs carry secrets in plain text, as Guardian returns them: the console must mask them.
 * A policy whose steps read the creator always has an IAM (without one Guardian has no creator);
 * about one in seven leaves a field it reads out of its schema, as happens when a step is added
 * and the schema forgotten — the trace and the save check show it.
 */
function buildIam(rng: Prng, index: number, steps: readonly Step[]): Iam | undefined {
  const drawn = rng.chance(0.35);
  const read = creatorFieldsRead(steps);
  if (!drawn && read.length === 0) return undefined;
  // A policy that needs an IAM it did not draw gets one from its own generator: the catalog's
  // other draws stay as they were.
  const r = drawn ? rng : new Prng(hash32(index, 0x1a3, 5));
  const url = r.pick([
    'https://iam.internal.example.com/api/users/{user_id}',
    'https://people.example.com/v2/employees/{user_id}',
    'http://hr-directory.corp.example.com/users/{user_id}',
  ]);
  const token = (n: number) => hash32(index, n, 99).toString(36) + hash32(n, index, 98).toString(36);
  const auth = r.pick([
    { type: 'basic', username: 'guardian-svc', password: `pw-${token(1)}-${token(2)}` },
    { type: 'bearer', token: `eyJhbGciOiJIUzI1NiJ9.${token(3)}${token(4)}.${token(5)}` },
    { type: 'api_key', in: 'header', key: 'X-API-Key', value: `ak_live_${token(6)}${token(7)}` },
    {
      type: 'google_idtoken',
      audience: 'https://iam.internal.example.com',
      credentials_json: JSON.stringify({
        type: 'service_account',
        project_id: 'acme-iam',
        private_key_id: token(8),
        private_key: `-----BEGIN PRIVATE KEY-----\nMIIEv${token(9)}${token(10)}FAKEKEYFORDEMO\n-----END PRIVATE KEY-----\n`,
        client_email: 'guardian@acme-iam.iam.gserviceaccount.com',
      }),
    },
  ]);
  const config: Record<string, unknown> = { url, auth };
  if (r.chance(0.3)) config.headers = { 'X-Requested-By': 'guardian' };
  const schema = { ...r.pick(IAM_SCHEMAS) };
  if (read.length > 0 && hash32(index, 0x5c7, 11) % 7 === 0) delete schema[read[hash32(index, 3, 3) % read.length]!];
  return { provider: 'http', config, schema };
}

function buildRequirements(rng: Prng, w: PolicyWords): Requirement[] {
  if (!rng.chance(0.25)) return [];
  return [
    {
      on: { providerType: w.system.providerType, role: w.system.role, conditions: [] },
      appeals: [
        {
          resource: { id: String(100 + rng.int(900)) },
          role: rng.pick(['roles/bigquery.jobUser', 'viewer', 'member']),
          policy: rng.chance(0.5) ? { id: 'auto_approval', version: 1 } : undefined,
        },
      ],
    },
  ];
}

/** Version 1 of generated policy `index`, as a domain object (the store serialises it). */
export function generateFirstVersion(seed: number, index: number): { policy: Policy; words: PolicyWords } {
  const words = policyWords(seed, index);
  const rng = new Prng(hash32(seed, index, 1));
  // The draws happen in this order whatever is added: a catalog stays the same for a seed.
  const heading = title(words);
  const description = rng.pick(DESCRIPTIONS)(words);
  const steps = buildSteps(rng, words);
  const policy: Policy = {
    id: words.id,
    version: 1,
    title: heading,
    description,
    steps,
    labels: buildLabels(rng, words),
    requirements: buildRequirements(rng, words),
    iam: buildIam(rng, index, steps),
    appeal: buildAppeal(rng, words),
    createdBy: rng.pick(POLICY_AUTHORS),
  };
  return { policy, words };
}
