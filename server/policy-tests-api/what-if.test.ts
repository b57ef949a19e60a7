import { beforeEach, describe, expect, it } from 'vitest';
import { catalogPolicySource } from '../../mocks/db/catalog-policy-source';
import { memoryTestStore } from '../../mocks/engine/memory-test-store';
import { FakeClock } from '../../mocks/lib/clock';
import { MockState } from '../../mocks/state/mock-state';
import { createPolicyTestsApi, type PolicyTestsApi } from './handlers';

/**
 * Our servers' extensions of the policy tester, through the shared handlers over the mock's catalog
 * and test store: unsaved Guardian policies sent inline, why-fields on users rows and on the status,
 * and the `search` and `step` query parameters.
 */
const BASE = 'http://runner.test/client/v4/accounts/acc/access/policy-tests';
const AUTH = { Authorization: 'Bearer good' };

let clock: FakeClock;
let api: PolicyTestsApi;

beforeEach(() => {
  clock = new FakeClock();
  const state = new MockState({ clock, config: { userCount: 3000 } });
  api = createPolicyTestsApi({
    policies: catalogPolicySource(() => state.catalog),
    tests: memoryTestStore(state),
    accepts: () => true,
    draftRules: () => ({ target: state.config.exprTarget, strict: false }),
  });
});

type Envelope = {
  success: boolean;
  errors: { code: number; message: string; error_chain?: { message: string }[] }[];
  result: unknown;
  result_info?: Record<string, unknown>;
};
type Row = { id: string; email: string; name: string; status: string; step?: string; reason?: string; error?: string };

const call = async (request: Request) => {
  const response = await api.handle(request);
  return { status: response.status, body: (await response.json()) as Envelope };
};
const start = (policies: unknown[]) =>
  call(new Request(BASE, { method: 'POST', headers: AUTH, body: JSON.stringify({ policies }) }));
const get = (path: string) => call(new Request(`${BASE}${path}`, { headers: AUTH }));

async function finishedTest(policies: unknown[]): Promise<string> {
  const started = await start(policies);
  expect(started.status).toBe(200);
  clock.advance(3_600_000);
  return (started.body.result as { id: string }).id;
}

/** The draft of an edit that makes the first step block everyone outside engineering. */
const DRAFT = {
  id: 'my-second-policy',
  steps: [
    { name: 'employee_check', strategy: 'auto', approve_if: '$appeal.creator.company == "Company Name"' },
    { name: 'eng_only', strategy: 'auto', approve_if: '$appeal.creator.department == "eng"' },
    { name: 'resource_owner_approval', strategy: 'manual', approvers: ['$appeal.resource.details.owner'] },
  ],
  iam: {
    provider: 'http',
    config: { url: 'http://iam.example.com/api/users/{user_id}', auth: { type: 'bearer', token: 't' } },
    schema: { email: 'email', name: 'fullName', company: 'companyName', department: 'department' },
  },
};

