import type { Roll } from '@tertial/contracts/access';
import type { HelarsprognosAdress, HelarsprognosDto, PrognosomgangDto, SparaHelarsprognosRequest } from '@tertial/contracts/dto';
import { KONTOGRUPPER, type Kontogrupp } from '@tertial/contracts/kontogrupper';
import { formatKronor, parseKronor } from '@tertial/contracts/money';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import {
  ORDINARIE_TILLFALLEN,
  PROGNOSTILLFALLEN,
  summeraRader,
  type PrognosSumma,
  type Prognostillfalle,
} from '@tertial/contracts/prognos';

import type { Faltfel } from '../api/api-fel.js';
import { formatBeloppUtanEnhet } from '../format/belopp.js';
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

export function granskningUrl(prognos: HelarsprognosAdress, beslut: 'godkann' | 'atersand'): string {
  return `${prognosUrl(prognos)}/${beslut}`;
}

/** The ETag the forecast service gives a forecast's state, for `If-Match`: so a change never overwrites a newer one unseen. */
export function etagFor(prognos: Pick<HelarsprognosDto, 'version' | 'andring'> | undefined): string | undefined {
  return prognos ? `"${prognos.version}-${prognos.andring}"` : undefined;
}

/** A save of the chef's form: the forecast's address and the new version. */
export type Prognosinlamning = HelarsprognosAdress & SparaHelarsprognosRequest;

export function stangOmgangUrl({ ar, tillfalle }: Urval): string {
  return `${OMGANGAR_URL}/${ar}/${tillfalle}/stang`;
}

/** A chef submits the forecasts of their own ansvar. */
export const kanLamnaPrognos = (roller: readonly Roll[]) => roller.includes('chef');
/** A förvaltningsekonom approves or sends back the forecasts of their förvaltning. */
export const kanGranska = (roller: readonly Roll[]) => roller.includes('forvaltningsekonom');
/** Only the ekonomidirektör opens and closes rounds. */
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

// --- The chef's form -------------------------------------------------------------------------------------

const VERKSAMHETENS_KODER = [
  'intakter',
  'personalkostnader',
  'lokalkostnader',
  'kop-av-verksamhet',
  'ovriga-kostnader',
  'kapitalkostnader',
] as const;
export type VerksamhetsgruppKod = (typeof VERKSAMHETENS_KODER)[number];

/** The six kontogrupper a verksamhet forecasts; the finance groups (class 8) belong to the city's finance function. */
export const VERKSAMHETSGRUPPER = KONTOGRUPPER.filter((grupp): grupp is Extract<Kontogrupp, { kod: VerksamhetsgruppKod }> =>
  (VERKSAMHETENS_KODER as readonly string[]).includes(grupp.kod),
);

export type Beloppsfalt = Record<VerksamhetsgruppKod, string>;

export interface Prognosformular {
  belopp: Beloppsfalt;
  kommentar: string;
}

/** The form's fields: one per kontogrupp, and the comment. `formular` is for what belongs to no one field. */
export type PrognosfaltNamn = VerksamhetsgruppKod | 'kommentar' | 'formular';
export type Prognosfel = Partial<Record<PrognosfaltNamn, string>>;

const KOMMENTAR_MAX = 4000;

/** The amount as the form shows it: Swedish digits, with öre only when there are any ("1 234 567" or "1 234 567,50"). */
export function beloppSomText(ore: number): string {
  return formatBeloppUtanEnhet(ore, 'kr', ore % 100 === 0 ? 0 : 2);
}

/** A new form, or one filled in with the forecast being revised. */
export function tomtFormular(prognos?: Pick<HelarsprognosDto, 'rader' | 'kommentar'>): Prognosformular {
  const belopp = Object.fromEntries(VERKSAMHETENS_KODER.map((kod) => [kod, ''])) as Beloppsfalt;
  for (const rad of prognos?.rader ?? []) {
    if ((VERKSAMHETENS_KODER as readonly string[]).includes(rad.kontogrupp))
      belopp[rad.kontogrupp as VerksamhetsgruppKod] = beloppSomText(rad.beloppOre);
  }
  return { belopp, kommentar: prognos?.kommentar ?? '' };
}

/**
 * An amount typed in kronor as exact öre: "1 234 567,50", "1234567.5", "1 234 567 kr". An empty field is zero.
 * Parsed as digits, never through binary floating point.
 */
export function tolkaBelopp(text: string): { ok: true; ore: number } | { ok: false; fel: string } {
  const rensad = text
    .trim()
    .replace(/\s*kr$/i, '')
    .replace(/\u2212/g, '-');
  if (rensad === '') return { ok: true, ore: 0 };
  const ore = parseKronor(rensad);
  if (ore === undefined) return { ok: false, fel: 'Skriv ett belopp i kronor, till exempel 1 234 567,50.' };
  if (ore < 0) return { ok: false, fel: 'Beloppet får inte vara negativt. Skriv intäkter och kostnader som positiva belopp.' };
  return { ok: true, ore };
}

