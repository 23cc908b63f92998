import { z } from 'zod';

import { oreSchema } from '../money.js';
import { organisationNivaSchema } from '../organisation.js';
import { arSchema, PROGNOSSTATUSAR, prognosomgangTypSchema, prognostillfalleSchema } from '../prognos.js';

const antalSchema = z.number().int().nonnegative();

/** How far the ansvar below a node have come in the round: each ansvar of the round counted once, by its forecast's status. */
export const framstegSchema = z.object({
  ejPaborjad: antalSchema,
  utkast: antalSchema,
  klarmarkerade: antalSchema,
  godkanda: antalSchema,
  aterskickade: antalSchema,
});
export type Framsteg = z.infer<typeof framstegSchema>;

/**
 * One node of the organisation with its figures for a round, all net cost (cost minus revenue) in öre. Every figure
 * and count is the sum of the node's children's, to the öre, down to the ansvar (the enheter).
 */
export const uppfoljningNodSchema = z.object({
  kod: z.string(),
  namn: z.string(),
  niva: organisationNivaSchema,
  foralderKod: z.string().nullable(),
  /** The chef of an ansvar (an enhet); null above the leaves. */
  chef: z.object({ anvandarId: z.string(), namn: z.string() }).nullable(),
  /** The ansvar below the node (1 for an ansvar), and how many of them the round covers (a månadsprognos covers chosen nämnder). */
  antalAnsvar: antalSchema,
  antalIOmgangen: antalSchema,
  /** The year's budget: each ansvar's internbudget as the budget service last published it (0 for an ansvar without one). */
  budgetOre: oreSchema,
  /** The budget of the round's utfall period: each ansvar's year budget × months / 12, rounded to the öre per ansvar. */
  periodbudgetOre: oreSchema,
  /** Net utfall of the period (January up to and including `utfallTomManad`). */
  utfallOre: oreSchema,
  /** Period budget minus utfall: positive is a surplus so far. */
  utfallAvvikelseOre: oreSchema,
  /** The helårsprognos of the ansvar whose forecast counts (klarmarkerad or godkänd), and how many those are. */
  prognosOre: oreSchema,
  prognosAntalAnsvar: antalSchema,
  /** Budget minus prognos over the ansvar whose forecast counts (positive is a surplus), and how many it covers. */
  avvikelseOre: oreSchema,
  avvikelseAntalAnsvar: antalSchema,
  /**
   * The change of the prognos since the previous round of the year, over the ansvar that have a counting forecast in
   * both this round and an earlier one (each ansvar against its latest earlier round), and how many those are.
   */
  forandringOre: oreSchema,
  forandringAntalAnsvar: antalSchema,
  framsteg: framstegSchema,
});
export type UppfoljningNod = z.infer<typeof uppfoljningNodSchema>;

export const uppfoljningOmgangSchema = z.object({
  typ: prognosomgangTypSchema,
  status: z.enum(['oppen', 'stangd']),
  deadline: z.iso.datetime({ offset: true }),
  utfallTomManad: z.number().int().min(1).max(12),
  namnder: z.array(z.string()).nullable(),
});

/** GET /api/report/uppfoljning/{ar}/{tillfalle}/noder/{kod}: a node with its children, in the organisation of the round. */
export const uppfoljningSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  /** The round as the forecast service last published it; null when only forecasts have been heard of so far. */
  omgang: uppfoljningOmgangSchema.nullable(),
  /** The day whose organisation tree the round is rolled up in: the last day of its utfall period. */
  organisationDatum: z.iso.date(),
  /** The last month of the utfall period. */
  utfallTomManad: z.number().int().min(1).max(12),
  /** The nodes above this one, from the city down (kod, namn and level only). */
  sokvag: z.array(z.object({ kod: z.string(), namn: z.string(), niva: organisationNivaSchema })),
  nod: uppfoljningNodSchema,
  /** The node's children, by name. */
  barn: z.array(uppfoljningNodSchema),
  /** When the report service last applied a change of a forecast of this round; null before any. */
  senastUppdaterad: z.iso.datetime({ offset: true }).nullable(),
});
export type Uppfoljning = z.infer<typeof uppfoljningSchema>;

/**
 * A message of GET /api/report/uppfoljning/{ar}/{tillfalle}/stream: a newer roll-up of the round is ready. `lopnummer`
 * grows with every change the report service takes in (within one connection: it starts again when the service
 * restarts); `andrade` lists the forecast changes this roll-up took in since the connection's previous message, only
 * for the ansvar the person may see. A client that saved a forecast (its ansvar, and `andring` from the answer) knows
 * its save is in the figures when a message lists the ansvar with that `andring` or a later one.
 */
