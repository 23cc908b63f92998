import { addOre, type Ore } from '@tertial/contracts/money';

import { beloppText } from '../budget/belopp.js';
import { arHeltOre, avvisat, godkant, type Fel, type Validerat } from '../budget/validering.js';

/** The motives a project over 3 mnkr states, as "Styrning i Helsingborgs stad" lists them. */
export const INVESTERINGSMOTIV = {
  A: 'Attraktiv stad',
  E: 'Klimat- och energiplan',
  K: 'Kostnadsbesparande',
  L: 'Lagstiftning',
  M: 'Miljöeffekter',
  U: 'Underhåll befintlig investering',
  T: 'Tillväxt',
} as const;
export type Investeringsmotiv = keyof typeof INVESTERINGSMOTIV;

export const PAVERKAN = ['positiv', 'ingen', 'negativ'] as const;
export type Paverkan = (typeof PAVERKAN)[number];

export const HALLBARHETSASPEKTER = { social: 'social', miljomassig: 'miljömässig', ekonomisk: 'ekonomisk' } as const;
export type Hallbarhetsbedomning = { readonly [aspekt in keyof typeof HALLBARHETSASPEKTER]?: Paverkan | null };

/** The budget year and the six after it. */
export const PLANENS_LANGD_AR = 7;
/** A project whose budget over the plan is over 3 mnkr states its motive. */
export const MOTIV_KRAVS_OVER_ORE = 300_000_000;
/** Over 15 mnkr it is also assessed for social, miljömässig and ekonomisk hållbarhet. */
export const HALLBARHET_KRAVS_OVER_ORE = 1_500_000_000;

export interface Projektar {
  readonly ar: number;
  readonly budgetOre: Ore;
  readonly utfallOre?: Ore | null;
  readonly prognosOre?: Ore | null;
  /** Where the prognos came from when a chef's helårsprognos set it; absent when typed in by the ekonomidirektör. */
  readonly prognosKalla?: Prognoskalla | null;
}

/** The helårsprognos that set a project-year's prognos: its tillfälle's place in the year and its `andring`. */
export interface Prognoskalla {
  readonly ansvar: string;
  readonly tillfalle: string;
  readonly ordning: number;
  readonly andring: number;
}

export interface Investeringsprojekt {
  readonly id: string;
  readonly namnd: string;
  /** The ansvar that owns the project and forecasts it with its helårsprognos; null when none is named. */
  readonly ansvar?: string | null;
  readonly namn: string;
  readonly motiv?: Investeringsmotiv | null;
  readonly hallbarhet?: Hallbarhetsbedomning | null;
  readonly ar: readonly Projektar[];
}

export interface Investeringsplan {
  /** The budget year; the plan runs seven years from it. */
  readonly forstaAr: number;
  readonly projekt: readonly Investeringsprojekt[];
}

export interface Investeringssumma {
  readonly budgetOre: Ore;
  readonly utfallOre: Ore;
  /** Where a project-year has no prognos, its budget stands in: no news is no deviation. */
  readonly prognosOre: Ore;
  /** Budget minus prognos: positive is money left, negative an overrun. */
  readonly avvikelseOre: Ore;
  /** How many project-years in the sum have no prognos of their own. */
  readonly utanPrognos: number;
}

export interface Arssumma extends Investeringssumma {
  readonly ar: number;
}

export interface Namndsinvesteringar {
  readonly namnd: string;
  /** Every year of the plan, also those without projects. */
  readonly ar: readonly Arssumma[];
  readonly totalt: Investeringssumma;
}

export interface Projektsumma extends Investeringssumma {
  readonly id: string;
  readonly namnd: string;
  readonly namn: string;
  readonly motiv: Investeringsmotiv | null;
}

export interface Investeringssammanstallning {
  readonly forstaAr: number;
  readonly sistaAr: number;
  readonly namnder: readonly Namndsinvesteringar[];
  readonly projekt: readonly Projektsumma[];
  /** The whole city per year and in total. */
  readonly stad: { readonly ar: readonly Arssumma[]; readonly totalt: Investeringssumma };
}

/** A project's total: its budget summed over the plan's years. */
export function projektetsTotal(projekt: Investeringsprojekt): Ore {
  return addOre(...projekt.ar.map((ar) => ar.budgetOre));
}

