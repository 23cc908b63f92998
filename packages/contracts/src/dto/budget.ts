import { z } from 'zod';

import { kontogruppKodSchema } from '../kontogrupper.js';
import { kronorSchema, oreSchema } from '../money.js';
import { ansvarKodSchema, organisationNivaSchema } from '../organisation.js';
import { arSchema, arsarbetareSchema } from '../prognos.js';

/**
 * The budget's DTOs: resursfördelning, internbudget, budget versions, resultatöverföring and the
 * investment plan. Requests take kronor (turned into öre here), responses carry öre.
 */

const namndKodSchema = z.string().trim().min(1, 'nämnden saknas').max(20);
const textSchema = z.string().trim().min(1, 'texten saknas').max(500);
const datumSchema = z.iso.date({ error: 'ska vara ett datum, ÅÅÅÅ-MM-DD' });
const kronorNollEllerMer = kronorSchema.pipe(oreSchema.nonnegative('får inte vara negativt'));
const kronorMedTecken = kronorSchema.pipe(oreSchema);

/** A percentage as decimal text, "2,3" or "-0.75", at most four decimals; never a binary float. */
export const procentsatsSchema = z
  .string({ error: 'ska vara en procentsats som text, till exempel "2,3"' })
  .trim()
  .regex(/^-?\d{1,3}([.,]\d{1,4})?$/, 'ska vara en procentsats med högst fyra decimaler, till exempel "2,3"');

// --- Resursfördelning ---------------------------------------------------------------------------------

const postRequestSchema = z.object({ text: textSchema, belopp: kronorMedTecken });

/** POST /api/budget/resursfordelning: computes a nämnd's frame for `ar` in seven steps. */
export const resursfordelningRequestSchema = z.object({
  namnd: namndKodSchema,
  ar: arSchema,
  foregaendeArsTilldelning: kronorNollEllerMer,
  tillfalligaSatsningar: z.array(z.object({ text: textSchema, belopp: kronorNollEllerMer })).default([]),
  befolkning: z
    .array(
      z.object({
        aldersband: z.string().trim().min(1).max(20),
        invanareIAr: z.int().nonnegative('antalet invånare får inte vara negativt'),
        invanarePrognos: z.int().nonnegative('antalet invånare får inte vara negativt'),
      }),
    )
    .default([]),
  demografi: z
    .array(z.object({ verksamhetsomrade: textSchema, aldersband: z.string().trim().min(1).max(20), prisPerInvanare: kronorNollEllerMer }))
    .default([]),
  upprakning: z.object({ namn: z.string().trim().min(1, 'indexet saknar namn').max(100), procentsats: procentsatsSchema }),
  ovrigaJusteringar: z.array(postRequestSchema).default([]),
});
export type ResursfordelningRequest = z.input<typeof resursfordelningRequestSchema>;

export const underlagsradSchema = z.discriminatedUnion('typ', [
  z.object({ typ: z.literal('post'), text: z.string(), beloppOre: oreSchema }),
  z.object({
    typ: z.literal('demografi'),
    text: z.string(),
    verksamhetsomrade: z.string(),
    aldersband: z.string(),
    invanareIAr: z.int(),
    invanarePrognos: z.int(),
    forandringInvanare: z.int(),
    prisPerInvanareOre: oreSchema,
    beloppOre: oreSchema,
  }),
  z.object({
    typ: z.literal('upprakning'),
    text: z.string(),
    index: z.string(),
    procentsats: z.string(),
    berakningsunderlagOre: oreSchema,
    beloppOre: oreSchema,
  }),
]);
export type UnderlagsradDto = z.infer<typeof underlagsradSchema>;

/** One bar of the waterfall: a `total` stands on zero, a `forandring` floats on the running total. */
export const resursfordelningsstegSchema = z.object({
  steg: z.int().min(1).max(7),
  namn: z.string(),
  typ: z.enum(['total', 'forandring']),
  beloppOre: oreSchema,
  summaOre: oreSchema,
  underlag: z.array(underlagsradSchema),
});
export type ResursfordelningsstegDto = z.infer<typeof resursfordelningsstegSchema>;

export const resursfordelningSchema = z.object({
  namnd: z.string(),
  ar: arSchema,
  steg: z.array(resursfordelningsstegSchema).length(7),
  forslagOre: oreSchema,
});
export type ResursfordelningDto = z.infer<typeof resursfordelningSchema>;

/** GET /api/budget/resursfordelningar?ar=: the nämnder (within what the person sees) that have a resursfördelning for the year. */
export const resursfordelningarSchema = z.object({ ar: arSchema, namnder: z.array(z.string()) });
export type ResursfordelningarDto = z.infer<typeof resursfordelningarSchema>;

// --- Internbudget ---------------------------------------------------------------------------------------

