import { arsarbetare, type Tiondelar } from '@tertial/contracts/prognos';

import type { Projektarsbudget } from './investeringsprojekt.entity.js';

/** Personnel in a forecast version: årsarbetare now and forecast at year end, in tenths. */
export interface Personalprognos {
  readonly nuTiondelar: Tiondelar;
  readonly prognosTiondelar: Tiondelar;
}

/** A project's forecast for the year in a forecast version. */
export interface Investeringsprognos {
  readonly projekt: string;
  readonly prognosOre: number;
}

/** A project as the forecast service knows it: who owns it and its budget per year. */
export interface AgtProjekt {
  readonly id: string;
  readonly ansvar?: string | null;
  readonly namn: string;
  readonly ar: readonly Projektarsbudget[];
}

export interface Faltfel {
  readonly field: string;
  readonly message: string;
}

/**
 * The lines of a forecast that name a project the ansvar does not own (or that does not exist), each as a field
 * error pointing at the line, so nothing is stored for a project that is not the chef's.
 */
export function investeringsfel(
  ansvar: string,
  rader: readonly { projekt: string }[],
  projekt: ReadonlyMap<string, Pick<AgtProjekt, 'ansvar'>>,
): Faltfel[] {
  return rader.flatMap((rad, index) => {
    const kand = projekt.get(rad.projekt);
    if (!kand) return [{ field: `investeringar.${index}.projekt`, message: `okänt investeringsprojekt ${rad.projekt}` }];
    if (kand.ansvar !== ansvar)
      return [{ field: `investeringar.${index}.projekt`, message: `projektet ${rad.projekt} hör inte till ansvaret ${ansvar}` }];
    return [];
  });
}

/** The personnel part of the chef's entry: budgeted, the previous round's forecast, and this round's figures. */
export function personalunderlag(
  budgetTiondelar: Tiondelar | null | undefined,
  foregaende: Personalprognos | null | undefined,
  aktuell: Personalprognos | null | undefined,
) {
  const tal = (tiondelar: Tiondelar | null | undefined) => (tiondelar === null || tiondelar === undefined ? null : arsarbetare(tiondelar));
  return {
    budget: tal(budgetTiondelar),
    foregaendePrognos: tal(foregaende?.prognosTiondelar),
    nu: tal(aktuell?.nuTiondelar),
    prognos: tal(aktuell?.prognosTiondelar),
  };
}

/**
 * The investment part of the chef's entry: every project the ansvar owns with a budget or utfall in the year, its
 * previous round's and current forecast, and budget − prognos (positive is money left), ordered by id.
 */
export function investeringsunderlag(
  ar: number,
  projekt: readonly AgtProjekt[],
  foregaende: readonly Investeringsprognos[] | null | undefined,
  aktuell: readonly Investeringsprognos[] | null | undefined,
) {
  const tidigare = new Map((foregaende ?? []).map((rad) => [rad.projekt, rad.prognosOre]));
  const nu = new Map((aktuell ?? []).map((rad) => [rad.projekt, rad.prognosOre]));
  return projekt
    .flatMap((p) => {
      const aret = p.ar.find((rad) => rad.ar === ar);
      if (!aret) return [];
      const prognosOre = nu.get(p.id) ?? null;
      return [
        {
          projekt: p.id,
          namn: p.namn,
          budgetOre: aret.budgetOre,
          utfallOre: aret.utfallOre ?? null,
          foregaendePrognosOre: tidigare.get(p.id) ?? null,
          prognosOre,
          avvikelseOre: prognosOre === null ? null : aret.budgetOre - prognosOre,
        },
      ];
    })
    .sort((a, b) => a.projekt.localeCompare(b.projekt));
}
