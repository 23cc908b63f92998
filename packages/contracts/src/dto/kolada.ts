import { z } from 'zod';

import { konSchema, koladaKpiSchema } from './nyckeltal.js';

/** Helsingborg's municipality code in Kolada (and SCB's register); the city's own is configurable. */
export const HELSINGBORG_KOMMUNKOD = '1283';

/** A Swedish municipality code: four digits (regions are two, `0012`-style in Kolada, and are allowed too). */
export const kommunkodSchema = z.string().regex(/^\d{4}$/, 'en kommunkod har fyra siffror');

/**
 * One value row of Kolada's data API, v2 and v3 alike: `gender` T (total), K (kvinnor), M (män); `value` null when
 * not published, `status` then often says why (e.g. `Missing`); `count` how many units the value covers.
 */
export const koladaVardeSchema = z.looseObject({
  gender: z.enum(['T', 'K', 'M'], { error: () => 'ska vara T, K eller M' }),
  count: z.number().int().nonnegative().nullish(),
  status: z.string().nullish(),
  value: z.number().finite().nullable(),
});

/** One KPI, municipality and period of a data response: its values per gender. */
export const koladaRadSchema = z.looseObject({
  kpi: koladaKpiSchema,
  municipality: kommunkodSchema,
  /** The year, as Kolada gives it: a number (v2, v3) or a four-digit string. */
  period: z.union([z.int().min(1990).max(2100), z.string().regex(/^\d{4}$/, 'ska vara ett år')]),
  values: z.array(koladaVardeSchema),
});

/** A data response (one page) of Kolada's API: `GET /v2/data/...` or `GET /v3/data/...`. */
export const koladaSidaSchema = z.looseObject({
  values: z.array(koladaRadSchema),
  count: z.int().nonnegative().optional(),
  next_page: z.string().nullish(),
  previous_page: z.string().nullish(),
});
export type KoladaSida = z.infer<typeof koladaSidaSchema>;

/** A municipality's value of a KPI for a year, as the city keeps it for comparison. */
export const koladaJamforelseVardeSchema = z.object({
  kommun: kommunkodSchema,
  ar: z.int(),
  kon: konSchema,
  varde: z.number().nullable(),
  status: z.string().nullable(),
});
export type KoladaJamforelseVarde = z.infer<typeof koladaJamforelseVardeSchema>;

/**
 * `GET /api/goals/kolada/jamforelser/{kpi}`: the city's and its comparison group's values of one KPI, every year
 * imported (the city's own also become the nyckeltal's measurements).
 */
export const koladaJamforelseSchema = z.object({
  kpi: koladaKpiSchema,
  /** The city's own code (configurable, `1283` for Helsingborg). */
  egenKommun: kommunkodSchema,
  jamforelsegrupp: z.array(z.object({ kod: kommunkodSchema, namn: z.string() })),
  varden: z.array(koladaJamforelseVardeSchema),
});
export type KoladaJamforelseDto = z.infer<typeof koladaJamforelseSchema>;

/** `GET`/`PUT /api/goals/kolada/jamforelsegrupp`: the municipalities the city compares itself with. */
export const jamforelsegruppSchema = z.object({
  namn: z.string().trim().min(1, 'gruppen behöver ett namn').max(200),
  kommuner: z
    .array(z.object({ kod: kommunkodSchema, namn: z.string().trim().min(1).max(100) }))
    .min(1, 'välj minst en kommun')
    .max(50)
    .refine((kommuner) => new Set(kommuner.map((k) => k.kod)).size === kommuner.length, 'samma kommun två gånger'),
});
export type Jamforelsegrupp = z.infer<typeof jamforelsegruppSchema>;

/** One problem in a Kolada file: where (`[1].values[3].values[0].gender`: the page, then the path) and what. */
export const koladaFelSchema = z.object({ sokvag: z.string(), meddelande: z.string() });
export type KoladaFel = z.infer<typeof koladaFelSchema>;

/** What `POST /api/goals/kolada/import` and `npx tertial import-kolada` answer. */
export const koladaImportResultatSchema = z.object({
  status: z.enum(['provkord', 'importerad', 'avvisad']),
  filnamn: z.string(),
  /** How many response pages the file held. */
  sidor: z.int().nonnegative(),
  /** Value rows (kpi × municipality × year × gender) read. */
  varden: z.int().nonnegative(),
  /** Of those, how many are null (`value: null`), with Kolada's status. */
  saknade: z.int().nonnegative(),
  egenKommun: kommunkodSchema,
  /** The city's own values per KPI, and the nyckeltal they become measurements of (null: no nyckeltal has the KPI). */
  egnaVarden: z.array(
    z.object({ kpi: koladaKpiSchema, nyckeltal: z.uuid().nullable(), namn: z.string().nullable(), antal: z.int().nonnegative() }),
  ),
  /** The other municipalities' values, kept as comparisons, per KPI. */
  jamforelser: z.array(z.object({ kpi: koladaKpiSchema, kommuner: z.array(kommunkodSchema), antal: z.int().nonnegative() })),
  /** Municipalities in the file outside the comparison group (kept too; the charts show the group). */
  utanforGruppen: z.array(kommunkodSchema),
  fel: z.array(koladaFelSchema),
  importId: z.uuid().nullable(),
});
export type KoladaImportResultat = z.infer<typeof koladaImportResultatSchema>;
