import { exceedsDepth, MAX_JSON_DEPTH } from '@/lib/json/json-depth';
import { jsonErrorOffset } from './json-error-offset';

/**
 * A JSON object typed into a field: the value, or where it went wrong (line and column, 1-based)
 * in words a person can act on.
 */
export type JsonObjectResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; message: string; line?: number; column?: number };

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function parseJsonObject(text: string, what: string): JsonObjectResult {
  if (text.trim() === '') return { ok: false, message: `${what} is empty: write a JSON object, e.g. {}` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const at = lineColumn(text, offset);
    const found = offset >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[offset])}`;
    return {
      ok: false,
      message: `${what} is not valid JSON at line ${at.line}, column ${at.column}: ${found}.`,
      ...at,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return { ok: false, message: `${what} must be a JSON object ({ … }), not ${kind}.`, line: 1, column: 1 };
  }
  // Every walk over a traced value (the worker's copy, the expressions, the view) is recursive.
  if (exceedsDepth(value)) {
    return {
      ok: false,
      message: `${what} is nested more than ${MAX_JSON_DEPTH} levels deep, more than an appeal can use: leave the deepest parts out.`,
      line: 1,
      column: 1,
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
