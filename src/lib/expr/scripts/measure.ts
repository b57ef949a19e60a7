/** Measures compiled evaluation speed: `npx tsx src/lib/expr/scripts/measure.ts`. */
import { compile } from '../index';
import { EXPR_BENCH_CASES } from '../bench-cases';

const ITERATIONS = 1_000_000;

for (const benchCase of EXPR_BENCH_CASES) {
  const compiled = compile(benchCase.source);
  if (!compiled.ok) throw new Error(`${benchCase.name}: ${compiled.errors[0]?.message}`);
  const { run } = compiled;
  for (let i = 0; i < 100_000; i++) run(benchCase.env);
  const started = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < ITERATIONS; i++) if (run(benchCase.env)) sink++;
  const elapsed = Number(process.hrtime.bigint() - started);
  console.log(
    `${(elapsed / ITERATIONS).toFixed(1).padStart(8)} ns/eval  ${benchCase.name} (${benchCase.source.length} chars, sink ${sink})`,
  );
}
