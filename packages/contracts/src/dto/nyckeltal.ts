import { z } from 'zod';

import { arSchema } from '../prognos.js';

/** Whether a higher or a lower value of a nyckeltal is better. */
export const NYCKELTAL_RIKTNINGAR = ['hogre-ar-battre', 'lagre-ar-battre'] as const;
export const nyckeltalRiktningSchema = z.enum(NYCKELTAL_RIKTNINGAR, { error: () => 'ska vara hogre-ar-battre eller lagre-ar-battre' });
export type NyckeltalRiktning = z.infer<typeof nyckeltalRiktningSchema>;

/** How often a nyckeltal is measured: once a year, per tertial (jan–apr, maj–aug, sep–dec) or per month. */
export const PERIODTYPER = ['ar', 'tertial', 'manad'] as const;
export const periodtypSchema = z.enum(PERIODTYPER, { error: () => 'ska vara ar, tertial eller manad' });
export type Periodtyp = z.infer<typeof periodtypSchema>;

/** A measurement is of the total or, where the nyckeltal is split by gender, of women or men (Kolada's T, K, M). */
export const KON = ['total', 'kvinnor', 'man'] as const;
export const konSchema = z.enum(KON, { error: () => 'ska vara total, kvinnor eller man' });
export type Kon = z.infer<typeof konSchema>;

/**
 * A period of measurement as text: `2025` (the year), `2025-T2` (tertial 2, May–August) or `2025-03` (March).
 * The text sorts in time order within one kind.
 */
export const periodSchema = z
  .string({ error: 'ska vara en period: ÅÅÅÅ, ÅÅÅÅ-T1…T3 eller ÅÅÅÅ-MM' })
  .regex(/^(20\d\d|2100)(-T[1-3]|-(0[1-9]|1[0-2]))?$/, 'ska vara en period: ÅÅÅÅ, ÅÅÅÅ-T1…T3 eller ÅÅÅÅ-MM');
export type Period = z.infer<typeof periodSchema>;

export interface TolkadPeriod {
  readonly ar: number;
  readonly typ: Periodtyp;
  /** The tertial (1–3) or month (1–12); 0 for a year. */
  readonly nummer: number;
}

export function tolkaPeriod(period: Period): TolkadPeriod {
  const ar = Number(period.slice(0, 4));
  if (period.length === 4) return { ar, typ: 'ar', nummer: 0 };
  if (period[5] === 'T') return { ar, typ: 'tertial', nummer: Number(period.slice(6)) };
  return { ar, typ: 'manad', nummer: Number(period.slice(5)) };
}

