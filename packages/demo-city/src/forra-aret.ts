import type { DemoStad, UtfallRad } from './stad.js';

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
  /** Monthly utfall January–December per ansvar and account, the ledger's signs. Generated on demand. */
  utfall(): Generator<UtfallRad>;
}

/**
 * The demo city's closed year before the demo year: the same organisation and accounts, frames a little lower,
 * twelve months of utfall ending over or under each frame as `FORRA_ARETS_FORLOPP` says (plus the ledger's noise),
 * the April and August forecasts, and the date of KF's resultatöverföring.
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
    *utfall() {
      for (const rad of stad.utfall(12)) {
        const faktor = (FORRA_ARETS_NIVA * (1000 + forlopp(namndAv.get(rad.ansvar) ?? '').utfall)) / 1000;
        const beloppOre = Math.round(rad.beloppOre * faktor);
        if (beloppOre !== 0) yield { ...rad, ar, beloppOre };
      }
    },
  };
}
