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
    for (let i = 0; i < length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdfff) {
        const low = cp <= 0xdbff ? text.charCodeAt(i + 1) : NaN;
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          i++;
        } else cp = 0xfffd; // what Go reads for an invalid sequence
      }
      let next = cp < 128 ? state.ascii[cp] : state.other?.get(cp);
      if (next === undefined) next = this.step(state, cp);
      if (next === MATCHED) return true;
      if (next === DEAD) return false;
      state = next;
    }
    if (state.matchesAtEnd === undefined) state.matchesAtEnd = this.closure(state, -1, undefined);
    return state.matchesAtEnd;
  }

  /** The transition out of `state` on `cp`, computed and remembered. */
  private step(state: DfaState, cp: number): DfaState {
    const kernel: number[] = [];
    const next = this.closure(state, cp, kernel) ? MATCHED : this.stateAfter(kernel, classOf(cp));
    if (this.states.size > MAX_STATES) {
      // A pattern with too many state sets: forget them (the work stays linear, only slower).
      this.states = new Map();
      this.initial = this.state([this.start], TEXT_START);
    }
    if (cp < 128) state.ascii[cp] = next;
    else (state.other ??= new Map()).set(cp, next);
    return next;
  }

  /**
   * Follows the empty transitions from `state`'s instructions with `cp` (-1: the end of the text)
   * as the next character. True when that reaches `match`; otherwise the instructions reached
   * that consume `cp` add their successors to `kernel`.
   */
  private closure(state: DfaState, cp: number, kernel: number[] | undefined): boolean {
    const insts = this.insts;
    const marks = this.marks;
    const gen = this.nextGeneration();
    const stack = state.kernel.slice();
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
          if (holds(inst.kind, state.previous, cp)) stack.push(inst.next);
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
    if (kernel) kernel.push(...stepped);
    return false;
  }

  private stateAfter(kernel: number[], previous: number): DfaState {
    if (!this.anchoredStart) kernel.push(this.start);
    else if (kernel.length === 0) return DEAD;
    return this.state(kernel, previous);
  }

  private state(kernel: number[], previous: number): DfaState {
    const unique = [...new Set(kernel)].sort((a, b) => a - b);
    const key = `${previous}:${unique.join(',')}`;
    let state = this.states.get(key);
    if (!state) {
      state = newState(unique, previous);
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
    ascii: new Array<DfaState | undefined>(128).fill(undefined),
    other: undefined,
    matchesAtEnd: undefined,
  };
}

/** Bounds the memory one pattern's states can take (each holds a 128-entry table). */
const MAX_STATES = 2000;

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
