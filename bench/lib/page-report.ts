// What a page showed when a section gave up on it: a timeout alone ("waitFor: Timeout 120000ms
// exceeded") says nothing of why, and the page is closed by the time the report is written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT, TMP } from './context';

const FAILURES = join(TMP, 'failures');
/** As much of the page's text as fits in the report's note; the whole text is in the file beside the screenshot. */
const EXCERPT_CHARS = 400;

let taken = 0;
/** Pages a section is on now: a section that runs out of time is described by them. */
const openPages = new Map<Page, string>();

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Saves a screenshot and the visible text of `page` (and `extra`, e.g. the mock's test statuses) to
 * bench/.tmp/failures/, and says in one line where the page was, what it showed and where the files are.
 */
async function describePage(page: Page, label: string, extra?: string): Promise<string> {
  mkdirSync(FAILURES, { recursive: true });
  taken += 1;
  const stem = join(FAILURES, `${new Date().toISOString().replace(/[:.]/g, '-')}-${taken}-${label}`);
  const url = page.isClosed() ? '(closed)' : page.url();
  const text = page.isClosed()
    ? ''
    : await page
        .evaluate(() => document.body?.innerText ?? '')
        .catch((error: unknown) => `(the page's text could not be read: ${String(error)})`);
  const shot = page.isClosed()
    ? undefined
    : await page
        .screenshot({ path: `${stem}.png`, timeout: 15_000 })
        .then(() => `${stem}.png`)
        .catch(() => undefined);
  writeFileSync(`${stem}.txt`, [`URL: ${url}`, '', text, ...(extra ? ['', extra] : [])].join('\n'));
  const excerpt = oneLine(text);
  const shown = excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt;
  const files = [shot, `${stem}.txt`].filter(Boolean).map((f) => relative(ROOT, f!));
  return `the page at ${url.replace(/^https?:\/\/[^/]+/, '')} showed “${shown}” (${files.join(', ')})`;
}

/**
 * `error` with what the page showed added to its first line (the line the report keeps); its class
 * (NotAvailable or not) is kept.
 */
export async function explainFailure(page: Page, label: string, error: unknown, extra?: string): Promise<unknown> {
  if (!(error instanceof Error)) return error;
  if ((error as { explained?: boolean }).explained) return error;
  const description = await describePage(page, label, extra).catch((e: unknown) => `(no page report: ${String(e)})`);
  const [first, ...rest] = error.message.split('\n');
  error.message = [`${first} — ${description}`, ...rest].join('\n');
  Object.assign(error, { explained: true });
  return error;
}

/** Keeps `page` among the pages a section is on, until it closes. */
export function trackPage(page: Page, label: string): void {
  openPages.set(page, label);
  page.once('close', () => openPages.delete(page));
}

/** What every page a section is still on shows (see describePage), for a section that ran out of time. */
export async function describeOpenPages(): Promise<string> {
  const pages = [...openPages].filter(([page]) => !page.isClosed());
  if (pages.length === 0) return 'no page was open';
  const described = await Promise.all(
    pages.map(([page, label]) => describePage(page, label).catch((e: unknown) => `(no page report: ${String(e)})`)),
  );
  return described.join('; ');
}
