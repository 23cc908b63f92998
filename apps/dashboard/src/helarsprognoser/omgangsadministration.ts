import type { KommentarstroskelDto, OppnaOmgangRequest } from '@tertial/contracts/dto';
import { formatKronor } from '@tertial/contracts/money';
import { arOrdinarieTillfalle, PROGNOSTILLFALLEN, type Prognostillfalle } from '@tertial/contracts/prognos';

import type { Faltfel } from '../api/api-fel.js';
import { datumOchTidISverige, formatTidpunkt, svenskTidSomIso } from '../format/tidpunkt.js';
import { tolkaTal } from '../mal/nytt-mal-formular.js';
import type { Urval } from '../urval/urval.js';
import { beloppSomInmatning, tolkaBelopp } from './rutnat/belopp-inmatning.js';

// The ekonomidirektör's administration of the rounds: opening one (with its deadline, and for a månadsprognos its
// nämnder), extending an open one, reopening one ansvar after close, and the city's threshold for a required comment.
// Each form is checked here the way the forecast service will check it, with messages that say what to write.

export const KOMMENTARSTROSKEL_URL = '/api/forecast/kommentarstroskel';

export function forlangOmgangUrl({ ar, tillfalle }: Urval): string {
  return `/api/forecast/omgangar/${ar}/${tillfalle}/forlang`;
}

const DAG_MS = 24 * 3600_000;
/** A new round's deadline is pre-filled two weeks ahead, at the end of a working day. */
const STANDARD_DEADLINE_DAGAR = 14;
const STANDARD_DEADLINE_TID = '16:00';
/** An extension is pre-filled a week after the current deadline (or after now, if that has passed). */
const STANDARD_FORLANGNING_DAGAR = 7;

/** A deadline as its two fields hold it: a date and a time of day on a Swedish clock. */
export interface Deadlinefalt {
  datum: string;
  tid: string;
}

/** Two weeks from now, at 16:00 Swedish time: what the form to open a round starts with. */
export function standardDeadline(nu: Date): Deadlinefalt {
  return { datum: datumOchTidISverige(new Date(nu.getTime() + STANDARD_DEADLINE_DAGAR * DAG_MS)).datum, tid: STANDARD_DEADLINE_TID };
}

/** A week after the current deadline (or after now, if it has passed), at the same time: what the extension starts with. */
export function standardForlangning(deadline: string, nu: Date): Deadlinefalt {
  const fran = Math.max(Date.parse(deadline), nu.getTime());
  return datumOchTidISverige(new Date(fran + STANDARD_FORLANGNING_DAGAR * DAG_MS));
}

/** A deadline's fields as the ISO the API takes, or what is wrong: it must lie ahead, and after `nuvarande` when given. */
function tolkaDeadline(falt: Deadlinefalt, nu: Date, nuvarande?: string): { ok: true; deadline: string } | { ok: false; fel: string } {
  if (falt.datum.trim() === '' || falt.tid.trim() === '') return { ok: false, fel: 'Ange både datum och klockslag för deadline.' };
  const deadline = svenskTidSomIso(falt.datum.trim(), falt.tid.trim());
  if (!deadline) return { ok: false, fel: 'Ange ett datum som 2026-09-15 och ett klockslag som 16:00 som finns i svensk tid.' };
  const tidpunkt = Date.parse(deadline);
  if (nuvarande !== undefined && tidpunkt <= Date.parse(nuvarande))
    return { ok: false, fel: `Välj en deadline efter den nuvarande, ${formatTidpunkt(nuvarande)}.` };
  if (tidpunkt <= nu.getTime()) return { ok: false, fel: 'Deadline har redan passerat. Välj en tidpunkt framåt i tiden.' };
  return { ok: true, deadline };
}

// --- Opening a round -------------------------------------------------------------------------------------

const MINSTA_AR = 2000;
const STORSTA_AR = 2100;

export interface Omgangsformular extends Deadlinefalt {
  ar: string;
  tillfalle: string;
  /** The nämnder chosen for a månadsprognos, by code; not sent for april and augusti. */
  namnder: readonly string[];
}

export type Omgangsfalt = 'ar' | 'tillfalle' | 'deadline' | 'namnder';
export type Omgangsfel = Partial<Record<Omgangsfalt, string>>;
/** The form's fields in the order they are shown, for moving focus to the first one wrong. */
export const OMGANGSFALTEN: readonly Omgangsfalt[] = ['ar', 'tillfalle', 'deadline', 'namnder'];

/** Whether a tillfälle (as chosen in the form) is a månadsprognos, which asks for its nämnder. */
export function arManadsprognos(tillfalle: string): boolean {
  const kand = PROGNOSTILLFALLEN.find((kandidat) => kandidat === tillfalle);
  return kand !== undefined && !arOrdinarieTillfalle(kand);
}

export type OppnaOmgang = OppnaOmgangRequest & Urval;

/**
 * April and augusti are ordinary rounds for every nämnd; februari–november a månadsprognos for at least one nämnd
 * chosen. The deadline must lie ahead.
 */
