import type { KeyValueRow } from '../form/policy-form-schema';
import type { FormIssue, IssuePath } from './form-issue';
import { laterDuplicates, quote } from './text-checks';

interface KeyValueOptions {
  /** Keys compared without case (HTTP header names). */
  caseInsensitive?: boolean;
  valueRequired?: string;
}

/** Rows of a string map (labels, IAM headers, IAM schema): every key set, no key twice. */
export function keyValueIssues(
  rows: KeyValueRow[],
  at: IssuePath,
  noun: string,
  options: KeyValueOptions = {},
): FormIssue[] {
  const issues: FormIssue[] = [];
  const duplicates = laterDuplicates(rows, (row) => (options.caseInsensitive ? row.key.toLowerCase() : row.key));
  rows.forEach((row, index) => {
    if (row.key === '') {
      const fix = row.value === '' ? ` or remove the empty row` : '';
      issues.push({ path: [...at, index, 'key'], message: `Give this ${noun} a key${fix}.` });
    } else if (row.key.trim() !== row.key) {
      issues.push({ path: [...at, index, 'key'], message: 'Remove the spaces around the key.' });
    } else if (duplicates.has(index)) {
      issues.push({
        path: [...at, index, 'key'],
        message: `The key ${quote(row.key)} is already used in row ${(duplicates.get(index) ?? 0) + 1}: a key can appear only once.`,
      });
    }
    if (options.valueRequired && row.value === '' && row.key !== '') {
      issues.push({ path: [...at, index, 'value'], message: options.valueRequired });
    }
  });
  return issues;
}