describe('inline Guardian policies (unsaved drafts)', () => {
  it('tests a valid draft in REST wire form (snake_case): its own steps decide', async () => {
    const id = await finishedTest([DRAFT]);
    const status = (await get(`/${id}`)).body.result as {
      users_approved: number;
      users_blocked: number;
      users_errored: number;
    };
    expect(status.users_approved + status.users_blocked + status.users_errored).toBe(3000);
    const blocked = (await get(`/${id}/users?status=fail&per_page=1000`)).body.result as Row[];
    expect(blocked.length).toBeGreaterThan(0);
    expect(new Set(blocked.map((u) => u.step))).toEqual(new Set(['employee_check', 'eng_only']));
    expect(blocked.every((u) => u.reason === 'approve_if_false')).toBe(true);
  });

  it('accepts camelCase too, as Guardian reads request bodies', async () => {
    const camel = { ...DRAFT, steps: DRAFT.steps.map(({ approve_if, ...s }) => ({ ...s, approveIf: approve_if })) };
    const [a, b] = [await finishedTest([DRAFT]), await finishedTest([camel])];
    expect((await get(`/${b}`)).body.result).toEqual({ ...((await get(`/${a}`)).body.result as object), id: b });
  });

  it('refuses a draft Guardian would refuse with 422 and Guardian’s own words, naming the item', async () => {
    const broken = { ...DRAFT, steps: [{ name: 'check', strategy: 'auto' }] };
    const r = await start(['bigquery_approval:1', broken]);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ success: false, result: null });
    expect(r.body.errors[0]!.message).toBe(
      "policy validation: Key: 'Policy.Steps[0].ApproveIf' Error:Field validation for 'ApproveIf' failed on the 'required_if' tag",
    );
    expect(r.body.errors[0]!.error_chain).toEqual([{ code: 10422, message: 'policies[1]' }]);

    const spaced = await start([{ ...DRAFT, steps: [{ name: 'two words', strategy: 'auto', approve_if: 'true' }] }]);
    expect(spaced.body.errors[0]!.message).toBe(
      'policy validation: step name should not contain whitespaces: "two words"',
    );
    const wrongType = await start([{ ...DRAFT, steps: 'none' }]);
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors[0]!.message).toMatch(/^proto: syntax error/);
  });

  it('mixes with saved versions by id; an unknown id is still a 400 naming it', async () => {
    const id = await finishedTest(['bigquery_approval:1', DRAFT]);
    expect(((await get(`/${id}`)).body.result as { status: string }).status).toBe('complete');
    const unknown = await start(['nope:3', DRAFT]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]!.message).toMatch(/nope:3/);
  });

  it('keeps objects without steps as inline Access policies', async () => {
    const id = await finishedTest([{ name: 'All', decision: 'allow', include: [{ everyone: {} }] }]);
    expect((await get(`/${id}`)).body.result).toMatchObject({ users_approved: 3000 });
    const rows = (await get(`/${id}/users`)).body.result as Row[];
    expect(Object.keys(rows[0]!)).toEqual(['id', 'email', 'name', 'status']);
  });
});

describe('why each user got their result', () => {
  it('rows carry the deciding step, the reason and, for errors, the error text', async () => {
    // bigquery_approval reads the creator's manager through a schema; people without one error.
    const id = await finishedTest(['bigquery_approval:1']);
    const errored = (await get(`/${id}/users?status=error&per_page=1000`)).body.result as Row[];
    expect(errored.length).toBeGreaterThan(0);
    const lookup = errored.find((u) => u.reason === 'creator_lookup_failed')!;
    expect(lookup).toMatchObject({ error: "fetching creator's user iam: request failed: 404 Not Found" });
    expect(lookup.step).toBeUndefined();
    const approved = (await get(`/${id}/users?status=success&per_page=5`)).body.result as Row[];
    expect(approved[0]).toMatchObject({ status: 'approved', reason: 'awaits_approval', step: expect.any(String) });
    expect(approved[0]!.error).toBeUndefined();
  });

  it('an expression error comes with its text and position', async () => {
    const draft = {
      ...DRAFT,
      steps: [{ name: 'bad', strategy: 'auto', approve_if: '$appeal.creator.nope.deeper == 1' }],
    };
    const id = await finishedTest([draft]);
    const rows = (await get(`/${id}/users?status=error&per_page=3`)).body.result as Row[];
    expect(rows[0]).toMatchObject({
      step: 'bad',
      reason: 'approve_if_error',
      error: expect.stringMatching(/\(at 1:\d+\)$/),
    });
  });

  it('the status counts users by (outcome, step, reason), most first, summing to the processed users', async () => {
    const id = await finishedTest([DRAFT]);
    const status = (await get(`/${id}`)).body.result as {
      reasons: { status: string; step?: string; reason: string; users: number }[];
      users_blocked: number;
    };
    const total = status.reasons.reduce((sum, r) => sum + r.users, 0);
    expect(total).toBe(3000);
    expect([...status.reasons].sort((a, b) => b.users - a.users)).toEqual(status.reasons);
    const blockedAtEng = status.reasons.find((r) => r.step === 'eng_only' && r.status === 'blocked')!;
    const filtered = await get(`/${id}/users?status=fail&step=eng_only&per_page=1000`);
    expect(filtered.body.result_info).toMatchObject({ total_count: blockedAtEng.users, step: 'eng_only' });
    expect((filtered.body.result as Row[]).every((u) => u.step === 'eng_only' && u.status === 'blocked')).toBe(true);
  });

  it('mid-run, the reasons add up to the counts beside them, however the clock moves while they are read', async () => {
    // A clock that moves on each read, as the real one does while a large chunk is evaluated.
    const ticking = new (class extends FakeClock {
      override now() {
        const at = super.now();
        this.advance(50);
        return at;
      }
    })();
    const state = new MockState({ clock: ticking, config: { userCount: 3000, usersPerSecond: 1000 } });
    const midRun = createPolicyTestsApi({
      policies: catalogPolicySource(() => state.catalog),
      tests: memoryTestStore(state),
      accepts: () => true,
      draftRules: () => ({ target: state.config.exprTarget, strict: false }),
    });
    const started = await midRun.handle(
      new Request(BASE, { method: 'POST', headers: AUTH, body: JSON.stringify({ policies: [DRAFT] }) }),
    );
    const { id } = ((await started.json()) as { result: { id: string } }).result;
    ticking.advance(1_000);
    const response = await midRun.handle(new Request(`${BASE}/${id}`, { headers: AUTH }));
    const status = ((await response.json()) as Envelope).result as {
      status: string;
      users_approved: number;
      users_blocked: number;
      users_errored: number;
      reasons: { users: number }[];
    };
    expect(status.status).toBe('processing');
    const counted = status.users_approved + status.users_blocked + status.users_errored;
    expect(status.reasons.reduce((sum, r) => sum + r.users, 0)).toBe(counted);
  });

  it('`step` filters by the deciding step; "(no step)" names users no step decided; an unknown step matches nobody', async () => {
    const id = await finishedTest(['bigquery_approval:1']);
    const none = await get(`/${id}/users?step=${encodeURIComponent('(no step)')}&per_page=1000`);
    expect((none.body.result as Row[]).every((u) => u.step === undefined)).toBe(true);
    expect(none.body.result_info!.total_count).toBeGreaterThan(0);
    const nobody = await get(`/${id}/users?step=no_such_step`);
    expect(nobody.body).toMatchObject({ result: [], result_info: { total_count: 0 } });
  });
});

