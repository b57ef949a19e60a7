/**
 * CSV for people who open it in a spreadsheet: RFC 4180 quoting, CRLF rows, and cells that a
 * spreadsheet would run as a formula neutralised with a leading apostrophe (OWASP "CSV injection").
 * User names and emails come from a directory we do not control, so every cell is treated as hostile.
 */

/** Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvCell = string | number | boolean | null | undefined;

/** `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`: shown as text, never evaluated. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers are our own counts, not user input: a negative number stays a number.
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A whole table as one string; for large exports build Blob parts with `csvRow` instead. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = csvRow(header);
  for (const row of rows) out += csvRow(row);
  return out;
}

/** Byte-order mark: without it Excel reads UTF-8 names (José, 山田) as mojibake. */
export const CSV_BOM = '\uFEFF';
