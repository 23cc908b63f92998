import { addOre, type Ore } from '@tertial/contracts/money';

import { krText, procentAv, procentText, tolkaProcentsats } from './belopp.js';
import { arHeltOre, avvisat, godkant, type Fel, type Validerat } from './validering.js';

/** A nämnd's year in net cost: what it had and what it used. */
export interface Arsresultat {
  readonly namnd: string;
  readonly budgetOre: Ore;
  readonly utfallOre: Ore;
  /** Next year's frame, when known, to show it after the carry-over. */
  readonly nastaArsRamOre?: Ore | null;
}

/**
 * How much of a result moves into next year's frame. Percentages are decimal text ("100", "2,5"); null
 * for no cap. A share is rounded half away from zero to whole öre, so 100 % carries the result exactly.
 */
export interface Overforingsregel {
  /** The share of a surplus carried over. */
  readonly overskottAndel: string;
  /** At most this percent of the year's budget is carried as surplus; null for no cap. */
  readonly overskottTakProcentAvBudget: string | null;
  /** The share of a deficit carried over. */
  readonly underskottAndel: string;
}

/**
 * Helsingborg's rule ("Resultatöverföring innebär att nämnderna får behålla de överskott eller underskott
 * som de genererat över tid"): surplus and deficit are both carried in full, without a cap.
 */
export const HELSINGBORGS_OVERFORINGSREGEL: Overforingsregel = {
  overskottAndel: '100',
  overskottTakProcentAvBudget: null,
  underskottAndel: '100',
};

/**
 * KF's exception for one nämnd ("I enstaka fall och endast när särskilda skäl finns kan en annan hantering
 * vara motiverad"): the amount to carry instead of the rule's, with the reason.
 */
export interface Overforingsundantag {
  readonly namnd: string;
  readonly overforingOre: Ore;
  readonly sarskildaSkal: string;
}

export type Overforingsgrund = 'overskott' | 'overskott-tak' | 'underskott' | 'nollresultat' | 'undantag';

export interface NamndsOverforing {
  readonly namnd: string;
  readonly budgetOre: Ore;
  readonly utfallOre: Ore;
  /** Budget minus utfall for net cost: positive is a surplus, negative a deficit. */
  readonly resultatOre: Ore;
  /** What moves into next year's frame: added when positive, deducted when negative. */
  readonly overforingOre: Ore;
  readonly grund: Overforingsgrund;
  readonly forklaring: string;
  readonly nastaArsRamEfterOverforingOre: Ore | null;
}

export interface Resultatoverforing {
  readonly regel: Overforingsregel;
  readonly namnder: readonly NamndsOverforing[];
  readonly resultatOre: Ore;
  readonly overforingOre: Ore;
}

/**
 * Proposes each nämnd's resultatöverföring for KF's decision with the årsredovisning. The rule defaults
 * to Helsingborg's (everything carried); an exception replaces the rule for its nämnd and says why.
 */
export function foreslaResultatoverforing(
  resultat: readonly Arsresultat[],
  regel: Overforingsregel = HELSINGBORGS_OVERFORINGSREGEL,
  undantag: readonly Overforingsundantag[] = [],
): Validerat<Resultatoverforing> {
  const fel = [...valideraResultat(resultat), ...valideraRegel(regel), ...valideraUndantag(undantag, resultat)];
  if (fel.length > 0) return avvisat(fel);

  const namnder = resultat.map((rad) => {
    const resultatOre = addOre(rad.budgetOre, -rad.utfallOre);
    const forslag = overforing(
      resultatOre,
      rad.budgetOre,
      regel,
      undantag.find((u) => u.namnd === rad.namnd),
    );
    const ram = rad.nastaArsRamOre ?? null;
    return {
      namnd: rad.namnd,
      budgetOre: rad.budgetOre,
      utfallOre: rad.utfallOre,
      resultatOre,
      ...forslag,
      nastaArsRamEfterOverforingOre: ram === null ? null : addOre(ram, forslag.overforingOre),
    };
  });
  return godkant({
    regel,
    namnder,
    resultatOre: addOre(...namnder.map((n) => n.resultatOre)),
    overforingOre: addOre(...namnder.map((n) => n.overforingOre)),
  });
}

type Forslag = Pick<NamndsOverforing, 'overforingOre' | 'grund' | 'forklaring'>;

