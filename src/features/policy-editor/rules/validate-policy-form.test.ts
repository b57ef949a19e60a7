import { beforeAll, describe, expect, it } from 'vitest';
import { loadExpr } from '@/lib/expr/load';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import example1 from '../../../../specs/guardian/examples/01-reference-bigquery_approval.cli-yaml.json';
import example2 from '../../../../specs/guardian/examples/02-tour-my-first-policy.rest-body.json';
import example3 from '../../../../specs/guardian/examples/03-api-reference-my_policy.rest-body.json';
import example4 from '../../../../specs/guardian/examples/04-tour-complex-my-second-policy.cli-yaml.json';
import example5 from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import { emptyAdditionalAppeal, emptyPolicyValues, emptyRequirement } from '../form/empty-values';
import type { PolicyFormOptions, PolicyFormValues } from '../form/policy-form-schema';
import { toFormValues } from '../form/to-form-values';
import { MASKED_VALUE_MESSAGE, SECRET_MASK, SECRET_MASK_CHANGED } from '@/lib/secrets';
import { validatePolicyForm } from './validate-policy-form';

const NEW: PolicyFormOptions = { isNew: true, exprTarget: 'guardian-1.12' };

function valid(): PolicyFormValues {
  const values = emptyPolicyValues();
  values.id = 'my-policy';
  values.steps[0] = { ...values.steps[0]!, name: 'owner_approval', approvers: [{ value: 'owner@example.com' }] };
  return values;
}

/** The messages per path, to assert where each problem lands. */
function issuesOf(values: PolicyFormValues, options = NEW): Record<string, string> {
  return Object.fromEntries(validatePolicyForm(values, options).map((issue) => [issue.path.join('.'), issue.message]));
}

// The rules check expressions with the lazily loaded checker, as the form's resolver does.
beforeAll(() => loadExpr());

