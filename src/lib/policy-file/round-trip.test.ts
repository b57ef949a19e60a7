import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policyDocumentObject } from '@/lib/policy-document';
import { findSecrets, formatJsonPath } from '@/lib/secrets';
import { CLI_DIALECTS, appealKeyOf } from './cli-dialect';
import { guardianExamples } from './policy-file-examples';
import { readPolicyFile } from './read-policy-file';
import { writeCliFile } from './write-cli-file';

const examples = guardianExamples();
const readable = examples.flatMap(({ name, text }) => {
  const reading = readPolicyFile(text);
  return reading.ok ? [{ name, policy: reading.policy }] : [];
});

/** A CLI file read back with YAML 1.2 core rules, its keys renamed to the REST wire's. */
function readAsCli(text: string, dialect: (typeof CLI_DIALECTS)[number]['id'], version: '1.1' | '1.2' = '1.2') {
  const value = parse(text, { version }) as Record<string, unknown>;
  const appealKey = appealKeyOf(dialect);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key === appealKey ? 'appeal' : key] = v;
  return out;
}

describe('CLI files of the 29 Guardian policies in specs/', () => {
  it('reads 23 of them; the 6 legacy or broken ones are refused with a reason, not a crash', () => {
    expect(examples).toHaveLength(29);
    expect(readable).toHaveLength(23);
    const refused = examples.flatMap(({ name, text }) => {
      const reading = readPolicyFile(text);
      return reading.ok ? [] : [[name.replace(/^.*\//, '').slice(0, 2), reading.problem]];
    });
    // Each lacks something Guardian requires (an id, a step's strategy or name): every problem is listed.
    expect(refused).toEqual([
      ['01', 'schema'],
      ['03', 'schema'],
      ['04', 'schema'],
      ['10', 'schema'],
      ['11', 'schema'],
      ['24', 'schema'],
    ]);
  });

  describe.each(CLI_DIALECTS.map((d) => d.id))('for the %s CLI', (dialect) => {
    it.each(readable)('$name: export → YAML 1.2 and YAML 1.1 → the same policy, unknown keys kept', ({ policy }) => {
      const content = policyDocumentObject(policy, { metadata: false, maskSecrets: false });
      const { text } = writeCliFile(policy, { dialect, includeSecrets: true });
      expect(readAsCli(text, dialect)).toEqual(content);
      expect(readAsCli(text, dialect, '1.1')).toEqual(content);
      expect(text).not.toMatch(/^(version|created_by|created_at|updated_at):/m);
      const other = dialect === 'raystack' ? 'appeal' : 'appeal_config';
      if (policy.appeal) expect(text).toMatch(new RegExp(`^${appealKeyOf(dialect)}:`, 'm'));
      expect(text).not.toMatch(new RegExp(`^${other}:`, 'm'));
    });

    it.each(readable)(
      '$name: the console reads its own file back, and a second export is byte-identical',
      ({ policy }) => {
        const first = writeCliFile(policy, { dialect });
        const again = readPolicyFile(writeCliFile(policy, { dialect, includeSecrets: true }).text);
        if (!again.ok) throw new Error(again.message);
        expect(policyDocumentObject(again.policy, { metadata: false, maskSecrets: false })).toEqual(
          policyDocumentObject(policy, { metadata: false, maskSecrets: false }),
        );
        expect(writeCliFile(again.policy, { dialect }).text).toBe(first.text);
      },
    );

    it.each(readable)('$name: no secret value and no mask unless secrets are asked for', ({ policy }) => {
      const secrets = findSecrets(policyDocumentObject(policy, { metadata: false, maskSecrets: false }));
      const file = writeCliFile(policy, { dialect });
      expect(file.text).not.toContain('•');
      for (const secret of secrets) {
        expect(file.text).not.toContain(JSON.stringify(secret.value).slice(1, -1));
        const path = formatJsonPath(secret.path).replace(/^appeal\./, `${appealKeyOf(dialect)}.`);
        expect(file.text).toContain(`# ${path}: set before applying`);
      }
      expect(file.secretsLeftOut).toHaveLength(secrets.length);
      expect(file.holdsSecrets).toBe(false);
      const withSecrets = writeCliFile(policy, { dialect, includeSecrets: true });
      expect(withSecrets.holdsSecrets).toBe(secrets.length > 0);
      expect(withSecrets.text).not.toContain('•');
    });
  });

  it('finds secrets in three of them (basic auth passwords, a custom step’s Authorization header)', () => {
    const withSecrets = readable.filter(
      ({ policy }) => findSecrets(policyDocumentObject(policy, { maskSecrets: false })).length > 0,
    );
    expect(withSecrets.map((e) => e.name.replace(/^.*\//, '').slice(0, 2))).toEqual(['05', '13']);
  });
});
