import { z } from 'zod';

import { kontogruppKodSchema, kontogruppTyp, type KontogruppKod } from './kontogrupper.js';
import type { Ore } from './money.js';

/** A Kommun-Bas account: four digits. */
export const kontoSchema = z.number().int().min(1000).max(9999);

/** One line of the table that maps account ranges to kontogrupper; the city can edit it. */
export const kontogruppIntervallSchema = z
  .object({ fran: kontoSchema, till: kontoSchema, kontogrupp: kontogruppKodSchema })
  .refine((intervall) => intervall.fran <= intervall.till, { message: 'från ska vara högst till', path: ['till'] });
export type KontogruppIntervall = z.infer<typeof kontogruppIntervallSchema>;

/**
 * The default mapping from Kommun-Bas (SKR's chart of accounts): class 3 revenue, 4 purchases and
 * transfers, 5 personnel, 60–62 premises and energy, 63–78 other operating costs, 79 depreciation, and class
 * 8 taxes, equalisation and financial items. Balance-sheet accounts (classes 1–2) have no kontogrupp.
 */
export const STANDARD_KONTOGRUPPER: readonly KontogruppIntervall[] = [
  { fran: 3000, till: 3999, kontogrupp: 'intakter' },
  { fran: 4000, till: 4999, kontogrupp: 'kop-av-verksamhet' },
  { fran: 5000, till: 5999, kontogrupp: 'personalkostnader' },
  { fran: 6000, till: 6299, kontogrupp: 'lokalkostnader' },
  { fran: 6300, till: 7899, kontogrupp: 'ovriga-kostnader' },
  { fran: 7900, till: 7999, kontogrupp: 'kapitalkostnader' },
  { fran: 8000, till: 8399, kontogrupp: 'skatter-och-bidrag' },
  { fran: 8400, till: 8499, kontogrupp: 'finansiella-intakter' },
  { fran: 8500, till: 8999, kontogrupp: 'finansiella-kostnader' },
];

/** Problems with a mapping table: overlapping ranges. Gaps are allowed (those accounts have no kontogrupp). */
export function valideraKontogruppsmappning(tabell: readonly KontogruppIntervall[]): string[] {
  const sorted = [...tabell].sort((a, b) => a.fran - b.fran);
  const problems: string[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.fran <= previous.till) {
      problems.push(`${previous.fran}–${previous.till} och ${current.fran}–${current.till} överlappar`);
    }
  }
  return problems;
}

export function kontogruppForKonto(
  konto: number,
  tabell: readonly KontogruppIntervall[] = STANDARD_KONTOGRUPPER,
): KontogruppKod | undefined {
  return tabell.find((intervall) => konto >= intervall.fran && konto <= intervall.till)?.kontogrupp;
}

/**
 * Ledger amounts carry BAS signs (revenue negative, cost positive); people see both as positive. This turns a
 * ledger amount of an account in `kontogrupp` into the amount shown, and back.
 */
export function visatBelopp(kontogrupp: KontogruppKod, bokfortOre: Ore): Ore {
  return kontogruppTyp(kontogrupp) === 'intakt' ? -bokfortOre : bokfortOre;
}
