import { z } from 'zod';

import { internKontointervallSchema, kontoSchema } from '../kontoplan.js';
import { oreSchema } from '../money.js';
import { arSchema } from '../prognos.js';

/** The follow-ups the city's result is shown for: KF's budget, the two ordinary rounds' forecasts, the bokslut. */
export const RESULTAT_TILLFALLEN = ['budget', 'april', 'augusti', 'bokslut'] as const;
export const resultatTillfalleSchema = z.enum(RESULTAT_TILLFALLEN, { error: () => `ska vara ett av ${RESULTAT_TILLFALLEN.join(', ')}` });
export type ResultatTillfalle = z.infer<typeof resultatTillfalleSchema>;

/** The follow-ups a balanskravsutredning is made for: each round's forecast and the bokslut. */
export const BALANSKRAV_TILLFALLEN = ['april', 'augusti', 'bokslut'] as const;
export const balanskravTillfalleSchema = z.enum(BALANSKRAV_TILLFALLEN, {
  error: () => `ska vara ett av ${BALANSKRAV_TILLFALLEN.join(', ')}`,
});
export type BalanskravTillfalle = z.infer<typeof balanskravTillfalleSchema>;

/**
 * The finance function's own lines, budgeted in KF's budget and forecast by the ekonomidirektör's staff. All are
 * entered positive; the row says whether it is revenue or cost.
 */
export const FINANSRADER = [
  { kod: 'skatteintakter', namn: 'Skatteintäkter', typ: 'intakt' },
  { kod: 'generella-statsbidrag', namn: 'Generella statsbidrag och utjämning', typ: 'intakt' },
  { kod: 'pensioner', namn: 'Pensionskostnader (centralt)', typ: 'kostnad' },
  { kod: 'finansiella-intakter', namn: 'Finansiella intäkter', typ: 'intakt' },
  { kod: 'finansiella-kostnader', namn: 'Finansiella kostnader', typ: 'kostnad' },
  { kod: 'avskrivningar', namn: 'Avskrivningar (centralt)', typ: 'kostnad' },
] as const;
export type FinansradKod = (typeof FINANSRADER)[number]['kod'];
export const finansradKodSchema = z.enum(FINANSRADER.map((rad) => rad.kod) as [FinansradKod, ...FinansradKod[]], {
  error: () => `okänd rad; giltiga är ${FINANSRADER.map((rad) => rad.kod).join(', ')}`,
});

/**
 * Whether a line must say where its figure comes from: a round's forecast (april, augusti) of skatteintäkter and of
 * generella statsbidrag och utjämning builds on a skatteunderlag forecast (SKR's, with its date), which it names.
 * KF's budget and the bokslut may leave the source empty, as may the other lines.
 */
export function kravsKalla(tillfalle: ResultatTillfalle, rad: FinansradKod): boolean {
  return (tillfalle === 'april' || tillfalle === 'augusti') && (rad === 'skatteintakter' || rad === 'generella-statsbidrag');
}

/** The fields (`rader[i].kalla`) of the lines that must name a source and do not. */
export function saknadeKallor(
  tillfalle: ResultatTillfalle,
  rader: readonly { readonly rad: FinansradKod; readonly kalla?: string | undefined }[],
): { field: string; message: string }[] {
  return rader.flatMap((rad, index) =>
    kravsKalla(tillfalle, rad.rad) && (rad.kalla ?? '').trim() === ''
      ? [{ field: `rader[${index}].kalla`, message: 'ange källan till prognosen, t.ex. SKR:s skatteunderlagsprognos och dess datum' }]
      : [],
  );
}

export const finansraderInmatningSchema = z.object({
  rader: z
    .array(
      z.object({
        rad: finansradKodSchema,
        beloppOre: oreSchema.nonnegative('ange beloppet positivt; raden säger om det är intäkt eller kostnad'),
        /** Where the figure comes from, e.g. "SKR:s skatteunderlagsprognos 2026-08-20". */
        kalla: z.string().trim().max(300).default(''),
      }),
    )
    .min(1, 'minst en rad'),
});
export type FinansraderInmatning = z.infer<typeof finansraderInmatningSchema>;

