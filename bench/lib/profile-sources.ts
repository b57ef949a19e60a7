// Where a page's main thread spends its time, by source file: a CPU profile (CDP Profiler) whose
// frames are traced back through the build's hidden source maps to packages and project folders.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { decodeMappings, partOf } from './bundle-attribution';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface TimeByPart {
  part: string;
  ms: number;
}

/** Looks up the source of a generated position in one chunk's source map. */
class SourceLookup {
  private readonly lines: { column: number; source: string | null }[][];
  constructor(map: { sources: string[]; mappings: string }) {
    this.lines = decodeMappings(map).map((segments) =>
      segments.map((s) => ({ column: s.column, source: s.source === null ? null : map.sources[s.source]! })),
    );
  }
  sourceAt(line: number, column: number): string | null {
    const segments = this.lines[line] ?? [];
    let low = 0;
    let high = segments.length - 1;
    let found: string | null = null;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (segments[mid]!.column <= column) {
        found = segments[mid]!.source;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
}

/** Stops the profile and sums self time per package / project folder (native work by kind). */
async function stopProfile(cdp: CDPSession, distDir: string): Promise<TimeByPart[]> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const lookups = new Map<string, SourceLookup | null>();
  const lookupFor = (url: string): SourceLookup | null => {
    const file = /\/(assets\/[^/?#]+\.js)/.exec(url)?.[1];
    if (!file) return null;
    if (!lookups.has(file)) {
      const mapPath = join(distDir, `${file}.map`);
      lookups.set(file, existsSync(mapPath) ? new SourceLookup(JSON.parse(readFileSync(mapPath, 'utf8'))) : null);
    }
    return lookups.get(file)!;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    let part: string;
    if (!frame.url) {
      part = frame.functionName.startsWith('(') ? frame.functionName : `(browser: ${frame.functionName || 'native'})`;
      if (part === '(program)') part = '(native: style, layout, paint… — or, on a busy machine, waiting for a core)';
    } else {
      const source = lookupFor(frame.url)?.sourceAt(frame.lineNumber, frame.columnNumber);
      part = source ? partOf(source, true) : `(${frame.url.split('/').pop()})`;
    }
    totals.set(part, (totals.get(part) ?? 0) + ms);
  });
  totals.delete('(idle)');
  return [...totals].map(([part, ms]) => ({ part, ms })).sort((a, b) => b.ms - a.ms);
}

export function timeTable(title: string, parts: TimeByPart[], shown = 12): string[] {
  const total = parts.reduce((sum, p) => sum + p.ms, 0);
  return [
    `${title} (${Math.round(total)} ms of main-thread samples):`,
    '',
    '| where | ms |',
    '|---|---:|',
    ...parts.slice(0, shown).map((p) => `| \`${p.part}\` | ${Math.round(p.ms)} |`),
    '',
  ];
}

/** A CPU profile of the page's main thread while `work` runs, by source. */
export async function profileDuring(page: Page, distDir: string, work: () => Promise<void>): Promise<TimeByPart[]> {
  const cdp = await page.context().newCDPSession(page);
  await startProfile(cdp);
  let failure: unknown;
  try {
    await work();
  } catch (error) {
    failure = error;
  }
  const parts = await stopProfile(cdp, distDir);
  await cdp.detach();
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return parts;
}
