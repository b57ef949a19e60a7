import { compileCharSet, type SetTest } from './char-set';
import type { AssertKind, RegexNode } from './regex-ast';

/**
 * A parsed regexp as a Thompson NFA: instructions that consume one code point (`char`, `set`,
 * `any`) or none (`split`, `assert`, `match`). Every repetition becomes a loop through a `split`,
 * never a copy per attempt, so the program is linear in the pattern's size (Go bounds that size).
 */
export type Inst =
  | { op: 'char'; cp: number; next: number }
  | { op: 'set'; test: SetTest; next: number }
  | { op: 'any'; newline: boolean; next: number }
  | { op: 'assert'; kind: AssertKind; next: number }
  | { op: 'split'; x: number; y: number }
  | { op: 'match' };

export interface Program {
  insts: Inst[];
  start: number;
  /** Every way through the pattern starts with `^` or `\A`: a match can only begin at offset 0. */
  anchoredStart: boolean;
}

export function compileRegexProgram(root: RegexNode): Program {
  const insts: Inst[] = [{ op: 'match' }];
  const start = emit(root, 0, insts);
  return { insts, start, anchoredStart: beginsAtTextStart(root) };
}

/** Emits `node` so that it continues at `next`; returns its first instruction. */
function emit(node: RegexNode, next: number, insts: Inst[]): number {
  switch (node.type) {
    case 'empty':
      return next;
    case 'char':
      return push(insts, { op: 'char', cp: node.cp, next });
    case 'set':
      return push(insts, { op: 'set', test: compileCharSet(node.set), next });
    case 'any':
      return push(insts, { op: 'any', newline: node.newline, next });
    case 'assert':
      return push(insts, { op: 'assert', kind: node.kind, next });
    case 'concat': {
      let pc = next;
      for (let i = node.items.length - 1; i >= 0; i--) pc = emit(node.items[i] as RegexNode, pc, insts);
      return pc;
    }
    case 'alternate': {
      let pc = emit(node.items[node.items.length - 1] as RegexNode, next, insts);
      for (let i = node.items.length - 2; i >= 0; i--) {
        pc = push(insts, { op: 'split', x: emit(node.items[i] as RegexNode, next, insts), y: pc });
      }
      return pc;
    }
    case 'repeat':
      return emitRepeat(node.item, node.min, node.max, next, insts);
  }
}

function emitRepeat(item: RegexNode, min: number, max: number, next: number, insts: Inst[]): number {
  let pc = next;
  if (max < 0) {
    // The loop: a split that either runs the item once more (and comes back) or leaves.
    const loop = push(insts, { op: 'split', x: next, y: next });
    (insts[loop] as { x: number }).x = emit(item, loop, insts);
    pc = loop;
  } else {
    // x{n,m}: after the n required copies, m-n optional ones, each one's way out leading to `next`.
    for (let i = 0; i < max - min; i++) pc = push(insts, { op: 'split', x: emit(item, pc, insts), y: next });
  }
  for (let i = 0; i < min; i++) pc = emit(item, pc, insts);
  return pc;
}

function push(insts: Inst[], inst: Inst): number {
  insts.push(inst);
  return insts.length - 1;
}

/** Every way through the pattern starts with `^` or `\A`. */
export function beginsAtTextStart(node: RegexNode): boolean {
  switch (node.type) {
    case 'assert':
      return node.kind === 'text-start';
    case 'concat':
      return node.items.length > 0 && beginsAtTextStart(node.items[0] as RegexNode);
    case 'alternate':
      return node.items.every(beginsAtTextStart);
    case 'repeat':
      return node.min > 0 && beginsAtTextStart(node.item);
    default:
      return false;
  }
}
