const antalformat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** A count, grouped the Swedish way: `1 782`. Counts are small exact integers, so Intl is exact here. */
export function formatAntal(antal: number): string {
  if (!Number.isSafeInteger(antal)) throw new RangeError(`ett antal måste vara ett heltal, fick ${antal}`);
  return antalformat.format(antal);
}

/** A count with its noun in the right number: `1 nämnd`, `2 964 nämnder`; the plural defaults to the singular (`ansvar`). */
export function formatAntalAv(antal: number, singular: string, plural = singular): string {
  return `${formatAntal(antal)} ${antal === 1 ? singular : plural}`;
}
