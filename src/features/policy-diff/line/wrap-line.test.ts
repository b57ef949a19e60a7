import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapLine, wrappedLineCount } from './wrap-line';

const texts = (text: string, columns: number) => wrapLine(text, columns).map((p) => p.text);

describe('wrapLine', () => {
  it('leaves a line that fits alone', () => {
    expect(wrapLine('  title: short', 40)).toEqual([{ text: '  title: short', indent: 0 }]);
    expect(wrapLine('anything', Infinity)).toHaveLength(1);
  });

  it('breaks at spaces, never inside a word, and hangs the rest under the text', () => {
    const line = '  description: Ask the agency contact before granting access';
    const parts = wrapLine(line, 30);
    expect(parts.map((p) => p.text)).toEqual(['  description: Ask the agency ', 'contact before ', 'granting access']);
    // Under the value, past "  description: ".
    expect(parts.map((p) => p.indent)).toEqual([0, 15, 15]);
  });

  it('aligns a YAML list item’s continuation under its text, past the dash', () => {
    const parts = wrapLine('    - $appeal.creator.manager_email == "a" || $appeal.creator.x', 30);
    expect(parts[1]!.indent).toBe(6);
  });

  it('breaks at punctuation when a run has no space, and at the edge when it has neither', () => {
    expect(texts('a:$appeal.resource.details.owner_email', 20)).toEqual(['a:$appeal.resource.', 'details.owner_email']);
    expect(texts('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('keeps every character, and no part is wider than the box', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 120 }), (text, columns) => {
        const parts = wrapLine(text, columns);
        expect(parts.map((p) => p.text).join('')).toBe(text);
        for (const part of parts) expect(part.indent + part.text.length).toBeLessThanOrEqual(Math.max(columns, 1));
        expect(wrappedLineCount(text, columns)).toBe(parts.length);
      }),
    );
  });
});
