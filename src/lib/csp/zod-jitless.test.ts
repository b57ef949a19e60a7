import { describe, expect, it } from 'vitest';
import './zod-jitless';
import { z } from 'zod';
import { util } from 'zod/v4/core';

describe('zod without eval', () => {
  it('is configured jitless through the global zod reads', () => {
    expect(z.config()).toMatchObject({ jitless: true });
  });

  it('never probes new Function, so a strict CSP has nothing to report', () => {
    const original = globalThis.Function;
    let probed = false;
    globalThis.Function = new Proxy(original, {
      construct(target, args) {
        probed = true;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      expect(util.allowsEval.value).toBe(false);
      expect(z.object({ a: z.string() }).parse({ a: 'x' })).toEqual({ a: 'x' });
    } finally {
      globalThis.Function = original;
    }
    expect(probed).toBe(false);
  });
});
