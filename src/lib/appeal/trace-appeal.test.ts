import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '../api/guardian/policy-schema';
import { defaultAppealRequest, type IamAnswer } from './appeal-request';
import { auto, found, manual, NOW, policyWith } from './test-support';
import { traceAppeal } from './trace-appeal';

const SPECS = join(import.meta.dirname, '../../../specs/guardian');

/** A policy file as the console reads one: the CLI's `appeal_config` is the API's `appeal`. */
function load(dir: string, file: string): { policy?: Policy; raw: Record<string, unknown> } {
  const raw = JSON.parse(readFileSync(join(SPECS, dir, file), 'utf8')) as Record<string, unknown>;
  const input = { ...raw };
  if ('appeal_config' in input && !('appeal' in input)) input.appeal = input.appeal_config;
  delete input.appeal_config;
  const parsed = policySchema.safeParse(input);
  return { policy: parsed.success ? parsed.data : undefined, raw };
}

const example = (prefix: string) => {
  const file = readdirSync(join(SPECS, 'examples')).find((f) => f.startsWith(prefix))!;
  return load('examples', file).policy!;
};
const more = (prefix: string) => {
  const file = readdirSync(join(SPECS, 'more-examples')).find((f) => f.startsWith(prefix))!;
  return load('more-examples', file).policy!;
};

const ana = { email: 'ana@example.com', manager_email: 'boss@example.com', companyName: 'Company Name' };

function trace(
  policy: Policy,
  iam: IamAnswer = found(ana),
  target: Parameters<typeof traceAppeal>[2]['target'] = 'guardian-1.12',
) {
  return traceAppeal(
    policy,
    { createdBy: 'ana@example.com', iam, request: defaultAppealRequest(policy) },
    { target, now: NOW },
  );
}

describe('traces of the five published examples', () => {
  it('bigquery_approval: the PII condition ran; the manager came through the schema (userManager ← manager_email)', () => {
    const t = trace(example('01'));
    expect(t.verdict).toMatchObject({ outcome: 0, reason: 'awaits_approval', step: 0 });
    const [supervisor, admin] = t.steps;
    expect(supervisor!.state).toBe('waits');
    expect(supervisor!.when).toMatchObject({
      ran: true,
      value: true,
      reads: [{ path: '$appeal.resource.details.is_pii', value: true }],
    });
    expect(supervisor!.approvers[0]).toMatchObject({
      literal: false,
      resolved: [{ value: 'boss@example.com', kind: 'email' }],
      expression: { reads: [{ path: '$appeal.creator.userManager', value: 'boss@example.com' }] },
    });
    expect(admin!.state).toBe('waits');
    expect(t.creator).toMatchObject({ plan: 'schema', lookup: 'ok' });
    const fields = Object.fromEntries(t.creator.fields.map((f) => [f.key, f]));
    expect(fields.userManager).toMatchObject({ from: 'manager_email', value: 'boss@example.com', missing: false });
    expect(fields.name).toMatchObject({ from: 'full_name', value: null, missing: true });
    expect(t.notes.join(' ')).toMatch(/no `auth`/);
  });

  it('bigquery_approval without a manager in the IAM: the approver is nil, an error at step 1', () => {
    const t = trace(example('01'), found({ email: 'ana@example.com' }));
    expect(t.verdict).toMatchObject({ outcome: 2, reason: 'approver_nil', step: 0 });
    expect(t.steps[0]!.state).toBe('error');
    expect(t.steps[0]!.approvers[0]!.resolved).toEqual([{ value: null, kind: 'nil' }]);
    expect(t.steps[0]!.when!.ran).toBe(false);
    expect(t.steps[1]!.state).toBe('not-reached');
  });

  it('my-first-policy: no IAM needed; a resource approver and a literal email', () => {
    const t = trace(example('02'));
    expect(t.verdict).toMatchObject({ outcome: 0, reason: 'awaits_approval', step: 0 });
    expect(t.creator.plan).toBe('none');
    expect(t.steps[0]!.approvers[0]!.resolved).toEqual([{ value: 'data-owner@example.com', kind: 'email' }]);
    expect(t.steps[1]!.approvers[0]).toMatchObject({ literal: true, resolved: [{ kind: 'email' }] });
  });

  it('my_policy has no IAM: Guardian sets no creator, and the manager approver fails where it reads it', () => {
    const t = trace(example('03'));
    expect(t.verdict).toMatchObject({ outcome: 2, reason: 'approver_error', step: 0 });
    const approver = t.steps[0]!.approvers[0]!.expression!;
    expect(approver.error!.message).toMatch(/cannot fetch manager_email from <nil>/);
    expect(approver.error!.start).toMatchObject({ line: 1 });
    expect(approver.reads).toEqual([{ path: '$appeal.creator', value: null }]);
    // Approvers are resolved before any `when`: the sensitive-resource condition never ran.
    expect(t.steps[0]!.when!.ran).toBe(false);
  });

  it('my-second-policy: blocked at employee_check, with the company it read', () => {
    const t = trace(example('04'), found({ ...ana, companyName: 'Acme Staffing' }));
    expect(t.verdict).toMatchObject({ outcome: 1, reason: 'approve_if_false', step: 0 });
    expect(t.steps[0]).toMatchObject({
      state: 'blocked',
      approveIf: { value: false, reads: [{ path: '$appeal.creator.company', value: 'Acme Staffing' }] },
    });
    expect(t.steps[1]!.state).toBe('not-reached');
    // Every schema key is shown, read or not.
    expect(t.creator.fields.find((f) => f.key === 'email')).toMatchObject({ from: 'email', value: 'ana@example.com' });
    expect(trace(example('04')).verdict).toMatchObject({ outcome: 0, reason: 'awaits_approval', step: 1 });
  });

  it('validPolicy: IAM without a schema gives the answer as it is; a failed lookup fails the appeal', () => {
    const t = trace(example('05'));
    expect(t.creator).toMatchObject({ plan: 'response', lookup: 'ok', value: ana });
    const failed = trace(example('05'), { ok: false, message: 'request failed: 404 Not Found' });
    expect(failed.verdict).toMatchObject({ outcome: 2, reason: 'creator_lookup_failed', step: undefined });
    expect(failed.creator.failure!.message).toMatch(/404/);
  });
});

