/**
 * A deterministic generator (an LCG) for seeded randomized tests: a failure names the seed that
 * reproduces it. Returns an integer in [0, n).
 */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return Math.floor((s / 0x80000000) * n);
  };
}
