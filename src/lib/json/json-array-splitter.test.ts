import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArraySplitter } from './json-array-splitter';

/** Feeds `text` in pieces cut at `cuts`; returns the items (parsed) and what end() gives. */
function split(text: string, cuts: number[] = [], property = 'policies') {
  const items: unknown[] = [];
  const splitter = new JsonArraySplitter(property, (item, index) => {
    expect(index).toBe(items.length);
    items.push(JSON.parse(item));
  });
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= at || cut >= text.length) continue;
    splitter.push(text.slice(at, cut));
    at = cut;
  }
  splitter.push(text.slice(at));
  return { items, rest: splitter.end() };
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
