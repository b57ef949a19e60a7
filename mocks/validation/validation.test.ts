import { describe, expect, it } from 'vitest';
import { decodePolicyBody } from './proto-decode';
import { readJson } from './json-reader';
import { validateGuardianPolicy } from './guardian-rules';
import { loosePolicy } from './loose-policy';
import type { Target } from '../engine/expressions';

const validate = (body: unknown, strict = false, target: Target = 'guardian-1.12') => {
  const decoded = decodePolicyBody(JSON.stringify(body));
  if (!decoded.ok) throw new Error(decoded.message);
  return validateGuardianPolicy({ ...loosePolicy(decoded.body), version: 1 }, { isUpdate: false, strict, target });
};
const step = { name: 'ok', strategy: 'manual', approvers: ['a@example.com'] };

describe('reading bodies like Go and protojson', () => {
  it('words syntax errors like encoding/json', () => {
    expect(readJson('{"a" 1}')).toEqual({ ok: false, message: "invalid character '1' after object key" });
    expect(readJson('{"a": 1 "b": 2}')).toEqual({
      ok: false,
      message: "invalid character '\"' after object key:value pair",
    });
    expect(readJson('[1 2]')).toEqual({ ok: false, message: "invalid character '2' after array element" });
    expect(readJson('{"a": tru}')).toEqual({
      ok: false,
      message: "invalid character '}' in literal true (expecting 'e')",
    });
    expect(readJson('{"a": [1,')).toEqual({ ok: false, message: 'unexpected EOF' });
    expect(readJson('{a: 1}')).toEqual({
      ok: false,
      message: "invalid character 'a' looking for beginning of object key string",
    });
  });

  it('drops unknown keys at every level, accepts either casing, keeps Value and map contents', () => {
    const decoded = decodePolicyBody(
      JSON.stringify({
        id: 'x',
        nope: 1,
        steps: [{ name: 'a', approveIf: 'true', strategy: 'auto', junk: true }],
        iam: { provider: 'http', config: { url: 'u', anything: [1] } },
        labels: { k: 'v' },
      }),
    );
    expect(decoded).toEqual({
      ok: true,
      body: {
        id: 'x',
        steps: [{ name: 'a', approve_if: 'true', strategy: 'auto' }],
        iam: { provider: 'http', config: { url: 'u', anything: [1] } },
        labels: { k: 'v' },
      },
    });
  });

  it('refuses wrong types with protojson’s words and positions', () => {
    expect(decodePolicyBody('{"id": 5}')).toEqual({
      ok: false,
      message: 'proto: (line 1:8): invalid value for string type: 5',
    });
    expect(decodePolicyBody('{"id": "x",\n "labels": {"a": 1}}')).toEqual({
      ok: false,
      message: 'proto: (line 2:18): invalid value for string type: 1',
    });
    expect(decodePolicyBody('{"steps": [null]}')).toEqual({
      ok: false,
      message: 'proto: syntax error (line 1:12): unexpected token null',
    });
    expect(decodePolicyBody('[]')).toEqual({
      ok: false,
      message: 'proto: syntax error (line 1:1): unexpected token []',
    });
    expect(decodePolicyBody('{"version": "2"}')).toEqual({ ok: true, body: { version: 2 } });
    expect(decodePolicyBody('{"version": -1}').ok).toBe(false);
  });
});

