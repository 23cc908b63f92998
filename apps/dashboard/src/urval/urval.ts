import { arSchema, PROGNOSTILLFALLEN, prognostillfalleSchema, type Prognostillfalle } from '@tertial/contracts/prognos';

/** Which helårsprognos the dashboard shows: a year and a prognostillfälle. Kept in the URL as `?ar=2026&tillfalle=augusti`. */
export interface Urval {
  ar: number;
  tillfalle: Prognostillfalle;
}

export const TILLFALLEN: readonly Prognostillfalle[] = PROGNOSTILLFALLEN;

/** How many earlier years the year list offers besides the current one. */
const TIDIGARE_AR = 4;

/**
 * The current year and the latest tillfälle that has passed: the August forecast from September on,
 * otherwise the April one.
 */
export function standardurval(idag: Date): Urval {
  const september = 8;
  return { ar: idag.getFullYear(), tillfalle: idag.getMonth() >= september ? 'augusti' : 'april' };
}

/** Reads the urval from a query string; anything missing or invalid falls back to the default. */
export function lasUrval(search: string, idag: Date): Urval {
  const parametrar = new URLSearchParams(search);
  const standard = standardurval(idag);
  const arText = parametrar.get('ar');
  const ar = arSchema.safeParse(arText !== null && /^\d{4}$/.test(arText) ? Number(arText) : undefined);
  const tillfalle = prognostillfalleSchema.safeParse(parametrar.get('tillfalle'));
  return {
    ar: ar.success ? ar.data : standard.ar,
    tillfalle: tillfalle.success ? tillfalle.data : standard.tillfalle,
  };
}

/** Writes the urval into a query string, keeping any other parameters. */
export function skrivUrval(search: string, urval: Urval): string {
  const parametrar = new URLSearchParams(search);
  parametrar.set('ar', String(urval.ar));
  parametrar.set('tillfalle', urval.tillfalle);
  return `?${parametrar.toString()}`;
}

/** The years to choose from, newest first: this year and a few before, plus the chosen one if it lies outside. */
export function valbaraAr(idag: Date, valtAr: number): number[] {
  const iAr = idag.getFullYear();
  const ar = Array.from({ length: TIDIGARE_AR + 1 }, (_, index) => iAr - index);
  if (!ar.includes(valtAr)) ar.push(valtAr);
  return ar.sort((a, b) => b - a);
}

/** The tillfälle as an option in a list, with the tertial it follows. */
export function tillfalleSomVal(tillfalle: Prognostillfalle): string {
  switch (tillfalle) {
    case 'april':
      return 'April (tertial 1)';
    case 'augusti':
      return 'Augusti (tertial 2)';
    default:
      return `Månadsprognos ${tillfalle}`;
  }
}