describe('traces of the 24 policies others wrote', () => {
  const files = readdirSync(join(SPECS, 'more-examples')).filter((f) => /^\d\d-.*\.json$/.test(f));

  it('has all 24, and tracing any that parses never throws, on every target', () => {
    expect(files).toHaveLength(24);
    let traced = 0;
    for (const file of files) {
      const { policy } = load('more-examples', file);
      if (!policy) continue;
      for (const target of ['guardian-1.12', 'guardian-1.15', 'expr-latest'] as const) {
        const t = trace(policy, found(ana), target);
        expect(t.steps, file).toHaveLength(policy.steps.length);
        expect(
          t.notes.filter((n) => n.includes('internal error')),
          file,
        ).toEqual([]);
      }
      traced++;
    }
    expect(traced).toBeGreaterThan(12);
  });

  it('05: a ternary approver over the creator, and schema expressions over $response', () => {
    const withRoles = found({ managers: ['m@example.com'], name: 'Ana', roles: [{ name: 'admin' }, { name: 'dev' }] });
    const t = trace(more('05'), withRoles);
    expect(t.verdict).toMatchObject({ outcome: 0, reason: 'awaits_approval', step: 0 });
    const fields = Object.fromEntries(t.creator.fields.map((f) => [f.key, f.value]));
    expect(fields).toMatchObject({ role: 'admin', roles: ['admin', 'dev'], managers: ['m@example.com'] });
    expect(t.steps[1]!.approvers[0]!.resolved).toEqual([{ value: 'm@example.com', kind: 'email' }]);
    // No roles in the answer: `$response.roles[0]` fails, and allow_creator_details_failure does not cover it.
    const noRoles = trace(more('05'), found({ managers: ['m@example.com'] }));
    expect(noRoles.verdict).toMatchObject({ outcome: 2, reason: 'creator_schema_error' });
  });

  it('06: the same approver expression twice resolves to the same managers', () => {
    const t = trace(more('06'), found({ managers: ['m@example.com', 'n@example.com'], roles: [{ name: 'x' }] }));
    expect(t.verdict.outcome).toBe(0);
    expect(t.steps[1]!.approvers.map((a) => a.resolved.length)).toEqual([2, 2]);
  });

  it('07: an auto step passes, then a manual step whose `when` is false is skipped', () => {
    const t = trace(more('07'));
    expect(t.steps.map((s) => s.state)).toEqual(['passed', 'skipped']);
    expect(t.verdict).toMatchObject({ outcome: 0, reason: 'approved' });
  });

  it('19: a negated `when` over a missing detail fails (`!nil`); with the detail the step is skipped', () => {
    const policy = more('19');
    expect(trace(policy).verdict).toMatchObject({ outcome: 2, reason: 'when_error', step: 0 });
    const request = defaultAppealRequest(policy);
    request.resource.details = { ...request.resource.details, skip: true };
    const t = traceAppeal(
      policy,
      { createdBy: 'a@example.com', iam: found({}), request },
      { target: 'guardian-1.12', now: NOW },
    );
    expect(t.steps.map((s) => s.state)).toEqual(['skipped', 'passed']);
  });

  it('21: allow_failed lets a false approve_if through', () => {
    const t = trace(more('21'));
    expect(t.steps.map((s) => s.state)).toEqual(['failed-allowed', 'waits']);
    expect(t.verdict).toMatchObject({ outcome: 0, reason: 'awaits_approval', step: 1 });
  });

  it('22: an approve_if that does not parse fails with its position', () => {
    const t = trace(more('22'));
    expect(t.verdict).toMatchObject({ outcome: 2, reason: 'approve_if_error', step: 0 });
    expect(t.steps[0]!.approveIf!.error).toMatchObject({ kind: 'compile', start: { line: 1 } });
  });

  it('23: an approver reading appeal details the console does not fill fails on nil', () => {
    const t = trace(more('23'));
    expect(t.verdict).toMatchObject({ outcome: 2, reason: 'approver_error', step: 1 });
    expect(t.steps[1]!.approvers[0]!.expression!.reads).toEqual([
      { path: '$appeal.details.__policy_metadata', value: null },
    ]);
  });
});