/**
 * Checks a rolling seven-year plan: each project's years inside the window and each only once, amounts in
 * whole öre, a motive over 3 mnkr and a full sustainability assessment over 15 mnkr (both strictly over,
 * as "överstiger"). Returns every problem, each naming the project and its field.
 */
export function valideraInvesteringsplan(plan: Investeringsplan): Fel[] {
  const fel: Fel[] = [];
  if (!Number.isInteger(plan.forstaAr)) fel.push({ field: 'forstaAr', message: 'planens första år ska vara ett årtal' });
  plan.projekt.forEach((projekt, index) => {
    if (plan.projekt.findIndex((annat) => annat.id === projekt.id) < index) {
      fel.push({ field: `projekt[${index}].id`, message: `projektet '${projekt.namn}' har samma id som ett annat projekt: ${projekt.id}` });
    }
    fel.push(...valideraProjekt(projekt, `projekt[${index}]`, plan.forstaAr));
  });
  return fel;
}

function valideraProjekt(projekt: Investeringsprojekt, falt: string, forstaAr: number): Fel[] {
  const fel: Fel[] = [];
  if (!projekt.namn.trim()) fel.push({ field: `${falt}.namn`, message: `projektet ${projekt.id} saknar namn` });
  if (!projekt.namnd.trim()) fel.push({ field: `${falt}.namnd`, message: `projektet '${projekt.namn}' saknar nämnd` });
  const arsfel = projekt.ar.flatMap((rad, index) => valideraAr(projekt, rad, index, `${falt}.ar[${index}]`, forstaAr));
  // Without whole öre there is no total to judge the motive and assessment by.
  const beloppsfel = arsfel.some((f) => f.field.endsWith('Ore'));
  return [...fel, ...arsfel, ...(beloppsfel ? [] : valideraMotivOchHallbarhet(projekt, falt))];
}

function valideraAr(projekt: Investeringsprojekt, rad: Projektar, index: number, falt: string, forstaAr: number): Fel[] {
  const fel: Fel[] = [];
  const sistaAr = forstaAr + PLANENS_LANGD_AR - 1;
  if (!Number.isInteger(rad.ar) || rad.ar < forstaAr || rad.ar > sistaAr) {
    fel.push({ field: `${falt}.ar`, message: `projektet '${projekt.namn}' har året ${rad.ar}, utanför planen ${forstaAr}–${sistaAr}` });
  }
  if (projekt.ar.findIndex((annat) => annat.ar === rad.ar) < index) {
    fel.push({ field: `${falt}.ar`, message: `projektet '${projekt.namn}' har året ${rad.ar} mer än en gång` });
  }
  for (const belopp of ['budgetOre', 'utfallOre', 'prognosOre'] as const) {
    const varde = rad[belopp];
    if (varde !== undefined && varde !== null && !arHeltOre(varde)) {
      fel.push({ field: `${falt}.${belopp}`, message: `projektet '${projekt.namn}' har ett belopp för ${rad.ar} som inte är hela öre` });
    }
  }
  return fel;
}

function valideraMotivOchHallbarhet(projekt: Investeringsprojekt, falt: string): Fel[] {
  const fel: Fel[] = [];
  const total = projektetsTotal(projekt);
  const beskrivning = `projektet '${projekt.namn}' (${beloppText(total)})`;
  if (projekt.motiv != null && !Object.hasOwn(INVESTERINGSMOTIV, projekt.motiv)) {
    fel.push({
      field: `${falt}.motiv`,
      message: `${beskrivning} har okänt motiv "${projekt.motiv}"; giltiga är ${Object.keys(INVESTERINGSMOTIV).join(', ')}`,
    });
  } else if (total > MOTIV_KRAVS_OVER_ORE && projekt.motiv == null) {
    fel.push({ field: `${falt}.motiv`, message: `${beskrivning} saknar motiv` });
  }
  for (const [aspekt, namn] of Object.entries(HALLBARHETSASPEKTER) as [keyof typeof HALLBARHETSASPEKTER, string][]) {
    const paverkan = projekt.hallbarhet?.[aspekt];
    if (paverkan != null && !PAVERKAN.includes(paverkan)) {
      fel.push({
        field: `${falt}.hallbarhet.${aspekt}`,
        message: `${beskrivning} har okänd ${namn} påverkan "${paverkan}"; giltiga är ${PAVERKAN.join(', ')}`,
      });
    }
  }
  if (total > HALLBARHET_KRAVS_OVER_ORE) fel.push(...saknadHallbarhet(projekt, falt, beskrivning));
  return fel;
}

