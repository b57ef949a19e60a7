import { z } from 'zod/mini';

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
export type JournalFile = ApplyJournal['files'][number];

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    // Storage denied (blocked site data, a cross-site frame): apply still works, without the note.
    return undefined;
  }
}

export function readJournal(): ApplyJournal | undefined {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return undefined;
    const parsed = journalSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeJournal(journal: ApplyJournal): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(journal));
  } catch {
    // Storage full or denied: the note is a courtesy, the apply goes on.
  }
}

export function clearJournal(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing to clear where storage is denied.
  }
}

/** An apply that was cut short: some files never got their answer. */
export function isInterrupted(journal: ApplyJournal | undefined): journal is ApplyJournal {
  return journal !== undefined && journal.files.some((file) => file.state === 'pending');
}
