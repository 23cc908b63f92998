/**
 * At most `antal` events per key within a sliding `fonsterMs`: a small in-memory limit for one process.
 * `forsok(key)` counts an event and says whether it is within the limit; when not, how long until it is.
 */
export function hastighetsgrans({ antal, fonsterMs }: { antal: number; fonsterMs: number }) {
  const handelser = new Map<string, number[]>();
  let senastStadat = Date.now();
  return {
    forsok(key: string, nu = Date.now()): { tillatet: true } | { tillatet: false; vantaSekunder: number } {
      if (nu - senastStadat > fonsterMs) {
        // Forget keys that have been quiet for a whole window, so the map does not grow with every address.
        for (const [gammal, tider] of handelser) if (tider.at(-1)! <= nu - fonsterMs) handelser.delete(gammal);
        senastStadat = nu;
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
