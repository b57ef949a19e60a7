import type { ExprNode } from './ast';

/**
 * What a traced evaluation reports while it runs. A trace compiles the expression with these hooks;
 * an ordinary compile has none and its closures are not wrapped at all.
 */
export interface TraceHooks {
  /** A `$…` path was read (`$appeal.creator.department`), with what it gave (nil when missing). */
  read(path: string, value: unknown, node: ExprNode): void;
  /** An evaluation error passed through `node`; called from the innermost node outwards. */
  fail(error: unknown, node: ExprNode): void;
  /** Called before every node evaluates: throw to stop an evaluation that does too much work. */
  tick(): void;
}

type Fn = (env: Record<string, unknown>, it: unknown) => unknown;

/** The dotted `$…` path a node reads, or null when it is not a plain member chain from a variable. */
function staticPath(node: ExprNode): string | null {
  if (node.type === 'Identifier') return node.name.startsWith('$') ? node.name : null;
  if (node.type === 'Member' && node.property.type === 'String') {
    const base = staticPath(node.object);
    return base === null ? null : `${base}.${node.property.value}`;
  }
  return null;
}

export function instrument(fn: Fn, node: ExprNode, hooks: TraceHooks, chainBreak: symbol): Fn {
  const path = staticPath(node);
  return (env, it) => {
    hooks.tick();
    let value: unknown;
    try {
      value = fn(env, it);
    } catch (error) {
      hooks.fail(error, node);
      throw error;
    }
    if (path !== null) hooks.read(path, value === chainBreak || value === undefined ? null : value, node);
    return value;
  };
}