/** POST /api/budget/internbudgetar: a nämnd's distribution of its frame; revenue and cost both positive. */
export const internbudgetRequestSchema = z.object({
  namnd: namndKodSchema,
  ar: arSchema,
  namn: textSchema,
  beslutad: datumSchema,
  rader: z
    .array(z.object({ ansvar: ansvarKodSchema, kontogrupp: kontogruppKodSchema, belopp: kronorNollEllerMer }))
    .min(1, 'minst en rad behövs'),
});
export type InternbudgetRequest = z.input<typeof internbudgetRequestSchema>;

const internbudgetradSchema = z.object({ ansvar: ansvarKodSchema, kontogrupp: kontogruppKodSchema, beloppOre: oreSchema });

export const nodbudgetSchema = z.object({
  kod: z.string(),
  namn: z.string(),
  niva: organisationNivaSchema,
  foralderKod: z.string().nullable(),
  intakterOre: oreSchema,
  kostnaderOre: oreSchema,
  nettokostnadOre: oreSchema,
  kontogrupper: z.array(z.object({ kontogrupp: kontogruppKodSchema, beloppOre: oreSchema })),
});
export type NodbudgetDto = z.infer<typeof nodbudgetSchema>;

export const internbudgetSchema = z.object({
  namnd: z.string(),
  ramOre: oreSchema,
  fordelatOre: oreSchema,
  /**
   * Frame minus distributed net, shown at the nämnd. Zero or more when the internbudget is decided; below zero only
   * when a later tilläggsbudget (a deficit carried over at the year-end) has cut the frame under it.
   */
  ofordelatOre: oreSchema,
  noder: z.array(nodbudgetSchema),
});
export type InternbudgetDto = z.infer<typeof internbudgetSchema>;

// --- Budget versions --------------------------------------------------------------------------------------

const namndbeloppSchema = z.object({ namnd: z.string(), beloppOre: oreSchema });
const versionshuvud = { id: z.string().min(1), ar: arSchema, namn: z.string(), beslutad: datumSchema };

export const VERSIONSTYPER = ['kf-beslut', 'tillaggsbudget', 'internbudget'] as const;

/** A decided budget version, never edited: KF's frames, a tilläggsbudget's changes, or an internbudget's rows. */
export const budgetversionSchema = z.discriminatedUnion('typ', [
  z.object({ ...versionshuvud, typ: z.literal('kf-beslut'), ramar: z.array(namndbeloppSchema) }),
  z.object({ ...versionshuvud, typ: z.literal('tillaggsbudget'), andringar: z.array(namndbeloppSchema) }),
  z.object({ ...versionshuvud, typ: z.literal('internbudget'), namnd: z.string(), rader: z.array(internbudgetradSchema) }),
]);
export type BudgetversionDto = z.infer<typeof budgetversionSchema>;

const namndbeloppRequestSchema = z.object({ namnd: namndKodSchema, belopp: kronorMedTecken });
const beslutshuvud = { ar: arSchema, namn: textSchema, beslutad: datumSchema };

/**
 * POST /api/budget/budgetversioner: KF's decision on the nämnders frames, or a tilläggsbudget that changes
 * some of them during the year (amounts in kronor; a tilläggsbudget's may be negative). Internbudgetar have
 * their own endpoint, since they are checked against the frame.
 */
export const budgetbeslutRequestSchema = z.discriminatedUnion('typ', [
  z.object({ ...beslutshuvud, typ: z.literal('kf-beslut'), ramar: z.array(namndbeloppRequestSchema).min(1, 'minst en ram behövs') }),
  z.object({
    ...beslutshuvud,
    typ: z.literal('tillaggsbudget'),
    andringar: z.array(namndbeloppRequestSchema).min(1, 'minst en ändring behövs'),
  }),
]);
export type BudgetbeslutRequest = z.input<typeof budgetbeslutRequestSchema>;

export const gallandeBudgetSchema = z.object({
  ar: arSchema,
  namnder: z.array(
    z.object({
      namnd: z.string(),
      kfBeslutOre: oreSchema,
      tillaggOre: oreSchema,
      ramOre: oreSchema,
      versioner: z.array(z.string()),
      internbudget: z.string().nullable(),
      internbudgetNettoOre: oreSchema.nullable(),
      ofordelatOre: oreSchema.nullable(),
    }),
  ),
  ansvar: z.array(
    z.object({
      ansvar: z.string(),
      namnd: z.string(),
      internbudget: z.string(),
      intakterOre: oreSchema,
      kostnaderOre: oreSchema,
      nettokostnadOre: oreSchema,
      rader: z.array(internbudgetradSchema),
    }),
  ),
});
export type GallandeBudgetDto = z.infer<typeof gallandeBudgetSchema>;

const versionsjamforelseradSchema = z.object({
  namnd: z.string().nullable(),
  belopp: z.array(oreSchema.nullable()),
  gallandeRamOre: oreSchema,
});

