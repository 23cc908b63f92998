import type { PrognosTotaler } from '@tertial/contracts/dto';

import { formatAntal } from '../format/antal.js';
import { formatBeloppUtanEnhet } from '@tertial/diagram/belopp';

export type NamndTotal = PrognosTotaler['namnder'][number];

/** The nämnder with the largest nettokostnad first, the order of both the chart and the table; ties by name. */
export function sorteraEfterNettokostnad(namnder: readonly NamndTotal[]): NamndTotal[] {
  return [...namnder].sort((a, b) => b.nettokostnadOre - a.nettokostnadOre || a.namn.localeCompare(b.namn, 'sv'));
}

/** Nothing to show until at least one chef has submitted a forecast for the year and tillfälle. */
export function arTom(totaler: PrognosTotaler): boolean {
  return totaler.stad.antalLamnade === 0 || totaler.namnder.length === 0;
}

/**
 * The forecast's own figures, or null where no ansvar below has submitted one: zero kronor would claim
 * something nobody has said. The budget and the utfall are known without a forecast and are left as they are.
 */
export function prognosensSiffror(
  summa: Pick<NamndTotal, 'antalLamnade' | 'intakterOre' | 'kostnaderOre' | 'nettokostnadOre' | 'avvikelseOre'>,
): {
  intakterOre: number | null;
  kostnaderOre: number | null;
  nettokostnadOre: number | null;
  avvikelseOre: number | null;
} {
  if (summa.antalLamnade === 0) return { intakterOre: null, kostnaderOre: null, nettokostnadOre: null, avvikelseOre: null };
  return {
    intakterOre: summa.intakterOre,
    kostnaderOre: summa.kostnaderOre,
    nettokostnadOre: summa.nettokostnadOre,
    avvikelseOre: summa.avvikelseOre,
  };
}

/** "1 580 av 1 782 ansvar" */
export function lamnadeAvAnsvar(summa: { antalLamnade: number; antalAnsvar: number }): string {
  return `${formatAntal(summa.antalLamnade)} av ${formatAntal(summa.antalAnsvar)} ansvar`;
}

/** Spoken, so units are written out: a screen reader says "mnkr" letter by letter. */
function miljonerKronor(ore: number): string {
  return `${formatBeloppUtanEnhet(ore, 'mnkr', 1)} miljoner kronor`;
}

const STORST_I_BESKRIVNINGEN = 3;

/**
 * What the chart shows, in one or two sentences for its accessible name: the largest nämnder and the city's total.
 * The full figures are in the table below it.
 */
export function beskrivDiagram(totaler: PrognosTotaler): string {
  const sorterade = sorteraEfterNettokostnad(totaler.namnder);
  const inledning = `Stapeldiagram över nettokostnad per nämnd: budget, helårsprognos och utfall hittills. Helårsprognos ${totaler.tillfalle} ${totaler.ar}, ${sorterade.length} ${sorterade.length === 1 ? 'nämnd' : 'nämnder'}.`;
  const storsta = sorterade.slice(0, STORST_I_BESKRIVNINGEN).map((namnd) => `${namnd.namn} ${miljonerKronor(namnd.nettokostnadOre)}`);
  const storst = storsta.length > 0 ? ` Störst: ${storsta.join(', ')}.` : '';
  const totalt = ` Staden totalt ${miljonerKronor(totaler.stad.nettokostnadOre)}.`;
  return `${inledning}${storst}${totalt} Samma siffror finns i tabellen ovanför diagrammet.`;
}
