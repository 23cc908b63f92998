import type { Granskningsbeslut, PrognosomgangStatus } from '@tertial/contracts/dto';
import { periodensSlut, summeraRader, type PrognosRad, type PrognosSumma, type Prognostillfalle } from '@tertial/contracts/prognos';
import type { Hinder, Provat } from '@tertial/service-kit';

const INGEN_BEHORIGHET: Hinder = { status: 403 };

/** A round as the rules see it: `null` when the ekonomidirektör has never opened it. */
export type Omgangslage = PrognosomgangStatus | null;

export interface Omgang {
  readonly status: PrognosomgangStatus;
  readonly oppnadAt: Date;
  readonly stangdAt: Date | null;
}

/** Forecasts are submitted, approved and sent back only while the round of their year and tillfälle is open. */
export function omgangInteOppen(omgang: Omgangslage, ar: number, tillfalle: Prognostillfalle): Hinder | null {
  if (omgang === 'oppen') return null;
  return {
    status: 409,
    title: 'Prognosomgången är inte öppen',
    detail: `Prognosomgången ${tillfalle} ${ar} är ${omgang ? 'stängd' : 'inte öppnad'}.`,
    fel: [{ field: 'tillfalle', message: 'omgången är inte öppen' }],
  };
}

export interface Lamning {
  readonly ansvar: string;
  readonly ar: number;
  readonly tillfalle: Prognostillfalle;
  /** Whether the ansvar is the chef's own (the organisation names them its chef). */
  readonly egetAnsvar: boolean;
  /** Whether the ansvar is in the organisation on the last day of the period the forecast follows up. */
  readonly ansvarFinns: boolean;
}

/**
 * Who may submit a helårsprognos for which ansvar, checked in this order: only the chef whose own ansvar it
 * is (before anything is said about whether it exists), and only for an ansvar the organisation has. The
 * round must also be open (`omgangInteOppen`).
 */
export function hinderForLamning(lamning: Lamning): Hinder | null {
  if (!lamning.egetAnsvar) return INGEN_BEHORIGHET;
  if (lamning.ansvarFinns) return null;
  return {
    status: 422,
    title: 'Okänt ansvar',
    detail: `Ansvaret ${lamning.ansvar} finns inte i organisationen per ${periodensSlut(lamning.ar, lamning.tillfalle)}.`,
    fel: [{ field: 'ansvar', message: 'okänt ansvar' }],
  };
}

/** A new submission is the next version for its ansvar, year and tillfälle; the first is version 1. */
export function nastaVersion(senaste: number | undefined): number {
  return (senaste ?? 0) + 1;
}

/** The submitted amounts (already whole öre, revenue and cost positive) as stored lines and their sums. */
export function prognosrader(rader: readonly { kontogrupp: PrognosRad['kontogrupp']; belopp: number }[]): {
  rader: PrognosRad[];
  summa: PrognosSumma;
} {
  const prognosrader = rader.map((rad) => ({ kontogrupp: rad.kontogrupp, beloppOre: rad.belopp }));
  return { rader: prognosrader, summa: summeraRader(prognosrader) };
}

export interface Beslut<P extends { readonly id: string; readonly ar: number; readonly tillfalle: Prognostillfalle }> {
  readonly beslut: Granskningsbeslut;
  readonly kommentar: string | undefined;
  /** The forecast decided on, or null when there is none in the förvaltningsekonom's förvaltning. */
  readonly prognos: P | null;
  /** The latest version for the forecast's ansvar, year and tillfälle. */
  readonly senaste: { readonly id: string; readonly version: number } | null;
  readonly omgang: Omgangslage;
}

/**
 * The förvaltningsekonom's decision, refused in this order: a forecast outside their förvaltning (or none),
 * sending back without saying why, a version that is no longer the latest, a round that is not open.
 * A decision can be changed (an approved forecast sent back, or the other way) while the round is open.
 */
export function provaBeslut<P extends { readonly id: string; readonly ar: number; readonly tillfalle: Prognostillfalle }>(
  beslut: Beslut<P>,
): Provat<P> {
  const { prognos, senaste } = beslut;
  if (!prognos) return { ok: false, hinder: INGEN_BEHORIGHET };
  if (beslut.beslut === 'aterskickad' && !beslut.kommentar) {
    return {
      ok: false,
      hinder: {
        status: 400,
        title: 'Kommentar saknas',
        detail: 'Skriv varför prognosen skickas tillbaka.',
        fel: [{ field: 'kommentar', message: 'krävs när prognosen skickas tillbaka' }],
      },
    };
  }
  if (senaste?.id !== prognos.id) {
    return {
      ok: false,
      hinder: {
        status: 409,
        title: 'Inte den senaste versionen',
        detail: `Ansvaret har en senare version (${senaste?.version}); besluta om den.`,
        fel: [{ field: 'id', message: 'inte den senaste versionen' }],
      },
    };
  }
  const stangd = omgangInteOppen(beslut.omgang, prognos.ar, prognos.tillfalle);
  return stangd ? { ok: false, hinder: stangd } : { ok: true, varde: prognos };
}

/**
 * Reading one forecast (null: none with that id, or one outside what the person sees): the ekonomidirektör,
 * who sees everything, is told there is none; anyone else gets the same refusal for "none" and "not yours".
 */
export function provaLasning<P>(id: string, prognos: P | null, serAllt: boolean): Provat<P> {
  if (prognos) return { ok: true, varde: prognos };
  if (!serAllt) return { ok: false, hinder: INGEN_BEHORIGHET };
  return {
    ok: false,
    hinder: {
      status: 404,
      title: 'Hittades inte',
      detail: `Ingen helårsprognos med id ${id}.`,
      fel: [{ field: 'id', message: 'okänt id' }],
    },
  };
}

/** The current forecast per ansvar: its highest version. Sorted by ansvar. */
export function senastePerAnsvar<T extends { readonly ansvar: string; readonly version: number }>(prognoser: readonly T[]): T[] {
  const senaste = new Map<string, T>();
  for (const prognos of prognoser) {
    const forra = senaste.get(prognos.ansvar);
    if (!forra || forra.version < prognos.version) senaste.set(prognos.ansvar, prognos);
  }
  return [...senaste.values()].sort((a, b) => (a.ansvar < b.ansvar ? -1 : a.ansvar > b.ansvar ? 1 : 0));
}

/** Opening a round, new or closed before (or already open): it is open from now until it is closed. */
export function oppnadOmgang(nu: Date): Omgang {
  return { status: 'oppen', oppnadAt: nu, stangdAt: null };
}

/** Closing a round: closed from now, its opening kept. Closing a closed round again moves its closing time. */
export function stangdOmgang(nu: Date): Pick<Omgang, 'status' | 'stangdAt'> {
  return { status: 'stangd', stangdAt: nu };
}

/** Only a round that has been opened can be closed. */
export function ingenSadanOmgang(ar: number, tillfalle: Prognostillfalle): Hinder {
  return {
    status: 404,
    title: 'Hittades inte',
    detail: `Ingen prognosomgång ${tillfalle} ${ar}.`,
    fel: [{ field: 'tillfalle', message: 'ingen sådan omgång' }],
  };
}
