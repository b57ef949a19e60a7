import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import bigquery from '../../../specs/guardian/examples/01-reference-bigquery_approval.cli-yaml.json';
import basicAuth from '../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import goto13 from '../../../specs/guardian/more-examples/13-goto-metadata-static-http-custom-steps-basic-auth.json';
import { SECRET_MASK, SECRET_MASK_CHANGED } from '@/lib/secrets';
import { policyDocument, policyDocumentObject, policyFileName } from './policy-document';

describe('policyDocument', () => {
  it('writes the wire form, snake_case, keys in a stable order whatever order they came in', () => {
    const policy = policySchema.parse(bigquery);
    const shuffled = policySchema.parse(Object.fromEntries(Object.entries(bigquery).reverse()));
    const yaml = policyDocument(policy, 'yaml');
    expect(policyDocument(shuffled, 'yaml')).toBe(yaml);
    expect(Object.keys(parseYaml(yaml) as object).slice(0, 3)).toEqual(['id', 'version', 'steps']);
    expect(yaml).toContain('provider_type: bigquery');
    expect(yaml).not.toContain('providerType');
  });

  it('masks secrets in both formats', () => {
    const policy = policySchema.parse(basicAuth);
    for (const format of ['yaml', 'json'] as const) {
      const text = policyDocument(policy, format);
      expect(text).not.toContain('test-password');
      expect(text).toContain(SECRET_MASK);
    }
    expect(policyDocument(policy, 'json', { maskSecrets: false })).toContain('test-password');
  });

  it('keeps a fork’s extras, secrets in them masked', () => {
    const doc = policyDocumentObject(policySchema.parse(goto13));
    expect(doc).toHaveProperty('custom_steps.config.headers.Authorization', SECRET_MASK);
    expect(doc).toHaveProperty('appeal.metadata_sources');
  });

  it('leaves out version and authorship for a content comparison, and marks a changed secret', () => {
    const before = policySchema.parse(basicAuth);
    const after = policySchema.parse({
      ...basicAuth,
      version: 2,
      iam: {
        ...basicAuth.iam,
        config: { ...basicAuth.iam.config, auth: { ...basicAuth.iam.config.auth, password: 'x' } },
      },
    });
    const doc = policyDocumentObject(after, { metadata: false, compareTo: before });
    expect(doc).not.toHaveProperty('version');
    expect(doc).toHaveProperty('iam.config.auth.password', SECRET_MASK_CHANGED);
  });

  it('does not fold long expressions across lines', () => {
    const long = `$appeal.creator.department == "${'x'.repeat(300)}"`;
    const policy = policySchema.parse({ id: 'p', steps: [{ name: 's', strategy: 'auto', approve_if: long }] });
    expect(
      policyDocument(policy, 'yaml')
        .split('\n')
        .some((line) => line.includes(long)),
    ).toBe(true);
  });

  it('gives a safe file name', () => {
    expect(policyFileName({ id: '../etc/<passwd>', version: 3 }, 'yaml')).toBe('etc_passwd_-v3.yaml');
  });
});
