import { RAKNAS_STATUSAR } from '@tertial/contracts/dto';
import {
  PROGNOSTILLFALLEN,
  summeraRader,
  type PrognosRad,
  type PrognosSumma,
  type Prognosframsteg,
  type Prognosstatus,
  type Prognostillfalle,
} from '@tertial/contracts/prognos';
import type { Hinder } from '@tertial/service-kit';

const INGEN_BEHORIGHET: Hinder = { status: 403 };

// --- Who may change a forecast, and from which status -----------------------------------------------------

/** The changes of an ansvar's forecast. `spara` is a new version (utkast, or klarmarkerad when the chef says so). */
export type Handling = 'spara' | 'klarmarkera' | 'godkann' | 'atersand' | 'ateroppna';

export interface Aktor {
  /** The chef whose own ansvar it is (the organisation names them its chef). */
  readonly arChef: boolean;
  /** A förvaltningsekonom whose förvaltning the ansvar is in. */
  readonly arForvaltningsekonom: boolean;
  readonly arEkonomidirektor: boolean;
}

/** Who makes each change. */
const VEM: Record<Handling, keyof Aktor> = {
  spara: 'arChef',
  klarmarkera: 'arChef',
  godkann: 'arForvaltningsekonom',
  atersand: 'arForvaltningsekonom',
  ateroppna: 'arEkonomidirektor',
};

/** From which statuses each change may be made. */
const FRAN: Record<Handling, readonly Prognosframsteg[]> = {
  // A chef saves until the förvaltningsekonom approves; an approved forecast changes only after it is sent back.
  spara: ['ej-paborjad', 'utkast', 'klarmarkerad', 'aterskickad'],
  klarmarkera: ['utkast'],
  godkann: ['klarmarkerad'],
  // An approval can be taken back while the round is open.
  atersand: ['klarmarkerad', 'godkand'],
  ateroppna: ['utkast', 'klarmarkerad', 'godkand', 'aterskickad', 'ej-paborjad'],
};

const HANDLINGSNAMN: Record<Handling, string> = {
  spara: 'sparas',
  klarmarkera: 'klarmarkeras',
  godkann: 'godkännas',
  atersand: 'skickas tillbaka',
  ateroppna: 'öppnas igen',
};

const STATUSNAMN: Record<Prognosframsteg, string> = {
  'ej-paborjad': 'ej påbörjad',
  utkast: 'ett utkast',
  klarmarkerad: 'klarmarkerad',
  godkand: 'godkänd',
  aterskickad: 'återsänd',
};

/** Whether a person makes this kind of change at all (403, naming nothing): checked before anything is said about the forecast. */
export function hinderForAktor(handling: Handling, aktor: Aktor): Hinder | null {
  return aktor[VEM[handling]] ? null : INGEN_BEHORIGHET;
}

/**
 * Whether a person may make a change of a forecast in its current status: first who (403, naming nothing), then
 * whether the status allows it (409).
 */
export function hinderForOvergang(handling: Handling, aktor: Aktor, status: Prognosframsteg): Hinder | null {
  const vem = hinderForAktor(handling, aktor);
  if (vem) return vem;
  if (FRAN[handling].includes(status)) return null;
  return {
    status: 409,
    title: 'Otillåten ändring',
    detail: `Prognosen är ${STATUSNAMN[status]} och kan inte ${HANDLINGSNAMN[handling]}.`,
    fel: [{ field: 'status', message: `${STATUSNAMN[status]}: kan inte ${HANDLINGSNAMN[handling]}` }],
  };
}

/** The status a change leaves the forecast in. A reopening after close hands the forecast back to the chef. */
export function statusEfter(handling: Handling, klarmarkerad = false): Prognosstatus {
  switch (handling) {
    case 'spara':
      return klarmarkerad ? 'klarmarkerad' : 'utkast';
    case 'klarmarkera':
      return 'klarmarkerad';
    case 'godkann':
      return 'godkand';
    case 'atersand':
    case 'ateroppna':
      return 'aterskickad';
  }
}

/** Sending back and reopening say why; approving may. */
export function beslutskommentarSaknas(handling: Handling, kommentar: string | undefined): Hinder | null {
  if ((handling !== 'atersand' && handling !== 'ateroppna') || (kommentar ?? '').trim() !== '') return null;
  return {
    status: 400,
    title: 'Kommentar saknas',
    detail: handling === 'atersand' ? 'Skriv varför prognosen skickas tillbaka.' : 'Skriv varför prognosen öppnas igen efter stängning.',
    fel: [{ field: 'kommentar', message: handling === 'atersand' ? 'krävs när prognosen skickas tillbaka' : 'krävs för att öppna igen' }],
  };
}

// --- Versions and the ETag -----------------------------------------------------------------------------------

/** A forecast's current state as its ETag names it. */
export interface Lage {
  readonly version: number;
  readonly andring: number;
}

/** A new save is the next version; the first is version 1. */
export function nastaVersion(senaste: number | undefined): number {
  return (senaste ?? 0) + 1;
}

/** Every change, a save or a decision, is the next andring of the ansvar's forecast for the year and tillfälle. */
export function nastaAndring(senaste: number | undefined): number {
  return (senaste ?? 0) + 1;
}

/** The strong ETag of a state: `"3-7"` is version 3 after the forecast's seventh change. */
export function etag(lage: Lage): string {
  return `"${lage.version}-${lage.andring}"`;
}

/** A precondition the request did not meet: 412 (stale) or 428 (none given where one is needed). */
export interface Villkorshinder {
  readonly status: 412 | 428;
  readonly title: string;
  readonly detail: string;
}

