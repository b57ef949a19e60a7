/**
 * Deterministic randomness for the mock: every value is a pure function of (seed, index, salt), so
 * user 999,999 or policy 9,999 can be computed on its own, in any order, without holding state.
 * Math.random is never used: a reload, another tab or the HTTP server sees the same data.
 */

/** murmur3's finaliser: a fast, well-mixed 32-bit hash step. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of up to three integers. */
export function hash32(a: number, b = 0, c = 0): number {
  let h = fmix32((a | 0) ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(b | 0, 0x27d4eb2d));
  h = fmix32(h ^ Math.imul(c | 0, 0x165667b1));
  return h;
}

/** A string hash (FNV-1a), for seeding by name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** A sequential generator for code that wants "the next number" (generation of one policy, a shuffle). */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = hash32(seed, 0x5eed) || 1;
  }
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Shuffles in place (Fisher–Yates). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

const HEX = '0123456789abcdef';

function hex8(n: number): string {
  let s = '';
  for (let shift = 28; shift >= 0; shift -= 4) s += HEX[(n >>> shift) & 15];
  return s;
}

/** A UUID-shaped (version 4 layout) identifier derived from (seed, index, salt). */
export function uuidFrom(seed: number, index: number, salt = 0): string {
  const a = hex8(hash32(seed, index, salt ^ 0x1111));
  const b = hex8(hash32(seed, index, salt ^ 0x2222));
  const c = hex8(hash32(seed, index, salt ^ 0x3333));
  const d = hex8(hash32(seed, index, salt ^ 0x4444));
  const variant = HEX[8 + (parseInt(c[0]!, 16) & 3)];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
