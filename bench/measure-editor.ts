import type { Page } from '@playwright/test';
import { BUDGETS } from './lib/budgets';
import type { BenchContext } from './lib/context';
import { bigPolicy } from './lib/fixtures';
import type { Measurement } from './lib/measurement';
import { armInputToPaint, CpuSamples, preparedClick, readTiming, traceMainThread } from './lib/page-timing';
import { profileDuring, timeTable } from './lib/profile-sources';
import { benchMock, gotoApp, withAppPage } from './lib/scenarios';

const STEPS = 200;
const KEYSTROKES = 12;
const STEP_ROW = 'li.step-row';

const editLink = (page: Page) => page.getByRole('link', { name: /^Edit/ }).first();

/**
 * Readies a click on “Edit” on the version page; the returned function clicks and resolves with the
 * time to the first frame with all 200 step rows in it.
 */
async function prepareMount(page: Page): Promise<() => Promise<number>> {
  await editLink(page).waitFor({ timeout: 30_000 });
  const click = await preparedClick(page, editLink(page));
  await armInputToPaint(page, { eventType: 'click', until: { selector: STEP_ROW, count: STEPS } });
  return async () => {
    await click();
    return readTiming(page, 30_000);
  };
}

async function measureEditor(ctx: BenchContext, app: string, id: string) {
  return withAppPage(ctx, async (page) => {
    await gotoApp(page, `${app}/policies/${encodeURIComponent(id)}/versions/1`);
    // The first mount also loads the editor's code and data: warm-up, not counted.
    await (
      await prepareMount(page)
    )();
    const browser = await ctx.browser();
    const mounts: number[] = [];
    const mountCpu = new CpuSamples();
    for (let i = 0; i < ctx.runs; i += 1) {
      await page.goBack();
      await page.waitForTimeout(300);
      const mount = await prepareMount(page);
      const trace = await traceMainThread(browser, page, async () => {
        mounts.push(await mount());
      });
      mountCpu.add(trace);
    }

    // Type into the first step's name: its header summarises the step as you type.
    await page.locator(STEP_ROW).first().locator('.step-row__toggle').click();
    const name = page.locator(STEP_ROW).first().getByLabel('Name', { exact: false }).first();
    await name.click();
    await page.keyboard.press('End');
    const keystrokes: number[] = [];
    const keystrokeCpu = new CpuSamples();
    for (let i = 0; i < KEYSTROKES; i += 1) {
      await armInputToPaint(page, { eventType: 'keydown', until: { inputHandled: true } });
      let ms = 0;
      const trace = await traceMainThread(browser, page, async () => {
        await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
        ms = await readTiming(page);
      });
      if (i >= 2) {
        keystrokes.push(ms);
        keystrokeCpu.add(trace);
      }
      await page.waitForTimeout(120);
    }
    // Once more under the CPU profiler each, to say where the time goes.
    const dist = await ctx.build('production');
    const typingProfile = await profileDuring(page, dist, async () => {
      for (let i = 0; i < 6; i += 1) {
        await armInputToPaint(page, { eventType: 'keydown', until: { inputHandled: true } });
        await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
        await readTiming(page);
      }
    });
    await page.goBack();
    await page.waitForTimeout(300);
    const mountProfile = await profileDuring(page, dist, async () => {
      await (
        await prepareMount(page)
      )();
    });
    return {
      mounts,
      mountCpu,
      keystrokes,
      keystrokeCpu,
      mountProfile,
      typingProfile,
    };
  });
}

export const editor: Measurement = {
  id: 'editor',
  title: 'Editor (a 200-step policy, production build + mock HTTP server)',
  metrics: [
    {
      id: 'editor.mount',
      label: 'Editor mount, 200 steps (click Edit → painted)',
      unit: 'ms',
      budget: BUDGETS.editorMountMs,
      digits: 0,
    },
    {
      id: 'editor.keystroke',
      label: 'Keystroke → paint in a 200-step form',
      unit: 'ms',
      budget: BUDGETS.editorKeystrokeMs,
      digits: 1,
    },
    { id: 'editor.mountCpu', label: 'Main-thread CPU, editor mount', unit: 'ms', digits: 0 },
    { id: 'editor.keystrokeCpu', label: 'Main-thread CPU per keystroke', unit: 'ms', digits: 1 },
  ],
  async measure(ctx) {
    const { servers, mock } = await benchMock(ctx);
    const id = await ctx.once(
      'policy:editor',
      async () => (await mock.createPolicy(bigPolicy('bench_editor_200', STEPS))).id,
    );
    const measured = await measureEditor(ctx, servers.app, id);
    const round = (values: number[]) => values.map((v) => Math.round(v * 10) / 10);
    return {
      samples: {
        'editor.mount': {
          runs: round(measured.mounts),
          note: 'code and data already loaded (second and later visits)',
        },
        'editor.keystroke': {
          runs: round(measured.keystrokes),
          note: `${measured.keystrokes.length} keystrokes in step 1’s name field`,
        },
        'editor.mountCpu': measured.mountCpu.sample(1),
        'editor.keystrokeCpu': measured.keystrokeCpu.sample(1),
      },
      details: [
        `A ${STEPS}-step policy saved in the mock. Mount: on its version page, a click on “Edit” → the first frame presented with`,
        `all ${STEPS} step rows in the DOM (the first visit, which also loads the editor chunk and the policy, is not counted;`,
        'then back and Edit again). Keystroke: step 1 expanded, typing into its Name field — `keydown.timeStamp` → the frame',
        'after the `input` event was handled (React commits discrete input synchronously there). A Chromium trace around',
        'each gives the main thread’s CPU time for it.',
        '',
        ...timeTable('Where one mount spends the main thread', measured.mountProfile),
        ...timeTable('Where six keystrokes spend the main thread', measured.typingProfile),
      ].join('\n'),
    };
  },
};
