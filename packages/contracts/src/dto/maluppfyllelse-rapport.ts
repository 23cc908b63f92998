import { z } from 'zod';

import { oreSchema } from '../money.js';
import { arSchema } from '../prognos.js';
import { malagartypSchema } from './mal.js';
import { bedomningSchema, bedomningsforslagSchema, malbedomningSchema, uppfoljningstillfalleSchema } from './maluppfyllelse.js';

const antalSchema = z.number().int().nonnegative();

/**
 * How the mål of a nämnd (or of the city) stand at a follow-up: how many the processledare has assessed as each
 * color, how many still wait for their decision (`ejBeslutade`, whatever the proposal says), and all of them.
 */
export const maluppfyllelseAntalSchema = z.object({
  uppfyllt: antalSchema,
  'delvis-uppfyllt': antalSchema,
  'ej-uppfyllt': antalSchema,
  'ej-matt': antalSchema,
  ejBeslutade: antalSchema,
  totalt: antalSchema,
});
export type MaluppfyllelseAntal = z.infer<typeof maluppfyllelseAntalSchema>;

/**
 * The money beside the mål: the nämnd's node of the forecast round's roll-up (`/api/report/uppfoljning/…`), for
 * the follow-ups that are forecast rounds (april, augusti); null at helår, for a bolag, or when the person may not
 * see the whole nämnd there.
 */
export const maluppfyllelseEkonomiSchema = z.object({
  budgetOre: oreSchema,
  prognosOre: oreSchema,
  /** Budget minus prognos over the ansvar whose forecast counts: positive is a surplus. */
  avvikelseOre: oreSchema,
  avvikelseAntalAnsvar: antalSchema,
  antalAnsvar: antalSchema,
});
export type MaluppfyllelseEkonomi = z.infer<typeof maluppfyllelseEkonomiSchema>;

/** One nämnd's (or bolag's) line of the city's grid. */
export const maluppfyllelseNamndSchema = z.object({
  kod: z.string(),
  namn: z.string(),
  agartyp: malagartypSchema,
  antal: maluppfyllelseAntalSchema,
  ekonomi: maluppfyllelseEkonomiSchema.nullable(),
});
export type MaluppfyllelseNamnd = z.infer<typeof maluppfyllelseNamndSchema>;

/** GET /api/report/maluppfyllelse/{ar}/{tillfalle}: every nämnd and bolag the person sees, and the city for those who see it all. */
export const maluppfyllelseOversiktSchema = z.object({
  ar: arSchema,
  tillfalle: uppfoljningstillfalleSchema,
  /** The city's mål counted together (nämnder and bolag); null unless the person sees the whole city. */
  stad: maluppfyllelseAntalSchema.nullable(),
  namnder: z.array(maluppfyllelseNamndSchema),
  /** When an assessment of this follow-up last reached the report service; null before any. */
  senastUppdaterad: z.iso.datetime({ offset: true }).nullable(),
});
export type MaluppfyllelseOversikt = z.infer<typeof maluppfyllelseOversiktSchema>;

/** One mål at the follow-up with its latest assessment: the proposal and, once made, the decision. */
export const maluppfyllelseMalSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  /** The year it must be reached. */
  ar: arSchema,
  nyckeltal: z.array(z.uuid()),
  professionellBedomning: z.boolean(),
  status: z.enum(['aktivt', 'avslutat']),
  /** The decided color, or null while the decision is not made. */
  bedomning: bedomningSchema.nullable(),
  forslag: bedomningsforslagSchema.nullable(),
  beslut: malbedomningSchema.shape.beslut,
});
export type MaluppfyllelseMal = z.infer<typeof maluppfyllelseMalSchema>;

/** GET /api/report/maluppfyllelse/{ar}/{tillfalle}/namnder/{kod}: a nämnd's (or bolag's) inriktning and mål at the follow-up. */
export const maluppfyllelseNamndDetaljSchema = maluppfyllelseNamndSchema.extend({
  ar: arSchema,
  tillfalle: uppfoljningstillfalleSchema,
  inriktning: z.object({ rubrik: z.string(), text: z.string(), mandatperiod: z.object({ franAr: arSchema, tillAr: arSchema }) }).nullable(),
  mal: z.array(maluppfyllelseMalSchema),
});
export type MaluppfyllelseNamndDetalj = z.infer<typeof maluppfyllelseNamndDetaljSchema>;
