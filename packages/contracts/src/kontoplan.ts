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

/** Ranges of a table that overlap, as messages. */
export function overlappandeIntervall(tabell: readonly { fran: number; till: number }[]): string[] {
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

/** Problems with a mapping table: overlapping ranges. Gaps are allowed (those accounts have no kontogrupp). */
export function valideraKontogruppsmappning(tabell: readonly KontogruppIntervall[]): string[] {
  return overlappandeIntervall(tabell);
}

/**
 * A range of the kontoplan's internal accounts: internal rents, capital costs (internränta) and purchases between the
 * city's own nämnder, booked as cost in one and revenue in another. They are eliminated at city level.
 */
export const internKontointervallSchema = z
  .object({
    fran: kontoSchema,
    till: kontoSchema,
    /** What the accounts are, e.g. "Interna lokalhyror". */
    namn: z.string().trim().min(1, 'ange vad kontona är').max(200),
  })
  .refine((intervall) => intervall.fran <= intervall.till, { message: 'från ska vara högst till', path: ['till'] });
export type InterntKontointervall = z.infer<typeof internKontointervallSchema>;

/**
 * The internal accounts a new city starts with. Kommun-Bas names no range of its own for internal transactions (a
 * city marks them in its own kontoplan, or with a counterparty code); the demo ledger's internal account is
 * internränta, the capital cost the finance function charges the nämnder, so that is the default. The
 * ekonomidirektör adds the city's own (internal rents, purchases between nämnder).
 */
export const STANDARD_INTERNA_KONTON: readonly InterntKontointervall[] = [
  { fran: 7950, till: 7999, namn: 'Internränta (kapitalkostnad till finansfunktionen)' },
];

export function arInterntKonto(konto: number, interna: readonly InterntKontointervall[]): boolean {
  return interna.some((intervall) => konto >= intervall.fran && konto <= intervall.till);
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
