import { describe, expect, it, vi } from 'vitest';
import type { ResponseSchema } from '@/lib/api/parse-response';
import type { Policy, PolicyStamp } from '@/lib/api/guardian/policy-schema';
import { CatalogBuilder } from './policy-catalog';

/** A schema that refuses rows with `bad`, in words that depend on whether "messages" have loaded. */
function refusing(words: { loaded: boolean }): ResponseSchema<never> {
  return {
    '~standard': {
      version: 1,
      vendor: 'test',
      validate: (value: unknown) =>
        (value as { bad?: boolean }).bad
          ? { issues: [{ message: words.loaded ? 'Invalid input: expected string' : 'Invalid input', path: ['x'] }] }
          : { value: value as never },
    },
  };
}

describe('CatalogBuilder.describeAgain', () => {
  it('describes unreadable rows again once the messages are loaded, and loads them only when a row failed', async () => {
    const words = { loaded: false };
    const stamp = refusing(words) as unknown as ResponseSchema<PolicyStamp>;
    const builder = new CatalogBuilder({
      policyStampSchema: {
        '~standard': {
          ...stamp['~standard'],
          validate: (v: unknown) => {
            const result = stamp['~standard'].validate(v);
            return 'issues' in result && result.issues ? result : { value: { id: 'a', version: 1 } as PolicyStamp };
          },
        },
      },
      policySchema: refusing(words) as unknown as ResponseSchema<Policy>,
    });
    builder.add({ id: 'bad-stamp', bad: true }, 0);
    const catalog = builder.finish(false);
    expect(catalog.unreadable.map((u) => u.problems)).toEqual([['x: Invalid input']]);
    const load = vi.fn(async () => {
      words.loaded = true;
    });
    await builder.describeAgain(catalog, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(catalog.unreadable.map((u) => u.problems)).toEqual([['x: Invalid input: expected string']]);

    const clean = new CatalogBuilder({
      policyStampSchema: refusing(words) as unknown as ResponseSchema<PolicyStamp>,
      policySchema: refusing(words) as unknown as ResponseSchema<Policy>,
    });
    const unused = vi.fn(async () => undefined);
    await clean.describeAgain(clean.finish(false), unused);
    expect(unused).not.toHaveBeenCalled();
  });
});
