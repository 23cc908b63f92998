/** A small seeded PRNG (mulberry32): the same seed gives the same city, on every machine. */
export function slump(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    heltal: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    valj: <T>(lista: readonly T[]): T => lista[Math.floor(next() * lista.length)]!,
    /** A factor around 1: 1 ± spread. */
    faktor: (spread: number): number => 1 + (next() * 2 - 1) * spread,
  };
}
export type Slump = ReturnType<typeof slump>;
