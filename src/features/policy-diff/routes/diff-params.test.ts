import { describe, expect, it } from 'vitest';
import { diffRoute, parseDiffRange, parseDiffView } from './diff-params';

describe('parseDiffRange', () => {
  it('reads 3...7 and 3..7', () => {
    expect(parseDiffRange('3...7')).toEqual({ ok: true, from: 3, to: 7 });
    expect(parseDiffRange('3..7')).toEqual({ ok: true, from: 3, to: 7 });
  });
  it('allows comparing a newer version with an older one', () => {
    expect(parseDiffRange('7...3')).toEqual({ ok: true, from: 7, to: 3 });
  });
  it.each(['3', '3....7', 'a...b', '-1...2', '0...2', '3...', '', '1e2...3'])('refuses %j with words', (raw) => {
    const range = parseDiffRange(raw);
    expect(range.ok).toBe(false);
  });
});

describe('parseDiffView', () => {
  it('defaults to the structural summary and explains an unknown view', () => {
    expect(parseDiffView(null)).toEqual({ view: 'summary' });
    expect(parseDiffView('split')).toEqual({ view: 'split' });
    expect(parseDiffView('fancy').view).toBe('summary');
    expect(parseDiffView('fancy').problem).toContain('fancy');
  });
  it('writes the address back, default view left out', () => {
    expect(diffRoute('a/b', 1, 2, 'summary')).toBe('/policies/a%2Fb/diff/1...2');
    expect(diffRoute('p', 1, 2, 'unified')).toBe('/policies/p/diff/1...2?view=unified');
  });
});