export const uppfoljningAndradSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  senastUppdaterad: z.iso.datetime({ offset: true }),
  lopnummer: z.number().int().nonnegative(),
  andrade: z.array(z.object({ ansvar: z.string(), andring: z.number().int().positive() })),
});
export type UppfoljningAndrad = z.infer<typeof uppfoljningAndradSchema>;

/** The statuses that leave an ansvar missing from a round: not started, saved but not marked ready, or sent back. */
export const SAKNAS_STATUSAR = ['ej-paborjad', 'utkast', 'aterskickad'] as const;
/** The statuses whose forecast counts in the prognos. */
export const RAKNAS_STATUSAR = ['klarmarkerad', 'godkand'] as const satisfies readonly (typeof PROGNOSSTATUSAR)[number][];

export const saknadSchema = z.object({
  ansvar: z.string(),
  namn: z.string(),
  status: z.enum(SAKNAS_STATUSAR),
  chef: z.object({ anvandarId: z.string(), namn: z.string() }).nullable(),
  avdelning: z.object({ kod: z.string(), namn: z.string() }).nullable(),
  forvaltning: z.object({ kod: z.string(), namn: z.string() }).nullable(),
  namnd: z.object({ kod: z.string(), namn: z.string() }).nullable(),
  /** The latest reminder about the ansvar in this round, sent to its chef; null before any. */
  paminnad: z.object({ at: z.iso.datetime({ offset: true }), av: z.string() }).nullable(),
});
export type Saknad = z.infer<typeof saknadSchema>;

/** GET …/noder/{kod}/saknas: the ansvar below a node whose forecast is missing from the round, by ansvar code. */
export const saknadeSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  kod: z.string(),
  namn: z.string(),
  saknade: z.array(saknadSchema),
});
export type Saknade = z.infer<typeof saknadeSchema>;

/** The most a reminder's own words may be. */
export const PAMINNELSE_MAX_TECKEN = 500;

/**
 * POST …/noder/{kod}/paminnelser: remind the chefs of the ansvar below the node whose forecast is missing. Without
 * `ansvar`, every missing one; with it, those of them (each must be missing below the node).
 */
export const paminnelseBegaranSchema = z
  .object({
    meddelande: z
      .string()
      .trim()
      .max(PAMINNELSE_MAX_TECKEN, `högst ${PAMINNELSE_MAX_TECKEN} tecken`)
      .nullish()
      .transform((text) => (text ? text : null)),
    ansvar: z
      .array(z.string().min(1).max(20, 'en kod har högst 20 tecken'))
      .min(1, 'minst ett ansvar, eller utelämna fältet')
      .max(10_000)
      .optional(),
  })
  .strict();
export type PaminnelseBegaran = z.input<typeof paminnelseBegaranSchema>;

/** What a reminder did: whose chef was reminded, and which missing ansvar have no chef to remind. */
export const paminnelseSvarSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  kod: z.string(),
  skickadAt: z.iso.datetime({ offset: true }),
  skickade: z.array(z.object({ ansvar: z.string(), namn: z.string(), chef: z.object({ anvandarId: z.string(), namn: z.string() }) })),
  utanChef: z.array(z.object({ ansvar: z.string(), namn: z.string() })),
});
export type PaminnelseSvar = z.infer<typeof paminnelseSvarSchema>;

/** GET /api/report/paminnelser?ar&tillfalle: the reminders the signed-in chef has had in the round, newest first. */
export const minaPaminnelserSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  paminnelser: z.array(
    z.object({
      ansvar: z.string(),
      meddelande: z.string().nullable(),
      av: z.string(),
      at: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type MinaPaminnelser = z.infer<typeof minaPaminnelserSchema>;

/**
 * GET /api/report/kontrollsumma: a hash of every forecast round's roll-up (each node's figures and progress), so two
 * report databases can be compared: the running one and one rebuilt from the event log (`npx tertial rebuild report`).
 * Names and the time of the last change are left out; every figure and count is in.
 */
export const kontrollsummaSchema = z.object({
  /** SHA-256 over the rounds' hashes, in order. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  omgangar: z.array(
    z.object({
      ar: arSchema,
      tillfalle: prognostillfalleSchema,
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      antalNoder: antalSchema,
      /** The city's node, to read the figures beside the hash. */
      stad: uppfoljningNodSchema
        .pick({ budgetOre: true, utfallOre: true, prognosOre: true, avvikelseOre: true, prognosAntalAnsvar: true, antalAnsvar: true })
        .nullable(),
    }),
  ),
});
export type Kontrollsumma = z.infer<typeof kontrollsummaSchema>;
