// `npm run bench`: builds the console, serves it, drives Chromium, and writes bench/results.json and
// bench/results.md — each figure the median of several runs, next to its budget.
//   npm run bench                         all sections, results committed to bench/
//   npm run bench -- --only=bundle,expression [--runs=3]
//                                         some sections; written to bench/.tmp/ unless --write
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './lib/browser';
import { BenchContext, ROOT, TMP } from './lib/context';
import type { Measurement } from './lib/measurement';
import { describeOpenPages } from './lib/page-report';
import { stopAll } from './lib/processes';
import { renderConsoleTable, renderMarkdown, type BenchResults, type SectionResult } from './lib/report';
import { toResult } from './lib/stats';
import { NotAvailable } from './lib/types';
import { apply } from './measure-apply';
import { badInput } from './measure-bad-input';
import { bundle } from './measure-bundle';
import { catalog } from './measure-catalog';
import { compare } from './measure-compare';
import { diff } from './measure-diff';
import { editor } from './measure-editor';
import { engine } from './measure-engine';
import { expression } from './measure-expression';
import { trace } from './measure-trace';
import { heap } from './measure-heap';
import { lighthouse } from './measure-lighthouse';
import { polling } from './measure-polling';
import { runner } from './measure-runner';
import { usersTable } from './measure-users-table';
import { whatIf } from './measure-what-if';

/** In the report's order: first load, each view's interactions, the engines, then memory. */
const MEASUREMENTS: Measurement[] = [
  bundle,
  lighthouse,
  compare,
  usersTable,
  diff,
  editor,
  polling,
  engine,
  expression,
  trace,
  heap,
  runner,
  apply,
  catalog,
  badInput,
  whatIf,
];
const SECTION_TIMEOUT_MS = 150_000;

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!arg) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : 'true';
}

function git(args: string): string {
  try {
    return execSync(`git ${args}`, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function chromiumVersion(): string {
  const result = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
  return (result.stdout ?? '').trim() || 'Chromium (version unknown)';
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Said while the pages are still open: what they showed is why the section did not finish.
      void describeOpenPages().then((pages) =>
        reject(new NotAvailable(`${what} did not finish within ${ms / 1000} s — ${pages}`)),
      );
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runSection(ctx: BenchContext, measurement: Measurement): Promise<SectionResult> {
  const t0 = performance.now();
  console.log(`\n▶ ${measurement.title}`);
  try {
    const output = await withTimeout(
      measurement.measure(ctx),
      measurement.timeoutMs ?? SECTION_TIMEOUT_MS,
      measurement.title,
    );
    const specs = [...measurement.metrics, ...(output.metrics ?? [])];
    return {
      id: measurement.id,
      title: measurement.title,
      metrics: specs.map((spec) => toResult(spec, output.samples[spec.id])),
      ...(output.details ? { details: output.details } : {}),
      seconds: (performance.now() - t0) / 1000,
    };
  } catch (error) {
    const reason =
      error instanceof NotAvailable
        ? `not available yet: ${error.message}`
        : `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    if (!(error instanceof NotAvailable)) console.error(error);
    console.log(`  ${reason}`);
    return {
      id: measurement.id,
      title: measurement.title,
      metrics: measurement.metrics.map((spec) => toResult(spec, undefined, reason)),
      seconds: (performance.now() - t0) / 1000,
    };
  }
}

async function main(): Promise<void> {
  const only = option('only')
    ?.split(',')
    .map((s) => s.trim());
  const runs = Number(option('runs') ?? 5);
  const partial = only !== undefined;
  const write = !partial || option('write') === 'true';
  const unknown = only?.filter((id) => !MEASUREMENTS.some((m) => m.id === id)) ?? [];
  if (unknown.length > 0) {
    console.error(`Unknown section(s): ${unknown.join(', ')}. Sections: ${MEASUREMENTS.map((m) => m.id).join(', ')}`);
    process.exit(2);
  }
  if (!existsSync(CHROMIUM_PATH))
    spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], { cwd: ROOT, stdio: 'inherit' });

  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const ctx = new BenchContext({ runs });
  const sections: SectionResult[] = [];
  try {
    for (const measurement of MEASUREMENTS.filter((m) => !only || only.includes(m.id))) {
      sections.push(await runSection(ctx, measurement));
    }
  } finally {
    await ctx.close();
    stopAll();
  }

  const cpu = cpus();
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    commit: git('rev-parse --short HEAD') || 'unknown',
    dirty: git('status --porcelain') !== '',
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown CPU',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      chromium: chromiumVersion(),
      loadAverage: [loadAtStart, loadavg()[0]!],
    },
    runs,
    seconds: (performance.now() - started) / 1000,
    sections,
  };
  const dir = write ? join(ROOT, 'bench') : TMP;
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'results.md'), renderMarkdown(results));
  console.log(`\n${renderConsoleTable(results)}`);
  console.log(`\nWrote ${join(dir, 'results.md')} and results.json in ${Math.round(results.seconds)} s.`);
}

process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});

main().catch((error: unknown) => {
  stopAll();
  console.error(error);
  process.exit(1);
});
