import { z } from 'zod';

import { kontogruppKodSchema } from '../kontogrupper.js';

const radMeddelandeSchema = z.object({ rad: z.number().int(), post: z.string(), meddelande: z.string() });

/**
 * What an utfall import read and what it did: POST /api/budget/utfall/import (and `npx tertial
 * import-utfall`). `provkord` is a dry run (nothing stored), `importerad` stored, `avvisad` refused because the
 * file had errors (nothing stored). Amounts are öre with the ledger's sign (revenue negative).
 */
export const utfallImportResultatSchema = z.object({
  status: z.enum(['provkord', 'importerad', 'avvisad']),
  importId: z.string().nullable(),
  filnamn: z.string(),
  format: z.enum(['SIE4', 'CSV']),
  kodning: z.string(),
  rakenskapsar: z.object({ start: z.string(), slut: z.string() }).nullable(),
  rader: z.number().int(),
  poster: z.object({
    ver: z.number().int(),
    trans: z.number().int(),
    psaldo: z.number().int(),
    pbudget: z.number().int(),
    res: z.number().int(),
  }),
  perioder: z.array(z.object({ ar: z.number().int(), manad: z.number().int(), kalla: z.string(), beloppOre: z.number().int() })),
  totalerPerKonto: z.array(
    z.object({
      konto: z.number().int(),
      namn: z.string().nullable(),
      kontogrupp: kontogruppKodSchema.nullable(),
      beloppOre: z.number().int(),
    }),
  ),
  totalerPerManad: z.array(z.object({ ar: z.number().int(), manad: z.number().int(), beloppOre: z.number().int() })),
  antalAnsvar: z.number().int(),
  antalUtfallsrader: z.number().int(),
  fel: z.array(radMeddelandeSchema),
  varningar: z.array(radMeddelandeSchema),
  /** The wholly owned company whose file this was (known by its #ORGNR), mapped by BAS account class; absent for the city's ledger. */
  bolag: z.object({ kod: z.string(), namn: z.string() }).optional(),
});
export type UtfallImportResultat = z.infer<typeof utfallImportResultatSchema>;
