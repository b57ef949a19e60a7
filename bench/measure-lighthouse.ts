import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/browser';
import { BUDGETS } from './lib/budgets';
import { TMP, type BenchContext } from './lib/context';
import { profileDuring, timeTable, type TimeByPart } from './lib/profile-sources';
import type { Measurement } from './lib/measurement';
import { median } from './lib/stats';
import { NotAvailable } from './lib/types';

/** Lighthouse 13 needs Node 22; 12.2.3 is the newest that runs here. Run through npx, never a dependency. */
const LIGHTHOUSE = 'lighthouse@12.2.3';
const RUNS = 3;

interface LighthouseReport {
  categories: { performance: { score: number | null } };
  audits: Record<
    string,
    { numericValue?: number; displayValue?: string; details?: unknown; title?: string; score?: number | null }
  >;
  runWarnings?: string[];
}

function runLighthouse(url: string, outputPath: string): Promise<LighthouseReport> {
  const chromeFlags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
  const args = [
    '-y',
    LIGHTHOUSE,
    url,
    '--preset=desktop',
    '--only-categories=performance',
    '--output=json',
    `--output-path=${outputPath}`,
    `--chrome-flags=${chromeFlags}`,
    '--quiet',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, {
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}: ${output.slice(-600)}`));
      try {
        resolve(JSON.parse(readFileSync(outputPath, 'utf8')) as LighthouseReport);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function lcpElement(report: LighthouseReport): string {
  const details = report.audits['largest-contentful-paint-element']?.details as
    { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined;
  return details?.items?.[0]?.items?.[0]?.node?.snippet ?? 'unknown';
}

/** One cold load of the demo under the CPU profiler, attributed to sources through the hidden maps. */
async function profileDemoLoad(ctx: BenchContext, url: string): Promise<TimeByPart[]> {
  const browser = await ctx.browser();
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
  try {
    const page = await context.newPage();
    return await profileDuring(page, await ctx.build('demo'), async () => {
      await page.goto(url);
      await page.waitForFunction(() => document.body.textContent?.includes('bigquery_approval'), undefined, {
        timeout: 60_000,
        polling: 'raf',
      });
    });
  } finally {
    await context.close();
  }
}

export const lighthouse: Measurement = {
  id: 'lighthouse',
  title: 'Page load (Lighthouse 12.2.3, desktop preset, demo build)',
  metrics: [
    { id: 'lighthouse.score', label: 'Lighthouse performance score', unit: '', budget: BUDGETS.lighthouseScore },
    { id: 'lighthouse.lcp', label: 'Largest Contentful Paint', unit: 's', budget: BUDGETS.lcpSeconds, digits: 2 },
    { id: 'lighthouse.tbt', label: 'Total Blocking Time', unit: 'ms', budget: BUDGETS.tbtMs, digits: 0 },
    { id: 'lighthouse.cls', label: 'Cumulative Layout Shift', unit: '', budget: BUDGETS.cls, digits: 3 },
  ],
  async measure(ctx) {
    const base = await ctx.demoServer();
    const url = `${base}/policies`;
    const reports: LighthouseReport[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const path = join(TMP, `lighthouse-${i}.json`);
      rmSync(path, { force: true });
      ctx.log(`lighthouse run ${i + 1}/${RUNS} on ${url}…`);
      try {
        reports.push(await runLighthouse(url, path));
      } catch (error) {
        throw new NotAvailable(`Lighthouse did not run: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const loadProfile = await profileDemoLoad(ctx, url);
    const scores = reports.map((r) => Math.round((r.categories.performance.score ?? 0) * 100));
    const audit = (id: string) => reports.map((r) => r.audits[id]?.numericValue ?? NaN);
    // The run whose score is the median explains the figures.
    const typical = reports[scores.indexOf([...scores].sort((a, b) => a - b)[Math.floor(scores.length / 2)]!)]!;
    const warnings = [...new Set(reports.flatMap((r) => r.runWarnings ?? []))];
    const diagnostics = [
      'bootup-time',
      'mainthread-work-breakdown',
      'total-byte-weight',
      'unused-javascript',
      'server-response-time',
    ]
      .map((id) => typical.audits[id])
      .filter((a) => a?.displayValue)
      .map((a) => `- ${a!.title}: ${a!.displayValue}`);
    return {
      samples: {
        'lighthouse.score': { runs: scores },
        'lighthouse.lcp': { runs: audit('largest-contentful-paint').map((ms) => ms / 1000) },
        'lighthouse.tbt': { runs: audit('total-blocking-time') },
        'lighthouse.cls': { runs: audit('cumulative-layout-shift') },
      },
      details: [
        `\`npx -y ${LIGHTHOUSE} ${url.replace(base, '<demo preview>')} --preset=desktop\` (simulated throttling), ${RUNS} runs; the demo build`,
        'is served by `vite preview --mode demo`, so the mock backend (MSW worker) answers in the page.',
        '',
        `From the median run: LCP element \`${lcpElement(typical).replace(/`/g, "'")}\`; FCP ${typical.audits['first-contentful-paint']?.displayValue ?? '?'};`,
        `Speed Index ${typical.audits['speed-index']?.displayValue ?? '?'}; median LCP ${(median(audit('largest-contentful-paint')) / 1000).toFixed(2)} s.`,
        ...diagnostics,
        ...(warnings.length ? ['', `Lighthouse warnings: ${warnings.join(' · ')}`] : []),
        '',
        ...timeTable(
          'Where the main thread goes while the demo opens /policies (Playwright + CPU profiler, no throttling, until the table shows `bigquery_approval`)',
          loadProfile,
          15,
        ),
      ].join('\n'),
    };
  },
};
