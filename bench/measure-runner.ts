import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS } from './lib/budgets';
import { ROOT, TMP } from './lib/context';
import { writeDirectoryCsv } from './lib/directory-file';
import { repeat, type Measurement } from './lib/measurement';
import { freePort, lastOutput, startProcess, stopProcess, waitForUrl } from './lib/processes';

/**
 * The Guardian test runner at scale, measured as a client meets it (over HTTP): a 1,000,000-user
 * directory file loaded at start-up (time, RSS of the runner process), a test of an example policy
 * over it (CPU time of the runner process), and users pages with any filter at any page number.
 */
const USERS = 1_000_000;
const FILE = join(TMP, `directory-${USERS}.csv`);
const TOKEN = 'bench-runner-token-0123456789';
const ACCOUNT = 'bench';
const POLICY = 'bigquery_approval:1';
const PAGE_REQUESTS = 300;
const TICKS_PER_SECOND = 100;

interface RunnerRun {
  loadSeconds: number;
  startSeconds: number;
  rssMb: number;
  peakRssMb: number;
  databaseRssMb: number;
  testCpuSeconds: number;
  firstTestCpuSeconds: number;
  testWallSeconds: number;
  pageP95Ms: number;
  pageMedianMs: number;
  summary: Record<string, unknown>;
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return kb / 1024;
}