/**
 * Checks `If-Match` against the current state (null: no version yet). With a version, the request must name it
 * exactly (a strong comparison: a weak tag never matches); `*` does not do, since it would overwrite whatever is
 * there. Without a version, no `If-Match` or `*` starts the forecast, and a named tag is stale.
 */
export function provaIfMatch(ifMatch: string | undefined, aktuell: Lage | null): Villkorshinder | null {
  const villkor = ifMatch?.trim();
  if (!villkor) {
    if (!aktuell) return null;
    return {
      status: 428,
      title: 'If-Match saknas',
      detail: `Ange versionen du utgår från i If-Match (aktuell: ${etag(aktuell)}), så att ingen annans ändring skrivs över.`,
    };
  }
  if (villkor === '*') {
    if (!aktuell) return null;
    return {
      status: 428,
      title: 'If-Match saknas',
      detail: `If-Match: * skriver över vad som helst; ange versionen du utgår från (aktuell: ${etag(aktuell)}).`,
    };
  }
  const taggar = villkor.split(',').map((tagg) => tagg.trim());
  if (aktuell && taggar.includes(etag(aktuell))) return null;
  return {
    status: 412,
    title: 'Någon har sparat en nyare version',
    detail: aktuell
      ? `Prognosen har ändrats sedan du hämtade den: aktuell är ${etag(aktuell)}, du utgick från ${villkor}.`
      : `Prognosen har ingen version än; du utgick från ${villkor}.`,
  };
}

// --- Amounts and the required comment --------------------------------------------------------------------------

/** The submitted amounts (already whole öre, revenue and cost positive) as stored lines and their sums. */
export function prognosrader(rader: readonly { kontogrupp: PrognosRad['kontogrupp']; belopp: number }[]): {
  rader: PrognosRad[];
  summa: PrognosSumma;
} {
  const prognosrader = rader.map((rad) => ({ kontogrupp: rad.kontogrupp, beloppOre: rad.belopp }));
  return { rader: prognosrader, summa: summeraRader(prognosrader) };
}

/** The city's threshold: an amount in öre and a share of the net budget in hundredths of a percent. */
export interface Troskel {
  readonly beloppOre: number;
  readonly hundradelsprocent: number;
}

/** 500 000 kr or 5 %, until the ekonomidirektör sets the city's own. */
export const STANDARDTROSKEL: Troskel = { beloppOre: 50_000_000, hundradelsprocent: 500 };

/**
 * Whether a net avvikelse passes the threshold: its size is more than the amount, or more than the share of the net
 * budget (a share of nothing is never passed: with no budget only the amount counts). Exact, in integers.
 */
export function passerarTroskel(avvikelseOre: number, budgetNettoOre: number, troskel: Troskel): boolean {
  const avvikelse = BigInt(Math.abs(avvikelseOre));
  if (avvikelse > BigInt(troskel.beloppOre)) return true;
  const budget = BigInt(Math.abs(budgetNettoOre));
  return budget > 0n && avvikelse * 10_000n > budget * BigInt(troskel.hundradelsprocent);
}

/**
 * A forecast whose net avvikelse passes the threshold is marked ready only with a comment; an utkast may wait. With
 * no budget known for the ansvar and year (budget has published none), there is nothing to deviate from.
 */
export function kommentarKravsMenSaknas(krav: {
  readonly klarmarkeras: boolean;
  readonly budgetKand: boolean;
  readonly avvikelseOre: number;
  readonly budgetNettoOre: number;
  readonly troskel: Troskel;
  readonly kommentar: string | null | undefined;
}): Hinder | null {
  if (!krav.klarmarkeras || !krav.budgetKand || (krav.kommentar ?? '').trim() !== '') return null;
  if (!passerarTroskel(krav.avvikelseOre, krav.budgetNettoOre, krav.troskel)) return null;
  return {
    status: 422,
    title: 'Kommentar krävs',
    detail: `Avvikelsen mot budget (${formatKr(krav.avvikelseOre)}) passerar stadens gräns (${formatKr(krav.troskel.beloppOre)} eller ${
      krav.troskel.hundradelsprocent / 100
    } %): förklara den i en kommentar.`,
    fel: [{ field: 'kommentar', message: 'krävs när avvikelsen passerar gränsen' }],
  };
}

function formatKr(ore: number): string {
  return `${Math.round(ore / 100).toLocaleString('sv-SE')} kr`;
}

/**
 * The previous round's forecast of one ansvar, as the roll-up counted it: of its forecasts in earlier tillfällen of
 * the year, the current version (the highest) of the latest tillfälle whose current version is klarmarkerad or
 * godkänd. An utkast or a återskickad forecast was not in that round's figures; null when no earlier round has one.
 */
export function foregaendeOmgangensPrognos<
  T extends { readonly tillfalle: Prognostillfalle; readonly version: number; readonly status: Prognosstatus },
>(prognoser: readonly T[]): T | null {
  const aktuella = new Map<Prognostillfalle, T>();
  for (const prognos of prognoser) {
    const forra = aktuella.get(prognos.tillfalle);
    if (!forra || forra.version < prognos.version) aktuella.set(prognos.tillfalle, prognos);
  }
  let basta: T | null = null;
  for (const prognos of aktuella.values()) {
    if (!(RAKNAS_STATUSAR as readonly Prognosstatus[]).includes(prognos.status)) continue;
    if (!basta || PROGNOSTILLFALLEN.indexOf(prognos.tillfalle) > PROGNOSTILLFALLEN.indexOf(basta.tillfalle)) basta = prognos;
  }
  return basta;
}
