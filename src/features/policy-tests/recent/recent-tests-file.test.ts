// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRecentTestsFile, importSentence, recentTestsFileText } from './recent-tests-file';
import { listRecentTests, rememberTest, resetRecentTestsCache, RECENT_TESTS_KEY } from './recent-tests-store';

const entry = (id: string, at: string, extra: Record<string, unknown> = {}) => ({
  id,
  policies: ['p:1'],
  firstSeenAt: at,
  startedAt: at,
  ...extra,
});

describe('the recent-tests list as a file', () => {
  beforeEach(() => {
    localStorage.removeItem(RECENT_TESTS_KEY);
    resetRecentTestsCache();
  });
  afterEach(() => localStorage.removeItem(RECENT_TESTS_KEY));

  it('exports the list and reads it back in another browser, newest first', () => {
    rememberTest({ id: 'a', policies: ['p:1'], startedAt: '2026-05-01T10:00:00.000Z' });
    const file = recentTestsFileText();
    localStorage.removeItem(RECENT_TESTS_KEY);
    resetRecentTestsCache();
    rememberTest({ id: 'b', policies: ['p:2'], startedAt: '2026-05-02T10:00:00.000Z' });
    expect(importRecentTestsFile(file)).toEqual({ added: 1, known: 0, skipped: 0 });
    expect(listRecentTests().map((t) => t.id)).toEqual(['b', 'a']);
  });

  it('keeps what this browser knows of a test it already lists, and skips entries that do not read', () => {
    rememberTest({ id: 'a', policies: ['p:1'], startedAt: '2026-05-01T10:00:00.000Z' });
    const text = JSON.stringify([
      entry('a', '2026-05-01T10:00:00.000Z', { policies: ['changed:9'], totalUsers: 5000 }),
      entry('c', '2026-05-03T10:00:00.000Z'),
      { id: 42 },
      'junk',
    ]);
    const outcome = importRecentTestsFile(text);
    expect(outcome).toEqual({ added: 1, known: 1, skipped: 2 });
    expect(importSentence(outcome)).toBe('Imported 1 test (1 already listed; 2 unreadable entries skipped).');
    const a = listRecentTests().find((t) => t.id === 'a')!;
    expect(a.policies).toEqual(['p:1']);
    expect(a.totalUsers).toBe(5000);
  });

  it('says what is wrong with a file that is not a list', () => {
    expect(() => importRecentTestsFile('not json')).toThrow(/not JSON/);
    expect(() => importRecentTestsFile('{"policies": []}')).toThrow(/no list of tests/);
  });
});
