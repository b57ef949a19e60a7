import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { policyDocument } from '@/lib/policy-document';
import { SECRET_MASK } from '@/lib/secrets';
import { parsePolicyText } from './parse-policy-text';

const example = (name: string) => readFileSync(join(process.cwd(), 'specs/guardian', name), 'utf8');

describe('parsePolicyText', () => {
  it('reads the CLI YAML, renaming appeal_config to appeal with a notice', () => {
    const yaml = stringify(JSON.parse(example('examples/01-reference-bigquery_approval.cli-yaml.json')));
    expect(yaml).toContain('appeal_config:');
    const result = parsePolicyText(yaml);
    if (!result.ok) throw new Error(result.message);
    expect(result.values.id).toBe('bigquery_approval');
    expect(result.values.appeal.durationOptions.map((d) => d.value)).toEqual(['24h', '72h', '0h']);
    expect(result.values.requirements[0]?.on.providerType).toBe('bigquery');
    expect(result.notices.join(' ')).toMatch(/appeal_config.*read as “appeal”/);
    expect(result.notices.join(' ')).toMatch(/Left out version/);
  });

  it('reads a REST body, bare or in its {"policy": …} envelope', () => {
    const body = example('examples/02-tour-my-first-policy.rest-body.json');
    const bare = parsePolicyText(body);
    const wrapped = parsePolicyText(JSON.stringify({ policy: JSON.parse(body) }));
    expect(bare.ok && bare.values.steps.length).toBe(2);
    expect(wrapped).toEqual(bare);
  });

  it('keeps a fork’s extras and says so', () => {
    const result = parsePolicyText(example('more-examples/14-goto-stages-parallel.json'));
    expect(result.ok && result.values.extras).toHaveProperty('stages');
    expect(result.ok && result.notices.join(' ')).toMatch(/“stages”.*sent unchanged/);
  });

  it('refuses what it cannot read, saying where', () => {
    expect(parsePolicyText('   ')).toMatchObject({ ok: false, message: /Paste a policy/ });
    expect(parsePolicyText('id: [unclosed')).toMatchObject({ ok: false, message: /line 1, column \d+/ });
    expect(parsePolicyText('- just\n- a list')).toMatchObject({ ok: false, message: /not one/ });
    const legacy = parsePolicyText(example('more-examples/03-legacy-2021-05-conditions-dependencies.json'));
    expect(legacy).toMatchObject({ ok: false, message: /cannot be read into the form/ });
    expect(legacy.ok ? [] : legacy.details.join('\n')).toMatch(/steps\[0\]\.strategy/);
  });

  it('refuses a downloaded YAML whose secrets are masked, naming where', () => {
    const masked = policyDocument(
      policySchema.parse(JSON.parse(example('examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json'))),
      'yaml',
    );
    expect(masked).toContain(SECRET_MASK);
    expect(parsePolicyText(masked)).toMatchObject({
      ok: false,
      message: /masked value .* not the secret/,
      details: [expect.stringMatching(/iam\.config\.auth\.password/)],
    });
  });
});
