import { z } from 'zod';

import { kontogruppKodSchema } from '../kontogrupper.js';
import { kronorSchema, oreSchema } from '../money.js';
import { ansvarKodSchema } from '../organisation.js';
import { arSchema, prognostillfalleSchema } from '../prognos.js';

/** POST /api/forecast/helarsprognoser: amounts in kronor, revenue and cost both positive. */
export const lamnaHelarsprognosRequestSchema = z.object({
  ansvar: ansvarKodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  rader: z
    .array(z.object({ kontogrupp: kontogruppKodSchema, belopp: kronorSchema.pipe(oreSchema.nonnegative('får inte vara negativt')) }))
    .min(1, 'minst en rad behövs')
    .refine((rader) => new Set(rader.map((rad) => rad.kontogrupp)).size === rader.length, 'varje kontogrupp får förekomma en gång'),
  kommentar: z.string().max(4000).nullish(),
});
export type LamnaHelarsprognosRequest = z.input<typeof lamnaHelarsprognosRequestSchema>;

/**
 * A forecast is `inlamnad` until the förvaltningsekonom approves it (`godkand`) or sends it back
 * (`aterskickad`); a new version starts over as `inlamnad`.
 */
export const HELARSPROGNOS_STATUSAR = ['inlamnad', 'godkand', 'aterskickad'] as const;
export const helarsprognosStatusSchema = z.enum(HELARSPROGNOS_STATUSAR);
export type HelarsprognosStatus = z.infer<typeof helarsprognosStatusSchema>;
/** The förvaltningsekonom's decision on a submitted forecast: the statuses after `inlamnad`. */
export type Granskningsbeslut = Exclude<HelarsprognosStatus, 'inlamnad'>;

/** A forecast round is open for forecasts and decisions on them, or closed. */
export const PROGNOSOMGANG_STATUSAR = ['oppen', 'stangd'] as const;
export const prognosomgangStatusSchema = z.enum(PROGNOSOMGANG_STATUSAR);
export type PrognosomgangStatus = z.infer<typeof prognosomgangStatusSchema>;

export const helarsprognosSchema = z.object({
  id: z.uuid(),
  ansvar: ansvarKodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  version: z.number().int().positive(),
  rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, beloppOre: oreSchema })),
  intakterOre: oreSchema,
  kostnaderOre: oreSchema,
  nettokostnadOre: oreSchema,
  kommentar: z.string().nullable(),
  lamnadAt: z.iso.datetime({ offset: true }),
  /** Who submitted it (the chef's id and name from the sign-in). */
  lamnadAv: z.object({ id: z.string(), namn: z.string() }).nullable(),
  status: helarsprognosStatusSchema,
  granskning: z
    .object({ av: z.object({ id: z.string(), namn: z.string() }), at: z.iso.datetime({ offset: true }), kommentar: z.string().nullable() })
    .nullable(),
});
export type HelarsprognosDto = z.infer<typeof helarsprognosSchema>;

/** POST /api/forecast/helarsprognoser/:id/godkann and /skicka-tillbaka: the controller's decision, with an optional comment (required when sending back). */
export const granskaHelarsprognosRequestSchema = z.object({
  kommentar: z.string().trim().max(2000).optional(),
});

/** A forecast round (prognosomgång): a year's tillfälle, opened and closed by the ekonomidirektör. */
export const prognosomgangSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  status: prognosomgangStatusSchema,
  oppnadAt: z.iso.datetime({ offset: true }),
  stangdAt: z.iso.datetime({ offset: true }).nullable(),
});
export type PrognosomgangDto = z.infer<typeof prognosomgangSchema>;

/** POST /api/forecast/omgangar: opens (or reopens) the round of a year and tillfälle. */
export const oppnaOmgangRequestSchema = z.object({ ar: arSchema, tillfalle: prognostillfalleSchema });
