import { BUDGETS } from './lib/budgets';
import { repeat, type Measurement } from './lib/measurement';
import { runNodeTask } from './lib/node-task';
import { MILLION } from './lib/scenarios';

interface EngineResult {
  users: number;
  policy: string;
  cpuMs: number;
  wallMs: number;
  heldMB: number;
  peakRssMB: number;
  startRssMB: number;
  summary: { status: string; processed: number; approved: number; blocked: number; errored: number };
}

export const engine: Measurement = {
  id: 'engine',
  title: 'Mock engine (1,000,000-user test of an example policy, Node)',
  metrics: [
    {
      id: 'engine.cpu',
      label: 'Engine CPU time, 1,000,000 users',
      unit: 's',
      budget: BUDGETS.engineCpuSeconds,
      digits: 2,
    },
    {
      id: 'engine.held',
      label: 'Engine memory held, 1,000,000 users',
      unit: 'MB',
      budget: BUDGETS.engineMemoryMb,
      digits: 1,
    },
    { id: 'engine.wall', label: 'Engine wall time, 1,000,000 users', unit: 's', digits: 2 },
    { id: 'engine.peakRss', label: 'Engine process peak RSS (incl. Node + tsx)', unit: 'MB', digits: 0 },
  ],
  async measure(ctx) {
    const runs = await repeat(ctx.slowRuns, async (i) => {
      ctx.log(`engine run ${i + 1}…`);
      return runNodeTask<EngineResult>('engine', [String(MILLION)]);
    });
    const first = runs[0]!;
    const s = first.summary;
    return {
      samples: {
        'engine.cpu': { runs: runs.map((r) => r.cpuMs / 1000), note: `policy ${first.policy}` },
        'engine.held': {
          runs: runs.map((r) => r.heldMB),
          note: 'heap + ArrayBuffers after GC, results still referenced',
        },
        'engine.wall': { runs: runs.map((r) => r.wallMs / 1000) },
        'engine.peakRss': { runs: runs.map((r) => r.peakRssMB), note: `the process starts at ~${first.startRssMB} MB` },
      },
      details: [
        '`measureEngine({ users: 1_000_000 })` from `bench/lib/engine-probe.ts` (`process.cpuUsage` around a whole test',
        'run, heap + ArrayBuffers held after a forced GC), each run in a fresh `node --expose-gc` process.',
        `Outcome: ${s.status}, ${s.processed.toLocaleString('en')} processed — ${s.approved.toLocaleString('en')} approved,`,
        `${s.blocked.toLocaleString('en')} blocked, ${s.errored.toLocaleString('en')} errored.`,
      ].join('\n'),
    };
  },
};
