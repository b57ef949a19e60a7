import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { writePolicyFileSet, zipFiles } from './policy-file-set';

const policy = (id: string, extra: Record<string, unknown> = {}) =>
  policySchema.parse({ id, steps: [{ name: 's', strategy: 'auto', approve_if: 'true' }], ...extra });

describe('a zip of policy files', () => {
  it('writes one file per policy, names made unique, secrets counted', async () => {
    const secret = { iam: { provider: 'http', config: { url: 'u', auth: { type: 'bearer', token: 't0ken' } } } };
    const set = await writePolicyFileSet([policy('a/b'), policy('a_b'), policy('c', secret)], 'raystack');
    expect(set.files.map((f) => f.name)).toEqual(['a_b.yaml', 'a_b-2.yaml', 'c.yaml']);
    expect(set.secretsLeftOut).toBe(1);
    expect(set.files[2]!.text).not.toContain('t0ken');
  });

  it('gives the same bytes for the same policies, and unzips to the files', async () => {
    const { files } = await writePolicyFileSet([policy('x'), policy('y')], 'goto');
    const first = await zipFiles(files);
    expect(Buffer.from(await zipFiles(files)).equals(Buffer.from(first))).toBe(true);
    const unzipped = unzipSync(first);
    expect(Object.keys(unzipped)).toEqual(['x.yaml', 'y.yaml']);
    expect(strFromU8(unzipped['x.yaml']!)).toBe(files[0]!.text);
  });
});
