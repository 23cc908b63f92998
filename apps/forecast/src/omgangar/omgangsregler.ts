import type { PrognosomgangStatus } from '@tertial/contracts/dto';
import { arOrdinarieTillfalle, type PrognosomgangTyp, type Prognostillfalle } from '@tertial/contracts/prognos';
import type { Hinder } from '@tertial/service-kit';

/** A round as the rules see it. */
export interface Omgang {
  readonly ar: number;
  readonly tillfalle: Prognostillfalle;
  readonly typ: PrognosomgangTyp;
  readonly status: PrognosomgangStatus;
  readonly deadline: Date;
  readonly namnder?: readonly string[] | null;
  readonly stangdAt?: Date | null;
}

/**
 * A round opened (or reopened) now: april and augusti are ordinary rounds for every nämnd, the other months
 * månadsprognoser for the nämnder named. The deadline must lie ahead.
 */
export function provaOppning(begaran: {
  readonly tillfalle: Prognostillfalle;
  readonly deadline: Date;
  readonly namnder: readonly string[] | undefined;
  readonly kandaNamnder: ReadonlySet<string>;
  readonly nu: Date;
}): { ok: true; typ: PrognosomgangTyp; namnder: string[] | null } | { ok: false; hinder: Hinder } {
  const fel = (field: string, message: string, detail: string) =>
    ({ ok: false, hinder: { status: 400, title: 'Ogiltig prognosomgång', detail, fel: [{ field, message }] } }) as const;
  if (begaran.deadline <= begaran.nu) return fel('deadline', 'ska ligga framåt i tiden', 'Deadline har redan passerat.');
  if (arOrdinarieTillfalle(begaran.tillfalle)) {
    if (begaran.namnder) return fel('namnder', 'gäller bara månadsprognoser', 'April och augusti gäller alla nämnder.');
    return { ok: true, typ: 'ordinarie', namnder: null };
  }
  if (!begaran.namnder?.length) return fel('namnder', 'välj nämnderna', 'En månadsprognos gäller de nämnder som väljs.');
  const okanda = begaran.namnder.filter((namnd) => !begaran.kandaNamnder.has(namnd));
  if (okanda.length > 0) return fel('namnder', `okänd nämnd: ${okanda.join(', ')}`, `Okänd nämnd: ${okanda.join(', ')}.`);
  return { ok: true, typ: 'manadsprognos', namnder: [...new Set(begaran.namnder)].sort() };
}

/** Extending moves the deadline later, and only of an open round. */
export function hinderForForlangning(omgang: Omgang, deadline: Date, nu: Date): Hinder | null {
  if (omgang.status !== 'oppen') return oppenKravs(omgang);
  if (deadline > omgang.deadline && deadline > nu) return null;
  return {
    status: 400,
    title: 'Ogiltig deadline',
    detail: 'En förlängning flyttar deadline framåt, förbi den nuvarande och förbi nu.',
    fel: [{ field: 'deadline', message: 'ska vara senare än nuvarande deadline' }],
  };
}

/**
 * A round is closed once: closing it again would stamp a new close time and so take back every ansvar reopened since
 * the first close, unasked. A round reopened as a whole (opened again) may be closed again.
 */
export function hinderForStangning(omgang: Pick<Omgang, 'ar' | 'tillfalle' | 'status'>): Hinder | null {
  if (omgang.status !== 'stangd') return null;
  return {
    status: 409,
    title: 'Prognosomgången är redan stängd',
    detail: `Prognosomgången ${omgang.tillfalle} ${omgang.ar} är redan stängd; ett återöppnat ansvar stängs inte av en ny stängning.`,
    fel: [{ field: 'tillfalle', message: 'omgången är redan stängd' }],
  };
}

