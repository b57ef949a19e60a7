import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { isEmail } from '../../src/lib/guardian-rules/is-email';
import type { CellValue, Column } from './column';
import { typeCell } from './cell-types';
import { DirectoryTable } from './directory-table';
import { ReportBuilder, type LoadReport } from './load-report';
import { MAX_FIELD_CHARS, RowLines, describeSize } from './row-rules';

/**
 * A CSV directory: a header row naming the fields (`email` required; `id`, `name` optional; a dotted
 * header such as `manager.email` is a nested key), then one user a row. Cells are typed as the IAM
 * provider's JSON would carry them (cell-types.ts). Bad rows are reported with their line and
 * skipped; a byte-order mark and CRLF line ends are taken in stride.
 */
export interface DirectoryLoad {
  table: DirectoryTable | undefined;
  report: LoadReport;
}

interface HeaderPlan {
  columns: (Column | undefined)[];
  emailAt: number;
  /** Columns kept as text whatever they look like. */
  textAt: Set<number>;
}

function planHeader(cells: string[], table: DirectoryTable, report: ReportBuilder): HeaderPlan | string {
  if (cells[0]?.charCodeAt(0) === 0xfeff) {
    cells[0] = cells[0].slice(1);
    report.note('a byte-order mark at the start of the file was ignored');
  }
  const names = cells.map((c) => c.trim());
  const seen = new Map<string, number>();
  for (const [i, name] of names.entries()) {
    if (name === '') return `column ${i + 1} of the header has no name`;
    if (name.split('.').some((part) => part === '')) return `header "${name}" has an empty part between dots`;
    if (seen.has(name)) return `header "${name}" appears twice (columns ${seen.get(name)! + 1} and ${i + 1})`;
    seen.set(name, i);
  }
  for (const name of names) {
    const clash = names.find((other) => other.startsWith(`${name}.`));
    if (clash) return `header "${name}" is a value and also holds "${clash}"`;
  }
  const emailAt = names.indexOf('email');
  if (emailAt < 0) return 'the header has no "email" column';
  const columns = names.map((name) => table.column(name.split('.')));
  const dropped = names.filter((_, i) => columns[i] === undefined);
  if (dropped.length > 0)
    report.note(`more than 256 columns: ${dropped.length} ignored (${dropped.slice(0, 3).join(', ')}…)`);
  const textAt = new Set(['email', 'id', 'name'].map((n) => names.indexOf(n)).filter((i) => i >= 0));
  return { columns, emailAt, textAt };
}

export function readCsvDirectory(path: string): Promise<DirectoryLoad> {
  return new Promise((resolve) => {
    const report = new ReportBuilder(path);
    const digest = createHash('sha256');
    const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => digest.update(chunk as string, 'utf8'));
    let table: DirectoryTable | undefined = new DirectoryTable(path);
    let plan: HeaderPlan | undefined;
    let fatal: string | undefined;
    const lines = new RowLines();
    const cells: [Column, CellValue][] = [];

    const finish = () => {
      if (fatal || !table) return resolve({ table: undefined, report: report.build(0, fatal) });
      const sealed = table.seal(`sha256:${digest.digest('hex')}`);
      resolve({ table: sealed, report: report.build(sealed.size) });
    };

    Papa.parse<string[]>(stream, {
      header: false,
      skipEmptyLines: false,
      step(results, parser) {
        const row = results.data;
        const line = lines.next(row);
        if (results.meta.linebreak === '\r\n') report.note('CRLF line ends');
        if (!plan) {
          const planned = planHeader(row, table!, report);
          if (typeof planned === 'string') {
            fatal = `line ${line}: ${planned}`;
            table = undefined;
            parser.abort();
            return;
          }
          plan = planned;
          return;
        }
        if (row.length === 1 && row[0] === '') return; // an empty line is no user
        const quoteError = results.errors.find((e) => e.type === 'Quotes');
        if (quoteError) return report.skip(line, `a quoted field is not closed (${quoteError.message})`);
        if (row.length !== plan.columns.length)
          return report.skip(line, `has ${row.length} fields, the header has ${plan.columns.length}`);
        const email = row[plan.emailAt]!.trim();
        if (email === '') return report.skip(line, 'no email');
        if (!isEmail(email)) return report.skip(line, `not an email: ${JSON.stringify(email.slice(0, 80))}`);
        cells.length = 0;
        for (let i = 0; i < row.length; i++) {
          const text = row[i]!;
          if (text.length > MAX_FIELD_CHARS) {
            return report.skip(
              line,
              `field "${plan.columns[i]?.path.join('.') ?? i + 1}" is ${describeSize(text.length)}, over the ${describeSize(MAX_FIELD_CHARS)} limit`,
            );
          }
          const column = plan.columns[i];
          if (!column) continue;
          const value =
            i === plan.emailAt ? email : plan.textAt.has(i) ? (text === '' ? undefined : text) : typeCell(text);
          if (value !== undefined) cells.push([column, value]);
        }
        const added = table!.add(email, cells);
        if (!added.added)
          report.skip(line, `duplicate email ${email} (first on line ${lines.lineOfUser(added.duplicateOf)})`);
        else lines.userAdded(line);
      },
      complete: finish,
      error(error: Error) {
        fatal = `cannot read the file: ${error.message}`;
        finish();
      },
    });
  });
}