/** User + system CPU of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function ensureFile(log: (line: string) => void): Promise<void> {
  if (existsSync(FILE) && statSync(FILE).size > 100 * USERS) return;
  log(`writing ${FILE} (${USERS.toLocaleString('en')} users)…`);
  await writeDirectoryCsv(FILE, USERS);
}

async function oneRun(log: (line: string) => void, run: number): Promise<RunnerRun> {
  const port = await freePort();
  const dataDir = join(TMP, `runner-data-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  const t0 = performance.now();
  const child = startProcess('runner', process.execPath, ['--import', 'tsx', join(ROOT, 'runner/main.ts')], {
    DIRECTORY: FILE,
    RUNNER_PORT: String(port),
    RUNNER_DATA_DIR: dataDir,
    RUNNER_TOKENS: TOKEN,
    // As `npm run runner` starts it: large buffers freed after loading go back to the system.
    MALLOC_MMAP_THRESHOLD_: '131072',
  });
  try {
    const root = `http://127.0.0.1:${port}`;
    await waitForUrl(`${root}/healthz`, child, 120_000);
    const startSeconds = (performance.now() - t0) / 1000;
    const pid = child.pid!;
    const loaded = /users loaded in ([\d.]+) s/.exec(lastOutput(child));
    const loadSeconds = loaded ? Number(loaded[1]) : startSeconds;
    const rssMb = procStatus(pid, 'VmRSS');
    const databaseRssMb = childPids(pid).reduce((sum, child) => sum + procStatus(child, 'VmRSS'), 0);
    log(
      `run ${run + 1}: ${USERS.toLocaleString('en')} users loaded in ${loadSeconds.toFixed(1)} s, runner RSS ${rssMb.toFixed(0)} MB`,
    );

    const headers = { Authorization: `Bearer ${TOKEN}` };
    const base = `${root}/client/v4/accounts/${ACCOUNT}/access/policy-tests`;
    /** One test from the POST to the status that ends it: the runner's CPU and the wall clock. */
    const runTest = async () => {
      const cpu0 = cpuSeconds(pid);
      const w0 = performance.now();
      const created = (await (
        await fetch(base, { method: 'POST', headers, body: JSON.stringify({ policies: [POLICY] }) })
      ).json()) as { result: { id: string } };
      let summary: Record<string, unknown>;
      for (;;) {
        const answer = await fetch(`${base}/${created.result.id}`, { headers });
        summary = ((await answer.json()) as { result: Record<string, unknown> }).result;
        if (summary.status !== 'processing') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { id: created.result.id, summary, cpu: cpuSeconds(pid) - cpu0, wall: (performance.now() - w0) / 1000 };
    };
    // The first test over a directory's content also stores its people (once per content, so that
    // pages still name them after a restart); the second is the test alone.
    const first = await runTest();
    const second = await runTest();
    const { id, summary } = second;
    const testCpuSeconds = second.cpu;
    const testWallSeconds = second.wall;
    log(
      `run ${run + 1}: first test ${first.cpu.toFixed(2)} s CPU (with storing the people), second ${second.cpu.toFixed(2)} s CPU, ${second.wall.toFixed(1)} s wall`,
    );

    const counts: Record<string, number> = {
      '': USERS,
      success: Number(summary.users_approved),
      fail: Number(summary.users_blocked),
      error: Number(summary.users_errored),
    };
    const times: number[] = [];
    for (let i = 0; i < PAGE_REQUESTS; i++) {
      const status = ['', 'success', 'fail', 'error'][i % 4]!;
      const perPage = [25, 100, 1000][Math.floor(i / 4) % 3]!;
      const pages = Math.max(1, Math.ceil(counts[status]! / perPage));
      // Spread over the whole range, the last page and one past the end included.
      const page = i % 10 === 9 ? pages + 1 : 1 + Math.floor((((i * 7919) % 1000) / 1000) * pages);
      const query = `?page=${page}&per_page=${perPage}${status ? `&status=${status}` : ''}`;
      const t = performance.now();
      const response = await fetch(`${base}/${id}/users${query}`, { headers });
      await response.arrayBuffer();
      times.push(performance.now() - t);
      if (!response.ok) throw new Error(`users page ${query} answered ${response.status}`);
    }
    return {
      loadSeconds,
      startSeconds,
      rssMb,
      peakRssMb: procStatus(pid, 'VmHWM'),
      databaseRssMb,
      testCpuSeconds,
      firstTestCpuSeconds: first.cpu,
      testWallSeconds,
      pageP95Ms: percentile(times, 95),
      pageMedianMs: percentile(times, 50),
      summary,
    };
  } finally {
    // This run's runner only: the app and mock servers are shared with the sections after this one.
    stopProcess(child);
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const runner: Measurement = {
  id: 'runner',
  title: 'Guardian test runner (1,000,000-user directory file, over HTTP)',
  timeoutMs: 600_000,
  metrics: [
    {
      id: 'runner.load',
      label: 'Directory file load, 1,000,000 users',
      unit: 's',
      budget: BUDGETS.runnerLoadSeconds,
      digits: 1,
    },
    { id: 'runner.rss', label: 'Runner RSS once loaded', unit: 'MB', budget: BUDGETS.runnerLoadRssMb, digits: 0 },
    {
      id: 'runner.cpu',
      label: 'Test CPU time, 1,000,000 users',
      unit: 's',
      budget: BUDGETS.runnerTestCpuSeconds,
      digits: 2,
    },
    {
      id: 'runner.page',
      label: 'Users page p95 (any filter, any page)',
      unit: 'ms',
      budget: BUDGETS.runnerUsersPageP95Ms,
      digits: 1,
    },
    {
      id: 'runner.cpuFirst',
      label: 'First test over a new directory content (stores its people)',
      unit: 's',
      digits: 2,
    },
    { id: 'runner.peakRss', label: 'Runner peak RSS (whole life)', unit: 'MB', digits: 0 },
    { id: 'runner.dbRss', label: 'Embedded PGlite process RSS', unit: 'MB', digits: 0 },
    { id: 'runner.wall', label: 'Test wall time, 1,000,000 users', unit: 's', digits: 1 },
  ],
  async measure(ctx) {
    await ensureFile(ctx.log.bind(ctx));
    const runs = await repeat(ctx.slowRuns, (i) => oneRun(ctx.log.bind(ctx), i));
    const s = runs[0]!.summary;
    return {
      samples: {
        'runner.load': {
          runs: runs.map((r) => r.loadSeconds),
          note: `start-up to listening: ${runs[0]!.startSeconds.toFixed(1)} s`,
        },
        'runner.rss': { runs: runs.map((r) => r.rssMb), note: 'runner process after loading (PGlite runs in its own)' },
        'runner.cpu': { runs: runs.map((r) => r.testCpuSeconds), note: `policy ${POLICY}` },
        'runner.page': {
          runs: runs.map((r) => r.pageP95Ms),
          note: `median ${runs[0]!.pageMedianMs.toFixed(1)} ms over ${PAGE_REQUESTS} pages`,
        },
        'runner.cpuFirst': { runs: runs.map((r) => r.firstTestCpuSeconds) },
        'runner.peakRss': { runs: runs.map((r) => r.peakRssMb) },
        'runner.dbRss': { runs: runs.map((r) => r.databaseRssMb) },
        'runner.wall': { runs: runs.map((r) => r.testWallSeconds) },
      },
      details: [
        `\`npm run runner\` with \`DIRECTORY=${FILE.replace(`${ROOT}/`, '')}\` (${USERS.toLocaleString('en')} users, 12 columns, written by`,
        '`bench/lib/directory-file.ts` from the synthetic directory), a fresh PGlite data folder per run. Load time is the',
        'runner’s own report of reading the file; RSS from /proc; test CPU is the runner process’s user + system time from',
        'the POST to the status that ends it, for the second test over the file (the first also stores the people once per',
        `directory content, reported beside it); ${PAGE_REQUESTS} users pages cycle through every filter, 25 / 100 / 1,000 per page,`,
        'pages spread over the whole range plus the one past the end.',
        `Outcome: ${String(s.status)} — ${Number(s.users_approved).toLocaleString('en')} approved, ${Number(s.users_blocked).toLocaleString('en')} blocked, ${Number(s.users_errored).toLocaleString('en')} errored.`,
      ].join('\n'),
    };
  },
};
