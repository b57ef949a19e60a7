import { describe, expect, it } from 'vitest';
import { describeDuration, explainDurationError, parseGoDuration } from './parse-go-duration';

// Expected values are Go's own (time/time_test.go parseDurationTests and errors).
const valid: [string, bigint][] = [
  ['0', 0n],
  ['5s', 5_000_000_000n],
  ['30s', 30_000_000_000n],
  ['1478s', 1478_000_000_000n],
  ['-5s', -5_000_000_000n],
  ['+5s', 5_000_000_000n],
  ['-0', 0n],
  ['+0', 0n],
  ['5.0s', 5_000_000_000n],
  ['5.6s', 5_600_000_000n],
  ['5.s', 5_000_000_000n],
  ['.5s', 500_000_000n],
  ['1.0s', 1_000_000_000n],
  ['1.00s', 1_000_000_000n],
  ['1.004s', 1_004_000_000n],
  ['1.0040s', 1_004_000_000n],
  ['100.00100s', 100_001_000_000n],
  ['10ns', 10n],
  ['11us', 11_000n],
  ['12µs', 12_000n],
  ['12μs', 12_000n],
  ['13ms', 13_000_000n],
  ['14s', 14_000_000_000n],
  ['15m', 900_000_000_000n],
  ['16h', 57_600_000_000_000n],
  ['3h30m', 12_600_000_000_000n],
  ['10.5s4m', 250_500_000_000n],
  ['-2m3.4s', -123_400_000_000n],
  ['1h2m3s4ms5us6ns', 3_723_004_005_006n],
  ['39h9m14.425s', 140_954_425_000_000n],
  ['52763797000ns', 52_763_797_000n],
  ['0.3333333333333333333h', 1_200_000_000_000n],
  ['9007199254740993ns', 9_007_199_254_740_993n],
  ['9223372036854775807ns', 9_223_372_036_854_775_807n],
  ['9223372036854775.807us', 9_223_372_036_854_775_807n],
  ['-9223372036854775808ns', -9_223_372_036_854_775_808n],
  ['0h', 0n],
  ['24h', 86_400_000_000_000n],
  ['1.5h', 5_400_000_000_000n],
  ['300ms', 300_000_000n],
  ['0.100000000000000000000h', 360_000_000_000n],
];

const invalid = [
  '',
  '3',
  '-',
  's',
  '.',
  '-.',
  '.s',
  '+.s',
  '1d',
  '1w',
  '3000000h',
  '9223372036854775808ns',
  '-9223372036854775809ns',
  '1h30',
  '24 h',
  ' 24h',
  'h1',
  '1.2.3h',
  '24H',
];

describe('parseGoDuration', () => {
  it.each(valid)('%s parses to %s ns', (input, ns) => {
    expect(parseGoDuration(input)).toEqual({ ok: true, nanoseconds: ns });
  });

  it.each(invalid)('%j is rejected', (input) => {
    expect(parseGoDuration(input).ok).toBe(false);
  });

  it('words its errors as Go does', () => {
    expect(parseGoDuration('1d')).toEqual({ ok: false, message: 'time: unknown unit "d" in duration "1d"' });
    expect(parseGoDuration('3')).toEqual({ ok: false, message: 'time: missing unit in duration "3"' });
    expect(parseGoDuration('')).toEqual({ ok: false, message: 'time: invalid duration ""' });
  });
});

describe('explainDurationError', () => {
  it('says how to fix common mistakes', () => {
    expect(explainDurationError('1d')).toBe('Go durations have no days: write 24h instead of "1d".');
    expect(explainDurationError('7d')).toContain('168h');
    expect(explainDurationError('1h30')).toContain('needs a unit');
    expect(explainDurationError(' 24h')).toContain('spaces');
    expect(explainDurationError('')).toContain('Enter a duration');
    expect(explainDurationError('24h')).toBeUndefined();
  });
});

describe('describeDuration', () => {
  it('reads durations the way the appeal form shows them', () => {
    expect(describeDuration(0n)).toBe('permanent');
    expect(describeDuration(86_400_000_000_000n)).toBe('1 day');
    expect(describeDuration(3n * 86_400_000_000_000n)).toBe('3 days');
    expect(describeDuration(5_400_000_000_000n)).toBe('1.5 hours');
    expect(describeDuration(300_000_000n)).toBe('0.3 seconds');
  });
});
