import type { Page } from '@playwright/test';

/**
 * Screenshots for people to look at (not compared): with SHOTS_DIR set, the page at 1440×900 in
 * the light and the dark theme, as `<name>-light.png` and `<name>-dark.png`.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `${dir}/${name}-${theme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
