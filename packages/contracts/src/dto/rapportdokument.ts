import { z } from 'zod';

import { oreSchema } from '../money.js';
import { arSchema } from '../prognos.js';
import { resultatvagSchema, trendradSchema } from './oversikt.js';

/** The reports to kommunfullmäktige, as they are named in URLs and on the command line. */
export const RAPPORTTYPER = ['delarsrapport-april', 'delarsrapport-augusti', 'arsredovisning'] as const;
export const rapporttypSchema = z.enum(RAPPORTTYPER, { error: `okänd rapport: välj ${RAPPORTTYPER.join(', ')}` });
export type Rapporttyp = z.infer<typeof rapporttypSchema>;

export const RAPPORTTYPNAMN: Record<Rapporttyp, string> = {
  'delarsrapport-april': 'Delårsrapport april',
  'delarsrapport-augusti': 'Delårsrapport augusti',
  arsredovisning: 'Årsredovisning',
};

/**
 * A version is a live draft (`utkast`), a draft put up for stadsrevisionen's audit (`granskning`), or fixed
 * (`faststalld`): then its figures, texts and charts are frozen with a content hash, and the database refuses any change.
 */
export const VERSIONSSTATUSAR = ['utkast', 'granskning', 'faststalld'] as const;
export const versionsstatusSchema = z.enum(VERSIONSSTATUSAR);
export type Versionsstatus = z.infer<typeof versionsstatusSchema>;