/** The versions of a year side by side: one column per version, one row per nämnd, and a sum row. */
export const versionsjamforelseSchema = z.object({
  ar: arSchema,
  kolumner: z.array(z.object({ id: z.string(), typ: z.enum(VERSIONSTYPER), namn: z.string(), beslutad: datumSchema })),
  rader: z.array(versionsjamforelseradSchema),
  summa: versionsjamforelseradSchema,
});
export type VersionsjamforelseDto = z.infer<typeof versionsjamforelseSchema>;

// --- Resultatöverföring -------------------------------------------------------------------------------

/** A share from 0 to 100 percent, compared on the digits so no float rounding can let 100,0001 through. */
export const andelSchema = procentsatsSchema.refine((text) => {
  if (text.startsWith('-')) return false;
  const [heltal = '', decimaler = ''] = text.split(/[.,]/);
  return Number(heltal) < 100 || (Number(heltal) === 100 && /^0*$/.test(decimaler));
}, 'ska vara mellan 0 och 100');

/** Percent shares of a result carried into next year; Helsingborg's rule is 100 / none / 100. */
export const overforingsregelSchema = z.object({
  overskottAndel: andelSchema.default('100'),
  overskottTakProcentAvBudget: andelSchema.nullable().default(null),
  underskottAndel: andelSchema.default('100'),
});
export type OverforingsregelRequest = z.input<typeof overforingsregelSchema>;

/** POST /api/budget/resultatoverforing/forslag */
export const resultatoverforingRequestSchema = z.object({
  ar: arSchema,
  regel: overforingsregelSchema.prefault({}),
  undantag: z.array(z.object({ namnd: namndKodSchema, overforing: kronorMedTecken, sarskildaSkal: textSchema })).default([]),
});
export type ResultatoverforingRequest = z.input<typeof resultatoverforingRequestSchema>;

export const resultatoverforingSchema = z.object({
  regel: z.object({ overskottAndel: z.string(), overskottTakProcentAvBudget: z.string().nullable(), underskottAndel: z.string() }),
  namnder: z.array(
    z.object({
      namnd: z.string(),
      budgetOre: oreSchema,
      utfallOre: oreSchema,
      /** Budget minus utfall for net cost: positive is a surplus. */
      resultatOre: oreSchema,
      overforingOre: oreSchema,
      grund: z.enum(['overskott', 'overskott-tak', 'underskott', 'nollresultat', 'undantag']),
      forklaring: z.string(),
      nastaArsRamEfterOverforingOre: oreSchema.nullable(),
    }),
  ),
  resultatOre: oreSchema,
  overforingOre: oreSchema,
});
export type ResultatoverforingDto = z.infer<typeof resultatoverforingSchema>;

// --- Investeringar --------------------------------------------------------------------------------------

export const INVESTERINGSMOTIV_KODER = ['A', 'E', 'K', 'L', 'M', 'U', 'T'] as const;
export const investeringsmotivSchema = z.enum(INVESTERINGSMOTIV_KODER, {
  error: () => `okänt motiv; giltiga är ${INVESTERINGSMOTIV_KODER.join(', ')}`,
});
const paverkanSchema = z.enum(['positiv', 'ingen', 'negativ'], { error: () => 'ska vara positiv, ingen eller negativ' });
const hallbarhetSchema = z.object({
  social: paverkanSchema.nullish(),
  miljomassig: paverkanSchema.nullish(),
  ekonomisk: paverkanSchema.nullish(),
});

/** PUT /api/investeringar/projekt/:id — amounts per year in kronor. */
export const investeringsprojektRequestSchema = z.object({
  namnd: namndKodSchema,
  /** The ansvar (enhet) in the nämnd that owns the project and forecasts it with its helårsprognos. */
  ansvar: ansvarKodSchema.nullish(),
  namn: textSchema,
  motiv: investeringsmotivSchema.nullish(),
  hallbarhet: hallbarhetSchema.nullish(),
  ar: z
    .array(z.object({ ar: arSchema, budget: kronorMedTecken, utfall: kronorMedTecken.nullish(), prognos: kronorMedTecken.nullish() }))
    .min(1, 'minst ett år behövs'),
});
export type InvesteringsprojektRequest = z.input<typeof investeringsprojektRequestSchema>;

export const investeringsprojektSchema = z.object({
  id: z.string(),
  namnd: z.string(),
  ansvar: z.string().nullish(),
  namn: z.string(),
  motiv: investeringsmotivSchema.nullish(),
  hallbarhet: hallbarhetSchema.nullish(),
  ar: z.array(z.object({ ar: arSchema, budgetOre: oreSchema, utfallOre: oreSchema.nullish(), prognosOre: oreSchema.nullish() })),
});
export type InvesteringsprojektDto = z.infer<typeof investeringsprojektSchema>;

