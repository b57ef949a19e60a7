import { describe, expect, it, vi } from 'vitest';
import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { writeCliFile } from '@/lib/policy-file';
import { loadTestCases, type TestCase } from '@/features/appeal-trace';
import { countEntries } from './count-entries';
import { PlanStore } from './plan-store';
import { runPlan, type PlanDeps } from './run-plan';
import { MAX_FILE_BYTES } from './screen-file';
import type { SourceFile } from './source-file';

const policy = (id: string, extra: Record<string, unknown> = {}): Policy =>
  policySchema.parse({
    id,
    version: 3,
    steps: [{ name: 's', strategy: 'manual', approvers: ['a@example.com'] }],
    ...extra,
  });

const withSecret = policy('secret', {
  iam: { provider: 'http', config: { url: 'http://iam', auth: { type: 'basic', username: 'u', password: 'pw' } } },
});

function file(path: string, content: string | Uint8Array, size?: number): SourceFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { path, size: size ?? bytes.length, bytes: vi.fn(async () => bytes.slice().buffer) };
}

const cli = (p: Policy) => writeCliFile(p, { dialect: 'raystack' }).text;

function deps(server: Policy[], overrides: Partial<PlanDeps> = {}): PlanDeps {
  return {
    latestVersion: async (id) => server.find((p) => p.id === id),
    dryRun: async () => ({ state: 'passed' }),
    checkPolicy: async () => [],
    storedCases: async () => [],
    runCases: async () => [],
    ...overrides,
  };
}