function overforing(resultatOre: Ore, budgetOre: Ore, regel: Overforingsregel, undantag: Overforingsundantag | undefined): Forslag {
  if (undantag)
    return { overforingOre: undantag.overforingOre, grund: 'undantag', forklaring: `särskilda skäl: ${undantag.sarskildaSkal}` };
  if (resultatOre === 0) return { overforingOre: 0, grund: 'nollresultat', forklaring: 'budgeten i balans, inget att föra över' };
  if (resultatOre < 0) {
    return {
      overforingOre: procentAv(resultatOre, regel.underskottAndel, 'ore'),
      grund: 'underskott',
      forklaring: `${procentText(regel.underskottAndel)} % av underskottet ${krText(-resultatOre)}`,
    };
  }
  return overskott(resultatOre, budgetOre, regel);
}

function overskott(
  resultatOre: Ore,
  budgetOre: Ore,
  { overskottAndel, overskottTakProcentAvBudget: takProcent }: Overforingsregel,
): Forslag {
  const andel = procentAv(resultatOre, overskottAndel, 'ore');
  const tak = takProcent === null ? null : procentAv(budgetOre, takProcent, 'ore');
  if (takProcent !== null && tak !== null && tak < andel) {
    return { overforingOre: tak, grund: 'overskott-tak', forklaring: `taket ${procentText(takProcent)} % av budgeten, ${krText(tak)}` };
  }
  return { overforingOre: andel, grund: 'overskott', forklaring: `${procentText(overskottAndel)} % av överskottet ${krText(resultatOre)}` };
}

function valideraResultat(resultat: readonly Arsresultat[]): Fel[] {
  return resultat.flatMap((rad, index): Fel[] => {
    const fel: Fel[] = [];
    if (resultat.findIndex((annan) => annan.namnd === rad.namnd) < index)
      fel.push({ field: `resultat[${index}].namnd`, message: `${rad.namnd} förekommer mer än en gång` });
    for (const falt of ['budgetOre', 'utfallOre', 'nastaArsRamOre'] as const) {
      const belopp = rad[falt];
      if (belopp !== undefined && belopp !== null && !arHeltOre(belopp)) {
        fel.push({ field: `resultat[${index}].${falt}`, message: `beloppet för ${rad.namnd} ska vara i hela öre` });
      }
    }
    return fel;
  });
}

function valideraRegel(regel: Overforingsregel): Fel[] {
  const procentsatser = [
    ['overskottAndel', regel.overskottAndel, 'andelen av överskottet'],
    ['overskottTakProcentAvBudget', regel.overskottTakProcentAvBudget, 'taket för överskott'],
    ['underskottAndel', regel.underskottAndel, 'andelen av underskottet'],
  ] as const;
  return procentsatser.flatMap(([falt, text, vad]): Fel[] => {
    if (text === null) return [];
    const miljondelar = tolkaProcentsats(text);
    const inomGranserna = miljondelar !== undefined && miljondelar >= 0n && miljondelar <= 1_000_000n; // 100 %
    return inomGranserna
      ? []
      : [
          {
            field: `regel.${falt}`,
            message: `${vad} ska vara en procentsats mellan 0 och 100, till exempel "50" eller "2,5"; fick "${text}"`,
          },
        ];
  });
}

function valideraUndantag(undantag: readonly Overforingsundantag[], resultat: readonly Arsresultat[]): Fel[] {
  return undantag.flatMap((rad, index): Fel[] => {
    const fel: Fel[] = [];
    if (!resultat.some((r) => r.namnd === rad.namnd))
      fel.push({ field: `undantag[${index}].namnd`, message: `undantaget gäller ${rad.namnd}, som inte har något årsresultat` });
    if (undantag.findIndex((annat) => annat.namnd === rad.namnd) < index)
      fel.push({ field: `undantag[${index}].namnd`, message: `${rad.namnd} har mer än ett undantag` });
    if (!rad.sarskildaSkal.trim())
      fel.push({ field: `undantag[${index}].sarskildaSkal`, message: `undantaget för ${rad.namnd} ska ange de särskilda skälen` });
    if (!arHeltOre(rad.overforingOre))
      fel.push({ field: `undantag[${index}].overforingOre`, message: `beloppet för ${rad.namnd} ska vara i hela öre` });
    return fel;
  });
}
