import { skatteunderlagetsTioarssnitt, type Balanskravsjusteringar, type RurRegler, type Underskott } from '@tertial/contracts/dto';
import type { Ore } from '@tertial/contracts/money';

/** One year's balanskrav figures: the result and the adjustments, with the sign of a published utredning. */
export interface BalanskravAr extends Balanskravsjusteringar {
  ar: number;
  aretsResultatOre: Ore;
}

export interface Utredningsrader {
  resultatEfterJusteringarOre: Ore;
  balanskravsresultatOre: Ore;
}

export function resultatEfterJusteringar(ar: Omit<BalanskravAr, 'ar'>): Ore {
  return (
    ar.aretsResultatOre +
    ar.samtligaRealisationsvinsterOre +
    ar.realisationsvinsterUndantagOre +
    ar.realisationsforlusterUndantagOre +
    ar.orealiseradeForlusterOre +
    ar.aterforingOrealiseradeForlusterOre
  );
}

export function balanskravsresultat(ar: Omit<BalanskravAr, 'ar'>): Ore {
  return resultatEfterJusteringar(ar) + ar.tillRurOre + ar.franRurOre;
}

/**
 * Each year's deficit and its restoration: a negative balanskravsresultat is a deficit to restore within the next
 * three years; a positive one restores the oldest deficits first. `arLista` need not be sorted.
 */
export function underskottshistorik(arLista: readonly Pick<BalanskravAr, 'ar'>[], resultat: (ar: number) => Ore): Underskott[] {
  const underskott: Underskott[] = [];
  for (const { ar } of [...arLista].sort((a, b) => a.ar - b.ar)) {
    const belopp = resultat(ar);
    if (belopp < 0) {
      underskott.push({ ar, underskottOre: -belopp, aterstalltOre: 0, kvarOre: -belopp, senastAr: ar + 3, aterstallningar: [] });
      continue;
    }
    let overskott = belopp;
    for (const tidigare of underskott) {
      if (overskott === 0) break;
      if (tidigare.kvarOre === 0) continue;
      const aterstallt = Math.min(overskott, tidigare.kvarOre);
      tidigare.kvarOre -= aterstallt;
      tidigare.aterstalltOre += aterstallt;
      tidigare.aterstallningar.push({ ar, beloppOre: aterstallt });
      overskott -= aterstallt;
    }
  }
  return underskott;
}

/** The deficits still open at the start of `ar`, oldest first, as they stood then. */
export function underskottFore(historik: readonly Underskott[], ar: number): Underskott[] {
  return historik
    .filter((underskott) => underskott.ar < ar)
    .map((underskott) => {
      const aterstallningar = underskott.aterstallningar.filter((rad) => rad.ar < ar);
      const aterstallt = aterstallningar.reduce((summa, rad) => summa + rad.beloppOre, 0);
      return { ...underskott, aterstallningar, aterstalltOre: aterstallt, kvarOre: underskott.underskottOre - aterstallt };
    })
    .filter((underskott) => underskott.kvarOre > 0);
}

/** RUR's balance after each year, from the balance before the first. */
export function rurSaldon(ingaendeOre: Ore, arLista: readonly BalanskravAr[]): Map<number, Ore> {
  const saldon = new Map<number, Ore>();
  let saldo = ingaendeOre;
  for (const ar of [...arLista].sort((a, b) => a.ar - b.ar)) {
    saldo += -ar.tillRurOre - ar.franRurOre;
    saldon.set(ar.ar, saldo);
  }
  return saldon;
}

export interface RurRegelbrott {
  regel: 'rur-tak' | 'rur-skatteunderlag' | 'rur-underskott' | 'rur-saldo' | 'rur-bada';
  falt: 'tillRurOre' | 'franRurOre';
  meddelande: string;
}

const procent = (basispunkter: number) => `${(basispunkter / 100).toLocaleString('sv-SE')} %`;
const mnkr = (ore: Ore) => `${(ore / 100_000_000).toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} mnkr`;

/**
 * The most a year may reserve (KL 11 kap. 14 §): the part of årets resultat, or of the result after balanskrav
 * adjustments where that is lower, above the city's share of skatteintäkter and generella statsbidrag och utjämning.
 */
export function maxAvsattning(ar: Omit<BalanskravAr, 'ar'>, skatterOchBidragOre: Ore, regler: RurRegler): Ore {
  const andel = regler.egetKapitalNegativt ? regler.andelNegativtEgetKapitalBasispunkter : regler.andelPositivtEgetKapitalBasispunkter;
  const golv = Math.round((skatterOchBidragOre * andel) / 10_000);
  return Math.max(0, Math.min(ar.aretsResultatOre, resultatEfterJusteringar(ar)) - golv);
}

