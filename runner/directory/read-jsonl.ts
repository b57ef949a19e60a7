import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';
import { isEmail } from '../../src/lib/guardian-rules/is-email';
import type { CellValue, Column } from './column';
import { DirectoryTable } from './directory-table';
import { ReportBuilder } from './load-report';
import type { DirectoryLoad } from './read-csv';
import { MAX_FIELD_CHARS, MAX_LINE_CHARS, RowLines, describeSize } from './row-rules';

/**
 * A JSON Lines directory: one JSON object a line, exactly as the IAM provider would answer for that
 * user (`email` required; `id`, `name` optional; every key kept with its JSON type). Bad lines are
 * reported with their number and skipped.
 */
function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((max: number, v) => Math.max(max, longestString(v)), 0);
  if (isPlainObject(value)) return Object.values(value).reduce((max: number, v) => Math.max(max, longestString(v)), 0);
  return 0;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

export async function readJsonlDirectory(path: string): Promise<DirectoryLoad> {
  const report = new ReportBuilder(path);
  const digest = createHash('sha256');
  const table = new DirectoryTable(path);
  const lines = new RowLines();
  const cells: [Column, CellValue][] = [];
  let line = 0;
  let droppedKeys = 0;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  stream.on('data', (chunk) => {
    digest.update(chunk as string, 'utf8');
    if ((chunk as string).includes('\r\n')) report.note('CRLF line ends');
  });
  try {
    for await (let text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      if (line === 1 && text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        report.note('a byte-order mark at the start of the file was ignored');
      }
      if (text.trim() === '') continue;
      if (text.length > MAX_LINE_CHARS) {
        report.skip(line, `the line is ${describeSize(text.length)}, over the ${describeSize(MAX_LINE_CHARS)} limit`);
        continue;
      }
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (error) {
        report.skip(line, `not JSON (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      if (!isPlainObject(row)) {
        report.skip(line, `${kindOf(row)}, not a JSON object`);
        continue;
      }
      const email = row.email;
      if (email === undefined || email === null || email === '') {
        report.skip(line, 'no email');
        continue;
      }
      if (typeof email !== 'string' || !isEmail(email)) {
        report.skip(line, `not an email: ${JSON.stringify(email).slice(0, 80)}`);
        continue;
      }
      const longest = longestString(row);
      if (longest > MAX_FIELD_CHARS) {
        report.skip(line, `a field is ${describeSize(longest)}, over the ${describeSize(MAX_FIELD_CHARS)} limit`);
        continue;
      }
      cells.length = 0;
      for (const [key, value] of Object.entries(row)) {
        if (value === undefined) continue;
        const column = table.column([key]);
        if (!column) {
          droppedKeys++;
          continue;
        }
        cells.push([column, key === 'id' && typeof value === 'number' ? String(value) : (value as CellValue)]);
      }
      const added = table.add(email, cells);
      if (!added.added) {
        report.skip(line, `duplicate email ${email} (first on line ${lines.lineOfUser(added.duplicateOf)})`);
        continue;
      }
      lines.userAdded(line);
    }
  } catch (error) {
    return {
      table: undefined,
      report: report.build(0, `cannot read the file: ${error instanceof Error ? error.message : String(error)}`),
    };
  }
  if (droppedKeys > 0) report.note(`more than 256 distinct keys: ${droppedKeys} values of further keys ignored`);
  const sealed = table.seal(`sha256:${digest.digest('hex')}`);
  return { table: sealed, report: report.build(sealed.size) };
}
