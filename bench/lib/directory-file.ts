import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Directory } from '../../mocks/directory/directory';

/**
 * A directory file as a team would export one: the mock's synthetic people (seeded, so every run
 * writes the same file), one a row, with the creator fields the example policies read.
 */
const COLUMNS = [
  'id',
  'email',
  'name',
  'department',
  'company',
  'title',
  'manager_email',
  'userManager',
  'managers',
  'country',
  'employment_type',
  'risk',
] as const;

function csvCell(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function writeDirectoryCsv(path: string, users: number, seed = 20261125): Promise<void> {
  const directory = new Directory(seed, users, false);
  const out = createWriteStream(path);
  let buffer = `${COLUMNS.join(',')}\n`;
  for (let i = 0; i < users; i++) {
    const profile = directory.profile(i) as unknown as Record<string, unknown>;
    const row: Record<string, unknown> = { ...profile, id: directory.id(i) };
    buffer += `${COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