/** The finance function's lines of a year and tillfälle as stored: each amount positive, with its source. */
export const finansraderSchema = z.object({
  ar: arSchema,
  tillfalle: resultatTillfalleSchema,
  rader: z.array(z.object({ rad: finansradKodSchema, beloppOre: oreSchema, kalla: z.string() })),
});
export type Finansrader = z.infer<typeof finansraderSchema>;

/** The rows of the municipal resultaträkning that accounts are mapped to; the kontoplan's internal accounts are eliminated. */
export const RESULTATRAKNINGSRADER = [
  { kod: 'verksamhetens-intakter', namn: 'Verksamhetens intäkter', typ: 'intakt' },
  { kod: 'verksamhetens-kostnader', namn: 'Verksamhetens kostnader', typ: 'kostnad' },
  { kod: 'avskrivningar', namn: 'Avskrivningar', typ: 'kostnad' },
  { kod: 'skatteintakter', namn: 'Skatteintäkter', typ: 'intakt' },
  { kod: 'generella-statsbidrag', namn: 'Generella statsbidrag och utjämning', typ: 'intakt' },
  { kod: 'finansiella-intakter', namn: 'Finansiella intäkter', typ: 'intakt' },
  { kod: 'finansiella-kostnader', namn: 'Finansiella kostnader', typ: 'kostnad' },
] as const;
export type ResultatradKod = (typeof RESULTATRAKNINGSRADER)[number]['kod'];
export const resultatradKodSchema = z.enum(RESULTATRAKNINGSRADER.map((rad) => rad.kod) as [ResultatradKod, ...ResultatradKod[]], {
  error: () => `okänd rad; giltiga är ${RESULTATRAKNINGSRADER.map((rad) => rad.kod).join(', ')}`,
});

/**
 * One line of the editable table from Kommun-Bas account ranges to resultaträkning rows. Which accounts are internal
 * (eliminated) is not here: the kontoplan says it (`budget.kontoplan-uppdaterad`).
 */
export const resultatradIntervallSchema = z
  .object({ fran: kontoSchema, till: kontoSchema, rad: resultatradKodSchema })
  .refine((intervall) => intervall.fran <= intervall.till, { message: 'från ska vara högst till', path: ['till'] });
export type ResultatradIntervall = z.infer<typeof resultatradIntervallSchema>;

/** The kontoplan's internal accounts as the report service has them, and where they come from. */
export const internaKontonSchema = z.object({
  /** `kontoplan`: the budget service's kontoplan has been received; `standard`: not yet, the default applies. */
  kalla: z.enum(['kontoplan', 'standard']),
  andradAt: z.iso.datetime({ offset: true }).nullable(),
  interna: z.array(internKontointervallSchema),
});
export type InternaKonton = z.infer<typeof internaKontonSchema>;

/**
 * How a column's internal transactions were eliminated. `konton`: the bokslut's internal accounts themselves;
 * `andel`: budget and forecasts are per kontogrupp, so each nämnd's internal part is estimated with the share its
 * internal accounts had of its revenue and of its cost in the year's bokslut, else the year's utfall so far, else the
 * year before's bokslut (`underlag`, `underlagAr`); `inget`: no nämnd has any of them, nothing eliminated. Amounts are shown amounts (both positive), rounded to the öre per nämnd and side.
 */
export const resultatelimineringSchema = z.object({
  metod: z.enum(['konton', 'andel', 'inget']),
  /** Internal revenue taken out of verksamhetens intäkter. */
  intakterOre: oreSchema,
  /** Internal cost taken out of verksamhetens kostnader. */
  kostnaderOre: oreSchema,
  /** `kostnaderOre − intakterOre`: by this much the city's result is better than the sum of its parts; zero when the sides match. */
  differensOre: oreSchema,
  namnder: z.array(
    z.object({
      namnd: z.string(),
      intakterOre: oreSchema,
      kostnaderOre: oreSchema,
      /** The year the share comes from and whether it was that year's bokslut or its utfall so far; null: nothing to go by. */
      underlagAr: arSchema.nullable(),
      underlag: z.enum(['bokslut', 'utfall']).nullable(),
    }),
  ),
});
export type Resultateliminering = z.infer<typeof resultatelimineringSchema>;