describe('search by email or name', () => {
  it('finds people by part of their email or name, any case, and says how many match', async () => {
    const id = await finishedTest(['bigquery_approval:1']);
    const first = ((await get(`/${id}/users?per_page=1`)).body.result as Row[])[0]!;
    const byEmail = await get(`/${id}/users?search=${encodeURIComponent(first.email.toUpperCase())}`);
    expect((byEmail.body.result as Row[]).map((u) => u.id)).toContain(first.id);
    expect(byEmail.body.result_info).toMatchObject({ search: first.email.toUpperCase() });
    const family = first.name.split(' ').at(-1)!;
    const byName = await get(`/${id}/users?search=${encodeURIComponent(family)}&per_page=1000`);
    const matches = byName.body.result as Row[];
    expect(matches.length).toBe(byName.body.result_info!.total_count);
    expect(matches.every((u) => `${u.name} ${u.email}`.toLowerCase().includes(family.toLowerCase()))).toBe(true);
  });

  it('takes regex characters, only spaces and 10,000 characters as plain text', async () => {
    const id = await finishedTest(['bigquery_approval:1']);
    for (const text of ['.*', '(a|b)[', '\\', '   ', 'x'.repeat(10_000)]) {
      const r = await get(`/${id}/users?search=${encodeURIComponent(text)}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ result: [], result_info: { total_count: 0 } });
    }
    const tooLong = await get(`/${id}/users?search=${'x'.repeat(10_001)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]!.message).toBe('search: at most 10000 characters');
  });

  it('combines with the status filter and pages', async () => {
    const id = await finishedTest(['bigquery_approval:1']);
    const all = await get(`/${id}/users?search=example.com&status=error&per_page=1000`);
    const errored = (await get(`/${id}`)).body.result as { users_errored: number };
    expect(all.body.result_info!.total_count).toBe(errored.users_errored);
    const page2 = await get(`/${id}/users?search=example.com&status=error&per_page=2&page=2`);
    expect(page2.body.result).toEqual((all.body.result as Row[]).slice(2, 4));
  });
});
