import { z } from 'zod';

import { kontogruppKodSchema } from '../kontogrupper.js';
import { kronorSchema, oreSchema } from '../money.js';
import { ansvarKodSchema } from '../organisation.js';
import { arSchema, arsarbetareSchema, prognosomgangTypSchema, prognosstatusSchema, prognostillfalleSchema } from '../prognos.js';

/** The largest amount one forecast line may hold: 10 000 000 000 kr, far above any ansvar's year. */
export const STORSTA_RADBELOPP_ORE = 1_000_000_000_000;

const personSchema = z.object({ id: z.string(), namn: z.string() });

/**
 * PUT /api/forecast/helarsprognoser/{ansvar}/{ar}/{tillfalle}: a new version of the forecast, amounts in kronor,
 * revenue and cost both positive. Saved as an utkast unless `klarmarkerad` is true.
 */
export const sparaHelarsprognosRequestSchema = z.object({
  rader: z
    .array(
      z.object({
        kontogrupp: kontogruppKodSchema,
        belopp: kronorSchema.pipe(
          oreSchema.nonnegative('får inte vara negativt').max(STORSTA_RADBELOPP_ORE, 'får vara högst 10 000 000 000 kr'),
        ),
      }),
    )
    .min(1, 'minst en rad behövs')
    .refine((rader) => new Set(rader.map((rad) => rad.kontogrupp)).size === rader.length, 'varje kontogrupp får förekomma en gång'),
  kommentar: z.string().max(4000).nullish(),
  klarmarkerad: z.boolean({ error: 'ska vara true eller false' }).optional(),
  /** Personnel in årsarbetare (at most one decimal): how many now, and how many at year end. */
  personal: z.object({ nu: arsarbetareSchema, prognos: arsarbetareSchema }).nullish(),
  /** The year's forecast (kronor) for each investment project the ansvar owns. */
  investeringar: z
    .array(
      z.object({
        projekt: z.string().min(1, 'ange projektets id').max(100),
        prognos: kronorSchema.pipe(
          oreSchema.nonnegative('får inte vara negativt').max(STORSTA_RADBELOPP_ORE, 'får vara högst 10 000 000 000 kr'),
        ),
      }),
    )
    .max(500)
    .refine((rader) => new Set(rader.map((rad) => rad.projekt)).size === rader.length, 'varje projekt får förekomma en gång')
    .optional(),
});
export type SparaHelarsprognosRequest = z.input<typeof sparaHelarsprognosRequestSchema>;

/** The address of one ansvar's forecast for a year and tillfälle. */
export const helarsprognosAdressSchema = z.object({
  ansvar: ansvarKodSchema,
  ar: z.coerce.number({ error: 'ska vara ett årtal' }).pipe(arSchema),
  tillfalle: prognostillfalleSchema,
});
export type HelarsprognosAdress = z.output<typeof helarsprognosAdressSchema>;

/** POST …/godkann, …/atersand, …/ateroppna: the comment (required when sending back, the reason when reopening). */
export const beslutRequestSchema = z.object({
  kommentar: z.string().trim().max(2000).optional(),
});

/** A forecast round is open for forecasts and decisions on them, or closed. */
export const PROGNOSOMGANG_STATUSAR = ['oppen', 'stangd'] as const;
export const prognosomgangStatusSchema = z.enum(PROGNOSOMGANG_STATUSAR);
export type PrognosomgangStatus = z.infer<typeof prognosomgangStatusSchema>;

