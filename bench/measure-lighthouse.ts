import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/browser';
import { BUDGETS } from './lib/budgets';
import { TMP, type BenchContext } from './lib/context';
import { profileDuring, timeTable, type TimeByPart } from './lib/profile-sources';
import { KEEP_NAMES_SHIM, benchMock, gotoApp } from './lib/scenarios';
import type { Sample } from './lib/types';
import type { Measurement } from './lib/measurement';
import { median } from './lib/stats';
import { NotAvailable } from './lib/types';

/** Lighthouse 13 needs Node 22; 12.2.3 is the newest that runs here. Run through npx, never a dependency. */
const LIGHTHOUSE = 'lighthouse@12.2.3';
const RUN_TIMEOUT_MS = 75_000;
/** No new run starts after this long in the section: a busy machine gets fewer runs, not a timeout. */
const START_NO_RUN_AFTER_MS = 150_000;

interface LighthouseReport {
  categories: { performance: { score: number | null } };
  audits: Record<
    string,
    { numericValue?: number; displayValue?: string; details?: unknown; title?: string; score?: number | null }
  >;
  runWarnings?: string[];
}

type Preset = 'desktop' | 'mobile';

function runLighthouse(url: string, outputPath: string, preset: Preset): Promise<LighthouseReport> {
  const chromeFlags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
  const args = [
    '-y',
    LIGHTHOUSE,
    url,
    // Lighthouse's default is a mid-range phone on a slow 4G link (simulated).
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    '--only-categories=performance',
    '--output=json',
    `--output-path=${outputPath}`,
    `--chrome-flags=${chromeFlags}`,
    '--quiet',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, {
      detached: true,
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    // A run that hangs (a starved machine) is ended, its whole process group with it.
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new Error(`no report within ${RUN_TIMEOUT_MS / 1000} s`));
    }, RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}: ${output.slice(-600)}`));
      try {
        resolve(JSON.parse(readFileSync(outputPath, 'utf8')) as LighthouseReport);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

interface LoadVitals {
  lcp: { ms: number; element: string } | null;
  shifts: { value: number; sources: string[] }[];
}

/** Lighthouse 12.2.3's element audits fail on Chromium 156 (“frame_sequence”): name the LCP element and shifts here. */
function readVitals(): Promise<LoadVitals> {
  const describe = (node: Node | null | undefined): string => {
    if (!node) return '(removed node)';
    if (!(node instanceof Element)) return `#text “${(node.textContent ?? '').trim().slice(0, 40)}”`;
    const id = node.id ? `#${node.id}` : '';
    const classes = node.classList.length ? `.${[...node.classList].slice(0, 3).join('.')}` : '';
    return `${node.tagName.toLowerCase()}${id}${classes} “${(node.textContent ?? '').trim().slice(0, 40)}”`;
  };
  return new Promise((resolve) => {
    const vitals: LoadVitals = { lcp: null, shifts: [] };
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1) as
        (PerformanceEntry & { element?: Element | null; renderTime?: number }) | undefined;
      if (last) vitals.lcp = { ms: last.startTime, element: describe(last.element) };
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (!entry.hadRecentInput)
          vitals.shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => describe(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(vitals), 300);
  });
}

/** One cold load under the CPU profiler (attributed to sources through the hidden maps), with its LCP and shifts. */
async function profileAppLoad(ctx: BenchContext, url: string): Promise<{ profile: TimeByPart[]; vitals: LoadVitals }> {
  const browser = await ctx.browser();
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(KEEP_NAMES_SHIM);
    const profile = await profileDuring(page, await ctx.build('production'), async () => {
      await gotoApp(page, url);
      await page.waitForFunction(() => document.body.textContent?.includes('bigquery_approval'), undefined, {
        timeout: 60_000,
        polling: 'raf',
      });
    });
    await page.waitForTimeout(1_000);
    return { profile, vitals: await page.evaluate(readVitals) };
  } finally {
    await context.close();
  }
}

/** Up to `runs` Lighthouse runs of one preset; a busy machine gets fewer, not a timeout. */
export async function lighthouseRuns(
  ctx: BenchContext,
  url: string,
  preset: Preset,
  runs: number,
  /** Names the reports in bench/.tmp when several apps are measured. */
  reportPrefix = 'lighthouse',
): Promise<{ reports: LighthouseReport[]; failures: string[] }> {
  const reports: LighthouseReport[] = [];
  const failures: string[] = [];
  const started = Date.now();
  for (let i = 0; i < runs && Date.now() - started < START_NO_RUN_AFTER_MS; i += 1) {
    const path = join(TMP, `${reportPrefix}-${preset}-${i}.json`);
    rmSync(path, { force: true });
    ctx.log(`lighthouse ${preset} run ${i + 1}/${runs} on ${url}…`);
    try {
      reports.push(await runLighthouse(url, path, preset));
    } catch (error) {
      failures.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
    }
  }
  return { reports, failures };
}

