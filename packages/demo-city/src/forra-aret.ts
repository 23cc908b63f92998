import type { DemoInvestering, DemoStad, UtfallRad } from './stad.js';

/**
 * How each nämnd's year before the demo year went, in promille of its frame: `utfall` is where the year ended
 * (positive: cost above the frame, a deficit), `april` and `augusti` what its forecast said then. The April forecasts
 * sit near the budget, the August ones closer to the outcome, as forecasts do; socialnämnden's placements and
 * vård- och omsorgsnämnden's staffing ran over, most others kept a small surplus.
 */
const FORRA_ARETS_FORLOPP: Readonly<Record<string, { utfall: number; april: number; augusti: number }>> = {
  KF: { utfall: -40, april: 0, augusti: -20 },
  KS: { utfall: -28, april: -5, augusti: -20 },
  SFN: { utfall: -9, april: 4, augusti: -3 },
  BUN: { utfall: -6, april: 0, augusti: -8 },
  VON: { utfall: 19, april: 6, augusti: 14 },
  SN: { utfall: 26, april: 8, augusti: 17 },
  AMN: { utfall: -37, april: -10, augusti: -30 },
  SBN: { utfall: 12, april: -4, augusti: 5 },
  FN: { utfall: -15, april: 0, augusti: -10 },
  KN: { utfall: -11, april: -3, augusti: -9 },
  IFN: { utfall: 8, april: 0, augusti: 6 },
  MN: { utfall: -20, april: -5, augusti: -15 },
  OFN: { utfall: 30, april: 10, augusti: 25 },
  VALN: { utfall: -60, april: 0, augusti: -50 },
};

/** The demo year's frames were this much of the year before's: the resursfördelning's uplift, roughly. */
const FORRA_ARETS_NIVA = 0.96;

export interface DemoForraAret {
  readonly ar: number;
  /** KF's frames for the year, in öre (whole kronor), decided in June the year before. */
  readonly ramar: { namnd: string; nettoOre: number }[];
  /** The closed year's forecasts per nämnd (net cost, öre) as the rounds closed. */
  readonly prognoser: { tillfalle: 'april' | 'augusti'; namnder: { namnd: string; nettoOre: number }[] }[];
  /** When KF decided the resultatöverföring, with the årsredovisning in April of the demo year. */
  readonly resultatoverforingBeslutad: string;
  /** The investment projects finished in the year, with their budget and the year's utfall. */
  readonly investeringar: DemoInvestering[];
  /** Monthly utfall January–December per ansvar and account, the ledger's signs. Generated on demand. */
  utfall(): Generator<UtfallRad>;
}

/** The projects finished in the year before the demo year: nämnd, name, budget and utfall in mnkr, motive. */
const FORRA_ARETS_PROJEKT: readonly [string, string, number, number, DemoInvestering['motiv']][] = [
  ['SFN', 'Om- och tillbyggnad Fredriksdalsskolan', 42, 39.8, 'K'],
  ['SFN', 'Skolgård Tågaborgsskolan', 2.4, 2.6, null],
  ['BUN', 'Utrustning yrkesprogram Nicolaiskolan', 6.2, 5.7, 'U'],
  ['VON', 'Välfärdsteknik i hemtjänsten', 7.5, 6.9, 'E'],
  ['SBN', 'Cykelväg Hälsovägen', 24, 21.7, 'M'],
  ['SBN', 'Park Stadsparken, belysning', 3.2, 3.4, 'T'],
  ['FN', 'Energieffektivisering stadshuset', 12, 11.4, 'M'],
  ['FN', 'Takbyte Olympiaskolan', 9.5, 10.3, 'U'],
  ['IFN', 'Konstgräsplan Harlyckan', 8.4, 8.1, 'K'],
  ['KN', 'Bibliotek Drottninghög', 7.2, 6.6, 'K'],
  ['KS', 'Digital infrastruktur, nytt stadsnät', 18, 16.1, 'E'],
  ['KS', 'Verksamhetssystem e-arkiv', 5.5, 5.2, 'L'],
];

/**
 * The demo city's closed year before the demo year: the same organisation and accounts, frames a little lower,
 * twelve months of utfall ending over or under each frame as `FORRA_ARETS_FORLOPP` says (plus the ledger's noise),
 * the April and August forecasts, the investment projects finished that year, and the date of KF's resultatöverföring.
 */
export function demoForraAret(stad: DemoStad): DemoForraAret {
  const ar = stad.ar - 1;
  const namndAv = new Map(stad.organisation.filter((n) => n.niva === 'enhet').map((n) => [n.kod, n.foralderKod!.split('-')[0]!]));
  const ramar = stad.ramar.map((ram) => ({ namnd: ram.namnd, nettoOre: Math.round((ram.nettoOre * FORRA_ARETS_NIVA) / 100) * 100 }));
  const forlopp = (namnd: string) => FORRA_ARETS_FORLOPP[namnd] ?? { utfall: 0, april: 0, augusti: 0 };
  const prognos = (tillfalle: 'april' | 'augusti') => ({
    tillfalle,
    namnder: ramar.map((ram) => ({
      namnd: ram.namnd,
      nettoOre: Math.round((ram.nettoOre * (1000 + forlopp(ram.namnd)[tillfalle])) / 1000 / 100) * 100,
    })),
  });
  return {
    ar,
    ramar,
    prognoser: [prognos('april'), prognos('augusti')],
    resultatoverforingBeslutad: `${stad.ar}-04-23`,
    investeringar: FORRA_ARETS_PROJEKT.map(([namnd, namn, budget, utfall, motiv], i) => ({
      id: `${namnd}-${ar}-P${String(i + 1).padStart(2, '0')}`,
      namnd,
      ansvar: null,
      namn,
      motiv: budget > 3 ? motiv : null,
      hallbarhet: budget > 15 ? { social: 'positiv', miljomassig: 'positiv', ekonomisk: 'ingen' } : null,
      ar: [{ ar, budgetOre: Math.round(budget * 1_000_000) * 100, utfallOre: Math.round(utfall * 1_000_000) * 100 }],
    })),
    *utfall() {
      for (const rad of stad.utfall(12)) {
        const faktor = (FORRA_ARETS_NIVA * (1000 + forlopp(namndAv.get(rad.ansvar) ?? '').utfall)) / 1000;
        const beloppOre = Math.round(rad.beloppOre * faktor);
        if (beloppOre !== 0) yield { ...rad, ar, beloppOre };
      }
    },
  };
}
