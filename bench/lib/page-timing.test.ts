import { describe, expect, it } from 'vitest';
import { pageMainThreads } from './page-timing';

const thread = (pid: number, tid: number, name: string) => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});

describe('pageMainThreads', () => {
  // As Chromium 156 records a page load: the page's renderer, and its omnibox popup's WebUI renderer.
  const page = thread(10, 10, 'CrRendererMain');
  const omnibox = thread(20, 20, 'CrRendererMain');
  const browserStart = {
    name: 'TracingStartedInBrowser',
    ph: 'I',
    pid: 1,
    tid: 1,
    ts: 0,
    args: { data: { frames: [{ processId: 10 }] } },
  };

  it('keeps only the renderers the page’s frames are in', () => {
    expect(pageMainThreads([browserStart, page, omnibox, thread(10, 11, 'Compositor')])).toEqual(new Set(['10:10']));
  });

  it('follows a navigation that moved the page into another renderer', () => {
    const committed = {
      name: 'FrameCommittedInBrowser',
      ph: 'I',
      pid: 1,
      tid: 1,
      ts: 5,
      args: { data: { processId: 30 } },
    };
    const moved = thread(30, 30, 'CrRendererMain');
    expect(pageMainThreads([browserStart, committed, page, omnibox, moved])).toEqual(new Set(['10:10', '30:30']));
  });

  it('counts every renderer when the trace does not say where the page is', () => {
    expect(pageMainThreads([page, omnibox])).toEqual(new Set(['10:10', '20:20']));
  });
});
