import type { Roll } from '@tertial/contracts/access';
import type { RapportDto } from '@tertial/contracts/dto';
import { PROGNOSTILLFALLEN, type Prognostillfalle } from '@tertial/contracts/prognos';

import { datumISverige } from '../format/tidpunkt.js';

/** Every query of the reports starts with this, so a new or fixed report can invalidate the list. */
export const RAPPORTER = 'rapporter';

export const RAPPORTER_URL = '/api/report/rapporter';

export function faststallUrl(id: string): string {
  return `${RAPPORTER_URL}/${encodeURIComponent(id)}/faststall`;
}

/** Only the ekonomidirektör drafts and fixes reports; the report service answers 403 to anyone else. */
export function kanHanteraRapporter(roller: readonly Roll[]): boolean {
  return roller.includes('ekonomidirektor');
}

/** "Helårsprognos augusti 2026" */
export function rapportperiod(rapport: Pick<RapportDto, 'ar' | 'tillfalle'>): string {
  return `Helårsprognos ${rapport.tillfalle} ${rapport.ar}`;
}

export function rapportstatus(status: RapportDto['status']): string {
  return status === 'faststalld' ? 'Fastställd' : 'Utkast';
}

/** The date that matters: when it was fixed, or for a draft when it was made. `YYYY-MM-DD` in Swedish time. */
export function rapportdatum(rapport: Pick<RapportDto, 'skapadAt' | 'faststalldAt'>): string {
  const tidpunkt = new Date(rapport.faststalldAt ?? rapport.skapadAt);
  if (Number.isNaN(tidpunkt.getTime())) throw new RangeError(`ogiltig tidpunkt ${rapport.faststalldAt ?? rapport.skapadAt}`);
  return datumISverige(tidpunkt);
}

/** The latest period first (August before April in a year), and within a period the newest report first. */
export function sorteraRapporter<T extends Pick<RapportDto, 'ar' | 'tillfalle' | 'skapadAt'>>(rapporter: readonly T[]): T[] {
  return [...rapporter].sort(
    (a, b) =>
      b.ar - a.ar ||
      PROGNOSTILLFALLEN.indexOf(b.tillfalle) - PROGNOSTILLFALLEN.indexOf(a.tillfalle) ||
      Date.parse(b.skapadAt) - Date.parse(a.skapadAt),
  );
}

export interface Rapportformular {
  ar: string;
  tillfalle: string;
  titel: string;
}

export interface NyRapport {
  ar: number;
  tillfalle: Prognostillfalle;
  titel: string;
}

export type Formularfel = Partial<Record<keyof Rapportformular, string>>;

const MINSTA_AR = 2000;
const STORSTA_AR = 2100;
const TITEL_MIN = 3;
const TITEL_MAX = 200;

/**
 * Checks the "Nytt rapportutkast" form the way the report service will (`skapaRapportRequestSchema`), with
 * messages that say what to write. Either the request body or a message per field.
 */
export function tolkaRapportformular(formular: Rapportformular): { ok: true; varde: NyRapport } | { ok: false; fel: Formularfel } {
  const fel: Formularfel = {};
  const arText = formular.ar.trim();
  const ar = /^\d{4}$/.test(arText) ? Number(arText) : Number.NaN;
  if (!(ar >= MINSTA_AR && ar <= STORSTA_AR)) fel.ar = `Ange ett årtal mellan ${MINSTA_AR} och ${STORSTA_AR}.`;
  const tillfalle = PROGNOSTILLFALLEN.find((t) => t === formular.tillfalle);
  if (!tillfalle) fel.tillfalle = 'Välj april eller augusti.';
  const titel = formular.titel.trim();
  if (titel.length < TITEL_MIN) fel.titel = `Skriv en titel på minst ${TITEL_MIN} tecken.`;
  else if (titel.length > TITEL_MAX) fel.titel = `Titeln får vara högst ${TITEL_MAX} tecken.`;
  if (Object.keys(fel).length > 0 || !tillfalle) return { ok: false, fel };
  return { ok: true, varde: { ar, tillfalle, titel } };
}
