import { describe, expect, it } from 'vitest';
import {
  addSample,
  estimateTimeLeft,
  formatDuration,
  processingRate,
  RATE_WINDOW_MS,
  type ProgressSample,
} from './estimate-time-left';

describe('estimateTimeLeft', () => {
  it('extrapolates the recent rate to the users left', () => {
    let samples: ProgressSample[] = [];
    samples = addSample(samples, { at: 0, processed: 0 });
    samples = addSample(samples, { at: 1000, processed: 500 });
    samples = addSample(samples, { at: 2000, processed: 1000 });
    expect(processingRate(samples)).toBe(500);
    expect(estimateTimeLeft(samples, 5000)).toBe(8000);
  });

  it('has no estimate before there is movement', () => {
    expect(estimateTimeLeft([], 100)).toBeUndefined();
    expect(estimateTimeLeft([{ at: 0, processed: 10 }], 100)).toBeUndefined();
    expect(
      estimateTimeLeft(
        [
          { at: 0, processed: 10 },
          { at: 5000, processed: 10 },
        ],
        100,
      ),
    ).toBeUndefined();
  });

  it('follows a slowdown: old samples leave the window', () => {
    let samples: ProgressSample[] = [];
    for (let t = 0; t <= 60_000; t += 1000) {
      samples = addSample(samples, { at: t, processed: t <= 30_000 ? t : 30_000 + (t - 30_000) / 10 });
    }
    expect(samples[0]!.at).toBeGreaterThanOrEqual(60_000 - RATE_WINDOW_MS - 1000);
    expect(processingRate(samples)).toBeCloseTo(100, 0);
  });

  it('starts over when the count goes backwards', () => {
    const samples = addSample([{ at: 0, processed: 900 }], { at: 1000, processed: 10 });
    expect(samples).toEqual([{ at: 1000, processed: 10 }]);
  });
});

describe('formatDuration', () => {
  it.each([
    [400, '<1 s'],
    [42_000, '42 s'],
    [187_000, '3 min 07 s'],
    [7_500_000, '2 h 05 min'],
    [-1, '—'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
