// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import example5 from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import { toFormValues } from '../form/to-form-values';
import { adoptDraft, draftKey, listDrafts, loadDraft, removeDraft, saveDraft, tabId } from './draft-storage';

const base = toFormValues(policySchema.parse(example5));
const key = draftKey('id');

afterEach(() => localStorage.clear());

describe('drafts', () => {
  it('are kept per policy and per tab, and for a new one under "new"', () => {
    expect(draftKey('bigquery_approval', 'tab-1')).toBe('policy-console.draft.id:bigquery_approval@tab-1');
    expect(draftKey(undefined, 'tab-1')).toBe('policy-console.draft.new@tab-1');
    // No id reads as another's, nor as a new policy.
    expect(draftKey('new', 'tab-1')).not.toBe(draftKey(undefined, 'tab-1'));
    expect(draftKey('a@b', 't')).toBe('policy-console.draft.id:a%40b@t');
    expect(draftKey('x')).toBe(`policy-console.draft.id:x@${tabId()}`);
    expect(tabId()).toBe(tabId());
  });

  it('of two tabs are two drafts: each listed with its time and base, this tab’s first', () => {
    const mine = structuredClone(base);
    mine.title = 'mine';
    const theirs = structuredClone(base);
    theirs.title = 'theirs';
    saveDraft(draftKey('id', 'other-tab'), {
      values: theirs,
      base,
      baseVersion: 2,
      latestAtStart: 2,
      now: new Date('2026-01-02T10:00:00Z'),
    });
    saveDraft(key, { values: mine, base, baseVersion: 1, latestAtStart: 1, now: new Date('2026-01-02T09:00:00Z') });
    saveDraft(draftKey('id-other', 'other-tab'), { values: theirs, base, baseVersion: 1, latestAtStart: 1 });
    const drafts = listDrafts('id', base);
    expect(drafts.map((d) => [d.values.title, d.fromThisTab, d.baseVersion, d.savedAt])).toEqual([
      ['mine', true, 1, '2026-01-02T09:00:00.000Z'],
      ['theirs', false, 2, '2026-01-02T10:00:00.000Z'],
    ]);
    // Removing this tab's draft (a save) leaves the other tab's.
    removeDraft(key);
    expect(listDrafts('id', base).map((d) => d.values.title)).toEqual(['theirs']);
  });

  it('still offer a draft kept before drafts were per tab', () => {
    const values = structuredClone(base);
    values.title = 'old';
    saveDraft('policy-console.draft.id', { values, base, baseVersion: 1, latestAtStart: 1 });
    expect(listDrafts('id', base).map((d) => [d.values.title, d.fromThisTab])).toEqual([['old', false]]);
  });

  it('adopted from another tab become this tab’s, without overwriting the one this tab had', () => {
    const mine = structuredClone(base);
    mine.title = 'mine';
    const theirs = structuredClone(base);
    theirs.title = 'theirs';
    const other = draftKey('id', 'other-tab');
    saveDraft(other, { values: theirs, base, baseVersion: 1, latestAtStart: 1 });
    saveDraft(key, { values: mine, base, baseVersion: 1, latestAtStart: 1 });
    adoptDraft(other, key);
    expect(loadDraft(key, base)?.values.title).toBe('theirs');
    expect(localStorage.getItem(other)).toBeNull();
    // This tab's earlier draft moved aside, still offered.
    expect(
      listDrafts('id', base)
        .map((d) => d.values.title)
        .sort(),
    ).toEqual(['mine', 'theirs']);
  });

  it('say when storage is full, or denied, instead of pretending they were kept', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(saveDraft(key, { values: base, base, baseVersion: 1, latestAtStart: 1 })).toBe('full');
    setItem.mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(saveDraft(key, { values: base, base, baseVersion: 1, latestAtStart: 1 })).toBe('unavailable');
    setItem.mockRestore();
    expect(saveDraft(key, { values: base, base, baseVersion: 1, latestAtStart: 1 })).toBe('stored');
  });

  it('round-trip the values and where the edit started', () => {
    const values = structuredClone(base);
    values.steps[0]!.name = 'renamed';
    saveDraft(key, { values, base, baseVersion: 1, latestAtStart: 3, now: new Date('2026-01-02T03:04:05Z') });
    expect(loadDraft(key, base)).toEqual({
      key,
      fromThisTab: true,
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
