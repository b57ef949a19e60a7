import { describe, expect, it } from 'vitest';
import { readUsersPage } from './get-policy-test-users';

describe('readUsersPage', () => {
  it('reads each row on its own: a bad row is named, the others kept', () => {
    const page = readUsersPage([
      { id: 'u1', email: 'a@example.com', name: 'A', status: 'approved' },
      { id: 'u2', email: null, name: null, status: 'blocked' },
      { id: 'u3', email: 'c@example.com', name: 'C', status: 'maybe' },
      'not a row',
      { id: 'u5', email: 'e@example.com', name: 'E', status: 'error' },
    ]);
    expect(page.users.map((user) => [user.id, user.email, user.status])).toEqual([
      ['u1', 'a@example.com', 'approved'],
      ['u2', '', 'blocked'],
      ['u5', 'e@example.com', 'error'],
    ]);
    expect(page.unreadable).toEqual([
      { position: 3, id: 'u3', problems: [expect.stringMatching(/^status: /)] },
      { position: 4, id: undefined, problems: [expect.any(String)] },
    ]);
  });
});
