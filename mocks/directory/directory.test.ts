import { describe, expect, it } from 'vitest';
import { CREATOR_FIELDS } from '../../src/lib/appeal/appeal-fields';
import { isEmail } from '../../src/lib/guardian-rules/is-email';
import { Directory } from './directory';
import { FIELD_BITS } from './profile-fields';

describe('the synthetic directory', () => {
  const directory = new Directory(99, 1_000_000);

  it('computes user i from (seed, i): same answer every time, any order', () => {
    expect(directory.user(999_999)).toEqual(new Directory(99, 1_000_000).user(999_999));
    expect(directory.profile(123_456)).toEqual(directory.profile(123_456));
    expect(new Directory(100, 10).user(5)).not.toEqual(new Directory(99, 10).user(5));
  });

  it('gives UUID-shaped ids, unique emails and names', { timeout: 30_000 }, () => {
    const ids = new Set<string>();
    const emails = new Set<string>();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const bad: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const u = directory.user(i);
      if (!uuid.test(u.id) || !isEmail(u.email)) bad.push(`${u.id} ${u.email}`);
      ids.add(u.id);
      emails.add(u.email);
    }
    expect(bad).toEqual([]);
    expect(ids.size).toBe(20_000);
    expect(emails.size).toBe(20_000);
  });

  it('generates exactly the creator fields the console knows; a small share lacks some', { timeout: 30_000 }, () => {
    const known = new Set(CREATOR_FIELDS.map((f) => f.path));
    const missing: Record<string, number> = {};
    const n = 20_000;
    const unknown = new Set<string>();
    for (let i = 0; i < n; i++) {
      const p = directory.profile(i);
      for (const key of Object.keys(p)) if (!known.has(key as never)) unknown.add(key);
      for (const field of known) if (!(field in p)) missing[field] = (missing[field] ?? 0) + 1;
    }
    expect([...unknown]).toEqual([]);
    expect(missing.email).toBeUndefined();
    expect(missing.name).toBeUndefined();
    for (const field of ['userManager', 'manager_email', 'managers', 'department', 'company', 'country', 'risk']) {
      expect(missing[field], field).toBeGreaterThan(0);
      expect(missing[field]! / n, field).toBeLessThan(0.08);
    }
  });

  it('manager emails are other users’ emails; chains end at the top', () => {
    for (const i of [10, 500, 99_999, 999_999]) {
      const m = directory.managerOf(i);
      expect(m).toBeLessThan(i);
      const p = directory.profile(i);
      if (p.manager_email) expect(p.manager_email).toBe(directory.email(m));
      if (p.managers) expect(p.managers[0]).toBe(directory.email(m));
    }
    expect(directory.managerOf(0)).toBe(-1);
  });

  it('builds only the fields a test reads', () => {
    const p = directory.profile(4242, FIELD_BITS.userManager | FIELD_BITS.company);
    expect(Object.keys(p).every((k) => k === 'userManager' || k === 'company')).toBe(true);
    const full = directory.profile(4242);
    if (full.userManager) expect(p.userManager).toBe(full.userManager);
  });

  it('a very few display names are hostile text (markup, RTL override), unless turned off', { timeout: 30_000 }, () => {
    let hostile = 0;
    for (let i = 0; i < 50_000; i++) if (/[<\u202E=]/.test(directory.name(i))) hostile++;
    expect(hostile).toBeGreaterThan(5);
    expect(hostile).toBeLessThan(200);
    const tame = new Directory(99, 50_000, false);
    let tameHostile = 0;
    for (let i = 0; i < 50_000; i++) if (/[<\u202E=]/.test(tame.name(i))) tameHostile++;
    expect(tameHostile).toBe(0);
  });
});
