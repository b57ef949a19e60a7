import type { AssertKind } from './regex-ast';
import type { Inst, Program } from './regex-program';

/**
 * Does the program match anywhere in the text? Go's regexp answers in time linear in the text;
 * so does this: the NFA is run as a set of states stepped one code point at a time (no
 * backtracking), and each set met is kept as a DFA state with its transitions, so a pattern that is
 * used again (every user of a policy) mostly costs one table look-up per character.
 *
 * The empty-width assertions (`^`, `$`, `\b`, …) look at the characters either side of a position:
 * a state remembers what kind the last character was, and its epsilon closure is taken when the
 * next one is read, so each transition is still a function of (state, next code point).
 */
export class LazyDfa {
  readonly engine = 'dfa';
  private readonly insts: Inst[];
  private readonly start: number;
  private readonly anchoredStart: boolean;
  private states = new Map<string, DfaState>();
  private initial: DfaState;
  /** Closure bookkeeping: an instruction is on this step's list when its mark is the generation. */
  private readonly marks: Uint32Array;
  private generation = 0;

  constructor(program: Program) {
    this.insts = program.insts;
    this.start = program.start;
    this.anchoredStart = program.anchoredStart;
    this.marks = new Uint32Array(program.insts.length);
    this.initial = this.state([program.start], TEXT_START);
  }

  test(text: string): boolean {
    let state = this.initial;
    const length = text.length;
    const budget = this.states.size + MAX_STATES_PER_TEXT;
    for (let i = 0; i < length; i++) {
      let cp = text.charCodeAt(i);
      let next: DfaState | undefined;
      if (cp < 128) next = state.ascii[cp];
      else {
        cp = runeAt(text, i);
        if (cp > 0xffff) i++;
        next = state.other?.get(cp);
      }
      if (next === undefined) {
        // Each character makes a new state: caching does not pay, step the NFA without it.
        if (this.states.size > budget) return this.simulate(text, i, state.kernel, state.previous);
        next = this.step(state, cp);
      }
      if (next === MATCHED) return true;
      if (next === DEAD) return false;
      state = next;
    }
    state.matchesAtEnd ??= this.closure(state.kernel, state.previous, -1, undefined);
    return state.matchesAtEnd;
  }

  /** The NFA run from offset `i` on, as the DFA would, but keeping no states. */
  private simulate(text: string, i: number, kernel: number[], previous: number): boolean {
    for (; i < text.length; i++) {
      const cp = runeAt(text, i);
      if (cp > 0xffff) i++;
      const next: number[] = [];
      if (this.closure(kernel, previous, cp, next)) return true;
      if (!this.anchoredStart) next.push(this.start);
      else if (next.length === 0) return false;
      kernel = next;
      previous = classOf(cp);
    }
    return this.closure(kernel, previous, -1, undefined);
  }

  /** The transition out of `state` on `cp`, computed and remembered. */
  private step(state: DfaState, cp: number): DfaState {
    const kernel: number[] = [];
    const next = this.closure(state.kernel, state.previous, cp, kernel)
      ? MATCHED
      : this.stateAfter(kernel, classOf(cp));
    if (this.states.size > MAX_STATES) {
      // Too many state sets for one pattern: forget them (the work stays linear, only slower).
      this.states = new Map();
      this.initial = this.state([this.start], TEXT_START);
    }
    if (cp < 128) state.ascii[cp] = next;
    else (state.other ??= new Map()).set(cp, next);
    return next;
  }

