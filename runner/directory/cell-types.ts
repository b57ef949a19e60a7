import type { CellValue } from './column';

/**
 * A CSV cell typed as the IAM provider's JSON would carry it (Guardian decodes the answer into Go's
 * `map[string]interface{}`): numbers are numbers, `true` / `false` booleans, `null` null, a cell that
 * holds a JSON array or object is that value (a list of manager emails), anything else text. An
 * empty cell is a key the answer does not have. Numbers keep leading zeros as text (`007` is not JSON).
 */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function typeCell(text: string): CellValue | undefined {
  if (text === '') return undefined;
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 45) {
    if (JSON_NUMBER.test(text)) {
      const n = Number(text);
      if (Number.isFinite(n)) return n;
    }
    return text;
  }
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (first === 91 || first === 123) {
    try {
      return JSON.parse(text) as CellValue;
    } catch {
      return text;
    }
  }
  return text;
}
