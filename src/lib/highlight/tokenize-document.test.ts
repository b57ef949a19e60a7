import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tokenizeDocument, type Token } from './tokenize-document';

const kinds = (tokens: Token[]) => tokens.filter((t) => t.kind).map((t) => [t.kind, t.text]);

describe('tokenizeDocument', () => {
  it('colours YAML keys, strings, numbers, booleans, nulls, comments and punctuation', () => {
    const source = 'id: my_policy # note\nsteps:\n  - name: "a b"\n    n: 12\n    ok: true\n    none: null\n';
    expect(kinds(tokenizeDocument(source))).toEqual([
      ['key', 'id'],
      ['punctuation', ':'],
      ['string', 'my_policy'],
      ['comment', '# note'],
      ['key', 'steps'],
      ['punctuation', ':'],
      ['punctuation', '-'],
      ['key', 'name'],
      ['punctuation', ':'],
      ['string', '"a b"'],
      ['key', 'n'],
      ['punctuation', ':'],
      ['number', '12'],
      ['key', 'ok'],
      ['punctuation', ':'],
      ['boolean', 'true'],
      ['key', 'none'],
      ['punctuation', ':'],
      ['null', 'null'],
    ]);
  });

  it('reads JSON as YAML’s flow style: quoted keys are keys', () => {
    expect(kinds(tokenizeDocument('{"id": "p", "n": [1.5, false]}'))).toEqual([
      ['punctuation', '{'],
      ['key', '"id"'],
      ['punctuation', ':'],
      ['string', '"p"'],
      ['punctuation', ','],
      ['key', '"n"'],
      ['punctuation', ':'],
      ['punctuation', '['],
      ['number', '1.5'],
      ['punctuation', ','],
      ['boolean', 'false'],
      ['punctuation', ']'],
      ['punctuation', '}'],
    ]);
  });

  it('keeps a block scalar as one string, markup-looking text as text', () => {
    const source = 'd: |\n  <img src=x onerror=alert(1)>\n  two\n';
    expect(kinds(tokenizeDocument(source)).at(-1)).toEqual(['string', '  <img src=x onerror=alert(1)>\n  two\n']);
  });

  it('gives back the document exactly, whatever it holds', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(value, (v) => {
        for (const source of [JSON.stringify(v, null, 2) ?? 'null', stringify(v)]) {
          expect(
            tokenizeDocument(source)
              .map((t) => t.text)
              .join(''),
          ).toBe(source);
        }
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        expect(
          tokenizeDocument(junk)
            .map((t) => t.text)
            .join(''),
        ).toBe(junk);
      }),
      { numRuns: 300 },
    );
  });
});