/** The city's result for one year: each resultaträkning row for the budget, each round and the bokslut. */
export const resultatrakningSchema = z.object({
  ar: arSchema,
  kolumner: z.array(
    z.object({
      tillfalle: resultatTillfalleSchema,
      /** False when the column has no figures yet (no round, or a bokslut not yet closed for every nämnd). */
      finns: z.boolean(),
      /** Where the finance function's lines come from, per line with a source. */
      kallor: z.array(z.object({ rad: finansradKodSchema, kalla: z.string() })),
      /** Internal revenue plus internal cost eliminated (the two sides of `eliminering` added). */
      elimineratOre: oreSchema,
      eliminering: resultatelimineringSchema,
    }),
  ),
  /** Each row's amounts in the order of `kolumner`; revenue positive, cost negative, sums as on the page. */
  rader: z.array(
    z.object({
      kod: z.string(),
      namn: z.string(),
      summa: z.boolean(),
      belopp: z.array(oreSchema.nullable()),
    }),
  ),
});
export type Resultatrakning = z.infer<typeof resultatrakningSchema>;

/** The movements and adjustments of one year's balanskravsutredning, in kronor with the sign of a published utredning. */
export const balanskravsjusteringarSchema = z.object({
  samtligaRealisationsvinsterOre: oreSchema.nonpositive('samtliga realisationsvinster anges negativa'),
  realisationsvinsterUndantagOre: oreSchema,
  realisationsforlusterUndantagOre: oreSchema,
  orealiseradeForlusterOre: oreSchema,
  aterforingOrealiseradeForlusterOre: oreSchema,
  tillRurOre: oreSchema.nonpositive('medel till resultatutjämningsreserv anges negativa'),
  franRurOre: oreSchema.nonnegative('medel från resultatutjämningsreserv anges positiva'),
});
export type Balanskravsjusteringar = z.infer<typeof balanskravsjusteringarSchema>;

export const balanskravRadSchema = z.object({ kod: z.string(), namn: z.string(), beloppOre: oreSchema });

export const underskottSchema = z.object({
  ar: arSchema,
  underskottOre: oreSchema,
  aterstalltOre: oreSchema,
  kvarOre: oreSchema,
  /** The last year the deficit may be restored in (three years after). */
  senastAr: arSchema,
  aterstallningar: z.array(z.object({ ar: arSchema, beloppOre: oreSchema })),
});
export type Underskott = z.infer<typeof underskottSchema>;

export const balanskravsutredningSchema = z.object({
  ar: arSchema,
  tillfalle: balanskravTillfalleSchema,
  /** Where the year's figures come from: the product's own result, an imported year, or the bokslut over an imported year. */
  kalla: z.enum(['prognos', 'bokslut', 'historik']),
  meddelanden: z.array(z.string()),
  rader: z.array(balanskravRadSchema),
  /** Deficits of earlier years still to be restored at the start of the year, oldest first. */
  underskottFranTidigareAr: z.array(underskottSchema),
  rur: z.object({ ingaendeOre: oreSchema, utgaendeOre: oreSchema, maxAvsattningOre: oreSchema, farAnvandas: z.boolean() }),
});
export type Balanskravsutredning = z.infer<typeof balanskravsutredningSchema>;

