/**
 * Zod probes `new Function("")` to decide whether it may compile fast object parsers. The strict
 * CSP (no 'unsafe-eval') refuses it; the probe's throw is caught, but the browser still reports a
 * `securitypolicyviolation` on every page. Parsing without compiling avoids the probe.
 *
 * This is `z.config({ jitless: true })` without importing zod into the first chunk: zod keeps its
 * config on `globalThis.__zod_globalConfig` and reads it when a schema is created, so this module
 * is imported first in main.tsx. `zod-jitless.test.ts` checks that zod still reads it from there.
 */
type ZodGlobal = { __zod_globalConfig?: Record<string, unknown> };

const holder = globalThis as ZodGlobal;
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
