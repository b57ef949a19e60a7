import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvDirectory } from './read-csv';
import { readJsonlDirectory } from './read-jsonl';
import { readEmailList } from './iam-directory';

const dir = mkdtempSync(join(tmpdir(), 'runner-directory-'));
let n = 0;
function file(content: string | Buffer, ext: string): string {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

describe('CSV directory', () => {
  it('types cells as the IAM JSON would, nests dotted headers, and leaves empty cells out', async () => {
    const { table, report } = await readCsvDirectory(
      file(
        'email,id,name,level,active,manager.email,manager.name,managers,zip,note\n' +
          'a@example.com,7,Ann,3,true,m@example.com,Max,"[""m@example.com"",""b@example.com""]",007,\n' +
          'b@example.com,,Bob,-1.5e2,false,,,,,null\n',
        'csv',
      ),
    );
    expect(report).toMatchObject({ users: 2, skipped: 0, problems: [] });
    expect(table!.record(0)).toEqual({
      email: 'a@example.com',
      id: '7',
      name: 'Ann',
      level: 3,
      active: true,
      manager: { email: 'm@example.com', name: 'Max' },
      managers: ['m@example.com', 'b@example.com'],
      zip: '007',
    });
    expect(table!.record(1)).toEqual({ email: 'b@example.com', name: 'Bob', level: -150, active: false, note: null });
    expect(table!.user(0)).toEqual({ id: '7', email: 'a@example.com', name: 'Ann' });
    // No id column value: a stable UUID-shaped id from the email.
    expect(table!.user(1).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(table!.record(0, new Set(['manager']))).toEqual({ manager: { email: 'm@example.com', name: 'Max' } });
  });

  it('reports each bad row with its line, skips it and counts it', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const { table, report } = await readCsvDirectory(
      file(
        [
          'email,name,dept',
          'ok1@example.com,One,eng',
          ',Nobody,eng',
          'not-an-email,Bad,eng',
          'OK1@example.com,Dup,eng',
          'short@example.com,Short',
          `huge@example.com,${big},eng`,
          '"multi@example.com","Two',
          'lines",eng',
          'ok2@example.com,Two,data',
          '',
        ].join('\n'),
        'csv',
      ),
    );
    expect(table!.size).toBe(3);
    expect(report.skipped).toBe(5);
    expect(report.problems).toEqual([
      { line: 3, message: 'no email' },
      { line: 4, message: 'not an email: "not-an-email"' },
      { line: 5, message: 'duplicate email OK1@example.com (first on line 2)' },
      { line: 6, message: 'has 2 fields, the header has 3' },
      { line: 7, message: 'field "name" is 1.0 MB, over the 64 KB limit' },
    ]);
    expect(table!.user(1)).toMatchObject({ email: 'multi@example.com', name: 'Two\nlines' });
    expect(table!.user(2).email).toBe('ok2@example.com');
  });

  it('takes a byte-order mark and CRLF line ends in stride, and says so', async () => {
    const { table, report } = await readCsvDirectory(
      file('\ufeffemail,name\r\na@example.com,Ann\r\nb@example.com,Bob\r\n', 'csv'),
    );
    expect(table!.size).toBe(2);
    expect(table!.record(1)).toEqual({ email: 'b@example.com', name: 'Bob' });
    expect(report.notes).toEqual(
      expect.arrayContaining(['a byte-order mark at the start of the file was ignored', 'CRLF line ends']),
    );
  });

  it('refuses a file it cannot use at all, saying why', async () => {
    expect((await readCsvDirectory(file('name,dept\nAnn,eng\n', 'csv'))).report.fatal).toBe(
      'line 1: the header has no "email" column',
    );
    expect((await readCsvDirectory(file('email,a,a\n', 'csv'))).report.fatal).toMatch(/appears twice/);
    expect((await readCsvDirectory(file('email,manager,manager.email\n', 'csv'))).report.fatal).toMatch(/also holds/);
    expect((await readCsvDirectory(join(dir, 'missing.csv'))).report.fatal).toMatch(/cannot read/);
  });

  it('hashes the content: the same file twice is the same snapshot, a change is another', async () => {
    const a = await readCsvDirectory(file('email\na@example.com\n', 'csv'));
    const b = await readCsvDirectory(file('email\na@example.com\n', 'csv'));
    const c = await readCsvDirectory(file('email\nb@example.com\n', 'csv'));
    expect(a.table!.hash).toBe(b.table!.hash);
    expect(a.table!.hash).not.toBe(c.table!.hash);
  });
});

describe('JSON Lines directory', () => {
  it('keeps each object as the IAM answer, with JSON types', async () => {
    const { table, report } = await readJsonlDirectory(
      file('{"email":"a@example.com","id":42,"level":3,"manager":{"email":"m@example.com"},"tags":["x"]}\n\n', 'jsonl'),
    );
    expect(report.skipped).toBe(0);
    expect(table!.record(0)).toEqual({
      email: 'a@example.com',
      id: '42',
      level: 3,
      manager: { email: 'm@example.com' },
      tags: ['x'],
    });
    expect(table!.user(0)).toEqual({ id: '42', email: 'a@example.com', name: '' });
  });

  it('reports bad JSON, arrays, missing emails, duplicates and huge fields by line', async () => {
    const { table, report } = await readJsonlDirectory(
      file(
        [
          '\ufeff{"email":"a@example.com"}',
          '{"email":',
          '["b@example.com"]',
          '{"name":"no email"}',
          '{"email":"A@example.com"}',
          `{"email":"c@example.com","bio":"${'y'.repeat(70_000)}"}`,
          '{"email":42}',
          '{"email":"d@example.com"}',
        ].join('\r\n'),
        'jsonl',
      ),
    );
    expect(table!.size).toBe(2);
    expect(report.problems.map((p) => [p.line, p.message.replace(/\(.*\)/, '(…)')])).toEqual([
      [2, 'not JSON (…)'],
      [3, 'an array, not a JSON object'],
      [4, 'no email'],
      [5, 'duplicate email A@example.com (…)'],
      [6, 'a field is 69 KB, over the 64 KB limit'],
      [7, 'not an email: 42'],
    ]);
    expect(report.notes).toEqual(
      expect.arrayContaining(['a byte-order mark at the start of the file was ignored', 'CRLF line ends']),
    );
  });
});

describe('email list (iam:)', () => {
  it('one email a line; comments and blanks ignored; bad and duplicate lines reported', async () => {
    const { table, report } = await readEmailList(
      file('# staff\na@example.com\n\nnope\na@example.com\nb@example.com\n', 'txt'),
    );
    expect(table!.size).toBe(2);
    expect(report.problems).toEqual([
      { line: 4, message: 'not an email: "nope"' },
      { line: 5, message: 'duplicate email a@example.com (first on line 2)' },
    ]);
  });
});

describe('compact columns', () => {
  it(
    'keeps 70,000 distinct ids, emails and numbers exactly (past the dictionary limit), UUIDs included',
    { timeout: 30_000 },
    async () => {
      const rows = ['email,id,n,ref'];
      for (let i = 0; i < 70_000; i++) {
        const id = i === 69_999 ? 'not-a-uuid' : `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${'0'.repeat(11)}1`;
        rows.push(`u${i}@example.com,${id},${i},${i % 3 === 0 ? '' : `r${i}`}`);
      }
      const { table } = await readCsvDirectory(file(`${rows.join('\n')}\n`, 'csv'));
      expect(table!.size).toBe(70_000);
      for (const i of [0, 1, 65_535, 65_536, 69_998]) {
        expect(table!.record(i)).toEqual({
          email: `u${i}@example.com`,
          id: `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000001`,
          n: i,
          ...(i % 3 === 0 ? {} : { ref: `r${i}` }),
        });
      }
      expect(table!.user(69_999).id).toBe('not-a-uuid');
      expect(table!.find('U65536@EXAMPLE.COM')).toBe(65_536);
    },
  );
});
