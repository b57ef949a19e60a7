import { describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { buildTraceInput } from './build-trace-input';
import { parseJsonObject } from './parse-json-object';
import { readTraceForm, withTraceForm } from './trace-params';

const policy = policySchema.parse({
  id: 'p',
  steps: [],
  requirements: [{ on: { provider_type: 'gcs', role: 'admin' } }],
});

describe('JSON fields', () => {
  it('say where the text stops being JSON, by line and column', () => {
    const result = parseJsonObject('{\n  "a": 1,\n  "b": }', 'The IAM answer');
    expect(result).toMatchObject({ ok: false, line: 3, column: 8 });
    expect(!result.ok && result.message).toMatch(/^The IAM answer is not valid JSON at line 3, column 8/);
  });

  it('find the place for every kind of mistake', () => {
    const at = (text: string) => {
      const r = parseJsonObject(text, 'X');
      return r.ok ? 'ok' : `${r.line}:${r.column}`;
    };
    expect(at('{"a": 1,}')).toBe('1:9');
    expect(at('{"a": "b')).toBe('1:9');
    expect(at("{'a': 1}")).toBe('1:2');
    expect(at('{"a": tru}')).toBe('1:10');
    expect(at('{"a": 1} x')).toBe('1:10');
    expect(at('{\n"a": 01}')).toBe('2:7');
  });

  it('want an object, not a list, a string or null; and something at all', () => {
    expect(parseJsonObject('[1]', 'X')).toMatchObject({
      ok: false,
      message: 'X must be a JSON object ({ … }), not a list.',
    });
    expect(parseJsonObject('"a"', 'X')).toMatchObject({
      ok: false,
      message: 'X must be a JSON object ({ … }), not a string.',
    });
    expect(parseJsonObject('null', 'X')).toMatchObject({ ok: false });
    expect(parseJsonObject('  ', 'X')).toMatchObject({
      ok: false,
      message: 'X is empty: write a JSON object, e.g. {}',
    });
    expect(parseJsonObject('{"a":1}', 'X')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('refuse an object nested thousands of levels deep instead of tracing it', () => {
    const deep = `{"profile":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expect(parseJsonObject(deep, 'X')).toMatchObject({
      ok: false,
      message: 'X is nested more than 64 levels deep, more than an appeal can use: leave the deepest parts out.',
    });
  });
});

describe('the trace form in the URL', () => {
  it('round-trips every field and leaves defaults out', () => {
    const params = withTraceForm(new URLSearchParams(), {
      source: 'json',
      profile: '{"email":"a@example.com"}',
      lookupFails: true,
      role: 'viewer',
      details: '{}',
      compare: true,
    });
    expect(params.toString()).toBe(
      'creator=json&profile=%7B%22email%22%3A%22a%40example.com%22%7D&lookup=fails&role=viewer&details=%7B%7D&targets=all',
    );
    expect(readTraceForm(params)).toMatchObject({ source: 'json', lookupFails: true, role: 'viewer', compare: true });
    expect(withTraceForm(params, { source: 'sample', lookupFails: false, compare: false, role: null }).toString()).toBe(
      'profile=%7B%22email%22%3A%22a%40example.com%22%7D&details=%7B%7D',
    );
  });

  it('reads nonsense as the defaults', () => {
    const form = readTraceForm(new URLSearchParams('creator=evil&lookup=maybe&targets=x'));
    expect(form).toMatchObject({ source: 'sample', lookupFails: false, compare: false, role: null });
  });
});

describe('building the appeal from the form', () => {
  it('takes the policy’s requirement for defaults and the pasted answer as the IAM’s', () => {
    const built = buildTraceInput(
      readTraceForm(new URLSearchParams('creator=json&profile={"email":"z@example.com"}')),
      policy,
      undefined,
    );
    expect(built.request.resource.providerType).toBe('gcs');
    expect(built.request.role).toBe('admin');
    expect(built.creator).toMatchObject({
      createdBy: 'z@example.com',
      iam: { ok: true, body: { email: 'z@example.com' } },
    });
  });

  it('gives a message per bad field and no appeal to trace', () => {
    const built = buildTraceInput(
      readTraceForm(new URLSearchParams('creator=json&profile={&details=[]')),
      policy,
      undefined,
    );
    expect(built.creator).toBeUndefined();
    expect(built.errors.profile).toMatch(/not valid JSON at line 1, column 2/);
    expect(built.errors.details).toBe('The resource details must be a JSON object ({ … }), not a list.');
  });
});
