import { MAX_MAL_PER_NAMND_OCH_AR } from '@tertial/contracts/dto';
import type { Hinder } from '@tertial/service-kit';

export interface NyttMal {
  readonly namnd: string;
  /** Whether the whole nämnd lies in the processledare's part of the organisation. */
  readonly serNamnden: boolean;
  /** Whether the kod is a nämnd in the organisation of today. */
  readonly arNamnd: boolean;
}

/**
 * Who may add a mål for which nämnd, checked in this order: only a processledare whose part of the
 * organisation holds the whole nämnd (before anything is said about whether it exists), and only for a nämnd.
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

/** KF gives each nämnd at most three mål per year: one more is refused once it has them. */
export function forMangaMal(namndnamn: string, ar: number, antal: number): Hinder | null {
  if (antal < MAX_MAL_PER_NAMND_OCH_AR) return null;
  return {
    status: 409,
    title: 'För många mål',
    detail: `${namndnamn} har redan ${antal} mål för ${ar}; KF ger högst ${MAX_MAL_PER_NAMND_OCH_AR}.`,
    fel: [{ field: 'namnd', message: `högst ${MAX_MAL_PER_NAMND_OCH_AR} mål per år` }],
  };
}
