import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog';
import { normalizeWirePolicy } from './wire-form';

const options = { seed: 42, policyCount: 40, maxVersions: 12, versionsPerPolicy: 0, includeForkExamples: true };

describe('the seeded catalog', () => {
  it('holds the five examples, three fork policies and the generated ones, 1–12 versions each', () => {
    const catalog = new Catalog(options);
    const ids = catalog.ids();
    expect(ids).toEqual(
      expect.arrayContaining([
        'bigquery_approval',
        'my-first-policy',
        'my_policy',
        'my-second-policy',
        'id',
        'policy-1',
        'test-policy',
        'test-id',
      ]),
    );
    expect(ids).toHaveLength(48);
    const counts = ids.map((id) => catalog.latestVersion(id));
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(12);
    expect(counts.filter((n) => n > 3).length).toBeGreaterThan(3);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9_-]+$/);
  });

  it('is the same for the same seed, and different for another', { timeout: 30_000 }, () => {
    expect(new Catalog(options).listBody()).toBe(new Catalog(options).listBody());
    expect(new Catalog({ ...options, seed: 43 }).ids()).not.toEqual(new Catalog(options).ids());
  });

  it(
    'stores exactly the wire form Guardian answers with (a schema round trip changes nothing)',
    { timeout: 30_000 },
    () => {
      const catalog = new Catalog({ ...options, includeForkExamples: false });
      for (const p of catalog.list()) expect(normalizeWirePolicy(p)).toEqual(p);
    },
  );

  it('consecutive versions differ, and every version is dated after the one before', { timeout: 30_000 }, () => {
    const catalog = new Catalog(options);
    for (const id of catalog.ids()) {
      for (let v = 2; v <= catalog.latestVersion(id); v++) {
        const prev = catalog.get(id, v - 1)!;
        const next = catalog.get(id, v)!;
        const { version: _a, created_at: ca, updated_at: _c, created_by: _e, ...restPrev } = prev;
        const { version: _b, created_at: cb, updated_at: _d, created_by: _f, ...restNext } = next;
        expect(restNext, `${id} v${v}`).not.toEqual(restPrev);
        expect(Date.parse(cb as string)).toBeGreaterThan(Date.parse(ca as string));
      }
    }
  });

  it('generated policies read the creator and resource fields, and carry secrets to mask', () => {
    const text = new Catalog(options).listBody();
    for (const field of [
      'userManager',
      'manager_email',
      'managers',
      'company',
      'department',
      'country',
      'employment_type',
      'risk',
    ]) {
      expect(text).toContain(`$appeal.creator.${field}`);
    }
    for (const field of ['owner', 'is_pii', 'is_sensitive', 'supervisor'])
      expect(text).toContain(`$appeal.resource.details.${field}`);
    for (const secret of ['"password"', '"token"', '"value":"ak_live_', '"credentials_json"'])
      expect(text).toContain(secret);
    expect(text).toContain('"allow_failed":true');
    expect(text).toContain('"when"');
  });

  it('generates 10,000 policies lazily: one version without building the rest', () => {
    const started = performance.now();
    const big = new Catalog({ ...options, policyCount: 10_000, versionsPerPolicy: 5 });
    const last = big.ids().at(-1)!;
    expect(big.get(last, 0)).toMatchObject({ version: 5 });
    // Building all 50,000 versions takes many seconds; one policy takes milliseconds (generous for busy machines).
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('appends written versions after the generated ones', () => {
    const catalog = new Catalog(options);
    const latest = catalog.latestVersion('my_policy');
    catalog.append({ id: 'my_policy', version: latest + 1, steps: [] });
    expect(catalog.get('my_policy', 0)).toMatchObject({ version: latest + 1 });
    expect(catalog.get('my_policy', latest)!.version).toBe(latest);
    expect(catalog.list().filter((p) => p.id === 'my_policy')).toHaveLength(latest + 1);
  });

  it(
    'answers exactly the same list when its versions were computed elsewhere (the demo worker), writes included',
    { timeout: 30_000 },
    async () => {
      const computedHere = new Catalog(options);
      const warmed = new Catalog(options);
      // What the worker sends back: a structured clone of another catalog's entries.
      warmed.warmUp(Promise.resolve(structuredClone(new Catalog(options).baseEntries())));
      await warmed.ready();
      expect(warmed.listBody()).toBe(computedHere.listBody());
      const written = { id: 'my_policy', version: computedHere.latestVersion('my_policy') + 1, steps: [] };
      computedHere.append(written);
      warmed.append(structuredClone(written));
      expect(warmed.listBody()).toBe(computedHere.listBody());
      expect(warmed.get('bigquery_approval', 2)).toEqual(computedHere.get('bigquery_approval', 2));
    },
  );

  it('computes its versions itself when the warm-up fails', { timeout: 30_000 }, async () => {
    const warmed = new Catalog(options);
    warmed.warmUp(Promise.reject(new Error('worker failed')));
    await expect(warmed.ready()).resolves.toBeUndefined();
    const nothing = new Catalog(options);
    nothing.warmUp(Promise.resolve(undefined));
    await nothing.ready();
    const expected = new Catalog(options).listBody();
    expect(warmed.listBody()).toBe(expected);
    expect(nothing.listBody()).toBe(expected);
  });
});
