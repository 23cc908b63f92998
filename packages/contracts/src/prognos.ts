import { z } from 'zod';

import { kontogruppTyp, type KontogruppKod } from './kontogrupper.js';
import { addOre, type Ore } from './money.js';

/** The ordinary occasions a helårsprognos is made, by every nämnd: after April (tertial 1) and after August (tertial 2). */
export const ORDINARIE_TILLFALLEN = ['april', 'augusti'] as const;
/**
 * The months an extra round (månadsprognos) can follow up, for chosen nämnder, e.g. those forecasting a deficit after
 * April. A round is named by the last month of its utfall period.
 */
export const MANADSPROGNOS_TILLFALLEN = ['februari', 'mars', 'maj', 'juni', 'juli', 'september', 'oktober', 'november'] as const;
/** Every tillfälle a forecast round can have, in the year's order. */
export const PROGNOSTILLFALLEN = [
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
] as const;
export const prognostillfalleSchema = z.enum(PROGNOSTILLFALLEN, {
  error: () => `ska vara ett av ${PROGNOSTILLFALLEN.join(', ')}`,
});
export type Prognostillfalle = z.infer<typeof prognostillfalleSchema>;

/** A round is ordinary (april, augusti: every nämnd) or a månadsprognos for chosen nämnder. */
export const PROGNOSOMGANG_TYPER = ['ordinarie', 'manadsprognos'] as const;
export const prognosomgangTypSchema = z.enum(PROGNOSOMGANG_TYPER);
export type PrognosomgangTyp = z.infer<typeof prognosomgangTypSchema>;

/**
 * A forecast's workflow: saved but not submitted (`utkast`), marked ready by the chef (`klarmarkerad`), approved by
 * the förvaltningsekonom (`godkand`) or sent back with a comment (`aterskickad`), after which the chef's next save
 * starts over as an utkast. An ansvar with no saved version is "ej påbörjad".
 */
export const PROGNOSSTATUSAR = ['utkast', 'klarmarkerad', 'godkand', 'aterskickad'] as const;
export const prognosstatusSchema = z.enum(PROGNOSSTATUSAR);
export type Prognosstatus = z.infer<typeof prognosstatusSchema>;
/** Progress of one ansvar in a round: its forecast's status, or `ej-paborjad` when it has none. */
export type Prognosframsteg = Prognosstatus | 'ej-paborjad';

export const arSchema = z.number({ error: 'ska vara ett årtal' }).int().min(2000).max(2100);

export interface PrognosRad {
  readonly kontogrupp: KontogruppKod;
  readonly beloppOre: Ore;
}

export interface PrognosSumma {
  readonly intakterOre: Ore;
  readonly kostnaderOre: Ore;
  /** Cost minus revenue: what the ansvar costs the city net. */
  readonly nettokostnadOre: Ore;
}

/** Sums a forecast's lines into revenue, cost and net cost, exactly, in öre. */
export function summeraRader(rader: readonly PrognosRad[]): PrognosSumma {
  let intakterOre = 0;
  let kostnaderOre = 0;
  for (const rad of rader) {
    if (kontogruppTyp(rad.kontogrupp) === 'intakt') intakterOre = addOre(intakterOre, rad.beloppOre);
    else kostnaderOre = addOre(kostnaderOre, rad.beloppOre);
  }
  return { intakterOre, kostnaderOre, nettokostnadOre: addOre(kostnaderOre, -intakterOre) };
}

/** The last month of the period a forecast follows up: April's covers January to April, August's to August. */
export function periodensSistaManad(tillfalle: Prognostillfalle): number {
  return PROGNOSTILLFALLEN.indexOf(tillfalle) + 2;
}

/** The last day of the period a forecast follows up: the organisation of that day is the one it is reported in. */
export function periodensSlut(ar: number, tillfalle: Prognostillfalle): string {
  const manad = periodensSistaManad(tillfalle);
  const sistaDagen = new Date(Date.UTC(ar, manad, 0)).getUTCDate();
  return `${ar}-${String(manad).padStart(2, '0')}-${String(sistaDagen).padStart(2, '0')}`;
}

/** Whether a tillfälle is one of the ordinary rounds that every nämnd forecasts in. */
export function arOrdinarieTillfalle(tillfalle: Prognostillfalle): boolean {
  return (ORDINARIE_TILLFALLEN as readonly string[]).includes(tillfalle);
}

// --- Årsarbetare ----------------------------------------------------------------------------------------

/** Årsarbetare (full-time equivalents) are given with at most one decimal and kept exactly as tenths. */
export type Tiondelar = number;

/** The most årsarbetare one ansvar may have: far above any real unit, so a typo is caught. */
export const STORSTA_ANTAL_ARSARBETARE = 100_000;

/** A request field holding årsarbetare: a number (or Swedish decimal text, `12,5`) with at most one decimal, as tenths. */
export const arsarbetareSchema = z
  .union([z.number(), z.string()], { error: 'ska vara ett antal årsarbetare, till exempel 12,5' })
  .transform((value, ctx) => {
    const tiondelar = tolkaArsarbetare(value);
    if (tiondelar === undefined) {
      ctx.addIssue({ code: 'custom', message: 'ska vara ett antal årsarbetare med högst en decimal' });
      return z.NEVER;
    }
    if (tiondelar > STORSTA_ANTAL_ARSARBETARE * 10) {
      ctx.addIssue({ code: 'custom', message: `får vara högst ${STORSTA_ANTAL_ARSARBETARE.toLocaleString('sv-SE')} årsarbetare` });
      return z.NEVER;
    }
    return tiondelar;
  });

/** `12,5`, `12.5` or 12.5 to 125 tenths; undefined for anything negative, non-numeric or with more than one decimal. */
export function tolkaArsarbetare(value: number | string): Tiondelar | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.replace(/[\s\u00a0]/g, '');
  const match = /^(\d{1,7})(?:[.,](\d))?$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 10 + Number(match[2] ?? '0');
}

/** Tenths back to årsarbetare for the API (125 to 12.5); exact, as every tenth has a shortest decimal form. */
export function arsarbetare(tiondelar: Tiondelar): number {
  return tiondelar / 10;
}
