import { request } from 'node:http';
import type { Browser, Page } from '@playwright/test';
import { BUDGETS } from './lib/budgets';
import { catalogExpectations, type CatalogExpectations } from './lib/catalog-data';
import type { BenchContext, Servers } from './lib/context';
import { repeat, part, type Measurement } from './lib/measurement';
import {
  armInputToPaint,
  formatBreakdown,
  preparedClick,
  readTiming,
  traceInputToPaint,
  traceMainThread,
  type MainThreadTrace,
} from './lib/page-timing';
import { profileDuring, timeTable, type TimeByPart } from './lib/profile-sources';
import { appPage, gotoApp, ownMock } from './lib/scenarios';
import type { Sample } from './lib/types';

/** Issue 17's catalog: 10,000 generated policies × 5 versions (with the seeded ones, a 68.7 MB list). */
const CATALOG = { policyCount: 10_000, versionsPerPolicy: 5 };
const LIST = '/api/v1beta1/policies';
const COUNT = '.catalog__count';
const TABLE = '.catalog__table table';
const KEYSTROKES = 6;

declare global {
  interface Window {
    __catalogReady?: Promise<number>;
  }
}

/**
 * Watches the page from its first script on: resolves with `performance.now()` (ms since the
 * navigation started) of the first frame presented once the catalog says how many policies it has.
 */
function watchForReady(): void {
  window.__catalogReady = new Promise<number>((resolve) => {
    const shown = () => /^[\d,]+ polic(y|ies)$/.test(document.querySelector('.catalog__count')?.textContent ?? '');
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });
    const start = () =>
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    if (document.documentElement) start();
    else document.addEventListener('readystatechange', start, { once: true });
  });
}

async function openCatalog(page: Page, app: string): Promise<number> {
  await gotoApp(page, `${app}/policies`);
  return page.evaluate(() =>
    Promise.race([
      window.__catalogReady!,
      new Promise<number>((_, reject) =>
        setTimeout(() => reject(new Error('the catalog never showed its count')), 120_000),
      ),
    ]),
  );
}

async function catalogPage(ctx: BenchContext): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await appPage(ctx);
  await context.addInitScript(watchForReady);
  return { page, close: () => context.close() };
}

/** The floor: a plain `fetch` + `JSON.parse` of the same list, in a page of the same origin. */
async function floor(ctx: BenchContext, app: string): Promise<number> {
  const { page, close } = await catalogPage(ctx);
  try {
    await gotoApp(page, `${app}/robots.txt`);
    return await page.evaluate(async (path) => {
      const t0 = performance.now();
      const response = await fetch(path);
      const parsed = JSON.parse(await response.text()) as { policies: unknown[] };
      if (!Array.isArray(parsed.policies)) throw new Error('not a list');
      return performance.now() - t0;
    }, LIST);
  } finally {
    await close();
  }
}

