// Structural diff of two 1,000-step versions, in Node: the pure function the diff view runs.
import { structuralDiffCase } from '../cases/structural-diff-case';
import { reportResult } from '../lib/node-task';
import { diffPolicies } from '../../src/features/policy-diff/structural/diff-policies';

const STEPS = 1000;
const WARMUP = 5;
const SAMPLES = Number(process.argv[2] ?? 15);

// What the view diffs: two versions as the API layer hands them over (parsed, camelCase).
const { before, after } = structuralDiffCase(STEPS);
const source = 'bench/cases/structural-diff-case.ts';

// A reviewer opens a diff once, on a cold JIT: that first call is reported beside the warm median.
const t0 = performance.now();
diffPolicies(before, after);
const cold = performance.now() - t0;
for (let i = 0; i < WARMUP; i += 1) diffPolicies(before, after);
// Each sample times a few calls both ways: wall clock, and this process's CPU time — on a shared,
// busy machine the wall clock also counts the time spent waiting for a core.
const CALLS_PER_SAMPLE = 5;
const samples: number[] = [];
const cpuSamples: number[] = [];
let changes = 0;
for (let i = 0; i < SAMPLES; i += 1) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let k = 0; k < CALLS_PER_SAMPLE; k += 1) changes = diffPolicies(before, after).changes.length;
  samples.push((performance.now() - t0) / CALLS_PER_SAMPLE);
  const cpu = process.cpuUsage(cpu0);
  cpuSamples.push((cpu.user + cpu.system) / 1000 / CALLS_PER_SAMPLE);
}
reportResult({ samples, cpuSamples, cold, changes, steps: STEPS, source });
