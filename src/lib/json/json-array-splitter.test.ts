import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArraySplitter } from './json-array-splitter';
import { readMembers } from './top-level-fields';

/** Feeds `text` to `splitter` in pieces cut at `cuts`; returns what end() gives. */
function feed(splitter: JsonArraySplitter, text: string, cuts: number[]): unknown {
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= at || cut >= text.length) continue;
    splitter.push(text.slice(at, cut));
    at = cut;
  }
  splitter.push(text.slice(at));
  return splitter.end();
}

/** Feeds `text` in pieces cut at `cuts`; returns the items (parsed) and what end() gives. */
function split(text: string, cuts: number[] = [], property = 'policies') {
  const items: unknown[] = [];
  const splitter = new JsonArraySplitter(property, (item, index) => {
    expect(index).toBe(items.length);
    items.push(JSON.parse(item));
  });
  return { items, rest: feed(splitter, text, cuts) };
}

describe('JsonArraySplitter', () => {
  it('hands over each item of the property and parses the rest with the array empty', () => {
    const text = '{"total": 3, "policies": [{"id":"a","x":[1,{"y":"]"}]}, "s\\"tr", 2 ], "after": {"policies": [9]}}';
    expect(split(text)).toEqual({
      items: [{ id: 'a', x: [1, { y: ']' }] }, 's"tr', 2],
      rest: { total: 3, policies: [], after: { policies: [9] } },
    });
  });

  it('gives the same items wherever the pieces are cut, even inside strings, escapes and keys', () => {
    const value = {
      'p\u00f6l': 'ü "quoted" \\ back',
      policies: [{ id: 'a,b', steps: [{ name: '}]' }] }, { id: 'c\\"' }, [], {}, null, 'x'],
      total: 5,
    };
    const text = JSON.stringify(value, null, 1);
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 12 }), (cuts) => {
        const { items, rest } = split(text, cuts);
        expect(items).toEqual(value.policies);
        expect(rest).toEqual({ ...value, policies: [] });
      }),
    );
  });

  it('finds a key written with escapes', () => {
    expect(split('{"polic\\u0069es":[1,2]}').items).toEqual([1, 2]);
  });

  it('keeps a body that is not an object whole, for JSON.parse to judge', () => {
    expect(split('[{"policies":[1]}]')).toEqual({ items: [], rest: [{ policies: [1] }] });
    expect(split('"policies"')).toEqual({ items: [], rest: 'policies' });
    expect(split('{"other":[1]}')).toEqual({ items: [], rest: { other: [1] } });
  });

  it('fails as JSON.parse would on a body that is cut short or not JSON', () => {
    expect(() => split('{"policies":[{"id":"a"},{"id":')).toThrow(SyntaxError);
    expect(() => split('{"policies":[1,2]')).toThrow(SyntaxError);
    expect(() => split('<html>nope</html>')).toThrow(SyntaxError);
    expect(() => split('{"policies":[1,]}')).toThrow(SyntaxError);
    expect(() => split('{"policies":[,1]}')).toThrow(SyntaxError);
    expect(split('{"policies":[ ]}').items).toEqual([]);
  });

  it('matches JSON.parse on arbitrary JSON objects with the array anywhere', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        fc.array(fc.nat(400), { maxLength: 8 }),
        (others, policies, cuts) => {
          const value = { ...others, policies };
          const text = JSON.stringify(value);
          const { items, rest } = split(text, cuts);
          const parsed = JSON.parse(text) as Record<string, unknown>;
          expect(items).toEqual(parsed.policies);
          expect(rest).toEqual({ ...parsed, policies: [] });
        },
      ),
    );
  });
});

const WANTED = new Set(['id', 'version', 'created_at']);

/** The fields JsonArraySplitter reads of each item of `{"policies":[…items]}`, fed in pieces cut at `cuts`. */
function fieldsOf(items: string[], cuts: number[] = []): (Record<string, unknown> | undefined)[] {
  const text = `{"total":1, "policies" : [ ${items.join(' ,\n')} ]}`;
  const read: (Record<string, unknown> | undefined)[] = [];
  feed(new JsonArraySplitter('policies', (_text, _index, fields) => read.push(fields), WANTED), text, cuts);
  return read;
}

/** What the fields should be: the item parsed whole, an object or array value read as {}. */
function expectedFields(value: Record<string, unknown>): Record<string, unknown> {
  const parsed = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const expected: Record<string, unknown> = {};
  for (const key of WANTED) {
    if (!(key in parsed)) continue;
    const v = parsed[key];
    expected[key] = typeof v === 'object' && v !== null ? {} : v;
  }
  return expected;
}

describe('the top-level fields of a list’s items, read in the splitter’s one pass', () => {
  it('reads the wanted top-level fields, whatever comes between and however it is spaced', () => {
    const item =
      '{ "steps" : [{"id":"inner","version":9}], "id" : "p\\"1" , "title":"a,b}", "version":3,' +
      ' "created_at":"2026-01-01T00:00:00Z", "labels":{"id":"x"} }';
    expect(fieldsOf([item, '{"id":"q"}'])).toEqual([
      { id: 'p"1', version: 3, created_at: '2026-01-01T00:00:00Z' },
      { id: 'q' },
    ]);
  });

  it('reads a nested value as {} (a schema refuses it like the real one), a repeated key as the last', () => {
    expect(fieldsOf(['{"id":{"a":1},"version":[1],"created_at":null}', '{"id":"a","id":"b"}', '{}'])).toEqual([
      { id: {}, version: {}, created_at: null },
      { id: 'b' },
      {},
    ]);
  });

  it('reads a key written with escapes', () => {
    expect(fieldsOf(['{"i\\u0064":"a","\\"version":2}'])).toEqual([{ id: 'a' }]);
  });

  it('says an item that is not an object is not one', () => {
    expect(fieldsOf(['42', '["id"]', '"id"', 'null'])).toEqual([undefined, undefined, undefined, undefined]);
    expect(readMembers(' [1]', [], WANTED)).toBeUndefined();
  });

  it('fails as JSON.parse would on a wanted value that is not JSON', () => {
    expect(() => fieldsOf(['{"id":tru}'])).toThrow(SyntaxError);
  });

  it('agrees with JSON.parse on any objects, wherever the pieces are cut', () => {
    const item = fc.dictionary(fc.constantFrom('id', 'version', 'created_at', 'x', 'steps'), fc.jsonValue());
    fc.assert(
      fc.property(fc.array(item, { maxLength: 4 }), fc.array(fc.nat(600), { maxLength: 10 }), (values, cuts) => {
        expect(
          fieldsOf(
            values.map((value) => JSON.stringify(value, null, 1)),
            cuts,
          ),
        ).toEqual(values.map(expectedFields));
      }),
    );
  });
});
