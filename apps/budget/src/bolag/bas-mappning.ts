import { addOre, type Ore } from '@tertial/contracts/money';

/**
 * Where a company's BAS account lands in the koncern's follow-up, by its account class alone (a company keeps its
 * books in the BAS kontoplan, not Kommun-Bas, so the city's kontogrupp table does not apply):
 * class 3 revenue; 4–7 costs (goods, personnel, other external costs, depreciation); 80–84 financial items; the
 * fixed assets of 10–12 (not their accumulated depreciation and write-downs, xxx8–xxx9) investments. 85–89
 * (bokslutsdispositioner, koncernbidrag, tax, the year's result) lie below resultat efter finansiella poster,
 * and the other balance accounts are not utfall: both are left out.
 */
export type Basrad = 'intakter' | 'kostnader' | 'finansnetto' | 'investeringar';

export function basradForKonto(konto: number): Basrad | undefined {
  if (!Number.isInteger(konto) || konto < 1000 || konto > 8999) return undefined;
  if (konto >= 3000 && konto <= 3999) return 'intakter';
  if (konto >= 4000 && konto <= 7999) return 'kostnader';
  if (konto >= 8000 && konto <= 8499) return 'finansnetto';
  if (konto >= 1000 && konto <= 1299 && konto % 10 !== 8 && konto % 10 !== 9) return 'investeringar';
  return undefined;
}

/** A BAS account number from a file's text: four digits, or nothing. */
export function basKonto(text: string): number | undefined {
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

export interface Bolagsmanad {
  manad: number;
  intakterOre: Ore;
  kostnaderOre: Ore;
  /** Financial income minus financial cost: positive is a net income. */
  finansnettoOre: Ore;
  investeringarOre: Ore;
}

/**
 * A company's ledger rows (the ledger's signs: revenue and credits negative) summed per month and row, with the
 * shown signs: revenue and cost positive, finansnetto positive for a net income, investments positive.
 */
export function summeraBolagsutfall(rader: readonly { manad: number; konto: number; beloppOre: Ore }[]): Bolagsmanad[] {
  const manader = new Map<number, Bolagsmanad>();
  for (const rad of rader) {
    const basrad = basradForKonto(rad.konto);
    if (!basrad) continue;
    const summa = manader.get(rad.manad) ?? { manad: rad.manad, intakterOre: 0, kostnaderOre: 0, finansnettoOre: 0, investeringarOre: 0 };
    if (basrad === 'intakter') summa.intakterOre = addOre(summa.intakterOre, -rad.beloppOre);
    else if (basrad === 'kostnader') summa.kostnaderOre = addOre(summa.kostnaderOre, rad.beloppOre);
    else if (basrad === 'finansnetto') summa.finansnettoOre = addOre(summa.finansnettoOre, -rad.beloppOre);
    else summa.investeringarOre = addOre(summa.investeringarOre, rad.beloppOre);
    manader.set(rad.manad, summa);
  }
  return [...manader.values()].sort((a, b) => a.manad - b.manad);
}

/** Resultat efter finansiella poster of some months: revenue minus cost plus finansnetto. */
export function resultatEfterFinansiellaPoster(manader: readonly Bolagsmanad[]): Ore {
  return addOre(...manader.map((m) => addOre(m.intakterOre, -m.kostnaderOre, m.finansnettoOre)));
}

/**
 * What must hold for a company's SIE file, beyond what the reader checks: every booked account a four-digit BAS
 * account, and the räkenskapsår the calendar year (the koncern follows the calendar year, as the city does).
 */
export function kontrolleraBolagsfil(fil: {
  rakenskapsar: { start: string; slut: string } | null;
  konton: readonly { konto: string; firstLine: number }[];
}): { rad: number; post: string; meddelande: string }[] {
  const fel: { rad: number; post: string; meddelande: string }[] = [];
  const { rakenskapsar } = fil;
  if (rakenskapsar && (!rakenskapsar.start.endsWith('-01-01') || !rakenskapsar.slut.endsWith('-12-31')))
    fel.push({
      rad: 0,
      post: '#RAR',
      meddelande: `bolagets räkenskapsår ${rakenskapsar.start}–${rakenskapsar.slut} är inte ett kalenderår`,
    });
  for (const konto of fil.konton)
    if (basKonto(konto.konto) === undefined)
      fel.push({ rad: konto.firstLine, post: '#TRANS', meddelande: `kontot ${konto.konto} är inte ett fyrsiffrigt BAS-konto` });
  return fel;
}
