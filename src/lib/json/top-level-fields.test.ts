import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topLevelFields } from './top-level-fields';

const WANTED = new Set(['id', 'version', 'created_at']);

describe('topLevelFields', () => {
  it('reads the wanted top-level fields, whatever comes between and however it is spaced', () => {
    const text =
      '{ "steps" : [{"id":"inner","version":9}], "id" : "p\\"1" , "title":"a,b}", "version":3,' +
      ' "created_at":"2026-01-01T00:00:00Z", "labels":{"id":"x"} }';
    expect(topLevelFields(text, WANTED)).toEqual({ id: 'p"1', version: 3, created_at: '2026-01-01T00:00:00Z' });
  });

  it('reads a nested value as {} (a schema refuses it like the real one), a repeated key as the last', () => {
    expect(topLevelFields('{"id":{"a":1},"version":[1],"created_at":null}', WANTED)).toEqual({
      id: {},
      version: {},
      created_at: null,
    });
    expect(topLevelFields('{"id":"a","id":"b"}', WANTED)).toEqual({ id: 'b' });
  });

  it('says a text that is not an object is not one', () => {
    expect(topLevelFields('42', WANTED)).toBeUndefined();
    expect(topLevelFields(' ["id"]', WANTED)).toBeUndefined();
  });

  it('agrees with JSON.parse on any object', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('id', 'version', 'created_at', 'x', 'steps'), fc.jsonValue()),
        (value) => {
          const parsed = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
          const expected: Record<string, unknown> = {};
          for (const key of WANTED) {
            if (!(key in parsed)) continue;
            const v = parsed[key];
            expected[key] = typeof v === 'object' && v !== null ? {} : v;
          }
          expect(topLevelFields(JSON.stringify(value, null, 1), WANTED)).toEqual(expected);
        },
      ),
    );
  });
});
