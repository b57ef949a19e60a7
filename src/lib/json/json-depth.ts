/**
 * JSON nested deeper than anything a policy needs. Guardian keeps keys it does not know, and any of
 * them may hold a value nested thousands of levels deep; every recursive walk over it (masking,
 * YAML, the diff, the form, React itself) would end in "Maximum call stack size exceeded". At the
 * API boundary such a part is replaced by its raw text, cut short, so the views show it as text;
 * writes leave it out (Guardian drops keys it does not know anyway) and say so.
 */

/** Deeper than this, a value is shown as raw text. Policies themselves nest about 8 levels. */
export const MAX_JSON_DEPTH = 64;
/** How much of the raw text is kept. */
const RAW_TEXT_LIMIT = 2_000;
/** Starts the raw text that stands for a part nested too deep. */
export const TOO_DEEP_PREFIX = '[nested too deep to show; as raw text] ';

type Json = unknown;
type Path = (string | number)[];

const isContainer = (value: Json): value is Record<string, Json> | Json[] =>
  typeof value === 'object' && value !== null;

/** Whether anything in `value` is nested deeper than `maxDepth` (without recursion). */
export function exceedsDepth(value: Json, maxDepth = MAX_JSON_DEPTH): boolean {
  const stack: [Json, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isContainer(node)) continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(node)) if (isContainer(child)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The start of a value's JSON text, written without recursion and stopped at `limit` characters. */
export function rawJsonText(value: Json, limit = RAW_TEXT_LIMIT): string {
  let out = '';
  // A stack of what is left to write: values, or literal text such as "," and "}".
  const todo: ({ text: string } | { value: Json })[] = [{ value }];
  while (todo.length > 0 && out.length < limit) {
    const next = todo.pop()!;
    if ('text' in next) {
      out += next.text;
      continue;
    }
    const node = next.value;
    if (!isContainer(node)) {
      out += JSON.stringify(node) ?? 'null';
      continue;
    }
    const isArray = Array.isArray(node);
    const entries = Object.entries(node);
    out += isArray ? '[' : '{';
    todo.push({ text: isArray ? ']' : '}' });
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      todo.push({ value: child });
      if (!isArray) todo.push({ text: `${JSON.stringify(key)}:` });
      if (i > 0) todo.push({ text: ',' });
    }
  }
  return out.length > limit ? `${out.slice(0, limit)}…` : todo.length > 0 ? `${out}…` : out;
}

/**
 * `value` with every part deeper than `maxDepth` replaced by its raw text (prefixed with
 * TOO_DEEP_PREFIX), and where those parts were. A value within the limit comes back as it is.
 */
export function capDepth<T>(value: T, maxDepth = MAX_JSON_DEPTH): { value: T; capped: Path[] } {
  if (!exceedsDepth(value, maxDepth)) return { value, capped: [] };
  const capped: Path[] = [];
  const copy = (node: Json, depth: number, path: Path): Json => {
    if (!isContainer(node)) return node;
    if (depth >= maxDepth) {
      capped.push(path);
      return `${TOO_DEEP_PREFIX}${rawJsonText(node)}`;
    }
    if (Array.isArray(node)) return node.map((item, i) => copy(item, depth + 1, [...path, i]));
    const out: Record<string, Json> = {};
    for (const [key, child] of Object.entries(node)) out[key] = copy(child, depth + 1, [...path, key]);
    return out;
  };
  return { value: copy(value, 0, []) as T, capped };
}

const isTooDeepText = (value: Json): value is string => typeof value === 'string' && value.startsWith(TOO_DEEP_PREFIX);

/** Where `value` holds parts that were nested too deep (replaced by their raw text), in document order. */
export function findTooDeep(value: Json): Path[] {
  const found: Path[] = [];
  const stack: [Json, Path][] = [[value, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (isTooDeepText(node)) found.push(path);
    else if (isContainer(node)) {
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push([child, [...path, Array.isArray(node) ? i : key]]);
      }
    }
  }
  return found;
}

/** Where a too-deep part is, short enough to say: `deep_extension.a.a.… (64 levels down)`. */
export function formatTooDeepPath(path: readonly (string | number)[]): string {
  return path.length > 4 ? `${path.slice(0, 3).join('.')}.… (${path.length} levels down)` : path.join('.');
}

/** `value` without the parts that stand for something nested too deep: what a write can send. */
export function omitTooDeep<T>(value: T): T {
  if (findTooDeep(value).length === 0) return value;
  const strip = (node: Json): Json => {
    if (Array.isArray(node)) return node.filter((item) => !isTooDeepText(item)).map(strip);
    if (!isContainer(node)) return node;
    const out: Record<string, Json> = {};
    for (const [key, child] of Object.entries(node)) if (!isTooDeepText(child)) out[key] = strip(child);
    return out;
  };
  return strip(value) as T;
}