describe("Guardian's validation rules", () => {
  it('passes a valid policy', () => {
    expect(validate({ id: 'p', steps: [step] })).toEqual({ ok: true });
  });

  it('checks whitespace in the id first, then the struct tags', () => {
    expect(validate({ id: 'has space', steps: [] })).toEqual({
      ok: false,
      stage: 'policy-validation',
      message: 'policy validation: id should not contain whitespaces',
    });
    const r = validate({ id: '', steps: [{ name: 'm', strategy: 'manual' }] });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message.split('\n')).toEqual([
      "policy validation: Key: 'Policy.ID' Error:Field validation for 'ID' failed on the 'required' tag",
      "Key: 'Policy.Steps[0].Approvers' Error:Field validation for 'Approvers' failed on the 'required_if' tag",
    ]);
  });

  it('duration options need name and value; the extension window must parse as a Go duration', () => {
    const r = validate({
      id: 'p',
      steps: [step],
      appeal: { duration_options: [{ value: '24h' }], allow_active_access_extension_in: '1 day' },
    });
    expect(!r.ok && r.message).toBe(
      "policy validation: Key: 'Policy.AppealConfig.DurationOptions[0].Name' Error:Field validation for 'Name' failed on the 'required' tag",
    );
    const e = validate({ id: 'p', steps: [step], appeal: { allow_active_access_extension_in: '1d' } });
    expect(!e.ok && e.message).toBe(
      'policy validation: invalid appeal extension policy: parsing duration: time: unknown unit "d" in duration "1d"',
    );
  });

  it('requirements need a trigger field and an appeal with resource and role', () => {
    const r = validate({ id: 'p', steps: [step], requirements: [{ on: { provider_type: 'bigquery' } }] });
    expect(!r.ok && r.message).toBe(
      "policy validation: Key: 'Policy.Requirements[0].Appeals' Error:Field validation for 'Appeals' failed on the 'required' tag",
    );
    const ok = validate({
      id: 'p',
      steps: [step],
      requirements: [{ on: { role: 'viewer' }, appeals: [{ resource: { id: '1' }, role: 'viewer' }] }],
    });
    expect(ok).toEqual({ ok: true });
  });

  it('IAM: an unknown provider fails while parsing; http needs a URL and complete auth', () => {
    expect(validate({ id: 'p', steps: [step], iam: { provider: 'slack', config: {} } })).toEqual({
      ok: false,
      stage: 'parsing-iam',
      message: 'parsing iam config: unknown provider type',
    });
    const r = validate({
      id: 'p',
      steps: [step],
      iam: { provider: 'http', config: { url: 'https://x.example.com', auth: { type: 'oauth' } } },
    });
    expect(!r.ok && r.message).toBe(
      "policy validation: invalid iam config: Key: 'HTTPClientConfig.Auth.Type' Error:Field validation for 'Type' failed on the 'oneof' tag",
    );
    const bearer = validate({
      id: 'p',
      steps: [step],
      iam: { provider: 'http', config: { url: 'https://x.example.com', auth: { type: 'bearer' } } },
    });
    expect(!bearer.ok && bearer.message).toBe(
      "policy validation: invalid iam config: Key: 'HTTPClientConfig.Auth.Token' Error:Field validation for 'Token' failed on the 'required_if' tag",
    );
  });

  it('approvers: emails pass, creator/resource expressions are skipped, others are evaluated on an empty appeal', () => {
    expect(validate({ id: 'p', steps: [{ ...step, approvers: ['$appeal.creator.manager_email'] }] })).toEqual({
      ok: true,
    });
    expect(validate({ id: 'p', steps: [{ ...step, approvers: ['"someone@example.com"'] }] })).toEqual({ ok: true });
    const r = validate({ id: 'p', steps: [{ ...step, approvers: ['1 + 1'] }] });
    expect(!r.ok && r.message).toBe('policy validation: validating approver "1 + 1": invalid value type: "1 + 1"');
  });

  it('approvers: the appeal fields spared from the save-time check depend on the server', () => {
    const body = (approver: string) => ({ id: 'p', steps: [{ ...step, approvers: [approver] }] });
    // Nil on an empty appeal: raystack evaluates it and refuses; goto spares $appeal.details.
    const details = '$appeal.details.owner';
    expect(validate(body(details), false, 'guardian-1.12')).toMatchObject({ ok: false, stage: 'policy-validation' });
    expect(validate(body(details), false, 'guardian-1.15')).toEqual({ ok: true });
    // alice@localhost is no email to validator v10.4.1, so it is evaluated as an expression and fails.
    expect(validate(body('alice@localhost'))).toMatchObject({ ok: false });
    expect(validate(body('security+approvals@example.com'))).toEqual({ ok: true });
  });

  it('strict mode adds duration option values, duplicate names and keys, and expressions that must compile', () => {
    const body = { id: 'p', steps: [step, step] };
    expect(validate(body)).toEqual({ ok: true });
    expect(validate(body, true)).toMatchObject({ ok: false, message: 'policy validation: duplicate step name: "ok"' });
    const durations = { id: 'p', steps: [step], appeal: { duration_options: [{ name: 'A day', value: '1d' }] } };
    expect(validate(durations)).toEqual({ ok: true });
    expect(validate(durations, true)).toMatchObject({
      ok: false,
      message: expect.stringContaining('invalid appeal duration option "A day"'),
    });
    const questions = { id: 'p', steps: [step], appeal: { questions: [{ key: 'why' }, { key: 'why' }] } };
    expect(validate(questions, true)).toMatchObject({
      ok: false,
      message: 'policy validation: duplicate question key: "why"',
    });
    const broken = { id: 'p', steps: [{ name: 'a', strategy: 'auto', approve_if: '$appeal.creator.x ==' }] };
    expect(validate(broken)).toEqual({ ok: true });
    expect(validate(broken, true)).toMatchObject({
      ok: false,
      message: expect.stringContaining('invalid expression in step "a" approve_if'),
    });
  });
});
