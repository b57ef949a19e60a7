import { describe, expect, it } from 'vitest';
import { readPolicyFile } from './read-policy-file';

const STEP = 'steps:\n  - name: s\n    strategy: manual\n    approvers: [a@example.com]\n';

describe('readPolicyFile', () => {
  it('reads the CLI’s YAML the way the CLI does: typed fields by their text, yes/no as booleans', () => {
    const reading = readPolicyFile(
      `id: 2024\n${STEP}appeal_config:\n  duration_options:\n    - name: 1.10\n      value: 24h\n  questions:\n    - key: why\n      question: Why?\n      required: yes\niam:\n  provider: http\n  config:\n    url: http://iam\n    retries: 3\n`,
    );
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.policy.id).toBe('2024');
    expect(reading.policy.appeal?.durationOptions[0]?.name).toBe('1.10');
    expect(reading.policy.appeal?.questions[0]?.required).toBe(true);
    // Free-form data keeps its YAML types, as yaml.v3 gives them to an interface{}.
    expect(reading.policy.iam?.config.retries).toBe(3);
    expect(reading.notices.map((n) => n.text).join(' ')).toMatch(
      /Read id, appeal_config\.duration_options\[0\]\.name.* as Guardian’s CLI does/,
    );
    expect(reading.notices.map((n) => n.text).join(' ')).toMatch(/appeal_config.*read as “appeal”/);
  });

  it('takes empty fields as not set, a byte-order mark and an envelope in its stride', () => {
    const reading = readPolicyFile(
      `\uFEFF{"policy": {"id": "p", "description": null, "steps": [{"name": "s", "strategy": "auto", "approve_if": "true"}]}}`,
    );
    expect(reading.ok && reading.policy.description).toBeUndefined();
    const yaml = readPolicyFile(`id: p\ndescription:\n${STEP}`);
    expect(yaml.ok && yaml.policy.steps).toHaveLength(1);
  });

  it('says what is wrong with each kind of bad file', () => {
    expect(readPolicyFile('  \n')).toMatchObject({ ok: false, problem: 'empty' });
    expect(readPolicyFile('id: [unclosed')).toMatchObject({
      ok: false,
      problem: 'syntax',
      message: /line 1, column \d+/,
    });
    expect(readPolicyFile('{"id": "p",\n}', { format: 'json' })).toMatchObject({
      ok: false,
      problem: 'syntax',
      message: /not valid JSON \(line 2, column 1\)/,
    });
    expect(readPolicyFile(`id: a\n${STEP}---\nid: b\n${STEP}`)).toMatchObject({
      ok: false,
      problem: 'documents',
      message: /holds 2 YAML documents/,
    });
    expect(readPolicyFile('- a\n- b')).toMatchObject({ ok: false, problem: 'not-a-policy' });
    expect(readPolicyFile('just some words')).toMatchObject({ ok: false, problem: 'not-a-policy' });
    expect(readPolicyFile(STEP)).toMatchObject({ ok: false, problem: 'no-id', message: /names no policy/ });
    expect(readPolicyFile(`id: p\nid: q\n${STEP}`)).toMatchObject({ ok: false, problem: 'syntax' });
    expect(readPolicyFile('id: p\nsteps: nope')).toMatchObject({ ok: false, problem: 'schema', details: [/steps/] });
  });

  it('refuses a masked placeholder wherever it sits, naming the place', () => {
    const reading = readPolicyFile(
      `id: p\n${STEP}iam:\n  provider: http\n  config:\n    url: http://iam\n    auth:\n      type: basic\n      username: u\n      password: ••••••••\n`,
    );
    expect(reading).toMatchObject({ ok: false, problem: 'masked', details: ['iam.config.auth.password'] });
    expect(reading.ok ? '' : reading.message).toMatch(/masked value .* not the secret/);
  });

  it('uses the given id for a file that names none, and keeps a fork’s extras', () => {
    const reading = readPolicyFile(`stages: [review]\n${STEP}`, { defaultId: 'mine' });
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.policy.id).toBe('mine');
    expect(reading.extras).toEqual(['stages']);
  });

  it('reads a JSON file with a part nested 5,000 levels deep, that part as raw text left out of a save', () => {
    const nested = `${'{"a":'.repeat(5000)}"bottom"${'}'.repeat(5000)}`;
    const reading = readPolicyFile(
      `{"id":"p","steps":[{"name":"s","strategy":"manual","approvers":["a@example.com"]}],"fork_extension":${nested}}`,
    );
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.policy.steps).toHaveLength(1);
    expect(JSON.stringify(reading.policy).length).toBeLessThan(5_000);
    expect(reading.notices.map((n) => n.text)).toContain(
      'fork_extension.a.a.… (64 levels down) is nested too deep to read: shown as raw text and left out when saving.',
    );
  });

  it('says a YAML file nested thousands of levels deep is too deep to read, not that it is broken', () => {
    const reading = readPolicyFile(`id: p\n${STEP}fork_extension: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(reading).toMatchObject({ ok: false, problem: 'syntax' });
    expect(!reading.ok && reading.message).toMatch(/^This file is nested too deep to read \(line 6, column \d+\)/);
  });
});
