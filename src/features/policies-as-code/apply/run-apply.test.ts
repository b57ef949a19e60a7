import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import type { PlanEntry } from '../plan/plan-entry';
import { PlanStore } from '../plan/plan-store';
import { applyEntry, runApply, type ApplyDeps } from './run-apply';

const policy = (id: string, version: number, description?: string): Policy =>
  policySchema.parse({ id, version, description, steps: [{ name: 's', strategy: 'auto', approve_if: 'true' }] });

function entry(status: 'new' | 'changed', planned: Policy, latest?: Policy): PlanEntry {
  return {
    key: planned.id,
    path: `${planned.id}.yaml`,
    size: 1,
    stage: 'planned',
    status,
    id: planned.id,
    policy: planned,
    latest,
    notices: [],
    keptSecrets: [],
    extras: [],
    selected: true,
    serverCheck: { state: 'passed' },
    clientProblems: [],
  };
}

function deps(latest: Policy | undefined, overrides: Partial<ApplyDeps> = {}): ApplyDeps {
  return {
    latest: vi.fn(async () => latest),
    create: vi.fn(async (p: Policy) => ({ ...p, version: 1 })),
    update: vi.fn(async (p: Policy) => ({ ...p, version: (latest?.version ?? 0) + 1 })),
    ...overrides,
  };
}

const http500 = (message: string) =>
  new ApiError({
    kind: 'http',
    status: 500,
    message,
    serverMessages: [message],
    request: { api: 'guardian', method: 'PUT', path: '/policies/p' },
  });
const timeout = () =>
  new ApiError({
    kind: 'timeout',
    message: 'no answer',
    request: { api: 'guardian', method: 'PUT', path: '/policies/p' },
  });

describe('applyEntry', () => {
  it('creates a new policy and updates a changed one from the version it was planned on', async () => {
    const created = deps(undefined);
    expect(await applyEntry(entry('new', policy('p', 0, 'x')), created)).toEqual({
      kind: 'applied',
      version: 1,
      created: true,
      notKept: [],
    });
    const server = policy('p', 4, 'old');
    const updated = deps(server);
    expect(await applyEntry(entry('changed', policy('p', 0, 'new'), server), updated)).toMatchObject({
      kind: 'applied',
      version: 5,
    });
    expect(updated.update).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when the server already holds the content: a second apply after a reload', async () => {
    const planned = policy('p', 0, 'new');
    const d = deps({ ...planned, version: 5 });
    expect(await applyEntry(entry('changed', planned, policy('p', 4, 'old')), d)).toEqual({
      kind: 'already',
      version: 5,
    });
    expect(d.update).not.toHaveBeenCalled();
    expect(d.create).not.toHaveBeenCalled();
  });

  it('never overwrites a version saved after the plan, nor a policy created meanwhile', async () => {
    const moved = deps(policy('p', 6, 'theirs'));
    expect(await applyEntry(entry('changed', policy('p', 0, 'mine'), policy('p', 4, 'old')), moved)).toMatchObject({
      kind: 'conflict',
      message: /v6 .* saved after this plan \(planned from v4\)/,
    });
    const taken = deps(policy('p', 1, 'theirs'));
    expect(await applyEntry(entry('new', policy('p', 0, 'mine')), taken)).toMatchObject({ kind: 'conflict' });
    expect(moved.update).not.toHaveBeenCalled();
    expect(taken.create).not.toHaveBeenCalled();
  });

  it('looks before calling a write that got no answer a failure', async () => {
    const planned = policy('p', 0, 'new');
    const latest = vi
      .fn()
      .mockResolvedValueOnce(policy('p', 4, 'old'))
      .mockResolvedValueOnce({ ...planned, version: 5 });
    const stored = deps(undefined, { latest, update: vi.fn().mockRejectedValue(timeout()) });
    expect(await applyEntry(entry('changed', planned, policy('p', 4, 'old')), stored)).toMatchObject({
      kind: 'applied',
      version: 5,
    });
    const lost = deps(policy('p', 4, 'old'), { update: vi.fn().mockRejectedValue(timeout()) });
    expect(await applyEntry(entry('changed', planned, policy('p', 4, 'old')), lost)).toMatchObject({
      kind: 'failed',
      message: /did not store it \(checked\)/,
    });
  });

  it('maps Guardian’s refusal onto the file’s fields', async () => {
    const refused = deps(undefined, {
      create: vi
        .fn()
        .mockRejectedValue(
          http500(
            "failed to create policy: policy validation: Key: 'Policy.Steps[0].ApproveIf' Error:Field validation for 'ApproveIf' failed on the 'required_if' tag",
          ),
        ),
    });
    expect(await applyEntry(entry('new', policy('p', 0)), refused)).toEqual({
      kind: 'refused',
      problems: [{ path: 'steps[0].approve_if', message: expect.stringMatching(/auto step needs approve_if/) }],
    });
  });
});

describe('runApply', () => {
  it('goes on after one file fails, and records each result', async () => {
    const store = new PlanStore();
    store.reset([entry('new', policy('a', 0)), entry('new', policy('b', 0)), entry('new', policy('c', 0))]);
    const d = deps(undefined, {
      create: vi.fn(async (p: Policy) => {
        if (p.id === 'b') throw http500('failed to create policy: database is down');
        return { ...p, version: 1 };
      }),
    });
    await runApply(['a', 'b', 'c'], store, d);
    expect(store.getEntries().map((e) => [e.id, e.stage, e.result?.kind])).toEqual([
      ['a', 'applied', 'applied'],
      ['b', 'failed', 'failed'],
      ['c', 'applied', 'applied'],
    ]);
  });
});