function oppenKravs(omgang: Pick<Omgang, 'ar' | 'tillfalle' | 'status'>): Hinder {
  return {
    status: 409,
    title: 'Prognosomgången är inte öppen',
    detail: `Prognosomgången ${omgang.tillfalle} ${omgang.ar} är stängd.`,
    fel: [{ field: 'tillfalle', message: 'omgången är inte öppen' }],
  };
}

export interface Forandring {
  /** The chef's saves and klarmarkeringar keep to the deadline; the förvaltningsekonom's decisions do not. */
  readonly avChef: boolean;
  /** The nämnd the ansvar belongs to (in the organisation of the period's last day). */
  readonly namnd: string | null;
  /** When the ekonomidirektör last reopened this ansvar after close; null if never. */
  readonly ateroppnadAt: Date | null;
  readonly nu: Date;
}

/**
 * Whether a forecast may change in its round: the round must have been opened, the ansvar's nämnd must be in a
 * månadsprognos, and the round must be open (a chef also before its deadline) — or, after close, the ansvar
 * reopened since the round closed.
 */
export function hinderForAndringIOmgang(
  omgang: Omgang | null,
  ar: number,
  tillfalle: Prognostillfalle,
  forandring: Forandring,
): Hinder | null {
  if (!omgang) {
    return {
      status: 409,
      title: 'Prognosomgången är inte öppen',
      detail: `Prognosomgången ${tillfalle} ${ar} är inte öppnad.`,
      fel: [{ field: 'tillfalle', message: 'omgången är inte öppnad' }],
    };
  }
  if (omgang.namnder && !(forandring.namnd && omgang.namnder.includes(forandring.namnd))) {
    return {
      status: 409,
      title: 'Ansvaret ingår inte i omgången',
      detail: `Månadsprognosen ${tillfalle} ${ar} gäller ${omgang.namnder.join(', ')}.`,
      fel: [{ field: 'ansvar', message: 'ingår inte i månadsprognosen' }],
    };
  }
  if (omgang.status === 'stangd') {
    if (arOppnatIgen(omgang, forandring.ateroppnadAt)) return null;
    return oppenKravs(omgang);
  }
  if (forandring.avChef && forandring.nu > omgang.deadline) {
    return {
      status: 409,
      title: 'Deadline har passerat',
      detail: `Deadline för ${tillfalle} ${ar} var ${omgang.deadline.toISOString()}; ekonomidirektören kan förlänga den.`,
      fel: [{ field: 'tillfalle', message: 'deadline har passerat' }],
    };
  }
  return null;
}

/**
 * Whether an ansvar reopened at `ateroppnadAt` is open in the round now: only in a closed round, and only if it was
 * reopened after the round's latest close (a round opened and closed again locks it once more).
 */
export function arOppnatIgen(omgang: Pick<Omgang, 'status' | 'stangdAt'>, ateroppnadAt: Date | null | undefined): boolean {
  return omgang.status === 'stangd' && !!ateroppnadAt && !!omgang.stangdAt && ateroppnadAt >= omgang.stangdAt;
}

/** Reopening one ansvar is for a closed round; an open round takes changes anyway. */
export function hinderForAteroppning(omgang: Omgang | null, ar: number, tillfalle: Prognostillfalle): Hinder | null {
  if (omgang?.status === 'stangd') return null;
  return {
    status: 409,
    title: 'Omgången är inte stängd',
    detail: omgang
      ? `Prognosomgången ${tillfalle} ${ar} är öppen; ansvaret kan ändras ändå.`
      : `Prognosomgången ${tillfalle} ${ar} är inte öppnad.`,
    fel: [{ field: 'tillfalle', message: 'omgången är inte stängd' }],
  };
}

/** Only a round that has been opened can be closed or extended. */
export function ingenSadanOmgang(ar: number, tillfalle: Prognostillfalle): Hinder {
  return {
    status: 404,
    title: 'Hittades inte',
    detail: `Ingen prognosomgång ${tillfalle} ${ar}.`,
    fel: [{ field: 'tillfalle', message: 'ingen sådan omgång' }],
  };
}
