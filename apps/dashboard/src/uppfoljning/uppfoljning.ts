import type { Roll } from '@tertial/contracts/access';
import type { HelarsprognosAdress, HelarsprognosDto, PrognosomgangDto } from '@tertial/contracts/dto';
import { PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';

import type { Urval } from '../urval/urval.js';

// --- Addresses --------------------------------------------------------------------------------------------

const UPPFOLJNING_URL = '/api/report/uppfoljning';
export const OMGANGAR_URL = '/api/forecast/omgangar';

const omgangUrl = ({ ar, tillfalle }: Urval) => `${UPPFOLJNING_URL}/${ar}/${tillfalle}`;

/** A node of the round's roll-up with its children; `stad` is the top. */
export const nodUrl = (urval: Urval, kod: string) => `${omgangUrl(urval)}/noder/${encodeURIComponent(kod)}`;

/** The ansvar below a node whose forecast is missing, as JSON or (`.csv`) as a file for Excel. */
export const saknasUrl = (urval: Urval, kod: string) => `${nodUrl(urval, kod)}/saknas`;
export const saknasCsvUrl = (urval: Urval, kod: string) => `${nodUrl(urval, kod)}/saknas.csv`;
/** Reminders to the chefs of a node's missing ansvar (POST), and the signed-in chef's own (GET). */
export const paminnelserUrl = (urval: Urval, kod: string) => `${nodUrl(urval, kod)}/paminnelser`;
export const minaPaminnelserUrl = ({ ar, tillfalle }: Urval) => `/api/report/paminnelser?ar=${ar}&tillfalle=${tillfalle}`;

/** Server-sent events when the round's figures may have changed. */
export const uppfoljningStreamUrl = (urval: Urval) => `${omgangUrl(urval)}/stream`;

export const prognoserUrl = ({ ar, tillfalle }: Urval) =>
  `/api/forecast/helarsprognoser?${new URLSearchParams({ ar: String(ar), tillfalle }).toString()}`;

export const beslutUrl = ({ ansvar, ar, tillfalle }: HelarsprognosAdress, beslut: 'godkann' | 'atersand') =>
  `/api/forecast/helarsprognoser/${encodeURIComponent(ansvar)}/${ar}/${tillfalle}/${beslut}`;

/** The forecast's state as its ETag, `"<version>-<andring>"`, for `If-Match`: a decision on an older state is refused (412). */
export function etag(prognos: Pick<HelarsprognosDto, 'version' | 'andring'>): string {
  return `"${prognos.version}-${prognos.andring}"`;
}

/** The CSV file's name, as the service names it. */
export const saknasFilnamn = ({ ar, tillfalle }: Urval, kod: string) => `saknade-${kod}-${ar}-${tillfalle}.csv`;

// --- Who sees which part of the page ---------------------------------------------------------------------

/** The förvaltningsekonom decides on the klarmarkerade forecasts of their förvaltning. */
export const harGranskningsko = (roller: readonly Roll[]) => roller.includes('forvaltningsekonom');
/** The progress bars, per nämnd and förvaltning for the ekonomidirektör, of their own part for the others who follow up. */
export const harFramsteg = (roller: readonly Roll[]) => roller.some((roll) => roll !== 'chef' && roll !== 'fullmaktige');
/** Who may remind the chefs of the missing ansvar they follow (the API's rule on POST …/paminnelser). */
export const kanPaminna = (roller: readonly Roll[]) => roller.includes('forvaltningsekonom') || roller.includes('ekonomidirektor');

// --- The round -------------------------------------------------------------------------------------------

type Omgang = Pick<PrognosomgangDto, 'ar' | 'tillfalle' | 'status'>;

/** The latest round first: the later year, and in a year the later tillfälle. */
export function sorteraOmgangar<T extends Omgang>(omgangar: readonly T[]): T[] {
  return [...omgangar].sort((a, b) => b.ar - a.ar || PROGNOSTILLFALLEN.indexOf(b.tillfalle) - PROGNOSTILLFALLEN.indexOf(a.tillfalle));
}

/** The round the page follows: the one in the address if there is such a round, else the newest open, else the newest. */
export function foljdOmgang<T extends Omgang>(
  omgangar: readonly T[],
  iAdressen: { ar: string | null; tillfalle: string | null },
): T | undefined {
  const sorterade = sorteraOmgangar(omgangar);
  return (
    sorterade.find((omgang) => String(omgang.ar) === iAdressen.ar && omgang.tillfalle === iAdressen.tillfalle) ??
    sorterade.find((omgang) => omgang.status === 'oppen') ??
    sorterade[0]
  );
}

/** "Augusti 2026 – öppen", as an option in the list of rounds. */
export function omgangText(omgang: Omgang): string {
  return `${omgang.tillfalle.charAt(0).toLocaleUpperCase('sv')}${omgang.tillfalle.slice(1)} ${omgang.ar} – ${omgang.status === 'oppen' ? 'öppen' : 'stängd'}`;
}
