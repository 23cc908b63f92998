import { MAX_AKTIVA_MAL } from '@tertial/contracts/dto';
import type { Hinder } from '@tertial/service-kit';

export interface NyttMal {
  readonly namnd: string;
  /** Whether the person may write the mål of this nämnd or bolag (its processledare, or the ekonomidirektör). */
  readonly serNamnden: boolean;
  /** Whether the kod is a nämnd in the organisation of today, or one of the city's bolag. */
  readonly arNamnd: boolean;
}

/**
 * Who may add a mål for which nämnd, checked in this order: only someone who may write the nämnd's (or bolag's)
 * mål (before anything is said about whether it exists), and only for a nämnd or bolag.
 */
export function hinderForNyttMal(mal: NyttMal): Hinder | null {
  if (!mal.serNamnden) return { status: 403 };
  if (mal.arNamnd) return null;
  return {
    status: 422,
    title: 'Okänd nämnd',
    detail: `Nämnden ${mal.namnd} finns inte i organisationen.`,
    fel: [{ field: 'namnd', message: 'okänd nämnd' }],
  };
}

/** KF gives a nämnd at most three active mål: a fourth is refused until one is ended. */
export function forMangaMal(namndnamn: string, antal: number): Hinder | null {
  if (antal < MAX_AKTIVA_MAL) return null;
  return {
    status: 409,
    title: 'För många mål',
    detail: `${namndnamn} har redan ${antal} aktiva mål; KF ger högst ${MAX_AKTIVA_MAL}. Avsluta ett mål först.`,
    fel: [{ field: 'namnd', message: `högst ${MAX_AKTIVA_MAL} aktiva mål` }],
  };
}

/** A mål is reached some year from now on: a target year in the past is refused. */
export function malarIForfluten(ar: number, iAr: number): Hinder | null {
  if (ar >= iAr) return null;
  return {
    status: 400,
    title: 'Ogiltigt mål',
    detail: `ar: målåret ${ar} har redan varit; ett mål ska nås ${iAr} eller senare`,
    fel: [{ field: 'ar', message: `målåret ska vara ${iAr} eller senare` }],
  };
}

/** A change names the version it changes: an older one means someone else changed the mål meanwhile. */
export function inaktuellVersion(aktuell: number, angiven: number, status: 'aktivt' | 'avslutat'): Hinder | null {
  if (status === 'avslutat')
    return {
      status: 409,
      title: 'Målet är avslutat',
      detail: 'Ett avslutat mål ändras inte; KF beslutar ett nytt.',
      fel: [{ field: 'version', message: 'målet är avslutat' }],
    };
  if (aktuell === angiven) return null;
  return {
    status: 409,
    title: 'Målet har ändrats',
    detail: `Målet är i version ${aktuell}, ändringen utgick från version ${angiven}. Hämta målet och gör om ändringen.`,
    fel: [{ field: 'version', message: `aktuell version är ${aktuell}` }],
  };
}
