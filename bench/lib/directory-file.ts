import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Directory } from '../../mocks/directory/directory';
import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';

/**
 * A directory file as a team would export one: the mock's synthetic people (seeded, so every run
 * writes the same file), one a row, with the creator fields the example policies read.
 */
/** The response keys the example policies' `iam.schema` read, plus the fields their expressions use. */
const DIRECTORY_COLUMNS = [
  'id',
  'email',
  'name',
  'full_name',
  'company_name',
  'department',
  'title',
  'manager_email',
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

export async function writeDirectoryCsv(
  path: string,
  users: number,
  seed = 20261125,
  columns: readonly string[] = DIRECTORY_COLUMNS,
): Promise<void> {
  const directory = new Directory(seed, users, false);
  const out = createWriteStream(path);
  let buffer = `${columns.join(',')}\n`;
  for (let i = 0; i < users; i++) {
    const profile = directory.iamRecord(i) as unknown as Record<string, unknown>;
    const row: Record<string, unknown> = { ...profile, id: directory.id(i) };
    if (isPlainObject(profile.manager)) {
      row['manager.email'] = profile.manager.email;
      row['manager.name'] = profile.manager.name;
    }
    buffer += `${columns.map((c) => csvCell(row[c])).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
