import { describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { emptyAdditionalAppeal, emptyRequirement } from '../form/empty-values';
import { toFormValues } from '../form/to-form-values';
import { formPathOfNamespace, mapServerErrors } from './map-server-errors';

const values = toFormValues(
  policySchema.parse({
    id: 'p',
    steps: [
      { name: 'check', strategy: 'auto', approve_if: '' },
      { name: 'owner approval', strategy: 'manual', approvers: ['$appeal.resource.details.owner', 'lower($appeal.x)'] },
    ],
    appeal: {
      duration_options: [{ name: '1 day', value: '1d' }],
      questions: [
        { key: 'why', question: 'Why?' },
        { key: 'why', question: 'Why?' },
      ],
    },
  }),
);

describe('formPathOfNamespace', () => {
  it.each([
    ['Policy.ID', 'id'],
    ['Policy.Steps', 'steps'],
    ['Policy.Steps[0].ApproveIf', 'steps.0.approveIf'],
    ['Policy.Steps[12].Approvers', 'steps.12.approvers'],
    ['Policy.Steps[1].Strategy', 'steps.1.strategy'],
    ['Policy.Requirements[0].On.ProviderType', 'requirements.0.on.providerType'],
    ['Policy.Requirements[0].On.ResourceURN', 'requirements.0.on.resourceUrn'],
    ['Policy.Requirements[1].Appeals', 'requirements.1.appeals'],
    ['Policy.Requirements[1].Appeals[2].Resource.URN', 'requirements.1.appeals.2.urn'],
    ['Policy.Requirements[1].Appeals[2].Resource.ID', 'requirements.1.appeals.2.resourceId'],
    ['Policy.Requirements[1].Appeals[2].Role', 'requirements.1.appeals.2.role'],
    ['Policy.AppealConfig.DurationOptions[3].Value', 'appeal.durationOptions.3.value'],
    ['Policy.Appeal.DurationOptions[0].Name', 'appeal.durationOptions.0.name'],
    ['HTTPClientConfig.URL', 'iam.url'],
    ['HTTPClientConfig.Auth.Password', 'iam.password'],
    ['HTTPClientConfig.Auth.CredentialsJSON', 'iam.credentialsJson'],
    ['HTTPClientConfig.Auth.In', 'iam.apiKeyIn'],
    ['Policy.Version', undefined],
    ['Appeal.Resource', undefined],
  ])('%s → %s', (namespace, path) => expect(formPathOfNamespace(namespace)).toBe(path));
});

describe('mapServerErrors', () => {
  it('keeps messages short when Guardian echoes an oversized value', () => {
    const long = `${'policy_'.repeat(1500)} x`;
    const oversized = { ...values, id: long, steps: [{ ...values.steps[1]!, name: long }] };
    const result = mapServerErrors(
      [
        'failed to create policy: id should not contain whitespaces',
        `step name should not contain whitespaces: "${long}"`,
        `validating approver "lower($appeal.x)": ${long}`,
        `something unexpected: ${long}`,
      ].join('\n'),
      oversized,
    );
    expect(result.fields.map((f) => f.path)).toEqual(['id', 'steps.0.name', 'steps.0.approvers.1.value']);
    for (const text of [...result.fields.map((f) => f.message), ...result.unmapped]) {
      expect(text.length).toBeLessThan(600);
    }
  });

  it('maps the issue’s example, handler prefix included', () => {
    const result = mapServerErrors(
      "failed to update policy: policy validation: Key: 'Policy.Steps[0].ApproveIf' Error:Field validation for 'ApproveIf' failed on the 'required_if' tag",
      values,
    );
    expect(result.unmapped).toEqual([]);
    expect(result.fields).toEqual([
      {
        path: 'steps.0.approveIf',
        message: expect.stringMatching(/^Guardian: an auto step needs approve_if/),
        detail:
          "failed to update policy: policy validation: Key: 'Policy.Steps[0].ApproveIf' Error:Field validation for 'ApproveIf' failed on the 'required_if' tag",
      },
    ]);
  });

  it('maps several validator lines joined with newlines, each to its own field', () => {
    const message = [
      "failed to create policy: policy validation: Key: 'Policy.Steps[0].ApproveIf' Error:Field validation for 'ApproveIf' failed on the 'required_if' tag",
      "Key: 'Policy.Steps[1].Approvers' Error:Field validation for 'Approvers' failed on the 'required_if' tag",
      "Key: 'Policy.AppealConfig.DurationOptions[0].Name' Error:Field validation for 'Name' failed on the 'required' tag",
      "Key: 'Policy.Requirements[0].On.ProviderType' Error:Field validation for 'ProviderType' failed on the 'required_without_all' tag",
      "Key: 'Policy.Requirements[0].Appeals[0].Resource.ProviderURN' Error:Field validation for 'ProviderURN' failed on the 'required_with' tag",
      "Key: 'Policy.Version' Error:Field validation for 'Version' failed on the 'required' tag",
    ].join('\n');
    const result = mapServerErrors(message, values);
    expect(result.fields.map((f) => f.path)).toEqual([
      'steps.0.approveIf',
      'steps.1.approvers',
      'appeal.durationOptions.0.name',
      'requirements.0.on.providerType',
      'requirements.0.appeals.0.providerUrn',
    ]);
    expect(result.fields[3]?.message).toMatch(/say when this requirement applies/);
    expect(result.fields[4]?.message).toMatch(/go together/);
    expect(result.unmapped).toEqual([
      "Key: 'Policy.Version' Error:Field validation for 'Version' failed on the 'required' tag",
    ]);
  });

  it('finds steps and approvers named in Guardian’s own sentences', () => {
    expect(
      mapServerErrors(
        'failed to update policy: policy validation: step name should not contain whitespaces: "owner approval"',
        values,
      ).fields,
    ).toMatchObject([{ path: 'steps.1.name', message: expect.stringMatching(/spaces/) }]);
    expect(
      mapServerErrors(
        'failed to create policy: policy validation: validating approver "lower($appeal.x)": evaluating expression: reflect: call of reflect.Value.Call on zero Value',
        values,
      ).fields,
    ).toMatchObject([{ path: 'steps.1.approvers.1.value', message: expect.stringMatching(/reflect: call/) }]);
    expect(
      mapServerErrors('failed to create policy: policy validation: id should not contain whitespaces').fields[0]?.path,
    ).toBe('id');
  });

  it('maps the extension window, duration options and duplicate keys', () => {
    expect(
      mapServerErrors(
        'failed to update policy: policy validation: invalid appeal extension policy: parsing duration: time: unknown unit "d" in duration "1d"',
        { ...values, appeal: { ...values.appeal, allowActiveAccessExtensionIn: '1d' } },
      ).fields,
    ).toEqual([
      {
        path: 'appeal.allowActiveAccessExtensionIn',
        message: 'Guardian: Go durations have no days: write 24h instead of "1d".',
        detail:
          'failed to update policy: policy validation: invalid appeal extension policy: parsing duration: time: unknown unit "d" in duration "1d"',
      },
    ]);
    // Without the values that were sent, Go's own words are all there is.
    expect(
      mapServerErrors('invalid appeal extension policy: parsing duration: time: unknown unit "d" in duration "1d"')
        .fields[0]?.message,
    ).toBe('Guardian: time: unknown unit "d" in duration "1d"');
    expect(
      mapServerErrors(
        'failed to update policy: policy validation: invalid appeal duration option "1 day": parsing duration: time: unknown unit "d" in duration "1d"',
        values,
      ).fields[0],
    ).toMatchObject({
      path: 'appeal.durationOptions.0.value',
      message: 'Guardian: Go durations have no days: write 24h instead of "1d".',
    });
    expect(
      mapServerErrors('failed to update policy: policy validation: duplicate question key: "why"', values).fields[0]
        ?.path,
    ).toBe('appeal.questions.1.key');
  });

  it('maps IAM config problems: validator lines, decode errors and an unknown provider', () => {
    expect(
      mapServerErrors(
        "failed to create policy: policy validation: invalid iam config: Key: 'HTTPClientConfig.URL' Error:Field validation for 'URL' failed on the 'url' tag\nKey: 'HTTPClientConfig.Auth.Password' Error:Field validation for 'Password' failed on the 'required_if' tag",
      ).fields.map((f) => f.path),
    ).toEqual(['iam.url', 'iam.password']);
    expect(mapServerErrors('failed to create policy: parsing iam config: unknown provider type').fields).toMatchObject([
      { path: 'iam.provider', message: expect.stringMatching(/choose http/) },
    ]);
    const decode = mapServerErrors(
      "failed to create policy: parsing iam config: invalid client config: 1 error(s) decoding:\n\n* 'auth.password' expected type 'string', got unconvertible type 'float64', value: '123'",
    );
    expect(decode).toMatchObject({
      fields: [{ path: 'iam.password', message: expect.stringMatching(/expected type 'string'/) }],
      unmapped: [],
    });
  });

  it('maps requirement resource lookups to the resource the appeal names', () => {
    const withRequirement = structuredClone(values);
    withRequirement.requirements = [
      { ...emptyRequirement(), appeals: [{ ...emptyAdditionalAppeal(), resourceBy: 'urn' }] },
    ];
    expect(
      mapServerErrors(
        'failed to create policy: policy validation: invalid requirements: requirement[0].appeals[0].resource: resource not found',
        withRequirement,
      ).fields,
    ).toMatchObject([{ path: 'requirements.0.appeals.0.providerType', message: 'Guardian: resource not found' }]);
  });

  it('keeps what it cannot place, in the server’s words', () => {
    expect(mapServerErrors('failed to update policy: pq: connection refused')).toEqual({
      fields: [],
      unmapped: ['failed to update policy: pq: connection refused'],
    });
    expect(
      mapServerErrors(
        'failed to update policy: policy validation: step name should not contain whitespaces: "gone"',
        values,
      ).unmapped,
    ).toHaveLength(1);
  });
});
