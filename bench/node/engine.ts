// CPU time and memory held by the mock engine to evaluate a 1,000,000-user test of an example
// policy, with the mock engineer's own probe (mocks/engine/bench.ts), in a process of its own.
import { join } from 'node:path';
import { ROOT } from '../lib/context';
import { importOrUnavailable, reportResult } from '../lib/node-task';

interface EngineModule {
  measureEngine(options: { users: number; policy?: unknown }): {
    users: number;
    policy: string;
    cpuMs: number;
    wallMs: number;
    heldMB: number;
    summary: unknown;
  };
  WIDE_POLICY?: unknown;
}

const users = Number(process.argv[2] ?? 1_000_000);
const which = process.argv[3] ?? 'example';
const engine = await importOrUnavailable<EngineModule>(join(ROOT, 'mocks/engine/bench.ts'), 'the mock engine probe');
const rssBefore = process.memoryUsage().rss;
const result = engine.measureEngine(
  which === 'wide' && engine.WIDE_POLICY ? { users, policy: engine.WIDE_POLICY } : { users },
);
reportResult({
  ...result,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1000),
  startRssMB: Math.round(rssBefore / 1e6),
});
