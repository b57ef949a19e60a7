import { z } from 'zod/mini';
import { readJson, removeItem, writeItem } from '@/lib/storage/safe-storage';

/**
 * A note, kept in this tab's session storage while an apply runs, of which files were being written.
 * If the page is reloaded mid-way it says what had happened; what makes a second apply safe is not
 * this note but apply itself (a file whose content the server already holds is skipped).
 */
const KEY = 'policy-console.apply-journal';

const journalSchema = z.object({
  startedAt: z.string(),
  files: z.array(
    z.object({
      path: z.string(),
      id: z.string(),
      state: z.enum(['pending', 'applied', 'failed']),
      version: z.optional(z.number()),
    }),
  ),
});

export type ApplyJournal = z.infer<typeof journalSchema>;

// Storage full or denied (blocked site data, a cross-site frame): the note is a courtesy, the apply goes on.
export function readJournal(): ApplyJournal | undefined {
  const parsed = journalSchema.safeParse(readJson('session', KEY));
  return parsed.success ? parsed.data : undefined;
}

export function writeJournal(journal: ApplyJournal): void {
  writeItem('session', KEY, JSON.stringify(journal));
}

export function clearJournal(): void {
  removeItem('session', KEY);
}
