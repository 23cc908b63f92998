import type { Roll } from '@tertial/contracts/access';
import {
  BEDOMNINGAR,
  BEDOMNINGSNAMN,
  UPPFOLJNINGSTILLFALLEN,
  type Bedomning,
  type MatvardeDto,
  type NyckeltalDto,
  type Uppfoljningstillfalle,
} from '@tertial/contracts/dto';

export const TILLFALLESNAMN: Record<Uppfoljningstillfalle, string> = { april: 'April', augusti: 'Augusti', helar: 'Helår' };

/** Each assessment's traffic light: a color, and a shape and a word, so the color is never the only cue. */
export const TRAFIKLJUS: Record<Bedomning | 'ej-beslutad', { namn: string; tecken: string; klass: string }> = {
  uppfyllt: { namn: BEDOMNINGSNAMN.uppfyllt, tecken: '●', klass: 'gron' },
  'delvis-uppfyllt': { namn: BEDOMNINGSNAMN['delvis-uppfyllt'], tecken: '◆', klass: 'gul' },
  'ej-uppfyllt': { namn: BEDOMNINGSNAMN['ej-uppfyllt'], tecken: '▲', klass: 'rod' },
  'ej-matt': { namn: BEDOMNINGSNAMN['ej-matt'], tecken: '○', klass: 'gra' },
  'ej-beslutad': { namn: 'Ej bedömt', tecken: '–', klass: 'ingen' },
};

export { BEDOMNINGAR };

/** The follow-up chosen in the address, or the latest one that has passed: April until August, August until the year ends. */
export function valdUppfoljning(
  arText: string | null,
  tillfalleText: string | null,
  idag: Date,
): { ar: number; tillfalle: Uppfoljningstillfalle } {
  const ar = arText && /^\d{4}$/.test(arText) ? Number(arText) : idag.getFullYear();
  if (tillfalleText && (UPPFOLJNINGSTILLFALLEN as readonly string[]).includes(tillfalleText)) {
    return { ar, tillfalle: tillfalleText as Uppfoljningstillfalle };
  }
  if (ar !== idag.getFullYear()) return { ar, tillfalle: 'helar' };
  return { ar, tillfalle: idag.getMonth() >= 8 ? 'augusti' : 'april' };
}

/** A processledare assesses their own nämnd's mål; the ekonomidirektör a bolag's (the goals service decides). */
export function kanBedoma(roller: readonly Roll[], agartyp: 'namnd' | 'bolag', egenNamnd: boolean): boolean {
  if (roller.includes('ekonomidirektor') && agartyp === 'bolag') return true;
  return roller.includes('processledare') && agartyp === 'namnd' && egenNamnd;
}

/** A processledare or the ekonomidirektör imports Kolada's files. */
export const kanImporteraKolada = (roller: readonly Roll[]) => roller.includes('processledare') || roller.includes('ekonomidirektor');

const talformat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** A nyckeltal's value the Swedish way, with its unit: `12 345,6 %`. */
export function formatVarde(varde: number | null | undefined, enhet = ''): string {
  if (varde === null || varde === undefined) return 'saknas';
  const tal = talformat.format(varde);
  return enhet ? `${tal}\u00a0${enhet}` : tal;
}

/** The target that counts for a year: the year's own, or the last one before it, or else the last one of all. */
export function malvardeFor(nyckeltal: Pick<NyckeltalDto, 'malvarden'>, ar: number): { ar: number; varde: number } | null {
  const ordnade = [...nyckeltal.malvarden].sort((a, b) => a.ar - b.ar);
  return ordnade.filter((malvarde) => malvarde.ar <= ar).at(-1) ?? ordnade.at(-1) ?? null;
}

/** The total series of a nyckeltal, oldest period first, without unpublished values. */
export function totalserie(matvarden: readonly MatvardeDto[]): { period: string; varde: number }[] {
  return matvarden
    .filter((matvarde): matvarde is MatvardeDto & { varde: number } => matvarde.kon === 'total' && matvarde.varde !== null)
    .map(({ period, varde }) => ({ period, varde }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

export interface Bedomningsformular {
  bedomning: Bedomning | '';
  analys: string;
  motivering: string;
}

export type Bedomningsfalt = keyof Bedomningsformular;

/**
 * What the form must say before it is sent, as the goals service requires it: a choice, an analysis (at least 10
 * characters), and a reason when the choice differs from the proposal.
 */
export function felIBedomning(formular: Bedomningsformular, forslag: Bedomning | null): Partial<Record<Bedomningsfalt, string>> {
  const fel: Partial<Record<Bedomningsfalt, string>> = {};
  if (formular.bedomning === '') fel.bedomning = 'Välj en bedömning.';
  if (formular.analys.trim().length < 10) fel.analys = 'Skriv en analys (minst 10 tecken).';
  if (formular.bedomning !== '' && forslag !== null && formular.bedomning !== forslag && formular.motivering.trim() === '') {
    fel.motivering = 'Motivera varför du avviker från förslaget.';
  }
  return fel;
}

/** The server's field names in the form's: `analys`, `motivering`, `bedomning`. */
export function bedomningsfalt(falt: string): Bedomningsfalt | null {
  const namn = falt.split(/[.[]/)[0];
  return namn === 'bedomning' || namn === 'analys' || namn === 'motivering' ? namn : null;
}