/** The mock server's answer, as a browser asks for it (brotli or gzip), timed to its last byte. */
function serverSend(mock: string, headers: Record<string, string> = { 'Accept-Encoding': 'gzip, deflate, br' }) {
  return new Promise<{ ms: number; bytes: number }>((resolve, reject) => {
    const t0 = performance.now();
    request(`${mock}${LIST}`, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ ms: performance.now() - t0, bytes }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;

interface Interactions {
  nextPage: number[];
  sort: number[];
  keystroke: number[];
  keystrokeCpu: number[];
  listRequestsOnOpen: number;
  profile: TimeByPart[];
}

/** Next page, sort, search keystrokes, and opening a policy, on a loaded catalog. */
async function interact(ctx: BenchContext, servers: Servers, expected: CatalogExpectations): Promise<Interactions> {
  const { page, close } = await catalogPage(ctx);
  try {
    await openCatalog(page, servers.app);
    const total = expected.rows.length;
    const count = (n: number) => n.toLocaleString('en-US');

    const nextPage: number[] = [];
    for (let i = 0; i <= ctx.runs; i += 1) {
      await page.waitForTimeout(1_000);
      const click = await preparedClick(
        page,
        page.getByRole('navigation', { name: 'Pages of policies' }).getByRole('link', { name: 'Next' }),
      );
      const first = (i + 1) * 100 + 1;
      await armInputToPaint(page, {
        eventType: 'click',
        until: { selector: '.catalog-pager__range', text: `${count(first)}–` },
      });
      await click();
      const ms = await readTiming(page);
      if (i > 0) nextPage.push(round(ms));
    }

    const sort: number[] = [];
    for (let i = 0; i <= ctx.runs; i += 1) {
      await page.waitForTimeout(1_000);
      // Policy column: ascending first, then each click flips it: a full sort of every policy each time.
      const dir = i % 2 === 0 ? 'asc' : 'desc';
      // A locator click (the header moves as the page before scrolls back to the top).
      await armInputToPaint(page, {
        eventType: 'click',
        until: { selector: `${TABLE} tbody tr:first-child td:first-child`, text: expected.firstIdSortedBy('id', dir) },
      });
      await page.getByRole('button', { name: /^Policy/ }).click();
      const ms = await readTiming(page);
      if (i > 0) sort.push(round(ms));
    }

    const query = expected.query(KEYSTROKES);
    const search = page.getByRole('searchbox', { name: 'Search policies' });
    await search.click();
    const keystroke: number[] = [];
    for (let k = 1; k <= query.length; k += 1) {
      await page.waitForTimeout(500);
      const matching = expected.matchCount(query.slice(0, k));
      await armInputToPaint(page, {
        eventType: 'keydown',
        until: { selector: COUNT, text: `${count(matching)} of ${count(total)} ` },
      });
      await page.keyboard.press(query[k - 1]!);
      keystroke.push(round(await readTiming(page)));
    }
    // Main-thread CPU from the input to that frame (on a busy machine the wall clock waits for a core).
    const cpu: number[] = [];
    for (const [k, char] of [...'zq'].entries()) {
      await page.waitForTimeout(500);
      const typed = `${query}${'zq'.slice(0, k + 1)}`;
      await armInputToPaint(page, {
        eventType: 'keydown',
        until: { selector: COUNT, text: `${count(expected.matchCount(typed))} of ${count(total)} ` },
      });
      const traced = await traceInputToPaint(await ctx.browser(), page, 'keydown', () => page.keyboard.press(char));
      cpu.push(round(traced.cpuMs));
    }
    // A profile of one more full round: next page, sort, keystroke (for where the time goes).
    await search.fill('');
    await page.waitForTimeout(1_000);
    const profile = await profileDuring(page, await ctx.build('production'), async () => {
      await page.getByRole('navigation', { name: 'Pages of policies' }).getByRole('link', { name: 'Next' }).click();
      await page.waitForTimeout(300);
      await page.getByRole('button', { name: /^Steps/ }).click();
      await page.waitForTimeout(300);
      await search.press(query[0]!);
      await page.waitForTimeout(300);
    });

    // Opening a policy from the catalog: its version view must not fetch the list again.
    let listRequests = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === LIST) listRequests += 1;
    });
    await page.locator(`${TABLE} tbody tr:first-child td:first-child a`).click();
    await page.getByRole('navigation', { name: 'Versions' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_000);
    return { nextPage, sort, keystroke, keystrokeCpu: cpu, listRequestsOnOpen: listRequests, profile };
  } finally {
    await close();
  }
}

/** One load under a Chromium trace: the longest main-thread task from the navigation to the count on screen. */
async function tracedLoad(ctx: BenchContext, browser: Browser, app: string): Promise<MainThreadTrace> {
  const { page, close } = await catalogPage(ctx);
  try {
    return await traceMainThread(browser, page, async () => {
      await openCatalog(page, app);
      await page.waitForTimeout(500);
    });
  } finally {
    await close();
  }
}

async function heapAfterLoad(ctx: BenchContext, app: string): Promise<number> {
  const { page, close } = await catalogPage(ctx);
  try {
    await openCatalog(page, app);
    await page.waitForTimeout(1_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await close();
  }
}

export const catalog: Measurement = {
  id: 'catalog',
  title: 'Catalog of 10,000 policies × 5 versions (production build + mock HTTP server)',
  timeoutMs: 600_000,
  metrics: [
    {
      id: 'catalog.send',
      label: 'Mock server sends the list (68.7 MB, as a browser asks)',
      unit: 's',
      budget: BUDGETS.catalogSendSeconds,
      digits: 2,
    },
    {
      id: 'catalog.readyOverFloor',
      label: 'List ready, beyond the floor',
      unit: 'ms',
      budget: BUDGETS.catalogOverFloorMs,
      digits: 0,
    },
    {
      id: 'catalog.longestTask',
      label: 'Longest main-thread task while the list loads',
      unit: 'ms',
      budget: BUDGETS.catalogLongTaskMs,
      digits: 0,
    },
    {
      id: 'catalog.heap',
      label: 'JS heap after the list loaded (after GC)',
      unit: 'MB',
      budget: BUDGETS.catalogHeapMb,
      digits: 1,
    },
    {
      id: 'catalog.nextPage',
      label: 'Next page → rows painted',
      unit: 'ms',
      budget: BUDGETS.catalogNextPageMs,
      digits: 1,
    },
    {
      id: 'catalog.sort',
      label: 'Sort by a column → rows painted',
      unit: 'ms',
      budget: BUDGETS.catalogSortMs,
      digits: 1,
    },
    {
      id: 'catalog.keystroke',
      label: 'Search keystroke → filtered rows painted',
      unit: 'ms',
      budget: BUDGETS.catalogKeystrokeMs,
      digits: 1,
    },
    {
      id: 'catalog.openRefetch',
      label: 'List requests when a policy is opened from the catalog',
      unit: 'req',
      budget: BUDGETS.catalogOpenRefetch,
    },
    { id: 'catalog.ready', label: 'List ready (navigation → count painted)', unit: 'ms', digits: 0 },
    { id: 'catalog.floor', label: 'Floor: fetch + JSON.parse of the same list', unit: 'ms', digits: 0 },
    { id: 'catalog.sendCold', label: 'Mock server, first list after the catalog was configured', unit: 's', digits: 2 },
    { id: 'catalog.sendAfterWrite', label: 'Mock server, first list after a write', unit: 's', digits: 2 },
    {
      id: 'catalog.sendPlain',
      label: 'Mock server, the list uncompressed (curl without --compressed)',
      unit: 's',
      digits: 2,
    },
    { id: 'catalog.readyPaged', label: 'List ready from a server that pages (goto/guardian)', unit: 'ms', digits: 0 },
  ],
  async measure(ctx) {
    const { servers, mock } = await ownMock(ctx, 'catalog', CATALOG);
    const samples: Record<string, Sample> = {};
    const details: string[] = [];

    ctx.log('the mock builds the 10,000-policy list…');
    const cold = await serverSend(servers.mock);
    samples['catalog.sendCold'] = {
      runs: [round(cold.ms / 1000)],
      note: `${(cold.bytes / 1e6).toFixed(1)} MB on the wire`,
    };
    const sends = await repeat(ctx.runs, () => serverSend(servers.mock));
    samples['catalog.send'] = {
      runs: sends.map((s) => Math.round(s.ms) / 1000),
      note: `${(sends[0]!.bytes / 1e6).toFixed(1)} MB on the wire (brotli)`,
    };
    const plain = await repeat(Math.min(3, ctx.runs), () => serverSend(servers.mock, {}));
    samples['catalog.sendPlain'] = {
      runs: plain.map((s) => Math.round(s.ms) / 1000),
      note: `${(plain[0]!.bytes / 1e6).toFixed(1)} MB`,
    };

    const expected = await catalogExpectations(servers.mock);
    ctx.log(`${expected.rows.length} policies, ${expected.versions} versions`);

    const floors = await repeat(ctx.runs, () => floor(ctx, servers.app));
    const readies = await repeat(ctx.runs, async () => {
      const { page, close } = await catalogPage(ctx);
      try {
        return await openCatalog(page, servers.app);
      } finally {
        await close();
      }
    });
    samples['catalog.floor'] = { runs: floors.map(Math.round) };
    samples['catalog.ready'] = { runs: readies.map(Math.round) };
    // Each load against the floor of the same round: the machine's load drifts between rounds.
    samples['catalog.readyOverFloor'] = {
      runs: readies.map((ready, i) => Math.round(ready - floors[i]!)),
      note: 'per round: ready (from the navigation, shell and code included) − floor (from the fetch)',
    };

    const browser = await ctx.browser();
    Object.assign(
      samples,
      await part(['catalog.longestTask'], async () => {
        const traces = await repeat(Math.min(3, ctx.runs), () => tracedLoad(ctx, browser, servers.app));
        details.push(
          `Traced loads: ${traces.map((t) => `${t.tasks} tasks, ${t.over50} over 50 ms, CPU ${Math.round(t.cpuMs)} ms (${formatBreakdown(t.breakdown)})`).join('; ')}.`,
          '',
        );
        const ms = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
        return {
          'catalog.longestTask': {
            runs: traces.map((t) => Math.round(t.longestMs)),
            aggregate: 'max',
            note:
              `its own CPU time: ${ms(traces.map((t) => t.longestCpuMs))} ms (the rest is waiting for a core); ` +
              `most CPU of any one task: ${ms(traces.map((t) => t.maxTaskCpuMs))} ms`,
          },
        };
      }),
      await part(['catalog.heap'], async () => {
        const heaps = await repeat(Math.min(3, ctx.runs), () => heapAfterLoad(ctx, servers.app));
        return { 'catalog.heap': { runs: heaps.map((mb) => Math.round(mb * 10) / 10) } };
      }),
      await part(['catalog.nextPage', 'catalog.sort', 'catalog.keystroke', 'catalog.openRefetch'], async () => {
        const done = await interact(ctx, servers, expected);
        details.push(...timeTable('Where a next page, a sort and a keystroke spend the main thread', done.profile));
        return {
          'catalog.nextPage': { runs: done.nextPage },
          'catalog.sort': { runs: done.sort },
          'catalog.keystroke': {
            runs: done.keystroke,
            note: `typing “${expected.query(KEYSTROKES)}”; main-thread CPU to the frame, traced: ${done.keystrokeCpu.join(', ')} ms`,
          },
          'catalog.openRefetch': { runs: [done.listRequestsOnOpen] },
        };
      }),
      await part(['catalog.sendAfterWrite'], async () => {
        await mock.createPolicy({ id: 'bench_write', steps: [{ name: 'ok', strategy: 'auto', approve_if: 'true' }] });
        const after = await serverSend(servers.mock);
        return { 'catalog.sendAfterWrite': { runs: [Math.round(after.ms) / 1000] } };
      }),
      await part(['catalog.readyPaged'], async () => {
        await mock.configure({ listPaging: true });
        const paged = await repeat(Math.min(3, ctx.runs), async () => {
          const { page, close } = await catalogPage(ctx);
          try {
            return await openCatalog(page, servers.app);
          } finally {
            await close();
          }
        });
        await mock.configure({ listPaging: false });
        return { 'catalog.readyPaged': { runs: paged.map(Math.round) } };
      }),
    );
    return {
      samples,
      details: [
        `The production build behind \`vite preview\` (which proxies and compresses the APIs) and a mock HTTP server of its own`,
        `configured with ${CATALOG.policyCount.toLocaleString('en-US')} generated policies × ${CATALOG.versionsPerPolicy} versions`,
        `(${expected.rows.length.toLocaleString('en-US')} policies, ${expected.versions.toLocaleString('en-US')} versions with the seeded ones).`,
        'Server: the list fetched from Node straight from the mock with `Accept-Encoding: gzip, deflate, br`, timed to the',
        'last byte; the first request after configuring builds the list (context), the rest are served from its encoded copy.',
        'Floor: in a page of the same origin, `fetch` + `text()` + `JSON.parse` of the list, from the fetch. Ready: a fresh',
        'context opens `/policies`; from the navigation (shell and code included) to the first frame presented once the',
        'count of policies is on screen. Each load is compared with the floor of its own round. Longest task: the worst',
        'main-thread task in traced loads, navigation to count painted + 0.5 s. Heap: after the load, a forced GC.',
        'Next page / sort / keystroke: the event’s timestamp → the first frame presented with the expected rows (the',
        'next range, the first id in that order, or the count of matches this console’s own filter gives for the text typed).',
        '',
        ...details,
      ].join('\n'),
    };
  },
};