describe('bad input and exploding expressions', () => {
  it('stops an expression that does too much work, within the budget, and says why', () => {
    const policy = policyWith([auto('all(1..999, {all(1..999, {# > 0})})')]);
    const started = performance.now();
    const t = traceAppeal(
      policy,
      { createdBy: 'a@example.com', iam: found({}), request: defaultAppealRequest(policy) },
      { target: 'guardian-1.12', now: NOW, budgetMs: 20 },
    );
    expect(performance.now() - started).toBeLessThan(400);
    expect(t.budgetExceeded).toBe(true);
    expect(t.verdict).toMatchObject({ outcome: 2, reason: 'budget_exceeded', step: 0 });
    expect(t.steps[0]!.approveIf!.error!.message).toMatch(/stopped after 20 ms/);
  });

  it('refuses a range too large to build, and nesting too deep to parse, with a message', () => {
    expect(trace(policyWith([auto('len(1..1000000000) > 0')])).steps[0]!.approveIf!.error!.message).toMatch(
      /memory budget/,
    );
    const deep = `${'('.repeat(2000)}true${')'.repeat(2000)}`;
    expect(trace(policyWith([auto(deep)])).steps[0]!.approveIf!.error!.message).toMatch(/nested too deeply/);
  });

  it('a 20-step policy traces well within 50 ms', () => {
    const steps = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? auto(`$appeal.creator.department in ["eng", "data"] || $appeal.resource.details.is_pii`, {
            name: `check_${i}`,
          })
        : manual(['$appeal.creator.manager_email', '$appeal.resource.details.owner'], { name: `review_${i}` }),
    );
    const policy = policyWith(steps, {
      iam: { provider: 'http', config: { url: 'http://iam', auth: { type: 'bearer', token: 't' } }, schema: {} },
    });
    trace(policy, found({ department: 'eng', manager_email: 'b@example.com' }));
    // The fastest of five: a machine busy elsewhere can pause any one trace for longer than 50 ms,
    // but a trace that is slow itself is slow every time (npm run bench times it on an idle machine).
    const runs = Array.from({ length: 5 }, () =>
      trace(policy, found({ department: 'eng', manager_email: 'b@example.com' })),
    );
    for (const t of runs) expect(t.verdict.outcome).toBe(0);
    expect(Math.min(...runs.map((t) => t.elapsedMs))).toBeLessThan(50);
  });
});
