import { describe, expect, it } from 'vitest';
import type { RecentTest } from '../recent/recent-tests-store';
import { elapsedText } from './test-progress-card';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s)).toISOString();
const base: RecentTest = { id: 't', policies: [], firstSeenAt: at(0) };

describe('elapsedText', () => {
  it('counts from the launch while running', () => {
    expect(elapsedText({ ...base, startedAt: at(0) }, false, Date.parse(at(42)))).toBe('42 s');
  });

  it('says "at least" for a test opened by link', () => {
    expect(elapsedText(base, false, Date.parse(at(5)))).toBe('at least 5 s');
  });

  it('gives the run time when it watched the finish, an upper bound when it only saw the end', () => {
    expect(elapsedText({ ...base, startedAt: at(0), finishedAt: at(30), finishSeen: true }, true, 0)).toBe('30 s');
    expect(elapsedText({ ...base, startedAt: at(0), finishedAt: at(30), finishSeen: false }, true, 0)).toBe(
      'at most 30 s',
    );
  });

  it('does not guess for a finished test it never saw running', () => {
    expect(elapsedText({ ...base, finishedAt: at(0), finishSeen: false }, true, 0)).toBe('—');
  });
});
