import { describe, expect, it } from 'vitest';
import { applyCompletion, completionCandidates, completionContext, declaredNames, nameCandidates } from './completion';
import { highlightSegments, syntaxKinds } from './highlight-segments';

describe('completion', () => {
  it('finds the $appeal path before the caret', () => {
    expect(completionContext('x == $appeal.creator.de', 23)).toEqual({
      from: 5,
      to: 23,
      prefix: '$appeal.creator.de',
      kind: 'path',
    });
    expect(completionContext('$appeal.', 8)?.prefix).toBe('$appeal.');
    expect(completionContext('"abc"', 3)).toBeNull();
    expect(completionContext('$appeal.creator.department', 10)).toBeNull();
  });

  it('offers known fields and replaces the typed prefix', () => {
    expect(completionCandidates('$appeal.resource.details.is_')).toEqual([
      '$appeal.resource.details.is_pii',
      '$appeal.resource.details.is_sensitive',
    ]);
    const context = completionContext('$appeal.creator.ti && true', 18);
    expect(context).not.toBeNull();
    if (context)
      expect(applyCompletion('$appeal.creator.ti && true', context, '$appeal.creator.title')).toEqual({
        text: '$appeal.creator.title && true',
        caret: 21,
      });
  });

  it('completes names of two letters or more, never inside strings or after a dot', () => {
    expect(completionContext('lo', 2)).toEqual({ from: 0, to: 2, prefix: 'lo', kind: 'name' });
    expect(completionContext('x && fin', 8)).toMatchObject({ from: 5, prefix: 'fin', kind: 'name' });
    expect(completionContext('l', 1)).toBeNull();
    expect(completionContext('"lo', 3)).toBeNull();
    expect(completionContext('"a" + lo', 8)?.prefix).toBe('lo');
    expect(completionContext('$appeal.creator.lo', 18)?.kind).toBe('path');
    expect(completionContext('x.lo', 4)).toBeNull();
    expect(completionContext('#ac', 3)).toBeNull();
  });

  it('offers the `let` names declared before the caret, then functions', () => {
    const text = 'let total = 1; let tax = 2; t';
    expect(declaredNames(text, text.length)).toEqual(['tax', 'total']);
    expect(declaredNames(text, 5)).toEqual([]);
    expect(nameCandidates('t', declaredNames(text, text.length), ['take', 'trim', 'type'])).toEqual([
      'tax',
      'total',
      'take',
      'trim',
      'type',
    ]);
    expect(nameCandidates('trim', [], ['trim', 'trimPrefix'])).toEqual(['trimPrefix']);
  });
});

describe('syntax tints', () => {
  const kinds = (text: string, newer = true) => {
    const all = syntaxKinds(text, newer);
    return highlightSegments(text, [], all)
      .filter((s) => s.syntax)
      .map((s) => `${s.syntax}:${s.text}`);
  };

  it('marks `let` and its names, called functions and pointers on newer targets', () => {
    expect(kinds('let d = $appeal.creator.department; d == "eng" and lower(d) in ["x"]')).toEqual([
      'keyword:let',
      'variable:d',
      'variable:d',
      'keyword:and',
      'function:lower',
      'variable:d',
      'keyword:in',
    ]);
    expect(kinds('reduce(xs, #acc + #index, 0)')).toEqual(['function:reduce', 'pointer:#acc', 'pointer:#index']);
  });

  it('leaves strings, member names and `let` alone where the target has no `let`', () => {
    expect(kinds('"let x" + $appeal.let + a.lower("not")')).toEqual([]);
    expect(kinds('let x = 1', false)).toEqual([]);
    expect(kinds('all(xs, # > 1)', false)).toEqual(['function:all', 'pointer:#']);
  });
});
