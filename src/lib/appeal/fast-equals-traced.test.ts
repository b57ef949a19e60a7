import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '../api/guardian/policy-schema';
import { TARGETS } from '../expr';
import { defaultAppealRequest, type IamAnswer } from './appeal-request';
import { compilePolicy } from './policy-program';
import { NOW } from './test-support';
import { appealTracer } from './trace-appeal';
import { walkAppeal } from './walk-appeal';

const SPECS = join(import.meta.dirname, '../../../specs/guardian');

function policiesIn(dir: string): Policy[] {
  return readdirSync(join(SPECS, dir))
    .filter((f) => /^\d\d-.*\.json$/.test(f))
    .flatMap((file) => {
      const raw = JSON.parse(readFileSync(join(SPECS, dir, file), 'utf8')) as Record<string, unknown>;
      const { appeal_config: appealConfig, ...rest } = raw;
      const parsed = policySchema.safeParse({ appeal: appealConfig, ...rest });
      return parsed.success ? [parsed.data] : [];
    });
}

const EXAMPLES = policiesIn('examples');
const OTHERS = policiesIn('more-examples');

/** Creator fields the policies read, and the answer keys their schemas map from. */
const KEYS = [
  'email',
  'manager_email',
  'userManager',
  'managers',
  'company',
  'companyName',
  'company_name',
  'full_name',
  'name',
  'roles',
  'department',
  'person',
];

const value = fc.oneof(
  fc.constantFrom('boss@example.com', 'Company Name', 'eng', 'not an email', ''),
  fc.emailAddress(),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.oneof(fc.emailAddress(), fc.constant('x'), fc.integer()), { maxLength: 3 }),
  fc.array(fc.record({ name: fc.constantFrom('admin', 'dev') }), { maxLength: 2 }),
);

/** What an IAM could answer: an object with some of the keys, something else, or a failure. */
const answer: fc.Arbitrary<IamAnswer> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.dictionary(fc.constantFrom(...KEYS), value).map((body) => ({ ok: true, body }) as IamAnswer),
  },
  { weight: 1, arbitrary: fc.constantFrom<IamAnswer>({ ok: true, body: ['a'] }, { ok: true, body: null }) },
  { weight: 1, arbitrary: fc.constant<IamAnswer>({ ok: false, message: 'request failed: 500 Internal Server Error' }) },
);

function agree(policies: readonly Policy[], runs: number): void {
  const programs = policies.flatMap((policy) =>
    TARGETS.map(({ id: target }) => {
      const request = defaultAppealRequest(policy);
      return {
        policy,
        target,
        fast: compilePolicy(policy, { target, request, now: NOW }),
        trace: appealTracer(policy, { target, request }),
      };
    }),
  );
  fc.assert(
    fc.property(answer, fc.emailAddress(), (iam, createdBy) => {
      for (const p of programs) {
        const fast = walkAppeal(p.fast, createdBy, iam);
        const traced = p.trace({ createdBy, iam }, { now: NOW, budgetMs: 1000 }).verdict.packed;
        if (fast !== traced) throw new Error(`${p.policy.id} on ${p.target}: fast ${fast}, traced ${traced}`);
      }
    }),
    { numRuns: runs, seed: 20261201 },
  );
}

describe('the fast walk and the traced walk agree', () => {
  it('for 10,000 generated creators on each of the five examples, on every target', { timeout: 60_000 }, () => {
    expect(EXAMPLES).toHaveLength(5);
    agree(EXAMPLES, 10_000);
  });

  it(
    'for 1,000 generated creators on each of the other real policies that parse, on every target',
    { timeout: 60_000 },
    () => {
      expect(OTHERS.length).toBeGreaterThanOrEqual(13);
      agree(OTHERS, 1_000);
    },
  );
});
