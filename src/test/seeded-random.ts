/**
 * A fixed pseudo-random walk (the C library's linear congruential generator): random cases that are the same on
 * every run, so a failure can be replayed. `random(n)` is a whole number from 0 to n - 1.
 */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}