export function tolkaOmgangsformular(
  formular: Omgangsformular,
  nu: Date,
): { ok: true; varde: OppnaOmgang } | { ok: false; fel: Omgangsfel } {
  const fel: Omgangsfel = {};
  const arText = formular.ar.trim();
  const ar = /^\d{4}$/.test(arText) ? Number(arText) : Number.NaN;
  if (!(ar >= MINSTA_AR && ar <= STORSTA_AR)) fel.ar = `Ange ett årtal mellan ${MINSTA_AR} och ${STORSTA_AR}.`;
  const tillfalle: Prognostillfalle | undefined = PROGNOSTILLFALLEN.find((kandidat) => kandidat === formular.tillfalle);
  if (!tillfalle) fel.tillfalle = 'Välj april, augusti eller en månad för en månadsprognos.';
  const deadline = tolkaDeadline(formular, nu);
  if (!deadline.ok) fel.deadline = deadline.fel;
  const manadsprognos = tillfalle !== undefined && !arOrdinarieTillfalle(tillfalle);
  const namnder = [...new Set(formular.namnder)].sort();
  if (manadsprognos && namnder.length === 0) fel.namnder = 'Välj minst en nämnd för månadsprognosen.';
  if (Object.keys(fel).length > 0 || !tillfalle || !deadline.ok) return { ok: false, fel };
  return { ok: true, varde: { ar, tillfalle, deadline: deadline.deadline, ...(manadsprognos ? { namnder } : {}) } };
}

// --- Extending an open round -----------------------------------------------------------------------------

/** A new deadline, later than the round's current one and than now. */
export function tolkaForlangning(
  falt: Deadlinefalt,
  nuvarande: string,
  nu: Date,
): { ok: true; deadline: string } | { ok: false; fel: string } {
  return tolkaDeadline(falt, nu, nuvarande);
}

// --- What the service refused ----------------------------------------------------------------------------

/** A refusal as the form needs it: ApiFel's title, detail and named fields. */
interface Avslag {
  readonly titel: string;
  readonly detalj: string | undefined;
  readonly faltfel: readonly Faltfel[];
}

const forstaVersal = (text: string) => `${text.charAt(0).toLocaleUpperCase('sv')}${text.slice(1)}`;
const mening = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * The forecast service's problem+json beside the fields it names (`deadline`, `namnder`, `ar`, `tillfalle`, in a
 * threshold `belopp`, `procent`); what names no field of the form is said for the whole form. A lone field's message
 * is the problem's detail, a whole sentence ("Deadline har redan passerat."); several say their own.
 */
export function felFranServer<F extends string>(
  avslag: Avslag,
  falten: readonly F[],
): { falt: Partial<Record<F, string>>; ovrigt?: string } {
  const falt: Partial<Record<F, string>> = {};
  const kanda = avslag.faltfel.filter((fel) => (falten as readonly string[]).includes(fel.field));
  for (const { field, message } of kanda) {
    const text = kanda.length === 1 && avslag.detalj ? avslag.detalj : forstaVersal(message);
    falt[field as F] = mening(text);
  }
  if (kanda.length > 0 && kanda.length === avslag.faltfel.length) return { falt };
  return { falt, ovrigt: [avslag.titel, avslag.detalj].filter(Boolean).join(': ') };
}

// --- Reopening one ansvar after close --------------------------------------------------------------------

const SKAL_MAX = 2000;

/** An ansvar is reopened after close with a reason, which the chef reads. */
export function tolkaAteroppningsskal(text: string): { ok: true; kommentar: string } | { ok: false; fel: string } {
  const kommentar = text.trim();
  if (kommentar === '') return { ok: false, fel: 'Skriv varför ansvaret öppnas igen.' };
  if (kommentar.length > SKAL_MAX) return { ok: false, fel: `Skälet får vara högst ${SKAL_MAX} tecken.` };
  return { ok: true, kommentar };
}

// --- The threshold for a required comment ----------------------------------------------------------------

export interface Troskelformular {
  belopp: string;
  procent: string;
}
export type Troskelfalt = keyof Troskelformular;
export const TROSKELFALTEN: readonly Troskelfalt[] = ['belopp', 'procent'];

/** PUT /api/forecast/kommentarstroskel: kronor as the API's text (`500000.00`), the share in percent. */
export interface AndraKommentarstroskel {
  belopp: string;
  procent: number;
}

const procentformat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** The current threshold in the form's fields, the Swedish way: `500 000` and `5` or `2,5`. */
export function troskelSomFormular(troskel: Pick<KommentarstroskelDto, 'beloppOre' | 'procent'>): Troskelformular {
  return { belopp: beloppSomInmatning(troskel.beloppOre, 'kr'), procent: procentformat.format(troskel.procent) };
}

/** The share as the view states it: `5 %`, `2,5 %` (as many decimals as it has, at most two). */
export function formatTroskelprocent(procent: number): string {
  return `${procentformat.format(procent)}\u00a0%`;
}

/** The amount in kronor (at most two decimals, typed as in the forecast grid) and the share, 0–100 with at most two decimals. */
export function tolkaTroskelformular(
  formular: Troskelformular,
): { ok: true; varde: AndraKommentarstroskel } | { ok: false; fel: Partial<Record<Troskelfalt, string>> } {
  const fel: Partial<Record<Troskelfalt, string>> = {};
  const belopp = tolkaBelopp(formular.belopp, 'kr');
  if (!belopp.ok) fel.belopp = belopp.fel;
  else if (belopp.ore === null) fel.belopp = 'Ange ett belopp i kr, till exempel 500 000.';
  const procentText = formular.procent.trim().replace(/\s*%$/, '');
  const procent = procentText === '' ? undefined : tolkaTal(procentText);
  if (procent === undefined) fel.procent = 'Ange en andel i procent, till exempel 5 eller 2,5.';
  else if (procent < 0 || procent > 100) fel.procent = 'Andelen ska vara mellan 0 och 100 %.';
  else if (Math.abs(procent * 100 - Math.round(procent * 100)) > 1e-6) fel.procent = 'Högst två decimaler, till exempel 2,75.';
  if (Object.keys(fel).length > 0 || !belopp.ok || belopp.ore === null || procent === undefined) return { ok: false, fel };
  return { ok: true, varde: { belopp: formatKronor(belopp.ore), procent } };
}
