import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySchema } from './policy-schema';
import { policyToWire } from './policy-wire';

const examplesDir = join(__dirname, '../../../../specs/guardian/examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({
    file,
    json: JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as Record<string, unknown>,
  }));

/** The same document with every declared snake_case key written in camelCase, as the swagger shows it. */
function camelize(value: unknown, inMap = false): unknown {
  if (Array.isArray(value)) return value.map((v) => camelize(v));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const isMap = ['labels', 'config', 'schema', 'details'].includes(key);
      const newKey = inMap ? key : key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      return [newKey, isMap ? v : camelize(v)];
    }),
  );
}

describe('policySchema', () => {
  it.each(examples.filter((e) => e.file.includes('rest-body')))('reads the real REST example $file', ({ json }) => {
    const policy = policySchema.parse(json);
    expect(policy.id).toBe(json.id);
    expect(policy.steps.length).toBeGreaterThan(0);
  });

  it('reads snake_case and camelCase into the same domain model', () => {
    const snake = examples.find((e) => e.file.startsWith('05'))!.json;
    const camel = camelize(snake);
    expect(camel).toHaveProperty('appeal.allowActiveAccessExtensionIn', '24h');
    expect(policySchema.parse(camel)).toEqual(policySchema.parse(snake));
  });

  it('fills in the zero values Guardian leaves out', () => {
    const policy = policySchema.parse({ id: 'p', version: 2, steps: [{ name: 's', strategy: 'manual' }], appeal: {} });
    expect(policy.steps[0]).toMatchObject({ approvers: [], allowFailed: false });
    expect(policy.appeal).toMatchObject({ durationOptions: [], questions: [], allowPermanentAccess: false });
    expect(policy.labels).toEqual({});
    expect(policy.requirements).toEqual([]);
  });

  it('keeps keys it does not model (a fork’s extras), and does not touch map keys', () => {
    const policy = policySchema.parse({
      id: 'p',
      steps: [{ name: 's', strategy: 'auto', approve_if: 'true', custom_flag: 1 }],
      labels: { cost_center: 'x1' },
      custom_steps: { type: 'http' },
    });
    expect(policy).toHaveProperty('custom_steps', { type: 'http' });
    expect(policy.steps[0]).toHaveProperty('custom_flag', 1);
    expect(policy.steps[0]!.approveIf).toBe('true');
    expect(policy.labels).toEqual({ cost_center: 'x1' });
  });

  it('accepts the CLI form’s numeric resource id as the string proto expects', () => {
    const cli = examples.find((e) => e.file.startsWith('01'))!.json;
    const policy = policySchema.parse(cli);
    expect(policy.requirements[0]!.appeals[0]!.resource!.id).toBe('99');
  });

  it('refuses a policy whose step has no valid strategy, saying where', () => {
    const result = policySchema.safeParse({ id: 'p', steps: [{ name: 's', approve_if: 'true' }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['steps', 0, 'strategy']);
  });

  it('reads a version as an integer (or its digits), in z.int’s words when it is not one', () => {
    const messages = (version: unknown) => {
      const result = policySchema.safeParse({ id: 'p', version });
      return result.success ? result.data.version : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages(3)).toBe(3);
    expect(messages('12')).toBe(12);
    expect(messages(1.5)).toEqual(['version: Invalid input']);
    expect(messages(1e20)).toEqual(['version: Too big: expected int to be <=9007199254740991']);
    expect(messages(-1e20)).toEqual(['version: Too small: expected int to be >=-9007199254740991']);
    expect(messages('v2')).toEqual(['version: Invalid input']);
  });

  it('refuses legacy shapes instead of misreading them', () => {
    expect(
      policySchema.safeParse({ id: 'p', steps: [{ name: 's', strategy: 'manual', approvers: '$x' }] }).success,
    ).toBe(false);
    expect(policySchema.safeParse({ id: null, steps: [] }).success).toBe(false);
  });
});

describe('policyToWire', () => {
  it('writes snake_case that reads back to the same policy', () => {
    for (const { json } of examples) {
      const policy = policySchema.parse(json);
      const wire = policyToWire(policy);
      expect(JSON.stringify(wire)).not.toMatch(/"(approveIf|allowFailed|durationOptions|allowPermanentAccess)"/);
      expect(policySchema.parse(wire)).toEqual(policy);
    }
  });

  it('omits zero values like Guardian’s marshaller, but never inside maps', () => {
    const policy = policySchema.parse({
      id: 'p',
      version: 1,
      steps: [{ name: 's', strategy: 'manual', approvers: ['a@b.co'], allow_failed: false }],
      iam: { provider: 'http', config: { url: 'u', insecure: false } },
      labels: { empty: '' },
    });
    const wire = policyToWire(policy, { omitZero: true });
    expect(wire.steps).toEqual([{ name: 's', strategy: 'manual', approvers: ['a@b.co'] }]);
    expect(wire.iam).toEqual({ provider: 'http', config: { url: 'u', insecure: false } });
    expect(wire.labels).toEqual({ empty: '' });
    expect(wire).not.toHaveProperty('requirements');
  });

  it('sends extras back unchanged', () => {
    const policy = policySchema.parse({
      id: 'p',
      steps: [],
      stages: ['review'],
      appeal: { metadata_sources: { a: 1 } },
    });
    const wire = policyToWire(policy);
    expect(wire.stages).toEqual(['review']);
    expect(wire.appeal).toHaveProperty('metadata_sources', { a: 1 });
  });
});
