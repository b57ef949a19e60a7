import { describe, expect, it } from 'vitest';
import { capDepth, exceedsDepth, findTooDeep, omitTooDeep, rawJsonText, TOO_DEEP_PREFIX } from './json-depth';

/** `{"a":{"a":…"bottom"…}}` n levels deep, read the way a response is (JSON.parse does not recurse). */
const deep = (n: number) => JSON.parse(`${'{"a":'.repeat(n)}"bottom"${'}'.repeat(n)}`) as unknown;

describe('json depth', () => {
  it('leaves a value within the limit as it is (the same object)', () => {
    const value = { id: 'p', steps: [{ name: 's', extra: deep(10) }] };
    expect(exceedsDepth(value)).toBe(false);
    expect(capDepth(value)).toEqual({ value, capped: [] });
    expect(capDepth(value).value).toBe(value);
  });

  it('replaces a part nested 5,000 levels deep by its raw text, without recursion', () => {
    const value = { id: 'p', x: deep(5000), y: [1, { z: deep(3) }] };
    const { value: capped, capped: where } = capDepth(value, 64);
    expect(where).toEqual([['x', ...Array<string>(63).fill('a')]]);
    let node: unknown = capped.x;
    for (let i = 0; i < 63; i++) node = (node as { a: unknown }).a;
    expect((node as string).startsWith(`${TOO_DEEP_PREFIX}{"a":{"a":`)).toBe(true);
    expect((node as string).endsWith('…')).toBe(true);
    expect(capped.y).toEqual(value.y);
    expect(() => JSON.stringify(capped)).not.toThrow();
    expect(findTooDeep(capped)).toEqual(where);
  });

  it('writes raw JSON text like JSON.stringify, stopping at the limit', () => {
    const value = { a: [1, 'two', null, { b: true }], c: {} };
    expect(rawJsonText(value)).toBe(JSON.stringify(value));
    expect(rawJsonText(deep(10_000), 20)).toBe('{"a":{"a":{"a":{"a":…');
  });

  it('leaves what stood for a too-deep part out of what a write sends', () => {
    const { value } = capDepth({ id: 'p', x: deep(200), list: [deep(200), 'kept'] }, 2);
    expect(omitTooDeep(value)).toEqual({ id: 'p', x: {}, list: ['kept'] });
  });
});
