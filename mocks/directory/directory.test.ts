import { describe, expect, it } from 'vitest';
import { isEmail } from '../../src/lib/guardian-rules/is-email';
import { Directory } from './directory';
import { RECORD_BITS, RECORD_FIELDS } from './iam-record-fields';

describe('the synthetic directory', () => {
  const directory = new Directory(99, 1_000_000);

  it('computes user i from (seed, i): same answer every time, any order', () => {
    expect(directory.user(999_999)).toEqual(new Directory(99, 1_000_000).user(999_999));
    expect(directory.iamRecord(123_456)).toEqual(directory.iamRecord(123_456));
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

  it('answers exactly the IAM record fields it documents; a small share lacks some', { timeout: 30_000 }, () => {
    const known = new Set<string>(RECORD_FIELDS.map((f) => f.key));
    const missing: Record<string, number> = {};
    const n = 20_000;
    const unknown = new Set<string>();
    for (let i = 0; i < n; i++) {
      const p = directory.iamRecord(i);
      for (const key of Object.keys(p)) if (!known.has(key)) unknown.add(key);
      for (const field of known) if (!(field in p)) missing[field] = (missing[field] ?? 0) + 1;
    }
    expect([...unknown]).toEqual([]);
    for (const field of ['user_id', 'email', 'name', 'full_name', 'fullName']) expect(missing[field]).toBeUndefined();
    for (const field of ['manager_email', 'manager', 'managers', 'department', 'company_name', 'country', 'risk']) {
      expect(missing[field], field).toBeGreaterThan(0);
      expect(missing[field]! / n, field).toBeLessThan(0.08);
    }
  });

  it('manager emails are other users’ emails; chains end at the top', () => {
    for (const i of [10, 500, 99_999, 999_999]) {
      const m = directory.managerOf(i);
      expect(m).toBeLessThan(i);
      const p = directory.iamRecord(i);
      if (p.manager_email) expect(p.manager_email).toBe(directory.email(m));
      if (p.manager) expect(p.manager).toEqual({ email: directory.email(m), name: directory.name(m) });
      if (p.managers) expect(p.managers[0]).toBe(directory.email(m));
    }
    expect(directory.managerOf(0)).toBe(-1);
  });

  it('builds only the fields a test reads', () => {
    const p = directory.iamRecord(4242, RECORD_BITS.manager_email | RECORD_BITS.companyName);
    expect(Object.keys(p).every((k) => k === 'manager_email' || k === 'companyName')).toBe(true);
    const full = directory.iamRecord(4242);
    expect(p.manager_email).toBe(full.manager_email);
    expect(p.companyName).toBe(full.companyName);
    expect(full.company_name).toBe(full.companyName);
  });

  it('a few users are unknown to the IAM (about 2 in 1,000)', () => {
    let unknown = 0;
    for (let i = 0; i < 20_000; i++) if (directory.unknownToIam(i)) unknown++;
    expect(unknown).toBeGreaterThan(15);
    expect(unknown).toBeLessThan(80);
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