describe('validatePolicyForm', () => {
  it.each([example1, example2, example3, example4, example5])('accepts the shared example %#', (raw) => {
    const values = toFormValues(policySchema.parse(raw));
    expect(issuesOf(values, { isNew: false, exprTarget: 'guardian-1.12' })).toEqual({});
    expect(issuesOf(values)).toEqual({});
  });

  describe('overview', () => {
    it('needs an id without whitespace for a new policy, and says what to write instead', () => {
      expect(issuesOf({ ...valid(), id: '' }).id).toMatch(/Give the policy an id/);
      expect(issuesOf({ ...valid(), id: 'my policy' }).id).toMatch(/“my_policy”/);
      expect(issuesOf({ ...valid(), id: 'a\tb' }).id).toMatch(/spaces/);
      expect(issuesOf({ ...valid(), id: '' }, { ...NEW, isNew: false })).toEqual({});
    });

    it('wants label keys set and unique', () => {
      const values = {
        ...valid(),
        labels: [
          { key: 'team', value: 'a' },
          { key: 'team', value: 'b' },
          { key: '', value: 'x' },
        ],
      };
      const issues = issuesOf(values);
      expect(issues['labels.1.key']).toMatch(/already used in row 1/);
      expect(issues['labels.2.key']).toMatch(/Give this label a key/);
      expect(issues['labels.0.key']).toBeUndefined();
    });
  });

  describe('steps', () => {
    it('needs at least one step', () => {
      expect(issuesOf({ ...valid(), steps: [] }).steps).toMatch(/at least one step/);
    });

    it('needs names without whitespace, unique', () => {
      const values = valid();
      values.steps.push(
        { ...values.steps[0]! },
        { ...values.steps[0]!, name: 'manager approval' },
        { ...values.steps[0]!, name: '' },
      );
      const issues = issuesOf(values);
      expect(issues['steps.1.name']).toMatch(/Step 1 is already named “owner_approval”/);
      expect(issues['steps.2.name']).toMatch(/write “manager_approval” instead/);
      expect(issues['steps.3.name']).toMatch(/Name the step/);
    });

    it('auto: needs approve_if and ignores the approvers it does not send', () => {
      const values = valid();
      values.steps[0] = { ...values.steps[0]!, strategy: 'auto', approvers: [{ value: 'not an approver' }] };
      expect(issuesOf(values)).toEqual({ 'steps.0.approveIf': expect.stringMatching(/auto step needs approve_if/) });
      values.steps[0].approveIf = '$appeal.creator.department == "eng"';
      expect(issuesOf(values)).toEqual({});
    });

    it('checks when and approve_if as expressions for the chosen server', () => {
      const values = valid();
      values.steps[0] = { ...values.steps[0]!, strategy: 'auto', approveIf: '$appeal.x ==', when: '"abc" + 1' };
      const issues = issuesOf(values);
      expect(issues['steps.0.approveIf']).toMatch(/does not compile \(column 13\): unexpected end of expression/);
      expect(issues['steps.0.when']).toMatch(/mismatched types/);
    });

    it('manual: needs an approver, each an email or an expression over $appeal', () => {
      const values = valid();
      values.steps[0] = { ...values.steps[0]!, approveIf: 'ignored for manual', approvers: [] };
      expect(issuesOf(values)['steps.0.approvers']).toMatch(/at least one approver/);

      values.steps[0].approvers = [
        { value: 'alice@example.com' },
        { value: '$appeal.resource.details.owner' },
        { value: 'alice@example' },
        { value: 'admin' },
        { value: ' bob@example.com' },
        { value: 'alice@example.com' },
        { value: '' },
        { value: '$appeal.creator.manager_email ==' },
        { value: 'security+approvals@example.com' },
        { value: 'alice@localhost' },
      ];
      const issues = issuesOf(values);
      expect(issues['steps.0.approvers.0.value']).toBeUndefined();
      expect(issues['steps.0.approvers.1.value']).toBeUndefined();
      expect(issues['steps.0.approvers.2.value']).toMatch(/not a valid email address/);
      expect(issues['steps.0.approvers.3.value']).toMatch(/neither an email nor an expression/);
      expect(issues['steps.0.approvers.4.value']).toMatch(/Remove the spaces/);
      expect(issues['steps.0.approvers.5.value']).toMatch(/already listed as approver 1/);
      expect(issues['steps.0.approvers.6.value']).toMatch(/or remove this approver/);
      expect(issues['steps.0.approvers.7.value']).toMatch(/does not compile/);
      // Guardian's validator takes plus addressing as an email and a domain without a dot as none.
      expect(issues['steps.0.approvers.8.value']).toBeUndefined();
      expect(issues['steps.0.approvers.9.value']).toMatch(/not a valid email address/);
    });
  });

  describe('requirements', () => {
    it('needs a trigger and an appeal with a resource and a role', () => {
      const values = valid();
      values.requirements = [{ ...emptyRequirement(), appeals: [] }];
      const issues = issuesOf(values);
      expect(issues['requirements.0.on.providerType']).toMatch(/at least one of provider type/);
      expect(issues['requirements.0.appeals']).toMatch(/at least one additional appeal/);

      values.requirements = [emptyRequirement()];
      values.requirements[0]!.on.expression = '$appeal.resource.urn == "x"';
      expect(issuesOf(values)).toEqual({
        'requirements.0.appeals.0.resourceId': expect.stringMatching(/id of the resource/),
        'requirements.0.appeals.0.role': expect.stringMatching(/role to request/),
      });
    });

    it('by URN needs all four parts; checks durations, dates, policy id+version and patterns', () => {
      const values = valid();
      values.requirements = [emptyRequirement()];
      const requirement = values.requirements[0]!;
      requirement.on.resourceUrn = 'my-project:(';
      requirement.appeals = [
        {
          ...emptyAdditionalAppeal(),
          resourceBy: 'urn',
          providerType: 'bigquery',
          role: 'viewer',
          accessBy: 'duration',
          duration: '1d',
          policyId: 'p',
        },
        {
          ...emptyAdditionalAppeal(),
          resourceId: '1',
          role: 'viewer',
          accessBy: 'expiration',
          expirationDate: '2026-12-31',
          policyVersion: 'x',
        },
      ];
      const issues = issuesOf(values);
      expect(issues['requirements.0.on.resourceUrn']).toMatch(/regular expression/);
      expect(issues['requirements.0.appeals.0.providerUrn']).toMatch(/provider URN/);
      expect(issues['requirements.0.appeals.0.type']).toMatch(/resource type/);
      expect(issues['requirements.0.appeals.0.urn']).toMatch(/resource URN/);
      expect(issues['requirements.0.appeals.0.providerType']).toBeUndefined();
      expect(issues['requirements.0.appeals.0.duration']).toMatch(/write 24h instead of "1d"/);
      expect(issues['requirements.0.appeals.0.policyVersion']).toMatch(/version of that policy/);
      expect(issues['requirements.0.appeals.1.expirationDate']).toMatch(/RFC 3339/);
      expect(issues['requirements.0.appeals.1.policyVersion']).toMatch(/whole number/);
    });
  });

  describe('appeal settings', () => {
    it('checks duration options as Go durations, named, distinct; the extension window too', () => {
      const values = valid();
      values.appeal.durationOptions = [
        { name: '1 day', value: '24h', extras: {} },
        { name: '', value: '1d', extras: {} },
        { name: 'again', value: '24h', extras: {} },
        { name: 'forever', value: '0h', extras: {} },
        { name: 'mixed', value: '1h30m', extras: {} },
      ];
      values.appeal.allowActiveAccessExtensionIn = '2 days';
      const issues = issuesOf(values);
      expect(issues['appeal.durationOptions.1.name']).toMatch(/Name the option/);
      expect(issues['appeal.durationOptions.1.value']).toMatch(/no days/);
      expect(issues['appeal.durationOptions.2.value']).toMatch(/Option 1 already offers/);
      expect(issues['appeal.durationOptions.3.value']).toBeUndefined();
      expect(issues['appeal.durationOptions.4.value']).toBeUndefined();
      expect(issues['appeal.allowActiveAccessExtensionIn']).toBeDefined();
    });

    it('wants question keys set, without spaces, unique, and the question written', () => {
      const values = valid();
      const q = { required: false, description: '', extras: {} };
      values.appeal.questions = [
        { ...q, key: 'reason', question: 'Why?' },
        { ...q, key: 'reason', question: 'Why again?' },
        { ...q, key: 'my team', question: '' },
      ];
      const issues = issuesOf(values);
      expect(issues['appeal.questions.1.key']).toMatch(/already uses the key “reason”/);
      expect(issues['appeal.questions.2.key']).toMatch(/“my_team”/);
      expect(issues['appeal.questions.2.question']).toMatch(/Write the question/);
    });
  });

  describe('IAM', () => {
    const withIam = (patch: Partial<PolicyFormValues['iam']>) => {
      const values = valid();
      values.iam = { ...values.iam, enabled: true, url: 'https://iam.example.com/users/{user_id}', ...patch };
      return values;
    };

    it('is not checked when turned off', () => {
      expect(issuesOf({ ...valid(), iam: { ...valid().iam, enabled: false, url: 'nope' } })).toEqual({});
    });

    it('needs the http provider and a full URL', () => {
      expect(issuesOf(withIam({}))).toEqual({});
      expect(issuesOf(withIam({ provider: 'slack' }))['iam.provider']).toMatch(/only the http/);
      expect(issuesOf(withIam({ url: '' }))['iam.url']).toMatch(/Give the URL/);
      expect(issuesOf(withIam({ url: 'iam.example.com/users' }))['iam.url']).toMatch(/start with http/);
    });

    it.each([
      ['basic', { username: 'u', password: 'p' }, ['username', 'password']],
      ['api_key', { apiKeyName: 'X-Key', apiKeyValue: 'v' }, ['apiKeyName', 'apiKeyValue']],
      ['bearer', { token: 't' }, ['token']],
      [
        'google_idtoken',
        { audience: 'https://iam', credentialsJson: '{"type":"service_account"}' },
        ['audience', 'credentialsJson'],
      ],
    ] as const)('%s auth needs its own fields, and only those', (authType, filled, fields) => {
      const empty = issuesOf(withIam({ authType }));
      expect(Object.keys(empty).sort()).toEqual(fields.map((f) => `iam.${f}`).sort());
      expect(issuesOf(withIam({ authType, ...filled }))).toEqual({});
    });

    it('wants the Google credentials as a JSON object', () => {
      const issues = issuesOf(withIam({ authType: 'google_idtoken', audience: 'a', credentialsJson: '{not json' }));
      expect(issues['iam.credentialsJson']).toMatch(/not valid JSON/);
      expect(
        issuesOf(withIam({ authType: 'google_idtoken', audience: 'a', credentialsJson: '"x"' }))['iam.credentialsJson'],
      ).toMatch(/JSON object/);
    });

    it('wants header names unique regardless of case, and schema rows complete', () => {
      const issues = issuesOf(
        withIam({
          headers: [
            { key: 'X-Team', value: 'a' },
            { key: 'x-team', value: 'b' },
          ],
          schema: [{ key: 'email', value: '' }],
        }),
      );
      expect(issues['iam.headers.1.key']).toMatch(/already used/);
      expect(issues['iam.schema.0.value']).toMatch(/identity response/);
    });
  });
});

describe('masked values', () => {
  it('are refused at their field, wherever they are, as masks rather than as bad values', () => {
    const values = toFormValues(policySchema.parse(example5));
    values.iam.password = SECRET_MASK;
    values.iam.headers = [{ key: 'Authorization', value: 'Bearer ••••••••' }];
    values.steps[0]!.approvers = [{ value: SECRET_MASK_CHANGED }];
    const issues = issuesOf(values);
    expect(issues['iam.password']).toBe(MASKED_VALUE_MESSAGE);
    expect(issues['iam.headers.0.value']).toBe(MASKED_VALUE_MESSAGE);
    expect(issues['steps.0.approvers.0.value']).toBe(MASKED_VALUE_MESSAGE);
  });

  it('are not held against an IAM section that is switched off (nothing of it is sent)', () => {
    const values = toFormValues(policySchema.parse(example5));
    values.iam.password = SECRET_MASK;
    values.iam.enabled = false;
    expect(issuesOf(values)['iam.password']).toBeUndefined();
  });
});