describe('runPlan', () => {
  it('gives every file its own verdict and selects what can be applied', async () => {
    const huge = file('repo/huge.yaml', 'x', MAX_FILE_BYTES + 1);
    const files = [
      file('repo/new.yaml', cli(policy('brand-new'))),
      file('repo/changed.yaml', cli(policy('same-id', { description: 'edited in git' }))),
      file('repo/unchanged.yaml', cli(policy('kept'))),
      file('repo/secret.yaml', cli(withSecret)),
      file('repo/broken.yaml', 'id: [oops'),
      file('repo/image.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])),
      huge,
      file('repo/two.yaml', `${cli(policy('a'))}---\n${cli(policy('b'))}`),
      file('repo/no-id.json', '{"steps": []}'),
      file('repo/dup-1.yaml', cli(policy('dup'))),
      file('repo/dup-2.json', JSON.stringify({ id: 'dup', steps: [] })),
      file('repo/README.md', '# hello'),
      file('repo/.git/config', '[core]'),
    ];
    const store = new PlanStore();
    const outcome = await runPlan(
      files,
      store,
      deps([policy('same-id'), policy('kept'), withSecret]),
      new AbortController().signal,
    );
    expect(outcome).toEqual({ hidden: 1 });
    const byPath = Object.fromEntries(store.getEntries().map((e) => [e.path.replace('repo/', ''), e]));
    expect(Object.keys(byPath)).toHaveLength(12);
    expect(byPath['new.yaml']).toMatchObject({ status: 'new', id: 'brand-new', selected: true });
    expect(byPath['changed.yaml']).toMatchObject({ status: 'changed', selected: true, latest: { version: 3 } });
    expect(byPath['changed.yaml']!.diff?.summary.length).toBeGreaterThan(0);
    expect(byPath['unchanged.yaml']).toMatchObject({ status: 'unchanged', selected: false });
    // The file leaves the password out; the server's is kept, so nothing changed.
    expect(byPath['secret.yaml']).toMatchObject({ status: 'unchanged', keptSecrets: ['iam.config.auth.password'] });
    expect(byPath['broken.yaml']).toMatchObject({ status: 'invalid', problem: { message: /line 1/ } });
    expect(byPath['image.yaml']).toMatchObject({ status: 'invalid', problem: { message: /binary file/ } });
    expect(byPath['huge.yaml']).toMatchObject({ status: 'invalid', problem: { message: /at most 2\.0 MB/ } });
    expect(huge.bytes).not.toHaveBeenCalled();
    expect(byPath['two.yaml']).toMatchObject({ status: 'invalid', problem: { message: /2 YAML documents/ } });
    expect(byPath['no-id.json']).toMatchObject({ status: 'invalid', problem: { message: /names no policy/ } });
    expect(byPath['dup-1.yaml']).toMatchObject({
      status: 'invalid',
      problem: { details: ['repo/dup-1.yaml', 'repo/dup-2.json'] },
    });
    expect(byPath['dup-2.json']!.status).toBe('invalid');
    expect(byPath['README.md']).toMatchObject({
      status: 'skipped',
      problem: { message: /Not a policy file \(\.md\)/ },
    });
  });

  it('does not select a file that the checks or Guardian refuse, and says why', async () => {
    const store = new PlanStore();
    await runPlan(
      [file('a.yaml', cli(policy('a'))), file('b.yaml', cli(policy('b')))],
      store,
      deps([], {
        checkPolicy: async (p) => (p.id === 'a' ? [{ path: 'steps[0].name', message: 'no spaces' }] : []),
        dryRun: async (p) =>
          p.id === 'b' ? { state: 'refused', problems: [{ message: 'nope' }] } : { state: 'passed' },
      }),
      new AbortController().signal,
    );
    const [a, b] = store.getEntries();
    expect(a).toMatchObject({ selected: false, clientProblems: [{ path: 'steps[0].name' }] });
    expect(b).toMatchObject({ selected: false, serverCheck: { state: 'refused' } });
  });

  it('still reads every file when the server cannot be asked, and compares none', async () => {
    const store = new PlanStore();
    const error = new Error('offline');
    const outcome = await runPlan(
      [file('a.yaml', cli(policy('a')))],
      store,
      deps([], { latestVersion: () => Promise.reject(error) }),
      new AbortController().signal,
    );
    expect(outcome.serverError).toBe(error);
    expect(store.getEntries()[0]).toMatchObject({ id: 'a', selected: false, stage: 'planned' });
    expect(store.getEntries()[0]!.status).toBeUndefined();
  });

  it('asks the server only for the policies the files name, each once', async () => {
    const latestVersion = vi.fn(async (id: string) => (id.startsWith('old-') ? policy(id) : undefined));
    const ids = Array.from({ length: 20 }, (_, i) => (i % 2 ? `old-${i}` : `new-${i}`));
    const files = [...ids.map((id) => file(`${id}.yaml`, cli(policy(id)))), file('again.yaml', cli(policy('old-1')))];
    const store = new PlanStore();
    await runPlan(files, store, deps([], { latestVersion }), new AbortController().signal);
    expect(latestVersion.mock.calls.map(([id]) => id).sort()).toEqual([...ids].sort());
    // old-1 is named twice: both files are refused, and the others are compared.
    expect(countEntries(store.getEntries()).byStatus).toMatchObject({ new: 10, unchanged: 9, invalid: 2 });
  });

  it('compares the other files when one policy cannot be read from the server', async () => {
    const error = new Error('the server answered 500');
    const store = new PlanStore();
    const outcome = await runPlan(
      [file('a.yaml', cli(policy('a'))), file('b.yaml', cli(policy('b', { description: 'edited' })))],
      store,
      deps([policy('b')], {
        latestVersion: async (id) => (id === 'a' ? Promise.reject(error) : policy(id)),
      }),
      new AbortController().signal,
    );
    expect(outcome.serverError).toBe(error);
    const [a, b] = store.getEntries();
    expect(a).toMatchObject({ stage: 'planned', selected: false });
    expect(a!.status).toBeUndefined();
    expect(b).toMatchObject({ stage: 'planned', status: 'changed', selected: true });
  });
});

/** A cases file (docs/test-cases.md) for `policy()`: its one step waits for a@example.com. */
const casesYaml = (policyId: string | undefined, cases: string) =>
  `version: 1\n${policyId ? `policy: ${policyId}\n` : ''}cases:\n${cases}`;
const waits = `  - name: waits for a
    created_by: someone@example.com
    expect: { outcome: waits, approvers: [a@example.com] }
`;
const approved = `  - name: wrongly approved
    created_by: someone@example.com
    expect: { outcome: approved }
`;

/** The real runner (on this thread, as there are no Workers here), on one target. */
const runCases: PlanDeps['runCases'] = async (p, cases) => {
  const result = await (
    await loadTestCases()
  ).runTraceJob({ kind: 'cases', policy: p, cases, target: 'guardian-1.15' });
  return result.kind === 'cases' ? result.results : [];
};

describe('runPlan with test cases', () => {
  const plan = async (files: SourceFile[], server: Policy[] = [], overrides: Partial<PlanDeps> = {}) => {
    const store = new PlanStore();
    await runPlan(files, store, deps(server, { runCases, ...overrides }), new AbortController().signal);
    return Object.fromEntries(store.getEntries().map((e) => [e.path, e]));
  };

  it('runs a folder’s cases file against its policy, and leaves a file whose cases fail unselected', async () => {
    const stored = vi.fn(async () => []);
    const byPath = await plan(
      [
        file('repo/pass.yaml', cli(policy('pass'))),
        file('repo/pass.cases.yaml', casesYaml('pass', waits)),
        file('repo/fail.yaml', cli(policy('fail', { description: 'edited' }))),
        // Named by its `policy:` key, not its file name.
        file('repo/tests/other-name.cases.yml', casesYaml('fail', waits + approved)),
      ],
      [policy('fail')],
      { storedCases: stored },
    );
    // Cases files are not policy files: no row of their own when all is well.
    expect(Object.keys(byPath).sort()).toEqual(['repo/fail.yaml', 'repo/pass.yaml']);
    expect(byPath['repo/pass.yaml']).toMatchObject({
      status: 'new',
      selected: true,
      cases: { state: 'done', source: { kind: 'file', path: 'repo/pass.cases.yaml' }, results: [{ pass: true }] },
    });
    const fail = byPath['repo/fail.yaml']!;
    expect(fail).toMatchObject({
      status: 'changed',
      stage: 'planned',
      serverCheck: { state: 'passed' },
      selected: false,
    });
    expect(fail.cases).toMatchObject({
      state: 'done',
      source: { kind: 'file', path: 'repo/tests/other-name.cases.yml' },
      results: [
        { name: 'waits for a', pass: true },
        { name: 'wrongly approved', pass: false, reason: 'expected approved, got waits for a@example.com at `s`' },
      ],
    });
    // The link to its trace loads the case.
    const verdicts = fail.cases?.state === 'done' ? fail.cases.results : [];
    expect(new URLSearchParams(verdicts[1]!.traceQuery).toString()).toContain('someone%40example.com');
    // The folder's file wins over the cases this browser keeps.
    expect(stored).not.toHaveBeenCalled();
  });

  it('runs the cases this browser keeps when the folder has none, unchanged files too', async () => {
    const { parseCasesFile } = await loadTestCases();
    const kept: TestCase[] = parseCasesFile(casesYaml('kept', waits + approved), policy('kept')).cases;
    const stored = vi.fn(async (id: string) => (id === 'kept' ? kept : []));
    const byPath = await plan(
      [file('kept.yaml', cli(policy('kept'))), file('plain.yaml', cli(policy('plain')))],
      [policy('kept')],
      { storedCases: stored },
    );
    expect(byPath['kept.yaml']).toMatchObject({
      status: 'unchanged',
      selected: false,
      cases: { state: 'done', source: { kind: 'browser' }, results: [{ pass: true }, { pass: false }] },
    });
    expect(byPath['plain.yaml']).toMatchObject({ status: 'new', selected: true, cases: { state: 'none' } });
    expect(stored.mock.calls.map(([id]) => id).sort()).toEqual(['kept', 'plain']);
  });

  it('gives a cases file with problems a row of its own, per case, and runs the cases that loaded', async () => {
    const byPath = await plan([
      file('a.yaml', cli(policy('a'))),
      file('a.cases.yaml', casesYaml('a', `${waits}  - name: no creator\n    expect: { outcome: approved }\n`)),
      file('b.yaml', cli(policy('b'))),
      file('b.cases.yaml', 'cases: [oops'),
    ]);
    expect(byPath['a.cases.yaml']).toMatchObject({
      status: 'cases',
      selected: false,
      problem: {
        message: /1 case was left out/,
        details: [expect.stringMatching(/^Case 2 “no creator”: left out: .*created_by/)],
      },
    });
    // The one that loaded ran; the one left out keeps the policy from being selected for the admin.
    expect(byPath['a.yaml']).toMatchObject({
      status: 'new',
      selected: false,
      cases: { state: 'done', source: { kind: 'file', leftOut: 1 }, results: [{ pass: true }] },
    });
    expect(byPath['b.cases.yaml']).toMatchObject({ status: 'cases', problem: { message: expect.any(String) } });
    expect(byPath['b.yaml']).toMatchObject({ status: 'new', selected: false, cases: { state: 'failed' } });
    // Each file counts once, whether its cases went with a policy or have a row of their own.
    expect(countEntries(Object.values(byPath))).toMatchObject({
      total: 4,
      casesFiles: 2,
      byStatus: { new: 2, cases: 2 },
      casesFailing: 2,
      selectedCasesFailing: 0,
    });
  });

  it('says when a cases file has no policy file to go with, and plans the rest', async () => {
    const byPath = await plan([
      file('a.yaml', cli(policy('a'))),
      file('ghost.cases.yaml', casesYaml(undefined, waits)),
      file('p/team.json', JSON.stringify(policy('team-policy'))),
      file('p/team.cases.yaml', casesYaml(undefined, waits)),
    ]);
    expect(byPath['ghost.cases.yaml']).toMatchObject({
      status: 'cases',
      id: 'ghost',
      problem: {
        message: /No policy file in this folder has the id “ghost”, so its 1 case was not run\. Keep it beside/,
      },
    });
    // Named after a policy file whose id differs: says how to point it there.
    expect(byPath['p/team.cases.yaml']!.problem?.message).toMatch(
      /p\/team\.json holds “team-policy”: if these cases are for it, add “policy: team-policy” to this file\.$/,
    );
    expect(byPath['a.yaml']).toMatchObject({ status: 'new', selected: true, cases: { state: 'none' } });
    expect(byPath['p/team.json']).toMatchObject({ status: 'new', selected: true, cases: { state: 'none' } });
  });

  it('says the cases could not run or be read, and does not select the file', async () => {
    const byPath = await plan(
      [file('a.yaml', cli(policy('a'))), file('a.cases.yaml', casesYaml('a', waits)), file('b.yaml', cli(policy('b')))],
      [],
      {
        runCases: () => Promise.reject(new Error('too slow')),
        storedCases: () => Promise.reject(new Error('storage is off')),
      },
    );
    expect(byPath['a.yaml']).toMatchObject({
      stage: 'planned',
      selected: false,
      cases: { state: 'failed', message: /could not run: too slow/ },
    });
    expect(byPath['b.yaml']).toMatchObject({
      stage: 'planned',
      selected: false,
      cases: { state: 'failed', source: { kind: 'browser' }, message: /could not be read: storage is off/ },
    });
  });
});