/** One problem when the assessment is missing altogether, otherwise one per aspect left unassessed. */
function saknadHallbarhet(projekt: Investeringsprojekt, falt: string, beskrivning: string): Fel[] {
  const aspekter = Object.keys(HALLBARHETSASPEKTER) as (keyof typeof HALLBARHETSASPEKTER)[];
  const saknas = aspekter.filter((aspekt) => projekt.hallbarhet?.[aspekt] == null);
  if (saknas.length === aspekter.length) return [{ field: `${falt}.hallbarhet`, message: `${beskrivning} saknar hållbarhetsbedömning` }];
  return saknas.map((aspekt) => ({
    field: `${falt}.hallbarhet.${aspekt}`,
    message: `${beskrivning} saknar bedömning av ${HALLBARHETSASPEKTER[aspekt]} hållbarhet`,
  }));
}

/** Budget, utfall, prognos and avvikelse per nämnd and year, per project over the plan, and for the city. */
export function summeraInvesteringsplan(plan: Investeringsplan): Validerat<Investeringssammanstallning> {
  const fel = valideraInvesteringsplan(plan);
  if (fel.length > 0) return avvisat(fel);

  const ar = Array.from({ length: PLANENS_LANGD_AR }, (_, index) => plan.forstaAr + index);
  const perAr = (projekt: readonly Investeringsprojekt[]): Arssumma[] =>
    ar.map((aret) => ({ ar: aret, ...summera(projekt.flatMap((p) => p.ar.filter((rad) => rad.ar === aret))) }));
  const namnder = [...new Set(plan.projekt.map((p) => p.namnd))]
    .sort((a, b) => a.localeCompare(b, 'sv'))
    .map((namnd) => {
      const projekt = plan.projekt.filter((p) => p.namnd === namnd);
      return { namnd, ar: perAr(projekt), totalt: summera(projekt.flatMap((p) => p.ar)) };
    });
  const projekt = plan.projekt.map((p) => ({ id: p.id, namnd: p.namnd, namn: p.namn, motiv: p.motiv ?? null, ...summera(p.ar) }));
  const stad = { ar: perAr(plan.projekt), totalt: summera(plan.projekt.flatMap((p) => p.ar)) };
  return godkant({ forstaAr: plan.forstaAr, sistaAr: plan.forstaAr + PLANENS_LANGD_AR - 1, namnder, projekt, stad });
}

function summera(rader: readonly Projektar[]): Investeringssumma {
  const budgetOre = addOre(...rader.map((rad) => rad.budgetOre));
  const prognosOre = addOre(...rader.map((rad) => rad.prognosOre ?? rad.budgetOre));
  return {
    budgetOre,
    utfallOre: addOre(...rader.map((rad) => rad.utfallOre ?? 0)),
    prognosOre,
    avvikelseOre: addOre(budgetOre, -prognosOre),
    utanPrognos: rader.filter((rad) => rad.prognosOre == null).length,
  };
}

/**
 * A chef's marked-ready (or approved) helårsprognos sets the year's prognos of a project their ansvar owns. Returns
 * the project changed, or null when the forecast does not apply: another ansvar owns it, the year is not in the
 * plan, or the project-year already holds a newer forecast (a later tillfälle, or a later change of the same one).
 */
export function medInvesteringsprognos(
  projekt: Investeringsprojekt,
  prognos: { ar: number; prognosOre: Ore; kalla: Prognoskalla },
): Investeringsprojekt | null {
  if (!projekt.ansvar || projekt.ansvar !== prognos.kalla.ansvar) return null;
  const index = projekt.ar.findIndex((ar) => ar.ar === prognos.ar);
  if (index < 0) return null;
  const nu = projekt.ar[index]!;
  const tidigare = nu.prognosKalla;
  if (
    tidigare &&
    (tidigare.ordning > prognos.kalla.ordning || (tidigare.ordning === prognos.kalla.ordning && tidigare.andring >= prognos.kalla.andring))
  )
    return null;
  const ar = [...projekt.ar];
  ar[index] = { ...nu, prognosOre: prognos.prognosOre, prognosKalla: prognos.kalla };
  return { ...projekt, ar };
}
