import type { ResursfordelningDto, ResursfordelningsstegDto } from '@tertial/contracts/dto';
import type { Ore } from '@tertial/contracts/money';

import { formatBeloppUtanEnhet, formatForandring } from '../format/belopp.js';

/** How a bar is drawn: a total stands on zero; a change floats on the running total, up or down. */
export type Stapeltyp = 'total' | 'okning' | 'minskning';

export interface Vattenfallsstapel {
  readonly steg: number;
  readonly namn: string;
  /** Short enough for the axis under the bar. */
  readonly kortNamn: string;
  readonly typ: Stapeltyp;
  /** The total, or the change. */
  readonly beloppOre: Ore;
  /** Where the bar starts and ends: 0 and the total, or the running total before and after the change. */
  readonly franOre: Ore;
  readonly tillOre: Ore;
}

const KORTA_NAMN: Record<number, string> = {
  1: 'Föregående år',
  2: 'Temporära satsningar',
  3: 'Bas',
  4: 'Demografi',
  5: 'Kostnadsutveckling',
  6: 'Övriga justeringar',
  7: 'Förslag',
};

export function vattenfallsstaplar(steg: readonly ResursfordelningsstegDto[]): Vattenfallsstapel[] {
  return [...steg]
    .sort((a, b) => a.steg - b.steg)
    .map((rad) => {
      const total = rad.typ === 'total';
      return {
        steg: rad.steg,
        namn: rad.namn,
        kortNamn: KORTA_NAMN[rad.steg] ?? rad.namn,
        typ: total ? 'total' : rad.beloppOre < 0 ? 'minskning' : 'okning',
        beloppOre: rad.beloppOre,
        franOre: total ? 0 : rad.summaOre - rad.beloppOre,
        tillOre: rad.summaOre,
      };
    });
}

/**
 * The two stacked series of the standard waterfall: an invisible base up to where each bar starts, and the
 * visible bar on top of it as high as the total or the change. Stacked with ECharts' `stackStrategy: 'all'`, so
 * a base below zero still stacks. Values in mnkr, for drawing only.
 */
export interface Vattenfallsserier {
  readonly bas: number[];
  readonly stapel: number[];
  /**
   * Where the value axis starts when zero would flatten the changes to slivers (they are a few percent of a
   * frame of billions); null to start at zero. The chart says so in words when it is not zero.
   */
  readonly axelStartOre: Ore | null;
}

const ORE_PER_MNKR = 100_000_000;

export function vattenfallsserier(staplar: readonly Vattenfallsstapel[]): Vattenfallsserier {
  return {
    bas: staplar.map((stapel) => Math.min(stapel.franOre, stapel.tillOre) / ORE_PER_MNKR),
    stapel: staplar.map((stapel) => Math.abs(stapel.tillOre - stapel.franOre) / ORE_PER_MNKR),
    axelStartOre: axelnsStart(staplar),
  };
}

/** When the levels span less than this share of the highest, the changes would be too thin to see against zero. */
const MINSTA_SYNLIGA_ANDEL = 0.25;

/**
 * A round figure below the lowest level the bars reach, leaving as much room below it as the levels span,
 * when the levels lie close together far above zero. Null when they do not, or when anything is negative.
 */
export function axelnsStart(staplar: readonly Vattenfallsstapel[]): Ore | null {
  const forandringar = staplar.filter((stapel) => stapel.typ !== 'total');
  if (forandringar.length === 0) return null;
  const nivaer = staplar.flatMap((stapel) => (stapel.typ === 'total' ? [stapel.tillOre] : [stapel.franOre, stapel.tillOre]));
  const lagst = Math.min(...nivaer);
  const hogst = Math.max(...nivaer);
  if (lagst <= 0 || hogst - lagst >= hogst * MINSTA_SYNLIGA_ANDEL) return null;

  const spann = Math.max(hogst - lagst, ORE_PER_MNKR);
  const steg = 10 ** Math.floor(Math.log10(spann));
  const start = Math.floor((lagst - spann) / steg) * steg;
  return start > 0 ? start : null;
}

/**
 * The figure written on a bar: a total as it is, a change with its sign. Where bars are narrow, totals drop
 * their decimal so neighbouring figures do not run together; the table has them in full.
 */
export function stapeletikett(stapel: Vattenfallsstapel, { kort = false }: { kort?: boolean } = {}): string {
  return stapel.typ === 'total'
    ? formatBeloppUtanEnhet(stapel.beloppOre, 'mnkr', kort ? 0 : 1)
    : formatForandring(stapel.beloppOre, 'mnkr', 1);
}

/** Spoken, so units are written out: a screen reader says "mnkr" letter by letter. */
function miljonerKronor(text: string): string {
  return `${text} miljoner kronor`;
}

/** What the chart shows, for its accessible name: every step with its amount. The table below has the underlag. */
export function beskrivVattenfall(resursfordelning: ResursfordelningDto, namndnamn: string): string {
  const staplar = vattenfallsstaplar(resursfordelning.steg);
  const steg = staplar.map((stapel) => `${stapel.steg} ${stapel.namn} ${miljonerKronor(stapeletikett(stapel))}`);
  return (
    `Vattenfallsdiagram över ekonomisk tilldelning ${resursfordelning.ar} för ${namndnamn} i sju steg: ${steg.join('; ')}.` +
    ' Samma siffror finns i tabellen under diagrammet.'
  );
}
