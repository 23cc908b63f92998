import { uppfoljningensSistaDag, type Bedomning, type Uppfoljningstillfalle } from '@tertial/contracts/dto';
import type { Hinder } from '@tertial/service-kit';

/**
 * An override of the proposal needs its reason. (The analysis is required by the request's schema: a missing one
 * is refused before this.)
 */
export function bedomningsfel(
  beslut: { bedomning: Bedomning; motivering?: string | null | undefined },
  forslag: Bedomning | null,
): Hinder | null {
  if (forslag === null || beslut.bedomning === forslag || (beslut.motivering ?? '').trim().length >= 5) return null;
  return {
    status: 400,
    title: 'Motivering saknas',
    detail: `motivering: förslaget är ${forslag}; den som ändrar det till ${beslut.bedomning} skriver varför (minst 5 tecken)`,
    fel: [{ field: 'motivering', message: 'en ändrad bedömning behöver en motivering' }],
  };
}

/** A follow-up is assessed from the first day of its last month (1 April, 1 August, 1 December). */
export function uppfoljningenHarInteKommit(ar: number, tillfalle: Uppfoljningstillfalle, nu: Date): Hinder | null {
  const fran = `${uppfoljningensSistaDag(ar, tillfalle).slice(0, 8)}01`;
  if (nu.toISOString().slice(0, 10) >= fran) return null;
  return {
    status: 409,
    title: 'Uppföljningen har inte kommit',
    detail: `Uppföljningen ${tillfalle} ${ar} kan bedömas från ${fran}.`,
    fel: [{ field: 'tillfalle', message: `kan bedömas från ${fran}` }],
  };
}