  /**
   * Follows the empty transitions from the `kernel` instructions, between a character of class
   * `previous` and `cp` (-1: the end of the text). True when that reaches `match`; otherwise the
   * instructions reached that consume `cp` add their successors to `out`, each once.
   */
  private closure(kernel: number[], previous: number, cp: number, out: number[] | undefined): boolean {
    const insts = this.insts;
    const marks = this.marks;
    let gen = this.nextGeneration();
    const stack = kernel.slice();
    const stepped: number[] = [];
    while (stack.length > 0) {
      const pc = stack.pop() as number;
      if (marks[pc] === gen) continue;
      marks[pc] = gen;
      const inst = insts[pc] as Inst;
      switch (inst.op) {
        case 'match':
          return true;
        case 'split':
          stack.push(inst.y, inst.x);
          break;
        case 'assert':
          if (holds(inst.kind, previous, cp)) stack.push(inst.next);
          break;
        case 'char':
          if (inst.cp === cp) stepped.push(inst.next);
          break;
        case 'set':
          if (cp >= 0 && inst.test(cp)) stepped.push(inst.next);
          break;
        case 'any':
          if (cp >= 0 && (inst.newline || cp !== NEWLINE)) stepped.push(inst.next);
          break;
      }
    }
    if (out) {
      gen = this.nextGeneration();
      for (const pc of stepped) {
        if (marks[pc] === gen) continue;
        marks[pc] = gen;
        out.push(pc);
      }
    }
    return false;
  }

  private stateAfter(kernel: number[], previous: number): DfaState {
    if (!this.anchoredStart) {
      if (this.marks[this.start] !== this.generation) kernel.push(this.start);
    } else if (kernel.length === 0) return DEAD;
    return this.state(kernel, previous);
  }

  /** The state for these instructions (no duplicates) after a character of class `previous`. */
  private state(kernel: number[], previous: number): DfaState {
    kernel.sort((a, b) => a - b);
    const key = `${previous}:${kernel.join(',')}`;
    let state = this.states.get(key);
    if (!state) {
      state = newState(kernel, previous);
      this.states.set(key, state);
    }
    return state;
  }

  private nextGeneration(): number {
    if (this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

interface DfaState {
  /** The NFA instructions to continue from, before their empty transitions. */
  kernel: number[];
  /** What the last character read was (TEXT_START, NEWLINE, WORD or OTHER). */
  previous: number;
  ascii: (DfaState | undefined)[];
  other: Map<number, DfaState> | undefined;
  matchesAtEnd: boolean | undefined;
}

function newState(kernel: number[], previous: number): DfaState {
  return {
    kernel,
    previous,
    // Packed (no holes): V8 reads it without a hole check.
    ascii: Array.from({ length: 128 }, () => undefined),
    other: undefined,
    matchesAtEnd: undefined,
  };
}

/** Bounds the memory one pattern's states can take (each holds a 128-entry table). */
const MAX_STATES = 2000;
/** New states one text may add before the rest of it is run without caching. */
const MAX_STATES_PER_TEXT = 1000;

const NEWLINE = 0x0a;
const TEXT_START = -1;
const WORD = 1;
const OTHER = 2;

const MATCHED = newState([], OTHER);
const DEAD = newState([], OTHER);

/** Go's `\b` knows ASCII word characters only. */
function isWordChar(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
}

function classOf(cp: number): number {
  if (cp === NEWLINE) return NEWLINE;
  return isWordChar(cp) ? WORD : OTHER;
}

/** Does the assertion hold between a character of class `previous` and the code point `next` (-1: end)? */
function holds(kind: AssertKind, previous: number, next: number): boolean {
  switch (kind) {
    case 'text-start':
      return previous === TEXT_START;
    case 'text-end':
      return next < 0;
    case 'line-start':
      return previous === TEXT_START || previous === NEWLINE;
    case 'line-end':
      return next < 0 || next === NEWLINE;
    case 'word-boundary':
      return (previous === WORD) !== (next >= 0 && isWordChar(next));
    case 'not-word-boundary':
      return (previous === WORD) === (next >= 0 && isWordChar(next));
  }
}

/** The code point at `i` (two UTF-16 units when above U+FFFF); U+FFFD for a lone surrogate, as Go reads invalid UTF-8. */
function runeAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdfff) return unit;
  const low = unit <= 0xdbff ? text.charCodeAt(i + 1) : NaN;
  return low >= 0xdc00 && low <= 0xdfff ? 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00) : 0xfffd;
}
