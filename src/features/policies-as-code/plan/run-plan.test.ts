import { describe, expect, it, vi } from 'vitest';
import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { writeCliFile } from '@/lib/policy-file';
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
    latestVersions: async () => new Map(server.map((p) => [p.id, p])),
    dryRun: async () => ({ state: 'passed' }),
    checkPolicy: async () => [],
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
      deps([], { latestVersions: () => Promise.reject(error) }),
      new AbortController().signal,
    );
    expect(outcome.serverError).toBe(error);
    expect(store.getEntries()[0]).toMatchObject({ id: 'a', selected: false, stage: 'planned' });
    expect(store.getEntries()[0]!.status).toBeUndefined();
  });
});
