/**
 * Representative expressions and environments for `npm run bench` and the mock engine's sizing:
 * what real policies evaluate once per user.
 */
export interface ExprBenchCase {
  name: string;
  source: string;
  env: Record<string, unknown>;
  /** The value expr gives for `env` on guardian-1.12. */
  expected: unknown;
}

function appeal(
  creator: Record<string, unknown>,
  details: Record<string, unknown> = { owner: 'owner@example.com', is_pii: false },
) {
  return {
    $appeal: {
      id: 'a-1',
      role: 'viewer',
      account_id: String(creator['email'] ?? ''),
      account_type: 'user',
      created_by: String(creator['email'] ?? ''),
      creator,
      resource: {
        id: 'r-1',
        provider_type: 'bigquery',
        provider_urn: 'bq',
        type: 'dataset',
        urn: 'my-bq-project:playground',
        name: 'playground',
        details,
      },
      options: { duration: '24h' },
      details: {},
      labels: {},
    },
  };
}

const engineer = {
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  department: 'eng',
  company: 'Company Name',
  title: 'Manager',
  manager_email: 'grace@example.com',
  userManager: 'grace@example.com',
  managers: ['grace@example.com', 'alan@example.com'],
  country: 'GB',
  employment_type: 'employee',
  risk: 'low',
};

export const EXPR_BENCH_CASES: readonly ExprBenchCase[] = [
  {
    name: 'department, pii flag and title list (~100 chars)',
    source:
      '$appeal.creator.department == "eng" && $appeal.resource.details.is_pii != true && $appeal.creator.title in ["Manager", "Director"]',
    env: appeal(engineer),
    expected: true,
  },
  {
    name: 'approver expression with a nil check',
    source: '$appeal.creator != nil ? $appeal.creator.managers : "approver@example.com"',
    env: appeal(engineer),
    expected: ['grace@example.com', 'alan@example.com'],
  },
  {
    name: 'negated when',
    source: 'not ($appeal.resource.type == "dataset" && $appeal.resource.urn == "my-bq-project:playground")',
    env: appeal(engineer),
    expected: false,
  },
  {
    name: 'predicate and Split',
    source:
      'any($appeal.creator.managers, {# endsWith "@example.com"}) && len(Split($appeal.creator.email, "@")[0]) > 2',
    env: appeal(engineer),
    expected: true,
  },
];
