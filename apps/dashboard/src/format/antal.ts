const antalformat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** A count, grouped the Swedish way: `1 782`. Counts are small exact integers, so Intl is exact here. */
export function formatAntal(antal: number): string {
  if (!Number.isSafeInteger(antal)) throw new RangeError(`ett antal måste vara ett heltal, fick ${antal}`);
  return antalformat.format(antal);
}
