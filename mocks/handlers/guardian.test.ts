import { describe, expect, it } from 'vitest';
import { ADMIN, GUARDIAN, MINIMAL_POLICY, json, post, put, setupNodeMock } from '../test/harness';

const mock = setupNodeMock();

type Wire = Record<string, unknown>;
const policyOf = async (r: Response) => (await json(r)).policy as Wire;

describe('Guardian list', () => {
  it('returns every version of every policy, unordered, as {"policies": [...]}', async () => {
    const r = await fetch(`${GUARDIAN}/policies`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    const { policies } = (await r.json()) as { policies: Wire[] };
    const keys = policies.map((p) => `${p.id}:${p.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every version 1..latest of each policy is there.
    const byId = new Map<string, number[]>();
    for (const p of policies) byId.set(p.id as string, [...(byId.get(p.id as string) ?? []), p.version as number]);
    for (const versions of byId.values()) {
      expect([...versions].sort((a, b) => a - b)).toEqual(versions.map((_, i) => i + 1));
    }
    expect(byId.get('bigquery_approval')).toHaveLength(3);
    // Not sorted by id, nor grouped by policy.
    const ids = policies.map((p) => p.id as string);
    expect(ids).not.toEqual([...ids].sort());
    expect(byId.size).toBeGreaterThanOrEqual(40);
  });

  it('is the same order on every call (deterministic shuffle)', async () => {
    const a = await (await fetch(`${GUARDIAN}/policies`)).text();
    const b = await (await fetch(`${GUARDIAN}/policies`)).text();
    expect(a).toBe(b);
  });

  it('answers in snake_case with zero values left out', async () => {
    const text = await (await fetch(`${GUARDIAN}/policies`)).text();
    expect(text).not.toMatch(/"(approveIf|allowFailed|durationOptions|createdAt|createdBy)"/);
    expect(text).toMatch(/"approve_if"/);
    expect(text).toMatch(/"created_at"/);
    // Fork policies keep their extra keys verbatim (zero values included), so look at the others.
    const { policies } = JSON.parse(text) as { policies: Wire[] };
    const plain = JSON.stringify(
      policies.filter((p) => !['policy-1', 'test-policy', 'test-id'].includes(p.id as string)),
    );
    expect(plain).not.toMatch(/:(false|""|\[\]|null)[,}]/);
  });
});

describe('Guardian list, paged as goto/guardian pages it (listPaging)', () => {
  type Page = { policies?: Wire[]; total?: number };
  const page = async (query: string): Promise<Page> =>
    (await fetch(`${GUARDIAN}/policies${query}`)).json() as Promise<Page>;

  it('ignores size, offset and ids as raystack does, and says no total', async () => {
    const all = (await page('')).policies!;
    const asked = await page('?size=5&offset=3&ids=my_policy');
    expect(asked.total).toBeUndefined();
    expect(asked.policies).toHaveLength(all.length);
  });

  it('pages oldest first with the total, and filters by id, id:0 (latest) and id:version', async () => {
    mock.state.setConfig({ ...mock.state.config, listPaging: true });
    const all = await page('');
    expect(all.total).toBe(all.policies!.length);
    const created = all.policies!.map((p) => p.created_at as string);
    expect(created).toEqual([...created].sort());
    const second = await page('?size=10&offset=10');
    expect(second.total).toBe(all.total);
    expect(second.policies).toEqual(all.policies!.slice(10, 20));
    expect(await page(`?offset=${all.total! + 5}`)).toEqual({ total: all.total });

    const one = await page('?ids=bigquery_approval');
    expect(one.total).toBe(3);
    expect(one.policies!.map((p) => p.version)).toEqual([1, 2, 3]);
    const picked = await page('?ids=bigquery_approval:0&ids=my_policy:1&ids=a:b:c&ids=');
    expect(picked.policies!.map((p) => `${p.id}:${p.version}`).sort()).toEqual(['bigquery_approval:3', 'my_policy:1']);
    expect(await page('?ids=no_such_policy')).toEqual({});

    const bad = await fetch(`${GUARDIAN}/policies?size=-1`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/parsing field "size"/);
  });

  it('names each body with an ETag that changes when the list does', async () => {
    const before = (await fetch(`${GUARDIAN}/policies`)).headers.get('etag');
    expect(before).toMatch(/^".+"$/);
    expect((await fetch(`${GUARDIAN}/policies`)).headers.get('etag')).toBe(before);
    await post(`${GUARDIAN}/policies`, MINIMAL_POLICY, ADMIN);
    const after = await fetch(`${GUARDIAN}/policies`);
    expect(after.headers.get('etag')).not.toBe(before);
    expect(((await after.json()) as Page).policies!.some((p) => p.id === MINIMAL_POLICY.id)).toBe(true);
  });
});

describe('Guardian get version', () => {
  it('version 0 is the latest', async () => {
    const latest = await policyOf(await fetch(`${GUARDIAN}/policies/bigquery_approval/versions/0`));
    expect(latest.version).toBe(3);
    const v3 = await policyOf(await fetch(`${GUARDIAN}/policies/bigquery_approval/versions/3`));
    expect(v3).toEqual(latest);
  });

  it('version 1 of an example is the published example in wire form', async () => {
    const p = await policyOf(await fetch(`${GUARDIAN}/policies/bigquery_approval/versions/1`));
    expect(p.appeal).toBeDefined();
    expect(p.appeal_config).toBeUndefined();
    expect(((p.requirements as Wire[])[0]!.appeals as Wire[])[0]!.resource).toEqual({ id: '99' });
    expect((p.steps as Wire[]).map((s) => s.name)).toEqual(['supervisor_approval', 'admin_approval']);
  });

  it('keeps a fork policy’s extra keys on read', async () => {
    const p = await policyOf(await fetch(`${GUARDIAN}/policies/policy-1/versions/1`));
    expect(p.stages).toEqual(['review', 'approve']);
    expect((p.steps as Wire[])[0]!.stage).toBe('review');
  });

  it('404 {"code":5,"message":"policy not found"} for an unknown policy or version', async () => {
    for (const url of [`${GUARDIAN}/policies/nope/versions/0`, `${GUARDIAN}/policies/bigquery_approval/versions/99`]) {
      const r = await fetch(url);
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ code: 5, message: 'policy not found' });
    }
  });

  it('400 for a version that is not a uint32', async () => {
    const r = await fetch(`${GUARDIAN}/policies/bigquery_approval/versions/latest`);
    expect(r.status).toBe(400);
    expect(await json(r)).toMatchObject({
      code: 3,
      message: expect.stringContaining('strconv.ParseUint: parsing "latest"'),
    });
  });

  it('decodes ids in the path', async () => {
    const r = await fetch(`${GUARDIAN}/policies/${encodeURIComponent('my-first-policy')}/versions/1`);
    expect((await policyOf(r)).id).toBe('my-first-policy');
  });
});

describe('Guardian preferences', () => {
  it('answers {"appeal": {...}} for a policy with appeal settings', async () => {
    const r = await fetch(`${GUARDIAN}/policies/my-first-policy/versions/1/preferences`);
    expect(await json(r)).toEqual({
      appeal: {
        duration_options: [
          { name: '1 Day', value: '24h' },
          { name: '3 Day', value: '72h' },
        ],
        allow_on_behalf: true,
      },
    });
  });

  it('answers {} when the policy has none, 404 when there is no policy', async () => {
    expect(await json(await fetch(`${GUARDIAN}/policies/my_policy/versions/1/preferences`))).toEqual({});
    expect((await fetch(`${GUARDIAN}/policies/nope/versions/1/preferences`)).status).toBe(404);
  });
});

describe('Guardian create', () => {
  it('creates version 1 with created_by from X-Auth-Email, snake_case out, unknown keys dropped', async () => {
    const body = {
      ...MINIMAL_POLICY,
      title: 'New',
      bogus: 1,
      steps: [{ ...MINIMAL_POLICY.steps[0], allowFailed: false, extra: 'x' }],
      version: 7,
      created_by: 'spoof@example.com',
    };
    const r = await post(`${GUARDIAN}/policies`, body, ADMIN);
    expect(r.status).toBe(200);
    const p = await policyOf(r);
    expect(p).toMatchObject({ id: 'new_policy', version: 1, title: 'New', created_by: 'admin@example.com' });
    expect(p.bogus).toBeUndefined();
    expect((p.steps as Wire[])[0]).toEqual({
      name: 'manager_approval',
      strategy: 'manual',
      approvers: ['$appeal.creator.manager_email'],
    });
    expect(p.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const again = await policyOf(await fetch(`${GUARDIAN}/policies/new_policy/versions/0`));
    expect(again).toEqual(p);
  });

  it('accepts camelCase bodies', async () => {
    const r = await post(
      `${GUARDIAN}/policies`,
      {
        id: 'camel',
        steps: [{ name: 'auto', strategy: 'auto', approveIf: 'true', allowFailed: true }],
        appeal: { allowOnBehalf: true },
      },
      ADMIN,
    );
    const p = await policyOf(r);
    expect((p.steps as Wire[])[0]).toEqual({ name: 'auto', strategy: 'auto', approve_if: 'true', allow_failed: true });
    expect(p.appeal).toEqual({ allow_on_behalf: true });
  });

  it('dry_run validates and echoes without storing (no timestamps)', async () => {
    const r = await post(`${GUARDIAN}/policies?dry_run=true`, MINIMAL_POLICY, ADMIN);
    const p = await policyOf(r);
    expect(p).toMatchObject({ id: 'new_policy', version: 1, created_by: 'admin@example.com' });
    expect(p.created_at).toBeUndefined();
    expect((await fetch(`${GUARDIAN}/policies/new_policy/versions/0`)).status).toBe(404);
  });

  it('401 {"code":16} without X-Auth-Email', async () => {
    const r = await post(`${GUARDIAN}/policies`, MINIMAL_POLICY);
    expect(r.status).toBe(401);
    expect(await json(r)).toEqual({ code: 16, message: 'unable to get authenticated user from context' });
  });

  it('400 {"code":3} for a body that is not JSON, with Go’s words', async () => {
    const r = await post(`${GUARDIAN}/policies`, '{"id": x}', ADMIN);
    expect(r.status).toBe(400);
    expect(await json(r)).toEqual({ code: 3, message: "invalid character 'x' looking for beginning of value" });
  });

  it('400 for a wrong JSON type, with protojson’s position', async () => {
    const r = await post(`${GUARDIAN}/policies`, '{\n  "id": "p",\n  "steps": "nope"\n}', ADMIN);
    expect(await json(r)).toEqual({ code: 3, message: 'proto: syntax error (line 3:12): unexpected token "nope"' });
    const r2 = await post(
      `${GUARDIAN}/policies`,
      { id: 'p', requirements: [{ appeals: [{ resource: { id: 99 } }] }] },
      ADMIN,
    );
    expect((await json(r2)).message).toMatch(/^proto: \(line 1:\d+\): invalid value for string type: 99$/);
  });

  it('validation failures are HTTP 500 with Go-validator keys, several joined by \\n', async () => {
    const r = await post(
      `${GUARDIAN}/policies`,
      { id: 'p', steps: [{ name: 'a', strategy: 'auto' }, { strategy: 'sometimes' }] },
      ADMIN,
    );
    expect(r.status).toBe(500);
    expect(await json(r)).toEqual({
      code: 13,
      message: [
        "failed to create policy: policy validation: Key: 'Policy.Steps[0].ApproveIf' Error:Field validation for 'ApproveIf' failed on the 'required_if' tag",
        "Key: 'Policy.Steps[1].Name' Error:Field validation for 'Name' failed on the 'required' tag",
        "Key: 'Policy.Steps[1].Strategy' Error:Field validation for 'Strategy' failed on the 'oneof' tag",
      ].join('\n'),
    });
  });

  it('an empty body fails validation like Guardian (the gateway ignores io.EOF)', async () => {
    const r = await post(`${GUARDIAN}/policies`, '', ADMIN);
    expect(r.status).toBe(500);
    expect((await json(r)).message).toBe(
      "failed to create policy: policy validation: Key: 'Policy.ID' Error:Field validation for 'ID' failed on the 'required' tag\nKey: 'Policy.Steps' Error:Field validation for 'Steps' failed on the 'required' tag",
    );
  });

  it('creating an existing id fails as Postgres’ duplicate key, HTTP 500', async () => {
    const r = await post(`${GUARDIAN}/policies`, { ...MINIMAL_POLICY, id: 'bigquery_approval' }, ADMIN);
    expect(r.status).toBe(500);
    expect(await json(r)).toEqual({
      code: 13,
      message:
        'failed to create policy: ERROR: duplicate key value violates unique constraint "policies_pkey" (SQLSTATE 23505)',
    });
  });

  it('400 for a dry_run value Go cannot parse', async () => {
    const r = await post(`${GUARDIAN}/policies?dry_run=yes`, MINIMAL_POLICY, ADMIN);
    expect(r.status).toBe(400);
  });
});

describe('Guardian update', () => {
  it('adds version latest+1; old versions never change; created_by is the updater', async () => {
    const before = await policyOf(await fetch(`${GUARDIAN}/policies/my-second-policy/versions/4`));
    const r = await put(
      `${GUARDIAN}/policies/my-second-policy`,
      { ...MINIMAL_POLICY, id: 'ignored-body-id' },
      { 'X-Auth-Email': 'editor@example.com' },
    );
    const p = await policyOf(r);
    expect(p).toMatchObject({ id: 'my-second-policy', version: 5, created_by: 'editor@example.com' });
    expect(await policyOf(await fetch(`${GUARDIAN}/policies/my-second-policy/versions/4`))).toEqual(before);
    expect((await policyOf(await fetch(`${GUARDIAN}/policies/my-second-policy/versions/0`))).version).toBe(5);
    const { policies } = (await (await fetch(`${GUARDIAN}/policies`)).json()) as { policies: Wire[] };
    expect(policies.filter((x) => x.id === 'my-second-policy')).toHaveLength(5);
  });

  it('dry_run computes the next version without storing it', async () => {
    const p = await policyOf(await put(`${GUARDIAN}/policies/bigquery_approval?dry_run=true`, MINIMAL_POLICY, ADMIN));
    expect(p.version).toBe(4);
    expect((await policyOf(await fetch(`${GUARDIAN}/policies/bigquery_approval/versions/0`))).version).toBe(3);
  });

  it('says "failed to update policy" on validation, 404 for an unknown id, 401 without the header', async () => {
    const invalid = await put(`${GUARDIAN}/policies/bigquery_approval`, { steps: [] }, ADMIN);
    expect(invalid.status).toBe(500);
    expect((await json(invalid)).message).toBe(
      "failed to update policy: policy validation: Key: 'Policy.Steps' Error:Field validation for 'Steps' failed on the 'required' tag",
    );
    const unknown = await put(`${GUARDIAN}/policies/nope`, MINIMAL_POLICY, ADMIN);
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toEqual({ code: 5, message: 'policy not found' });
    expect((await put(`${GUARDIAN}/policies/bigquery_approval`, MINIMAL_POLICY)).status).toBe(401);
  });

  it('written versions survive a new MockState on the same storage (browser reload)', async () => {
    await post(`${GUARDIAN}/policies`, MINIMAL_POLICY, ADMIN);
    const { MockState } = await import('../state/mock-state');
    const { memoryPersistence } = await import('../state/persistence');
    const storage = memoryPersistence();
    const first = new MockState({ persistence: storage, clock: mock.clock });
    first.recordWrite({ id: 'saved', version: 1, steps: [] });
    const second = new MockState({ persistence: storage, clock: mock.clock });
    expect(second.catalog.get('saved', 0)).toMatchObject({ id: 'saved', version: 1 });
  });
});

describe('unknown routes', () => {
  it('answer like grpc-gateway: 404 for an unknown path, 501 for a method a route does not take', async () => {
    const r = await fetch(`${GUARDIAN}/providers`);
    expect(r.status).toBe(404);
    expect(await json(r)).toEqual({ code: 5, message: 'Not Found' });
    const d = await fetch(`${GUARDIAN}/policies/my_policy`, { method: 'DELETE' });
    expect(d.status).toBe(501);
    expect(await json(d)).toEqual({ code: 12, message: 'Method Not Allowed' });
  });
});
