import type { Roll } from '@tertial/contracts/access';
import type { HelarsprognosAdress, HelarsprognosDto, PrognosomgangDto } from '@tertial/contracts/dto';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import { PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';

import { normaliseraSokning } from '../organisation/organisationstrad.js';
import type { Urval } from '../urval/urval.js';

// --- Addresses and who may do what ----------------------------------------------------------------------

export const ANSVAR_URL = '/api/forecast/ansvar';
export const OMGANGAR_URL = '/api/forecast/omgangar';
export const HELARSPROGNOSER_URL = '/api/forecast/helarsprognoser';

export function prognoserUrl({ ar, tillfalle }: Urval): string {
  return `${HELARSPROGNOSER_URL}?${new URLSearchParams({ ar: String(ar), tillfalle }).toString()}`;
}

/** One ansvar's forecast for a round: GET (with its ETag) and PUT (a new version, with If-Match). */
export function prognosUrl({ ansvar, ar, tillfalle }: HelarsprognosAdress): string {
  return `${HELARSPROGNOSER_URL}/${encodeURIComponent(ansvar)}/${ar}/${tillfalle}`;
}

/** The förvaltningsekonom's decisions, and the ekonomidirektör's reopening of one ansvar after its round closed. */
export function granskningUrl(prognos: HelarsprognosAdress, beslut: 'godkann' | 'atersand' | 'ateroppna'): string {
  return `${prognosUrl(prognos)}/${beslut}`;
}

/** The ETag the forecast service gives a forecast's state, for `If-Match`: so a change never overwrites a newer one unseen. */
export function etagFor(prognos: Pick<HelarsprognosDto, 'version' | 'andring'> | undefined): string | undefined {
  return prognos ? `"${prognos.version}-${prognos.andring}"` : undefined;
}

export function stangOmgangUrl({ ar, tillfalle }: Urval): string {
  return `${OMGANGAR_URL}/${ar}/${tillfalle}/stang`;
}

/** A chef submits the forecasts of their own ansvar. */
export const kanLamnaPrognos = (roller: readonly Roll[]) => roller.includes('chef');
/** A förvaltningsekonom approves or sends back the forecasts of their förvaltning. */
export const kanGranska = (roller: readonly Roll[]) => roller.includes('forvaltningsekonom');
/** Only the ekonomidirektör opens, extends and closes rounds, reopens an ansvar after close and sets the comment threshold. */
export const kanHanteraOmgangar = (roller: readonly Roll[]) => roller.includes('ekonomidirektor');

// --- Rounds ----------------------------------------------------------------------------------------------

type Omgang = Pick<PrognosomgangDto, 'ar' | 'tillfalle' | 'status'>;

/** The latest round first: the later year, and in a year August before April. */
export function sorteraOmgangar<T extends Omgang>(omgangar: readonly T[]): T[] {
  return [...omgangar].sort((a, b) => b.ar - a.ar || PROGNOSTILLFALLEN.indexOf(b.tillfalle) - PROGNOSTILLFALLEN.indexOf(a.tillfalle));
}

/**
 * The round the page shows: the one in the address when there is such a round, otherwise the newest open one,
 * otherwise the newest. Undefined when no round has been opened yet.
 */
export function valdOmgang<T extends Omgang>(
  omgangar: readonly T[],
  iAdressen: { ar: string | null; tillfalle: string | null },
): T | undefined {
  const sorterade = sorteraOmgangar(omgangar);
  const begard = sorterade.find((omgang) => String(omgang.ar) === iAdressen.ar && omgang.tillfalle === iAdressen.tillfalle);
  return begard ?? sorterade.find((omgang) => omgang.status === 'oppen') ?? sorterade[0];
}

/** "augusti 2040" */
export function omgangsnamn({ ar, tillfalle }: Urval): string {
  return `${tillfalle} ${ar}`;
}

/** "Augusti 2040 – öppen", as an option in the list of rounds. */
export function omgangSomVal(omgang: Omgang): string {
  const namn = omgangsnamn(omgang);
  return `${namn.charAt(0).toLocaleUpperCase('sv')}${namn.slice(1)} – ${omgang.status === 'oppen' ? 'öppen' : 'stängd'}`;
}

// --- The table -------------------------------------------------------------------------------------------

/** An ansvar the person sees, and whether it is their own (they are its chef and submit its forecast). */
export type Ansvar = OrganisationNode & { eget: boolean };

export interface Ansvarsrad {
  readonly ansvar: Ansvar;
  /** The current version of its forecast for the round, if one has been submitted. */
  readonly prognos: HelarsprognosDto | undefined;
}

/** Each ansvar with its current forecast, own ansvar first, then by code. */
export function ansvarsrader(ansvar: readonly Ansvar[], prognoser: readonly HelarsprognosDto[]): Ansvarsrad[] {
  const prognosPerAnsvar = new Map(prognoser.map((prognos) => [prognos.ansvar, prognos]));
  return [...ansvar]
    .sort((a, b) => Number(b.eget) - Number(a.eget) || a.kod.localeCompare(b.kod, 'sv'))
    .map((node) => ({ ansvar: node, prognos: prognosPerAnsvar.get(node.kod) }));
}

/** A row matches on the ansvar's code (from the start), its name, its chef's or the submitter's name, or its status. */
export function filtreraRader(rader: readonly Ansvarsrad[], text: string): Ansvarsrad[] {
  const fraga = normaliseraSokning(text);
  if (fraga === '') return [...rader];
  return rader.filter(
    ({ ansvar, prognos }) =>
      ansvar.kod.toLocaleLowerCase('sv').startsWith(fraga) ||
      [ansvar.namn, ansvar.chef?.namn, prognos?.sparadAv?.namn, statustext(prognos?.status)].some((falt) =>
        falt?.toLocaleLowerCase('sv').includes(fraga),
      ),
  );
}

export function statustext(status: HelarsprognosDto['status'] | undefined): string {
  switch (status) {
    case 'utkast':
      return 'Utkast';
    case 'klarmarkerad':
      return 'Klarmarkerad';
    case 'godkand':
      return 'Godkänd';
    case 'aterskickad':
      return 'Återsänd';
    case undefined:
      return 'Ej påbörjad';
  }
}

/** Counts of forecasts per status, for the summary above the table. */
export function rakna(rader: readonly Ansvarsrad[]): Record<HelarsprognosDto['status'] | 'saknas', number> {
  const antal = { utkast: 0, klarmarkerad: 0, godkand: 0, aterskickad: 0, saknas: 0 };
  for (const { prognos } of rader) antal[prognos?.status ?? 'saknas'] += 1;
  return antal;
}

// --- The controller's decision ---------------------------------------------------------------------------

const GRANSKNINGSKOMMENTAR_MAX = 2000;

/** A forecast is sent back with a reason, which the chef reads; approving needs none. */
export function tolkaAterskickskommentar(text: string): { ok: true; kommentar: string } | { ok: false; fel: string } {
  const kommentar = text.trim();
  if (kommentar === '') return { ok: false, fel: 'Skriv varför prognosen skickas tillbaka.' };
  if (kommentar.length > GRANSKNINGSKOMMENTAR_MAX)
    return { ok: false, fel: `Kommentaren får vara högst ${GRANSKNINGSKOMMENTAR_MAX} tecken.` };
  return { ok: true, kommentar };
}