/** Intäkter, kostnader and nettokostnad of the form as typed, in öre; undefined while some amount cannot be read. */
export function summeraFormular(belopp: Beloppsfalt): PrognosSumma | undefined {
  const rader = [];
  for (const grupp of VERKSAMHETSGRUPPER) {
    const tolkat = tolkaBelopp(belopp[grupp.kod]);
    if (!tolkat.ok) return undefined;
    rader.push({ kontogrupp: grupp.kod, beloppOre: tolkat.ore });
  }
  try {
    return summeraRader(rader);
  } catch {
    return undefined;
  }
}

/**
 * Checks the form the way the forecast service will, with messages that say what to write, and gives the
 * request: every kontogrupp in {@link VERKSAMHETSGRUPPER}'s order (so the server's `rader[i]` names field i),
 * amounts in the API's canonical "1234567.50".
 */
export function tolkaPrognosformular(
  formular: Prognosformular,
  mal: { ansvar: string } & Urval,
): { ok: true; varde: Prognosinlamning } | { ok: false; fel: Prognosfel } {
  const fel: Prognosfel = {};
  const rader: { kontogrupp: VerksamhetsgruppKod; belopp: string }[] = [];
  for (const grupp of VERKSAMHETSGRUPPER) {
    const tolkat = tolkaBelopp(formular.belopp[grupp.kod]);
    if (tolkat.ok) rader.push({ kontogrupp: grupp.kod, belopp: formatKronor(tolkat.ore) });
    else fel[grupp.kod] = tolkat.fel;
  }
  if (Object.keys(fel).length === 0 && VERKSAMHETSGRUPPER.every((grupp) => formular.belopp[grupp.kod].trim() === '')) {
    fel.formular = 'Fyll i minst ett belopp.';
  }
  const kommentar = formular.kommentar.trim();
  if (kommentar.length > KOMMENTAR_MAX) fel.kommentar = `Kommentaren får vara högst ${KOMMENTAR_MAX} tecken.`;
  if (Object.keys(fel).length > 0) return { ok: false, fel };
  return {
    ok: true,
    varde: { ansvar: mal.ansvar, ar: mal.ar, tillfalle: mal.tillfalle, rader, kommentar: kommentar === '' ? null : kommentar },
  };
}

/** The fields in the order they are shown, for moving focus to the first one wrong. */
export const PROGNOSFALTEN: readonly PrognosfaltNamn[] = [...VERKSAMHETENS_KODER, 'kommentar'];

/**
 * The server's field errors beside the form's fields: `rader[2].belopp` is the third kontogrupp as sent. What
 * names no field of the form (the ansvar, the round) is shown for the whole form.
 */
export function serverfelPerFalt(faltfel: readonly Faltfel[]): Prognosfel {
  const fel: Prognosfel = {};
  const lagg = (namn: PrognosfaltNamn, text: string) => {
    fel[namn] = fel[namn] ? `${fel[namn]} ${text}` : text;
  };
  for (const { field, message } of faltfel) {
    const rad = /^rader\[(\d+)\]/.exec(field);
    const grupp = rad ? VERKSAMHETSGRUPPER[Number(rad[1])] : undefined;
    if (grupp) lagg(grupp.kod, forsta(message));
    else if (field === 'kommentar') lagg('kommentar', forsta(message));
    else lagg('formular', forsta(message));
  }
  return fel;
}

/** The services write messages in lower case, to follow a field's name; beside the field they start a sentence. */
function forsta(text: string): string {
  const mening = `${text.charAt(0).toLocaleUpperCase('sv')}${text.slice(1)}`;
  return /[.!?]$/.test(mening) ? mening : `${mening}.`;
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

// --- Opening a round -------------------------------------------------------------------------------------

const MINSTA_AR = 2000;
const STORSTA_AR = 2100;

export function tolkaOmgangsformular(formular: {
  ar: string;
  tillfalle: string;
}): { ok: true; varde: Urval } | { ok: false; fel: Partial<Record<'ar' | 'tillfalle', string>> } {
  const fel: Partial<Record<'ar' | 'tillfalle', string>> = {};
  const arText = formular.ar.trim();
  const ar = /^\d{4}$/.test(arText) ? Number(arText) : Number.NaN;
  if (!(ar >= MINSTA_AR && ar <= STORSTA_AR)) fel.ar = `Ange ett årtal mellan ${MINSTA_AR} och ${STORSTA_AR}.`;
  // The form opens the ordinary rounds; a månadsprognos names its nämnder, which the form does not ask for yet.
  const tillfalle: Prognostillfalle | undefined = ORDINARIE_TILLFALLEN.find((kandidat) => kandidat === formular.tillfalle);
  if (!tillfalle) fel.tillfalle = 'Välj april eller augusti.';
  if (Object.keys(fel).length > 0 || !tillfalle) return { ok: false, fel };
  return { ok: true, varde: { ar, tillfalle } };
}