/** The city's RUR rules and the facts they need. */
export const rurReglerSchema = z.object({
  /** The RUR balance before the first year of the history. */
  ingaendeSaldoOre: oreSchema.nonnegative(),
  /** Share of skatteintäkter and generella statsbidrag the result must exceed before reserving, in hundredths of a per cent (100 = 1 %). */
  andelPositivtEgetKapitalBasispunkter: z.number().int().min(100, 'lagen kräver minst 1 %').max(10000),
  andelNegativtEgetKapitalBasispunkter: z.number().int().min(200, 'lagen kräver minst 2 %').max(10000),
  /** Whether equity including pension obligations (the blandmodellen's ansvarsförbindelse) is negative. */
  egetKapitalNegativt: z.boolean(),
  /**
   * The skatteunderlag's growth per year, in hundredths of a per cent, and optionally the ten-year average that SKR
   * published for that year. Without it the year's average is the mean of its own and the nine earlier years' growth.
   */
  skatteunderlagUtveckling: z
    .array(
      z.object({
        ar: arSchema,
        basispunkter: z.number().int(),
        tioarssnittBasispunkter: z.number().int().optional(),
      }),
    )
    .superRefine((rader, ctx) => {
      const sedda = new Set<number>();
      rader.forEach((rad, index) => {
        if (sedda.has(rad.ar)) ctx.addIssue({ code: 'custom', path: [index, 'ar'], message: `året ${rad.ar} finns redan` });
        sedda.add(rad.ar);
      });
    }),
});
export type RurRegler = z.infer<typeof rurReglerSchema>;

/**
 * The skatteunderlag's ten-year average growth for a year, in hundredths of a per cent (a mean may have a tenth):
 * the one published for the year when given, else the mean of that year's and the nine years before's growth. Null
 * when the year has neither, with the years whose growth is missing.
 */
export function skatteunderlagetsTioarssnitt(
  regler: Pick<RurRegler, 'skatteunderlagUtveckling'>,
  ar: number,
): { basispunkter: number; franAr: number | null } | { basispunkter: null; saknadeAr: number[] } {
  const perAr = new Map(regler.skatteunderlagUtveckling.map((rad) => [rad.ar, rad]));
  const publicerat = perAr.get(ar)?.tioarssnittBasispunkter;
  if (publicerat !== undefined) return { basispunkter: publicerat, franAr: null };
  const ar10 = Array.from({ length: 10 }, (_, index) => ar - 9 + index);
  const saknadeAr = ar10.filter((kandidat) => !perAr.has(kandidat));
  if (saknadeAr.length > 0) return { basispunkter: null, saknadeAr };
  return { basispunkter: ar10.reduce((summa, kandidat) => summa + perAr.get(kandidat)!.basispunkter, 0) / 10, franAr: ar - 9 };
}

export const balanskravOversiktSchema = z.object({
  ar: arSchema,
  utredningar: z.array(balanskravsutredningSchema.nullable()),
  historik: z.array(
    z.object({
      ar: arSchema,
      kalla: z.enum(['historik', 'bokslut']),
      aretsResultatOre: oreSchema,
      resultatEfterJusteringarOre: oreSchema,
      tillRurOre: oreSchema,
      franRurOre: oreSchema,
      balanskravsresultatOre: oreSchema,
      rurUtgaendeOre: oreSchema,
    }),
  ),
  underskott: z.array(underskottSchema),
  rurRegler: rurReglerSchema,
});
export type BalanskravOversikt = z.infer<typeof balanskravOversiktSchema>;

export const BALANSKRAV_KOLUMNER = [
  'ar',
  'arets_resultat',
  'samtliga_realisationsvinster',
  'realisationsvinster_undantag',
  'realisationsforluster_undantag',
  'orealiserade_forluster_vardepapper',
  'aterforing_orealiserade_forluster',
  'till_rur',
  'fran_rur',
] as const;
export const BALANSKRAV_KONTROLLKOLUMNER = ['resultat_efter_justeringar', 'balanskravsresultat'] as const;

export const balanskravImportResultatSchema = z.object({
  status: z.enum(['provkord', 'importerad', 'avvisad']),
  filnamn: z.string(),
  ar: z.array(
    z.object({
      ar: arSchema,
      rad: z.number().int(),
      aretsResultatOre: oreSchema,
      resultatEfterJusteringarOre: oreSchema,
      balanskravsresultatOre: oreSchema,
      /** The year was imported before and is replaced. */
      ersatter: z.boolean(),
      /** The product's own bokslut of the year is used instead of the file's. */
      bokslutGaller: z.boolean(),
    }),
  ),
  fel: z.array(z.object({ rad: z.number().int(), falt: z.string(), meddelande: z.string() })),
  meddelanden: z.array(z.string()),
});
export type BalanskravImportResultat = z.infer<typeof balanskravImportResultatSchema>;
