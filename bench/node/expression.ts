// ns per evaluation of compiled expressions (src/lib/expr), in Node, on bench/cases/expression-cases.ts.
// The figure with a budget is the case closest to 100 characters.
import { isDeepStrictEqual } from 'node:util';
import { EXPR_BENCH_CASES as cases } from '../cases/expression-cases';
import { reportResult } from '../lib/node-task';
import * as expr from '../../src/lib/expr';

const SAMPLES = Number(process.argv[2] ?? 5);
const TARGET_SAMPLE_MS = 150;

let sink: unknown;
const results = cases.map((benchCase) => {
  const compiled = expr.compile(benchCase.source);
  if (!compiled.ok) throw new Error(`${benchCase.name} does not compile: ${JSON.stringify(compiled.errors)}`);
  const value = compiled.run(benchCase.env);
  if (!isDeepStrictEqual(value, benchCase.expected)) {
    throw new Error(`${benchCase.name} gives ${JSON.stringify(value)}, expected ${JSON.stringify(benchCase.expected)}`);
  }
  // Size the loop so one sample takes ~150 ms, after the JIT has seen the code.
  let iterations = 1000;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i += 1) sink = compiled.run(benchCase.env);
    if (performance.now() - t0 > 20) break;
    iterations *= 4;
  }
  iterations = Math.ceil((iterations * TARGET_SAMPLE_MS) / 20);
  // Wall clock and this process's CPU time: on a busy shared machine the wall clock also counts waiting.
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let s = 0; s < SAMPLES; s += 1) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i += 1) sink = compiled.run(benchCase.env);
    samples.push(Number(process.hrtime.bigint() - t0) / iterations);
    const cpu = process.cpuUsage(cpu0);
    cpuSamples.push(((cpu.user + cpu.system) * 1000) / iterations);
  }
  return { name: benchCase.name, length: benchCase.source.length, samples, cpuSamples };
});
if (sink === Symbol.for('never')) console.log('');

reportResult({ cases: results });