/** One version of an ansvar's forecast, with the state of the forecast while it is the current version. */
export const helarsprognosSchema = z.object({
  id: z.uuid(),
  ansvar: ansvarKodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  /** Grows by one with every save. */
  version: z.number().int().positive(),
  /** Grows by one with every change of the forecast (save, klarmarkera, godkänn, återsänd, återöppna); with the version it is the ETag. */
  andring: z.number().int().positive(),
  status: prognosstatusSchema,
  rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, beloppOre: oreSchema })),
  intakterOre: oreSchema,
  kostnaderOre: oreSchema,
  nettokostnadOre: oreSchema,
  kommentar: z.string().nullable(),
  /** Who saved this version, and when. */
  sparadAv: personSchema.nullable(),
  sparadAt: z.iso.datetime({ offset: true }),
  /** Who made the latest change (a save or a decision), and when. */
  andradAv: personSchema.nullable(),
  andradAt: z.iso.datetime({ offset: true }),
  /** The förvaltningsekonom's comment when approving or sending back, or the reason for reopening after close. */
  beslutskommentar: z.string().nullable(),
  /** Årsarbetare now and forecast at year end; null when the version has none. */
  personal: z.object({ nu: z.number().nonnegative(), prognos: z.number().nonnegative() }).nullable(),
  /** The year's forecast per investment project of the ansvar. */
  investeringar: z.array(z.object({ projekt: z.string(), prognosOre: oreSchema })),
});
export type HelarsprognosDto = z.infer<typeof helarsprognosSchema>;

/** A forecast round (prognosomgång): a year's tillfälle, opened, extended and closed by the ekonomidirektör. */
export const prognosomgangSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  typ: prognosomgangTypSchema,
  status: prognosomgangStatusSchema,
  deadline: z.iso.datetime({ offset: true }),
  /** The utfall period: January up to and including this month. */
  utfallTomManad: z.number().int().min(1).max(12),
  /** The nämnder a månadsprognos is for; null for an ordinary round (every nämnd). */
  namnder: z.array(z.string()).nullable(),
  andring: z.number().int().positive(),
  oppnadAt: z.iso.datetime({ offset: true }),
  stangdAt: z.iso.datetime({ offset: true }).nullable(),
  /**
   * The ansvar the ekonomidirektör has opened again since the round closed, with the reason: their chefs may save and
   * klarmarkera, and their förvaltningsekonom decide, until the round is opened or closed again. Empty for an open round.
   */
  ateroppnadeAnsvar: z.array(z.object({ ansvar: ansvarKodSchema, skal: z.string(), ateroppnadAt: z.iso.datetime({ offset: true }) })),
});
export type PrognosomgangDto = z.infer<typeof prognosomgangSchema>;

const deadlineSchema = z.iso.datetime({ offset: true, error: 'ska vara datum och tid med tidszon, t.ex. 2026-09-15T16:00:00+02:00' });

/**
 * POST /api/forecast/omgangar: opens (or reopens) the round of a year and tillfälle with a deadline. A månadsprognos
 * (a tillfälle other than april and augusti) names the nämnder it is for.
 */
export const oppnaOmgangRequestSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  deadline: deadlineSchema,
  namnder: z.array(z.string().min(1)).min(1, 'minst en nämnd').optional(),
});
export type OppnaOmgangRequest = z.input<typeof oppnaOmgangRequestSchema>;

/** POST /api/forecast/omgangar/{ar}/{tillfalle}/forlang: a new deadline. */
export const forlangOmgangRequestSchema = z.object({ deadline: deadlineSchema });

/** The city's threshold for a required comment: the net avvikelse passes either the amount or the share of the budget. */
export const kommentarstroskelSchema = z.object({
  beloppOre: oreSchema,
  /** Percent of the ansvar's net budget, at most two decimals. */
  procent: z.number(),
  andradAv: personSchema.nullable(),
  andradAt: z.iso.datetime({ offset: true }).nullable(),
});
export type KommentarstroskelDto = z.infer<typeof kommentarstroskelSchema>;

/** PUT /api/forecast/kommentarstroskel: the amount in kronor and the share in percent. */
export const andraKommentarstroskelRequestSchema = z.object({
  belopp: kronorSchema.pipe(oreSchema.nonnegative('får inte vara negativt').max(STORSTA_RADBELOPP_ORE, 'är orimligt stort')),
  procent: z
    .number({ error: 'ska vara ett tal' })
    .min(0, 'får inte vara negativt')
    .max(100, 'får vara högst 100')
    .refine((procent) => Math.abs(procent * 100 - Math.round(procent * 100)) < 1e-6, 'högst två decimaler'),
});

