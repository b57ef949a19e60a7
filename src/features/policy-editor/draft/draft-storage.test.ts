// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import example5 from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import { toFormValues } from '../form/to-form-values';
import { draftKey, loadDraft, removeDraft, saveDraft } from './draft-storage';

const base = toFormValues(policySchema.parse(example5));
const key = draftKey('id');

afterEach(() => localStorage.clear());

describe('drafts', () => {
  it('are kept per policy, and for a new one under "new"', () => {
    expect(draftKey('bigquery_approval')).toBe('policy-console.draft.bigquery_approval');
    expect(draftKey(undefined)).toBe('policy-console.draft.new');
  });

  it('round-trip the values and where the edit started', () => {
    const values = structuredClone(base);
    values.steps[0]!.name = 'renamed';
    saveDraft(key, { values, base, baseVersion: 1, latestAtStart: 3, now: new Date('2026-01-02T03:04:05Z') });
    expect(loadDraft(key, base)).toEqual({
      savedAt: '2026-01-02T03:04:05.000Z',
      baseVersion: 1,
      latestAtStart: 3,
      values,
      missingSecrets: [],
    });
  });

  it('never store a secret: the base’s are referenced, typed ones are left out and asked for again', () => {
    const values = structuredClone(base);
    values.iam.extras = { metadata: { api_token: 'from-base-extras' } };
    const baseWithExtras = structuredClone(values);
    saveDraft(key, { values, base: baseWithExtras, baseVersion: 1, latestAtStart: 1 });
    const raw = localStorage.getItem(key) ?? '';
    expect(raw).not.toContain('test-password');
    expect(raw).not.toContain('from-base-extras');
    expect(loadDraft(key, baseWithExtras)?.values).toEqual(values);

    values.iam.password = 'typed-just-now';
    values.iam.authType = 'bearer';
    values.iam.token = 'new-token';
    saveDraft(key, { values, base: baseWithExtras, baseVersion: 1, latestAtStart: 1 });
    expect(localStorage.getItem(key)).not.toMatch(/typed-just-now|new-token/);
    const draft = loadDraft(key, baseWithExtras);
    expect(draft?.values.iam.password).toBe('');
    expect(draft?.values.iam.token).toBe('');
    expect(draft?.values.iam.username).toBe('test-user');
    expect(draft?.missingSecrets).toEqual(['IAM password', 'IAM bearer token']);
  });

  it('treat a header named like a credential as a secret, and only such a header', () => {
    const withHeaders = structuredClone(base);
    withHeaders.iam.headers = [
      { key: 'X-Api-Token', value: 'hdr-from-base' },
      { key: 'X-Team', value: 'payments' },
    ];
    const values = structuredClone(withHeaders);
    values.iam.headers.push({ key: 'Authorization', value: 'Bearer typed-now' });
    saveDraft(key, { values, base: withHeaders, baseVersion: 1, latestAtStart: 1 });
    const raw = localStorage.getItem(key) ?? '';
    expect(raw).not.toMatch(/hdr-from-base|typed-now/);
    expect(raw).toContain('payments');
    const draft = loadDraft(key, withHeaders);
    expect(draft?.values.iam.headers).toEqual([
      { key: 'X-Api-Token', value: 'hdr-from-base' },
      { key: 'X-Team', value: 'payments' },
      { key: 'Authorization', value: '' },
    ]);
    expect(draft?.missingSecrets).toEqual(['IAM header Authorization']);
  });

  it('say which secrets are lost when the base is not there to restore them', () => {
    saveDraft(key, { values: base, base, baseVersion: 1, latestAtStart: 1 });
    const draft = loadDraft(key, undefined);
    expect(draft?.values.iam.password).toBe('');
    expect(draft?.missingSecrets).toEqual(['IAM password']);
  });

  it('drop an unreadable draft instead of failing on it', () => {
    localStorage.setItem(key, '{"format":1,"values":{"id":3}}');
    expect(loadDraft(key, base)).toBeUndefined();
    expect(localStorage.getItem(key)).toBeNull();
    localStorage.setItem(key, 'not json');
    expect(loadDraft(key, base)).toBeUndefined();
    saveDraft(key, { values: base, base, baseVersion: 1, latestAtStart: 1 });
    removeDraft(key);
    expect(loadDraft(key, base)).toBeUndefined();
  });
});
