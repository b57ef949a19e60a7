import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { contentKey } from '@/lib/policy-document';
import { toFormValues } from './to-form-values';
import { toPolicy } from './to-policy';

function policiesIn(folder: string) {
  const dir = join(process.cwd(), 'specs/guardian', folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'expressions.json')
    .map((name) => ({ name, raw: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
}

describe('form values ⇄ policy', () => {
  it.each(policiesIn('examples'))('$name survives the form unchanged', ({ raw }) => {
    const policy = policySchema.parse(raw);
    expect(contentKey(toPolicy(toFormValues(policy)))).toBe(contentKey(policy));
  });

  it.each(policiesIn('more-examples').filter(({ raw }) => policySchema.safeParse(raw).success))(
    '$name (a fork’s or an old policy) keeps every key it has',
    ({ raw }) => {
      const policy = policySchema.parse(raw);
      const back = toPolicy(toFormValues(policy));
      expect(contentKey(back)).toBe(contentKey(policy));
    },
  );

  it('keeps a fork’s extras at every level and sends them back as they came', () => {
    const policy = policySchema.parse({
      id: 'p',
      stages: ['review'],
      steps: [{ name: 's', strategy: 'manual', approvers: ['a@example.com'], stage: 'review' }],
      appeal: { metadata_sources: { src: { type: 'static', value: 'v' } } },
      iam: {
        provider: 'http',
        config: { url: 'https://x', timeout: 3, auth: { type: 'bearer', token: 't', scheme: 'Bearer' } },
      },
    });
    const values = toFormValues(policy);
    expect(values.extras).toEqual({ stages: ['review'] });
    expect(values.steps[0]?.extras).toEqual({ stage: 'review' });
    expect(values.appeal.extras).toEqual({ metadata_sources: { src: { type: 'static', value: 'v' } } });
    expect(values.iam.configExtras).toEqual({ timeout: 3 });
    expect(values.iam.authExtras).toEqual({ scheme: 'Bearer' });
    expect(contentKey(toPolicy(values))).toBe(contentKey(policy));
  });

  it('does not send the fields of the strategy a step no longer uses', () => {
    const values = toFormValues(
      policySchema.parse({
        id: 'p',
        steps: [{ name: 's', strategy: 'auto', approve_if: 'true', rejection_reason: 'no' }],
      }),
    );
    const step = values.steps[0]!;
    step.strategy = 'manual';
    step.approvers = [{ value: 'boss@example.com' }];
    const sent = toPolicy(values).steps[0];
    expect(sent).toMatchObject({ strategy: 'manual', approvers: ['boss@example.com'] });
    expect(sent?.approveIf).toBeUndefined();
    expect(sent?.rejectionReason).toBeUndefined();

    step.strategy = 'auto';
    expect(toPolicy(values).steps[0]).toMatchObject({ approveIf: 'true', approvers: [], rejectionReason: 'no' });
  });

  it('sends only the auth fields of the chosen type', () => {
    const values = toFormValues(
      policySchema.parse({
        id: 'p',
        steps: [],
        iam: { provider: 'http', config: { url: 'https://x', auth: { type: 'basic', username: 'u', password: 'pw' } } },
      }),
    );
    values.iam.authType = 'bearer';
    values.iam.token = 'tok';
    expect(toPolicy(values).iam?.config.auth).toEqual({ type: 'bearer', token: 'tok' });
    values.iam.authType = 'api_key';
    values.iam.apiKeyName = 'X-Key';
    values.iam.apiKeyValue = 'secret';
    expect(toPolicy(values).iam?.config.auth).toEqual({ type: 'api_key', in: 'header', key: 'X-Key', value: 'secret' });
    values.iam.authType = '';
    expect(toPolicy(values).iam?.config).toEqual({ url: 'https://x' });
    values.iam.enabled = false;
    expect(toPolicy(values).iam).toBeUndefined();
  });

  it('names an additional appeal’s resource one way only, and its access one way only', () => {
    const values = toFormValues(
      policySchema.parse({
        id: 'p',
        steps: [],
        requirements: [
          { on: { role: 'writer' }, appeals: [{ resource: { id: 99 }, role: 'viewer', options: { duration: '24h' } }] },
        ],
      }),
    );
    const appeal = values.requirements[0]!.appeals[0]!;
    expect(appeal).toMatchObject({ resourceBy: 'id', resourceId: '99', accessBy: 'duration', duration: '24h' });
    Object.assign(appeal, {
      resourceBy: 'urn',
      providerType: 'bigquery',
      providerUrn: 'prj',
      type: 'dataset',
      urn: 'prj:ds',
      accessBy: 'default',
    });
    expect(toPolicy(values).requirements[0]?.appeals[0]).toMatchObject({
      resource: { providerType: 'bigquery', providerUrn: 'prj', type: 'dataset', urn: 'prj:ds', id: undefined },
      options: undefined,
    });
  });
});