/** Whether the RUR may be used in a year: the skatteunderlag grew less that year than its ten-year average. */
export function farAnvandaRur(ar: number, regler: RurRegler): boolean {
  const utveckling = regler.skatteunderlagUtveckling.find((rad) => rad.ar === ar);
  const snitt = skatteunderlagetsTioarssnitt(regler, ar).basispunkter;
  return utveckling !== undefined && snitt !== null && utveckling.basispunkter < snitt;
}

/** The skatteunderlag's growth and ten-year average for a year, in words: what the RUR rule was judged by. */
export function skatteunderlagIOrd(ar: number, regler: RurRegler): string {
  const utveckling = regler.skatteunderlagUtveckling.find((rad) => rad.ar === ar);
  const snitt = skatteunderlagetsTioarssnitt(regler, ar);
  const vaxte = utveckling ? `skatteunderlaget växte ${procent(utveckling.basispunkter)}` : 'skatteunderlagets utveckling saknas';
  if (snitt.basispunkter === null) return `${ar}: ${vaxte}; tioårssnittet saknas (utvecklingen saknas för ${snitt.saknadeAr.join(', ')})`;
  const kalla = snitt.franAr === null ? 'publicerat' : `${snitt.franAr}–${ar}`;
  return `${ar}: ${vaxte}, tioårssnittet ${procent(snitt.basispunkter)} (${kalla})`;
}

/**
 * Rules stored before each year had its own ten-year average kept one average for every year
 * (`skatteunderlagTioarssnittBasispunkter`): it becomes the published average of each year that has none.
 */
export function rurReglerFranLagrade(lagrade: RurRegler & { skatteunderlagTioarssnittBasispunkter?: number }): RurRegler {
  const { skatteunderlagTioarssnittBasispunkter: gemensamt, ...regler } = lagrade;
  if (gemensamt === undefined) return regler;
  return {
    ...regler,
    skatteunderlagUtveckling: regler.skatteunderlagUtveckling.map((rad) => ({ tioarssnittBasispunkter: gemensamt, ...rad })),
  };
}

/**
 * The rules a proposed RUR movement must keep; an empty list when it keeps them all. `saldoForeOre` is the RUR
 * balance at the start of the year.
 */
export function provaRurRorelse(ar: BalanskravAr, skatterOchBidragOre: Ore, saldoForeOre: Ore, regler: RurRegler): RurRegelbrott[] {
  const brott: RurRegelbrott[] = [];
  const avsatt = -ar.tillRurOre;
  const anvant = ar.franRurOre;
  if (avsatt > 0 && anvant > 0)
    brott.push({ regel: 'rur-bada', falt: 'franRurOre', meddelande: 'ett år kan inte både avsätta till och använda medel från reserven' });
  if (avsatt > 0) {
    const max = maxAvsattning(ar, skatterOchBidragOre, regler);
    if (avsatt > max) {
      const andel = regler.egetKapitalNegativt ? regler.andelNegativtEgetKapitalBasispunkter : regler.andelPositivtEgetKapitalBasispunkter;
      brott.push({
        regel: 'rur-tak',
        falt: 'tillRurOre',
        meddelande: `högst den del av resultatet som överstiger ${procent(andel)} av skatteintäkter och generella statsbidrag får reserveras (${regler.egetKapitalNegativt ? 'negativt' : 'positivt'} eget kapital): högst ${mnkr(max)}, föreslaget ${mnkr(avsatt)}`,
      });
    }
  }
  if (anvant > 0) {
    if (!farAnvandaRur(ar.ar, regler)) {
      brott.push({
        regel: 'rur-skatteunderlag',
        falt: 'franRurOre',
        meddelande: `reserven får bara användas ett år när skatteunderlaget växer mindre än sitt tioårssnitt; ${skatteunderlagIOrd(ar.ar, regler)}`,
      });
    }
    const negativt = Math.max(0, -resultatEfterJusteringar(ar));
    if (anvant > negativt)
      brott.push({
        regel: 'rur-underskott',
        falt: 'franRurOre',
        meddelande: `reserven får bara täcka ett negativt balanskravsresultat: högst ${mnkr(negativt)}, föreslaget ${mnkr(anvant)}`,
      });
    if (anvant > saldoForeOre)
      brott.push({
        regel: 'rur-saldo',
        falt: 'franRurOre',
        meddelande: `reserven har ${mnkr(saldoForeOre)}, föreslaget ${mnkr(anvant)}`,
      });
  }
  return brott;
}
