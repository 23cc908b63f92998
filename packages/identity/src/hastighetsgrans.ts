/**
 * At most `antal` events per key within a sliding `fonsterMs`: a small in-memory limit for one process.
 * `forsok(key)` counts an event and says whether it is within the limit; when not, how long until it is.
 * The map is bounded: keys quiet for a whole window are forgotten (at least once a window, and at once when
 * the map reaches `maxNycklar`), and if it is still full the oldest keys make room for the new one.
 */
export function hastighetsgrans({ antal, fonsterMs, maxNycklar = 50_000 }: { antal: number; fonsterMs: number; maxNycklar?: number }) {
  const handelser = new Map<string, number[]>();
  let senastStadat = Date.now();
  const stada = (nu: number) => {
    for (const [gammal, tider] of handelser) if (!tider.length || tider.at(-1)! <= nu - fonsterMs) handelser.delete(gammal);
    senastStadat = nu;
  };
  return {
    /** How many keys it remembers now (for the tests). */
    get storlek() {
      return handelser.size;
    },
    forsok(key: string, nu = Date.now()): { tillatet: true } | { tillatet: false; vantaSekunder: number } {
      // Forget keys that have been quiet for a whole window, so the map does not grow with every address.
      if (nu - senastStadat > fonsterMs) stada(nu);
      if (!handelser.has(key) && handelser.size >= maxNycklar) {
        stada(nu);
        // Still full of live keys: drop the oldest (a Map iterates in insertion order).
        for (const gammal of handelser.keys()) {
          if (handelser.size < maxNycklar) break;
          handelser.delete(gammal);
        }
      }
      const tider = (handelser.get(key) ?? []).filter((tid) => tid > nu - fonsterMs);
      if (tider.length >= antal) {
        handelser.set(key, tider);
        return { tillatet: false, vantaSekunder: Math.max(1, Math.ceil((tider[0]! + fonsterMs - nu) / 1000)) };
      }
      tider.push(nu);
      handelser.set(key, tider);
      return { tillatet: true };
    },
  };
}