/** The last day of a period, `YYYY-MM-DD`: `2025` → 2025-12-31, `2025-T1` → 2025-04-30, `2025-02` → 2025-02-28. */
export function periodensSistaDag(period: Period): string {
  const { ar, typ, nummer } = tolkaPeriod(period);
  const manad = typ === 'ar' ? 12 : typ === 'tertial' ? nummer * 4 : nummer;
  const dag = new Date(Date.UTC(ar, manad, 0)).getUTCDate();
  return `${ar}-${String(manad).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/** A number on a measure's scale (a share, a count, kronor per invånare), not money. */
const tal = z.number({ error: 'ska vara ett tal' }).finite();

export const arsvardeSchema = z.object({ ar: arSchema, varde: tal });
export type Arsvarde = z.infer<typeof arsvardeSchema>;

/** A Kolada KPI id, e.g. `N00945` (kommun) or `U00405` (organisational unit). */
export const koladaKpiSchema = z.string().regex(/^[A-Z]\d{5}$/, 'ett Kolada-nyckeltal har formen N00945');

const nyckeltalFalt = {
  namn: z.string().trim().min(1, 'nyckeltalet behöver ett namn').max(200),
  /** What is measured and how it is computed, as the source defines it. */
  definition: z.string().trim().max(4000).default(''),
  enhet: z.string().trim().min(1, 'nyckeltalet behöver en enhet').max(40),
  riktning: nyckeltalRiktningSchema,
  /** Where the values come from, e.g. `Kolada (RKA)`, `SCB`, `egen mätning`. */
  kalla: z.string().trim().min(1, 'ange en källa').max(200),
  koladaKpi: koladaKpiSchema.nullish(),
  periodtyp: periodtypSchema.default('ar'),
  /** Whether values are also given for women and men. */
  konsuppdelat: z.boolean().default(false),
  /** The starting point the mål is measured from. */
  utgangsvarde: arsvardeSchema.nullish(),
  /** The target for each year the nyckeltal is followed up; the last one is where the mål should be. */
  malvarden: z.array(arsvardeSchema).max(20).default([]),
};

function unikaAr(malvarden: readonly Arsvarde[], ctx: z.RefinementCtx) {
  const sedda = new Set<number>();
  malvarden.forEach((mal, index) => {
    if (sedda.has(mal.ar))
      ctx.addIssue({ code: 'custom', path: ['malvarden', index, 'ar'], message: `målvärde för ${mal.ar} finns redan` });
    sedda.add(mal.ar);
  });
}

/** POST /api/goals/nyckeltal: a new nyckeltal in the catalogue. */
export const skapaNyckeltalRequestSchema = z.object(nyckeltalFalt).superRefine((nyckeltal, ctx) => unikaAr(nyckeltal.malvarden, ctx));
export type SkapaNyckeltalRequest = z.input<typeof skapaNyckeltalRequestSchema>;

/** PUT /api/goals/nyckeltal/{id}: the whole nyckeltal again (baseline and targets included). */
export const andraNyckeltalRequestSchema = skapaNyckeltalRequestSchema;
export type AndraNyckeltalRequest = z.input<typeof andraNyckeltalRequestSchema>;

export const nyckeltalSchema = z.object({
  id: z.uuid(),
  namn: z.string(),
  definition: z.string(),
  enhet: z.string(),
  riktning: nyckeltalRiktningSchema,
  kalla: z.string(),
  koladaKpi: koladaKpiSchema.nullable(),
  periodtyp: periodtypSchema,
  konsuppdelat: z.boolean(),
  utgangsvarde: arsvardeSchema.nullable(),
  malvarden: z.array(arsvardeSchema),
  /** Grows by one with every change; a consumer keeps the highest. */
  version: z.int().positive(),
  andradAt: z.iso.datetime({ offset: true }),
});
export type NyckeltalDto = z.infer<typeof nyckeltalSchema>;

/** How a measurement came in. */
export const MATVARDESKALLOR = ['manuell', 'csv', 'kolada'] as const;
export const matvardeskallaSchema = z.enum(MATVARDESKALLOR);
export type Matvardeskalla = z.infer<typeof matvardeskallaSchema>;

/** One measured value of a nyckeltal, for a period and total or gender. `varde` null: not published, `status` says why. */
export const matvardeSchema = z.object({
  period: periodSchema,
  kon: konSchema,
  varde: tal.nullable(),
  /** Kolada's status of a value (e.g. `Missing`), or null. */
  status: z.string().max(100).nullable(),
  kalla: matvardeskallaSchema,
  /** When it was entered or imported: a measurement newer than the previous follow-up counts as measured there. */
  registreradAt: z.iso.datetime({ offset: true }),
});
export type MatvardeDto = z.infer<typeof matvardeSchema>;

/** POST /api/goals/nyckeltal/{id}/matvarden: values entered by hand; each replaces the one of its period and kön. */
export const sparaMatvardenRequestSchema = z.object({
  matvarden: z
    .array(z.object({ period: periodSchema, kon: konSchema.default('total'), varde: tal }))
    .min(1, 'ange minst ett mätvärde')
    .max(500),
});
export type SparaMatvardenRequest = z.input<typeof sparaMatvardenRequestSchema>;

/** A nyckeltal's series as `GET /api/goals/nyckeltal/{id}/matvarden` answers it: every value, oldest period first. */
export const matvardesserieSchema = z.object({ nyckeltal: z.uuid(), matvarden: z.array(matvardeSchema) });
export type MatvardesserieDto = z.infer<typeof matvardesserieSchema>;

/**
 * The columns of a measurement CSV (`POST /api/goals/matvarden/import`), as Excel saves "CSV (semikolonavgränsad)":
 * semicolons, a decimal comma, UTF-8 with or without a byte-order mark, CRLF or LF. One header row with these names
 * (any order; `kon` may be left out, meaning total). `nyckeltal` is the nyckeltal's id or its Kolada KPI id;
 * `kon` is `total`/`kvinnor`/`man` or Kolada's `T`/`K`/`M`; `varde` e.g. `83,5` or `1 240`.
 */
export const MATVARDE_CSV_KOLUMNER = ['nyckeltal', 'period', 'kon', 'varde'] as const;

export const matvardeImportResultatSchema = z.object({
  status: z.enum(['provkord', 'importerad', 'avvisad']),
  rader: z.int().nonnegative(),
  /** Per nyckeltal: how many values the file gives it. */
  perNyckeltal: z.array(z.object({ nyckeltal: z.uuid(), namn: z.string(), antal: z.int().nonnegative() })),
  /** Every error with its line (1 is the header) and column. */
  fel: z.array(z.object({ rad: z.int().positive(), falt: z.string(), meddelande: z.string() })),
});
export type MatvardeImportResultat = z.infer<typeof matvardeImportResultatSchema>;
