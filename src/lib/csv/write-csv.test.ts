import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, neutraliseFormula, toCsv } from './write-csv';

describe('neutraliseFormula', () => {
  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")'])(
    'prefixes %j with an apostrophe',
    (text) => expect(neutraliseFormula(text)).toBe(`'${text}`),
  );

  it.each(['ada@example.com', 'Ada Lovelace', '', '1+1', ' =not-at-start', "'quoted"])('leaves %j alone', (text) =>
    expect(neutraliseFormula(text)).toBe(text),
  );
});

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises before quoting, so the apostrophe lands inside the quotes', () => {
    expect(csvCell('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('writes our own numbers as numbers and nothing for missing values', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('round-trips hostile text through a real CSV parser', () => {
    const rows = [
      ['u1', 'a@b.co', 'Ada, "the" Countess', 'approved'],
      ['u2', '=2+3', 'line\nbreak', 'blocked'],
      ['u3', '@evil', '\u202Eevil', 'error'],
    ];
    const csv = toCsv(['id', 'email', 'name', 'status'], rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    expect(parsed).toEqual([
      ['id', 'email', 'name', 'status'],
      ['u1', 'a@b.co', 'Ada, "the" Countess', 'approved'],
      ['u2', "'=2+3", 'line\nbreak', 'blocked'],
      ['u3', "'@evil", '\u202Eevil', 'error'],
    ]);
  });

  it('ends every row with CRLF', () => {
    expect(csvRow(['a', 'b'])).toBe('a,b\r\n');
  });
});