function summarise(reports: LighthouseReport[]) {
  const scores = reports.map((r) => Math.round((r.categories.performance.score ?? 0) * 100));
  const audit = (id: string) => reports.map((r) => r.audits[id]?.numericValue ?? NaN);
  // The run whose score is the median explains the figures.
  const typical = reports[scores.indexOf([...scores].sort((a, b) => a - b)[Math.floor(scores.length / 2)]!)]!;
  const diagnostics = [
    'bootup-time',
    'mainthread-work-breakdown',
    'total-byte-weight',
    'unused-javascript',
    'server-response-time',
    'uses-text-compression',
  ]
    .map((id) => typical.audits[id])
    .filter((a) => a?.displayValue)
    .map((a) => `- ${a!.title}: ${a!.displayValue}`);
  return { scores, audit, typical, diagnostics };
}

export const lighthouse: Measurement = {
  id: 'lighthouse',
  title: 'Page load (Lighthouse 12.2.3, desktop and mobile, production build + mock HTTP server)',
  timeoutMs: 480_000,
  metrics: [
    {
      id: 'lighthouse.score',
      label: 'Lighthouse performance score, desktop',
      unit: '',
      budget: BUDGETS.lighthouseScore,
    },
    {
      id: 'lighthouse.lcp',
      label: 'Largest Contentful Paint, desktop',
      unit: 's',
      budget: BUDGETS.lcpSeconds,
      digits: 2,
    },
    { id: 'lighthouse.tbt', label: 'Total Blocking Time, desktop', unit: 'ms', budget: BUDGETS.tbtMs, digits: 0 },
    { id: 'lighthouse.cls', label: 'Cumulative Layout Shift, desktop', unit: '', budget: BUDGETS.cls, digits: 3 },
    {
      id: 'lighthouse.mobileScore',
      label: 'Lighthouse performance score, mobile',
      unit: '',
      budget: BUDGETS.lighthouseMobileScore,
    },
    {
      id: 'lighthouse.mobileLcp',
      label: 'Largest Contentful Paint, mobile',
      unit: 's',
      budget: BUDGETS.mobileLcpSeconds,
      digits: 2,
    },
    { id: 'lighthouse.mobileTbt', label: 'Total Blocking Time, mobile', unit: 'ms', digits: 0 },
  ],
  async measure(ctx) {
    const { servers } = await benchMock(ctx);
    const url = `${servers.app}/policies`;
    const runs = ctx.slowRuns;
    const desktop = await lighthouseRuns(ctx, url, 'desktop', runs);
    const mobile = await lighthouseRuns(ctx, url, 'mobile', runs);
    if (desktop.reports.length === 0 && mobile.reports.length === 0) {
      throw new NotAvailable(`Lighthouse did not run: ${[...desktop.failures, ...mobile.failures].join(' · ')}`);
    }
    const load = await profileAppLoad(ctx, url);
    const samples: Record<string, Sample> = {};
    const details: string[] = [];
    for (const [preset, result] of [
      ['desktop', desktop],
      ['mobile', mobile],
    ] as const) {
      if (result.reports.length === 0) continue;
      const { scores, audit, typical, diagnostics } = summarise(result.reports);
      const prefix = preset === 'desktop' ? 'lighthouse.' : 'lighthouse.mobile';
      const id = (name: string) =>
        preset === 'desktop' ? `${prefix}${name}` : `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}`;
      samples[id('score')] = { runs: scores };
      samples[id('lcp')] = { runs: audit('largest-contentful-paint').map((ms) => ms / 1000) };
      samples[id('tbt')] = { runs: audit('total-blocking-time') };
      if (preset === 'desktop') samples[id('cls')] = { runs: audit('cumulative-layout-shift') };
      const warnings = [...new Set(result.reports.flatMap((r) => r.runWarnings ?? []))];
      details.push(
        `**${preset}** — ${result.reports.length} runs${result.failures.length ? ` (${result.failures.length} more failed: ${result.failures.join(' · ')})` : ''}; from the median run: FCP ${typical.audits['first-contentful-paint']?.displayValue ?? '?'}, Speed Index ${typical.audits['speed-index']?.displayValue ?? '?'}, median LCP ${(median(audit('largest-contentful-paint')) / 1000).toFixed(2)} s.`,
        ...diagnostics,
        ...(warnings.length ? [`Lighthouse warnings: ${warnings.join(' · ')}`] : []),
        '',
      );
    }
    return {
      samples,
      details: [
        `\`npx -y ${LIGHTHOUSE} <app>/policies [--preset=desktop]\` (simulated throttling; without a preset Lighthouse emulates a`,
        'mid-range phone on slow 4G). The production build is served by `vite preview`, which proxies (and compresses) the APIs',
        'to the mock HTTP server with its seeded catalog — the way the console runs in front of real servers.',
        '',
        ...details,
        ...timeTable(
          'Where the main thread goes while the console opens /policies (Playwright + CPU profiler, no throttling, until the table shows `bigquery_approval`)',
          load.profile,
          15,
        ),
        `In that load (no throttling): LCP ${load.vitals.lcp ? `${Math.round(load.vitals.lcp.ms)} ms on \`${load.vitals.lcp.element.replace(/`/g, "'")}\`` : 'not reported'};`,
        load.vitals.shifts.length === 0
          ? 'no layout shift.'
          : `layout shifts: ${load.vitals.shifts.map((s) => `${s.value.toFixed(4)} (${s.sources.map((x) => `\`${x.replace(/`/g, "'")}\``).join(', ') || 'no source'})`).join('; ')}.`,
      ].join('\n'),
    };
  },
};
