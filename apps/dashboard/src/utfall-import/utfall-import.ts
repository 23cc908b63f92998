import { utfallImportResultatSchema, type UtfallImportResultat } from '@tertial/contracts/dto';
import { KONTOGRUPPER, type KontogruppKod } from '@tertial/contracts/kontogrupper';

import { ApiFel, apiFelFranProblem } from '../api/hamta-json.js';
import { formatAntal } from '../format/antal.js';
import { manadsnamn } from '../format/tidpunkt.js';

/** The files the import reads: SIE 4 under its usual endings, and CSV. */
export const FILTYPER = '.se,.si,.sie,.csv,.txt';

export function importUrl(filnamn: string, provkorning: boolean): string {
  return `/api/budget/utfall/import?dryRun=${provkorning ? 'true' : 'false'}&filnamn=${encodeURIComponent(filnamn)}`;
}

/** What the server answered: what it read, and for a refused file the problem it reported too. */
export interface Importsvar {
  readonly resultat: UtfallImportResultat;
  readonly problem: { readonly titel: string; readonly detalj: string | undefined } | null;
}

/**
 * Reads the answer to an upload. 200 carries the result; 422 is a file with errors, whose problem+json carries
 * the result (status avvisad) with every error listed. Anything else is an ApiFel with the problem's title.
 */
export function tolkaImportsvar(status: number, body: unknown): Importsvar {
  if (status === 200) {
    const resultat = utfallImportResultatSchema.safeParse(body);
    if (resultat.success) return { resultat: resultat.data, problem: null };
    throw new ApiFel(status, 'Servern skickade data i ett oväntat format', undefined);
  }
  if (status === 422 && typeof body === 'object' && body !== null && 'resultat' in body) {
    const resultat = utfallImportResultatSchema.safeParse(body.resultat);
    if (resultat.success) {
      const fel = apiFelFranProblem(status, body);
      return { resultat: resultat.data, problem: { titel: fel.titel, detalj: fel.detalj } };
    }
  }
  throw apiFelFranProblem(status, body);
}

const BYTE_PER_MB = 1024 * 1024;
const storleksformat = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A file's size as a file manager writes it: `12,3 MB`, or `850 kB` below a megabyte. */
export function formatStorlek(byte: number): string {
  if (byte < BYTE_PER_MB) return `${formatAntal(Math.max(1, Math.ceil(byte / 1024)))}\u00a0kB`;
  return `${storleksformat.format(byte / BYTE_PER_MB)}\u00a0MB`;
}

/** `januari 2026` */
export function manadText(ar: number, manad: number): string {
  return `${manadsnamn(manad)} ${ar}`;
}

export function kontogruppnamn(kod: KontogruppKod | null): string {
  return KONTOGRUPPER.find((grupp) => grupp.kod === kod)?.namn ?? 'Ingen kontogrupp';
}

function antal(antal: number, en: string, flera: string): string {
  return `${formatAntal(antal)} ${antal === 1 ? en : flera}`;
}

/** One sentence on how it went, for the status region that a screen reader reads out. */
export function statustext(resultat: UtfallImportResultat): string {
  const varningar = resultat.varningar.length > 0 ? ` ${antal(resultat.varningar.length, 'varning', 'varningar')}.` : '';
  switch (resultat.status) {
    case 'provkord':
      return `Provkörningen är klar: ${antal(resultat.antalUtfallsrader, 'utfallsrad', 'utfallsrader')} för ${antal(resultat.antalAnsvar, 'ansvar', 'ansvar')} kan importeras. Inget har sparats.${varningar}`;
    case 'importerad':
      return `Utfallet är importerat: ${antal(resultat.antalUtfallsrader, 'utfallsrad', 'utfallsrader')} för ${antal(resultat.antalAnsvar, 'ansvar', 'ansvar')} har sparats.${varningar}`;
    case 'avvisad':
      return `Filen avvisades med ${antal(resultat.fel.length, 'fel', 'fel')}. Inget har sparats.${varningar}`;
  }
}

export function summaOre(rader: readonly { beloppOre: number }[]): number {
  return rader.reduce((summa, rad) => summa + rad.beloppOre, 0);
}