const investeringssummaSchema = z.object({
  budgetOre: oreSchema,
  utfallOre: oreSchema,
  /** A project-year without its own prognos counts at its budget. */
  prognosOre: oreSchema,
  /** Budget minus prognos. */
  avvikelseOre: oreSchema,
  utanPrognos: z.int().nonnegative(),
});
const arssummaSchema = investeringssummaSchema.extend({ ar: arSchema });

/** GET /api/investeringar/plan/:forstaAr — the seven-year plan per nämnd and year, per project and for the city. */
export const investeringssammanstallningSchema = z.object({
  forstaAr: arSchema,
  sistaAr: arSchema,
  namnder: z.array(z.object({ namnd: z.string(), ar: z.array(arssummaSchema), totalt: investeringssummaSchema })),
  projekt: z.array(
    investeringssummaSchema.extend({ id: z.string(), namnd: z.string(), namn: z.string(), motiv: investeringsmotivSchema.nullable() }),
  ),
  stad: z.object({ ar: z.array(arssummaSchema), totalt: investeringssummaSchema }),
});
export type InvesteringssammanstallningDto = z.infer<typeof investeringssammanstallningSchema>;

/** How a chef spreads a kontogrupp's year over the months: evenly, by last year's utfall, or by hand. */
export const PERIODISERINGAR = ['jamnt', 'foregaende-ar', 'manuellt'] as const;
const arsbeloppSchema = kronorSchema.pipe(oreSchema.nonnegative('får inte vara negativt').max(10_000_000_000_00, 'över 10 miljarder kr'));

/**
 * PUT /api/budget/verksamhetsbudgetar/{ansvar}/{ar}: the chef's verksamhetsbudget. `jamnt` and `foregaende-ar` take
 * the year's amount per kontogrupp (kronor) and spread it; `manuellt` takes twelve months per kontogrupp. Its net
 * cost must equal the ansvar's internbudget to the öre.
 */
export const verksamhetsbudgetRequestSchema = z.discriminatedUnion(
  'periodisering',
  [
    z.object({
      periodisering: z.enum(['jamnt', 'foregaende-ar']),
      rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, belopp: arsbeloppSchema })).min(1, 'minst en rad behövs'),
      /** Budgeted årsarbetare (at most one decimal); without it the figure is estimated from the personnel budget. */
      arsarbetare: arsarbetareSchema.nullish(),
    }),
    z.object({
      periodisering: z.literal('manuellt'),
      rader: z
        .array(z.object({ kontogrupp: kontogruppKodSchema, manader: z.array(arsbeloppSchema).length(12, 'ska ha tolv månader') }))
        .min(1, 'minst en rad behövs'),
      arsarbetare: arsarbetareSchema.nullish(),
    }),
  ],
  { error: () => `periodisering ska vara en av ${PERIODISERINGAR.join(', ')}` },
);
export type VerksamhetsbudgetRequest = z.input<typeof verksamhetsbudgetRequestSchema>;

/** GET /api/budget/verksamhetsbudgetar/{ansvar}/{ar}: the ansvar's verksamhetsbudget beside its internbudget. */
export const verksamhetsbudgetSchema = z.object({
  ansvar: ansvarKodSchema,
  ar: arSchema,
  namnd: z.string(),
  /** `chef` when the chef has made one that still adds up; otherwise `standard` (last year's pattern or evenly). */
  kalla: z.enum(['chef', 'standard']),
  periodisering: z.enum(PERIODISERINGAR).nullable(),
  /** The internbudget per kontogrupp (year amounts) it spreads. */
  internbudget: z.array(z.object({ kontogrupp: kontogruppKodSchema, beloppOre: oreSchema })),
  rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, manader: z.array(oreSchema).length(12) })),
  nettokostnadOre: oreSchema,
  internbudgetOre: oreSchema,
  /** A chef's budget that no longer adds up after a new internbudget: kept here, but the standard spread applies. */
  inaktuell: z.object({ sparadAt: z.iso.datetime({ offset: true }), differensOre: oreSchema }).nullable(),
  sparad: z.object({ av: z.object({ id: z.string(), namn: z.string() }), at: z.iso.datetime({ offset: true }) }).nullable(),
  /** Budgeted årsarbetare: the chef's figure, or estimated from the personnel budget (`berakning`). */
  arsarbetare: z.number().nonnegative(),
  arsarbetareKalla: z.enum(['chef', 'berakning']),
  /**
   * The version the next PUT must name in `If-Match` (also the `ETag` header): `"standard"` while the chef has saved
   * none, else when it was saved. A PUT without it over a saved budget gets 428, with an older one 412.
   */
  etag: z.string(),
});
export type VerksamhetsbudgetDto = z.infer<typeof verksamhetsbudgetSchema>;
