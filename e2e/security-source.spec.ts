import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Untrusted text (ids, titles, expressions, names, emails) must only ever reach the DOM as text.
 * ESLint forbids `dangerouslySetInnerHTML` in JSX; this also catches the DOM-level sinks lint does
 * not see (innerHTML assignments, document.write, eval), in source and tests alike.
 */
const SINKS: [RegExp, string][] = [
  [/dangerouslySetInnerHTML/, 'dangerouslySetInnerHTML'],
  [/\.(inner|outer)HTML\s*=(?!=)/, 'an innerHTML/outerHTML assignment'],
  [/\binsertAdjacentHTML\s*\(/, 'insertAdjacentHTML'],
  [/\bdocument\.write(ln)?\s*\(/, 'document.write'],
  [/\bcreateContextualFragment\s*\(/, 'Range.createContextualFragment'],
  [/(^|[^.\w])eval\s*\(/, 'eval'],
  [/\bnew\s+Function\s*\(/, 'new Function'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) ? [path] : [];
  });
}

test('src/ has no HTML-injection sink', () => {
  const files = sourceFiles('src');
  expect(files.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        // A line that only talks about a sink (a comment) is not one.
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        for (const [pattern, what] of SINKS) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}`);
      });
  }
  expect(found).toEqual([]);
});

test('the lint rule that forbids dangerouslySetInnerHTML is in force', () => {
  const config = readFileSync('eslint.config.js', 'utf8');
  expect(config).toMatch(/JSXAttribute\[name\.name='dangerouslySetInnerHTML'\]/);
});