const underlagsvarden = {
  /** The year's budget for the ansvar (its internbudget as the budget service published it). */
  budgetOre: oreSchema,
  /** Utfall January up to and including the round's last month. */
  utfallOre: oreSchema,
  /** Utfall so far plus the verksamhetsbudget of the months left. */
  forslagOre: oreSchema,
  /** Utfall so far scaled to twelve months, July's holiday dip accounted for. */
  runRateOre: oreSchema,
  /** The current forecast of the previous round of the year, if the ansvar had one. */
  foregaendePrognosOre: oreSchema.nullable(),
  /** The current version's amount; null before the first save. */
  prognosOre: oreSchema.nullable(),
  /** Budget − prognos on net cost (for revenue, prognos − budget): positive is a surplus; null without a forecast. */
  avvikelseOre: oreSchema.nullable(),
};

/** GET …/{ansvar}/{ar}/{tillfalle}/underlag: what the chef's entry shows beside the forecast, per kontogrupp and net. */
export const helarsprognosUnderlagSchema = z.object({
  ansvar: ansvarKodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  utfallTomManad: z.number().int().min(1).max(12),
  rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, ...underlagsvarden })),
  /** The same on net cost (cost minus revenue). */
  netto: z.object(underlagsvarden),
  troskel: z.object({ beloppOre: oreSchema, procent: z.number() }),
  /** Whether the net avvikelse passes the threshold, so a comment is required to mark the forecast ready. */
  kommentarKravs: z.boolean(),
  /** The current version's status, or `ej-paborjad`. */
  status: z.union([prognosstatusSchema, z.literal('ej-paborjad')]),
  /** Årsarbetare: budgeted (the verksamhetsbudget), the previous round's forecast, and this round's now and forecast. */
  personal: z.object({
    budget: z.number().nullable(),
    foregaendePrognos: z.number().nullable(),
    nu: z.number().nullable(),
    prognos: z.number().nullable(),
  }),
  /** The investment projects the ansvar owns that have a budget or utfall this year. */
  investeringar: z.array(
    z.object({
      projekt: z.string(),
      namn: z.string(),
      /** The project's budget for the year. */
      budgetOre: oreSchema,
      utfallOre: oreSchema.nullable(),
      foregaendePrognosOre: oreSchema.nullable(),
      prognosOre: oreSchema.nullable(),
      /** Budget − prognos: positive is money left; null without a forecast. */
      avvikelseOre: oreSchema.nullable(),
    }),
  ),
});
export type HelarsprognosUnderlag = z.infer<typeof helarsprognosUnderlagSchema>;

/** GET …/versioner/{a}/jamfor/{b}: two versions line by line, each line with the version and person that last changed it. */
export const prognosversionsjamforelseSchema = z.object({
  ansvar: ansvarKodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  fran: z.object({ version: z.number().int().positive(), sparadAv: personSchema.nullable(), sparadAt: z.iso.datetime({ offset: true }) }),
  till: z.object({ version: z.number().int().positive(), sparadAv: personSchema.nullable(), sparadAt: z.iso.datetime({ offset: true }) }),
  rader: z.array(
    z.object({
      kontogrupp: kontogruppKodSchema,
      franOre: oreSchema.nullable(),
      tillOre: oreSchema.nullable(),
      skillnadOre: oreSchema,
      /** The version after `fran`, up to `till`, that last changed the line, and who saved it; null when unchanged. */
      andradIVersion: z.number().int().positive().nullable(),
      andradAv: personSchema.nullable(),
    }),
  ),
  kommentar: z.object({ fran: z.string().nullable(), till: z.string().nullable(), andrad: z.boolean() }),
  nettokostnad: z.object({ franOre: oreSchema, tillOre: oreSchema, skillnadOre: oreSchema }),
});
export type Prognosversionsjamforelse = z.infer<typeof prognosversionsjamforelseSchema>;