/** Writers' text: plain paragraphs, headings and lists. No markup: anything that looks like HTML is refused. */
const MARKUP = /<\s*\/?\s*[a-zA-Z!?][^>]*>|&[a-zA-Z#][a-zA-Z0-9]*;|\]\(|javascript:/;
const rentTextSchema = z
  .string()
  .trim()
  .min(1, 'tom text')
  .max(10_000, 'högst 10 000 tecken')
  .refine((text) => !MARKUP.test(text), 'texten innehåller märkning (HTML, entiteter eller länkar); skriv ren text');
export const textblockSchema = z.discriminatedUnion('typ', [
  z.object({ typ: z.literal('rubrik'), text: rentTextSchema.refine((t) => !t.includes('\n'), 'en rubrik är en rad') }),
  z.object({ typ: z.literal('stycke'), text: rentTextSchema }),
  z.object({ typ: z.literal('lista'), punkter: z.array(rentTextSchema).min(1, 'en lista har minst en punkt').max(100) }),
]);
export type Textblock = z.infer<typeof textblockSchema>;

/** PUT /api/report/dokument/{rapport}/{ar}/versioner/{version}/texter/{sektion}: a section's whole text. */
export const sektionstextRequestSchema = z.object({ text: z.array(textblockSchema).max(200) });

/** A column of a report table: text, or an amount in öre (shown as mnkr with one decimal, `12 345,6`). */
export const tabellkolumnSchema = z.object({ rubrik: z.string(), typ: z.enum(['text', 'belopp']) });
export const tabellcellSchema = z.union([z.string(), z.number().int(), z.null()]);
/** A report table; amounts are integer öre. `summa` is the total row: the sum of the rows' amounts. */
export const rapporttabellSchema = z.object({
  id: z.string(),
  rubrik: z.string(),
  kolumner: z.array(tabellkolumnSchema),
  rader: z.array(z.array(tabellcellSchema)),
  summa: z.array(tabellcellSchema).nullable(),
});
export type Rapporttabell = z.infer<typeof rapporttabellSchema>;

const diagrammetsNamn = {
  id: z.string(),
  rubrik: z.string(),
  /** The chart's alternative text, also the PDF's /Alt and the DOCX image's description. */
  beskrivning: z.string(),
};

/** Bars per category (a year, a nämnd), one series each; versions fixed before the other kinds have no `typ`. */
export const stapeldiagramSchema = z.object({
  ...diagrammetsNamn,
  typ: z.literal('staplar').optional(),
  kategorier: z.array(z.string()),
  serier: z.array(z.object({ namn: z.string(), varden: z.array(z.number().int()) })),
});

/** The dashboard's per-nämnd bars of budget, prognos and utfall (net costs in öre; null draws no bar). */
export const namndstaplarSchema = z.object({
  ...diagrammetsNamn,
  typ: z.literal('namndstaplar'),
  /** The utfall's name in this report, e.g. "Utfall januari–augusti" or "Utfall helår". */
  utfallNamn: z.string(),
  namnder: z.array(
    z.object({ namn: z.string(), budgetOre: oreSchema.nullable(), prognosOre: oreSchema.nullable(), utfallOre: oreSchema.nullable() }),
  ),
});

/** The walk from the budgeted result to the forecast (or bokslut) result, nämnd by nämnd, as the dashboard's waterfall. */
export const resultatvagsdiagramSchema = z.object({
  ...diagrammetsNamn,
  typ: z.literal('resultatvag'),
  /** Where the walk ends: the forecast's result (a delårsrapport) or the bokslut's (the årsredovisning). */
  till: z.enum(['prognos', 'bokslut']),
  resultat: resultatvagSchema,
});

/** The city's net cost at April, August and the bokslut against its budget, as the dashboard's trend. */
export const trenddiagramSchema = z.object({
  ...diagrammetsNamn,
  typ: z.literal('trend'),
  stad: trendradSchema,
  budgetOre: oreSchema.nullable(),
});

/**
 * A report chart's data: the kinds the dashboard draws, drawn by the server for PDF and DOCX with the same ECharts
 * options (@tertial/diagram). Its table is beside it.
 */
export const rapportdiagramSchema = z.union([namndstaplarSchema, resultatvagsdiagramSchema, trenddiagramSchema, stapeldiagramSchema]);
export type Rapportdiagram = z.infer<typeof rapportdiagramSchema>;

export const rapportsektionSchema = z.object({
  id: z.string(),
  rubrik: z.string(),
  /** Whether the ekonomidirektör's staff write this section's text (edited in the dashboard). */
  redigerbar: z.boolean(),
  text: z.array(textblockSchema),
  /**
   * What the services say about the section's figures: where they come from and what is not there (a company
   * without a forecast, a year not yet decided). Made by the service, never typed in; absent in versions fixed before.
   */
  noteringar: z.array(z.string()).default([]),
  tabeller: z.array(rapporttabellSchema),
  diagram: z.array(rapportdiagramSchema),
});
export type Rapportsektion = z.infer<typeof rapportsektionSchema>;

/** A version's whole content: what is frozen, hashed and exported. */
export const rapportinnehallSchema = z.object({
  rapport: rapporttypSchema,
  ar: arSchema,
  titel: z.string(),
  /** The last month of the period the figures cover. */
  periodTomManad: z.number().int().min(1).max(12),
  sektioner: z.array(rapportsektionSchema),
});
export type Rapportinnehall = z.infer<typeof rapportinnehallSchema>;

export const rapportversionSchema = z.object({
  rapport: rapporttypSchema,
  ar: arSchema,
  version: z.number().int().positive(),
  status: versionsstatusSchema,
  /** SHA-256 of the frozen content (hex); null for a draft, whose figures are live. */
  hash: z.string().nullable(),
  /** The version this one corrects; null for the first. */
  ersatter: z.number().int().positive().nullable(),
  skapadAt: z.iso.datetime({ offset: true }),
  skapadAv: z.string(),
  faststalldAt: z.iso.datetime({ offset: true }).nullable(),
  faststalldAv: z.string().nullable(),
});
export type RapportversionDto = z.infer<typeof rapportversionSchema>;

export const rapportversionMedInnehallSchema = rapportversionSchema.extend({ innehall: rapportinnehallSchema });
export type RapportversionMedInnehall = z.infer<typeof rapportversionMedInnehallSchema>;

/** One difference between two versions: a text or a table cell that changed, was added or removed. */
export const rapportskillnadSchema = z.object({
  sektion: z.string(),
  var: z.string(),
  fran: z.string().nullable(),
  till: z.string().nullable(),
});
export const rapportjamforelseSchema = z.object({
  fran: z.number().int().positive(),
  till: z.number().int().positive(),
  skillnader: z.array(rapportskillnadSchema),
});
export type Rapportjamforelse = z.infer<typeof rapportjamforelseSchema>;

export const EXPORTFORMAT = ['pdf', 'xlsx', 'docx'] as const;
export const exportformatSchema = z.enum(EXPORTFORMAT, { error: `okänt format: välj ${EXPORTFORMAT.join(', ')}` });
export type Exportformat = z.infer<typeof exportformatSchema>;
