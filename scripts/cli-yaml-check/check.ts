/**
 * Reads the console's CLI files with Guardian's own YAML reader: gopkg.in/yaml.v3 Unmarshal into
 * structs with the yaml tags of raystack's and goto's `domain.Policy` (main.go), as
 * `guardian policy apply --file` does. Every policy in specs/guardian that the console reads is
 * exported for both CLIs and must come back as the same content, less the keys that CLI does not
 * have. Needs Go and gopkg.in/yaml.v3 (Debian: `apt-get install golang-go golang-gopkg-yaml.v3-dev`).
 *
 *   npx tsx scripts/cli-yaml-check/check.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CLI_DIALECTS, cliFileObject, keysTheCliDrops, readPolicyFile, writeCliFile } from '../../src/lib/policy-file';
import { guardianExamples } from '../../src/lib/policy-file/policy-file-examples';

/** Go writes zero values of fields without omitempty; the console leaves them out, as Guardian does. */
function withoutZeros(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutZeros);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const v = withoutZeros(child);
    const zero =
      v === null ||
      v === '' ||
      v === false ||
      v === 0 ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
    if (!zero) out[key] = v;
  }
  return out;
}

function dropPath(value: Record<string, unknown>, path: string): void {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return;
  if (rest.length === 0) {
    delete value[head];
    return;
  }
  const key = head.replace(/\[\]$/, '');
  const child = value[key];
  const children = head.endsWith('[]') && Array.isArray(child) ? child : [child];
  for (const item of children) {
    if (typeof item === 'object' && item !== null) dropPath(item as Record<string, unknown>, rest.join('.'));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cli-yaml-check-'));
const binary = join(dir, 'cli-yaml-check');
execFileSync('go', ['build', '-o', binary, 'main.go'], {
  cwd: new URL('.', import.meta.url).pathname,
  env: { ...process.env, GO111MODULE: 'off', GOPATH: process.env.GOPATH ?? '/usr/share/gocode' },
  stdio: 'inherit',
});

let same = 0;
const failures: string[] = [];
for (const dialect of CLI_DIALECTS.map((d) => d.id)) {
  const expected = new Map<string, unknown>();
  for (const { name, text } of guardianExamples()) {
    const reading = readPolicyFile(text);
    if (!reading.ok) continue;
    const file = join(dir, `${name.replace(/\W+/g, '_')}.${dialect}.yaml`);
    writeFileSync(file, writeCliFile(reading.policy, { dialect, includeSecrets: true }).text);
    const content = cliFileObject(reading.policy, dialect);
    for (const path of keysTheCliDrops(content, dialect)) dropPath(content, path);
    expected.set(file, withoutZeros(content));
  }
  const read = JSON.parse(execFileSync(binary, [dialect, ...expected.keys()], { encoding: 'utf8' })) as Record<
    string,
    unknown
  >;
  for (const [file, want] of expected) {
    const got = withoutZeros(read[file]);
    if (isDeepStrictEqual(got, want)) same++;
    else failures.push(`${file}\n  CLI read: ${JSON.stringify(got)}\n  expected: ${JSON.stringify(want)}`);
  }
}
rmSync(dir, { recursive: true, force: true });
for (const failure of failures) console.error(failure);
console.log(`${same} read as written by yaml.v3, ${failures.length} different`);
process.exitCode = failures.length > 0 ? 1 : 0;
