import { describe, expect, it } from 'vitest';
import { applyTargetRules, readTargets, serverKey, type TargetSettings } from './expr-target-per-server';

const start: TargetSettings = { guardianUrl: '', exprTarget: 'guardian-1.12', exprTargets: {} };

describe('the expression target, per Guardian URL', () => {
  it('remembers the target chosen for each server and brings it back with the URL', () => {
    let s = applyTargetRules(start, { guardianUrl: 'https://goto.example.com' });
    expect(s.exprTarget).toBe('guardian-1.12'); // a new server starts from the default
    s = applyTargetRules(s, { exprTarget: 'guardian-1.15' });
    s = applyTargetRules(s, { guardianUrl: 'https://raystack.example.com/' });
    expect(s.exprTarget).toBe('guardian-1.12');
    s = applyTargetRules(s, { guardianUrl: 'https://GOTO.example.com/' });
    expect(s.exprTarget).toBe('guardian-1.15');
    expect(s.exprTargets).toEqual({ 'https://goto.example.com': 'guardian-1.15' });
  });

  it('keeps the target when the URL is only respelled, and when other settings change', () => {
    const s = applyTargetRules({ ...start, exprTarget: 'expr-latest' }, { guardianUrl: '  ' });
    expect(s.exprTarget).toBe('expr-latest');
    expect(applyTargetRules(s, { exprTargets: {} }).exprTarget).toBe('expr-latest');
  });

  it('reads one spelling per server and drops stored entries that are not targets', () => {
    expect(serverKey('https://Guardian.example.com:8443/base/')).toBe('https://guardian.example.com:8443/base');
    expect(serverKey('')).toBe('');
    expect(readTargets({ a: 'guardian-1.15', b: 'expr-9', c: 3 })).toEqual({ a: 'guardian-1.15' });
    expect(readTargets(['guardian-1.15'])).toEqual({});
  });
});
