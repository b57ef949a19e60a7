import { expect, test, type Page } from '@playwright/test';
import { loadCorpus, type CorpusEntry } from '../mocks/fixtures/invalid-policies/corpus';
import { FAST_MOCK } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

/**
 * The bad-input corpus (mocks/fixtures/invalid-policies) in the browser, one entry per way the
 * editor stops it, pasted into the editor's import as a person would: the import refuses what it
 * cannot read; the editor stops at the entry's field with its own words, and "Check with server"
 * puts Guardian's refusal on that same field (inside a step; in the identity section). corpus.test.ts runs every entry through the same code (import, rules, Guardian's
 * refusal mapped to a field) without a browser.
 */
const SAMPLE = ['70-type-steps-string', '29-when-broken-expression', '60-iam-basic-without-password'];

const corpus = loadCorpus();
const sample = SAMPLE.map((name) => {
  const entry = corpus.find((e) => e.name === name);
  if (!entry) throw new Error(`no corpus entry ${name}`);
  return entry;
});

/** The editor's DOM id for a form path (src/features/policy-editor/components/field-ids.ts). */
const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
/** The error summary's entry for a field: a link to the field, then the message. */
const summaryEntry = (page: Page, path: string) =>
  page.locator('#editor-summary li').filter({ has: page.locator(`a[href="#${fieldId(path)}"]`) });
/** How the import dialog names a path: `steps.0.strategy` → `steps[0].strategy`. */
const importPath = (path: string) => path.replace(/\.(\d+)/g, '[$1]');

async function importEntry(page: Page, entry: CorpusEntry): Promise<'form' | 'refused'> {
  await page.getByRole('button', { name: 'Import YAML or JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a policy' });
  await dialog.getByRole('textbox', { name: 'Policy (YAML or JSON)' }).fill(JSON.stringify(entry.policy, null, 2));
  await dialog.getByRole('button', { name: 'Show what changes' }).click();
  const refusal = dialog.getByText('This policy cannot be read into the form.');
  const replace = page.getByRole('button', { name: 'Replace the form' });
  // Either the dialog shows what the import changes, or it says why it cannot read it.
  await expect.poll(async () => (await refusal.isVisible()) || (await replace.isVisible())).toBe(true);
  if (await refusal.isVisible()) {
    await expect(
      dialog
        .getByRole('listitem')
        .filter({ hasText: `${importPath(entry.field)}:` })
        .first(),
      entry.name,
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    return 'refused';
  }
  await replace.click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  return 'form';
}

for (const entry of sample) {
  test(`${entry.name}: stopped at ${entry.field}`, async ({ page }) => {
    await seedMock(page, { config: FAST_MOCK });
    await page.goto('/policies/new');
    const outcome = await importEntry(page, entry);
    if (outcome === 'refused') return;

    if (entry.serverMessage !== null && entry.serverStatus === 500) {
      await page.getByRole('button', { name: 'Check with server' }).click();
      await expect(page.getByText('Guardian would refuse this policy.')).toBeVisible();
      await expect(summaryEntry(page, entry.field), 'Guardian’s refusal, mapped onto the field').toContainText(
        ': Guardian',
      );
    }

    await page.getByRole('button', { name: 'Review and create' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const entryOfField = summaryEntry(page, entry.field);
    await expect(entryOfField).toBeVisible();
    const text = (await entryOfField.innerText()).trim();
    expect(text.length, 'a short message even for a 10,000-character value').toBeLessThan(400);
    // The link opens whatever hides the field and takes the user there.
    await entryOfField.getByRole('link').click();
    await expect(page.locator(`#${fieldId(entry.field)}`)).toBeVisible();
    await expect(page.locator(`#${fieldId(entry.field)}`)).toBeFocused();
  });
}
