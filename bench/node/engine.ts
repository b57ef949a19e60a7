// CPU time and memory held by the mock engine to evaluate a 1,000,000-user test of an example
// policy (bench/lib/engine-probe.ts), in a process of its own.
import { measureEngine, WIDE_POLICY } from '../lib/engine-probe';
import { reportResult } from '../lib/node-task';

const users = Number(process.argv[2] ?? 1_000_000);
const which = process.argv[3] ?? 'example';
const rssBefore = process.memoryUsage().rss;
const result = measureEngine(which === 'wide' ? { users, policy: WIDE_POLICY } : { users });
reportResult({
  ...result,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1000),
  startRssMB: Math.round(rssBefore / 1e6),
});
