import type { Ore } from '@tertial/contracts/money';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { format, type ComposeOption } from 'echarts/core';

import { formatBeloppUtanEnhet, formatForandring, formatMnkr } from './belopp.js';
import { axelsiffror, DIAGRAMFARG, ORE_PER_MNKR, TOOLTIPSTIL, TYPSNITT, type Ritning } from './stil.js';

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

/**
 * Totals dark blue, increases green, decreases red and striped: the stripes, the sign on every bar and the table
 * below tell them apart without colour. Each colour is 5:1 or more against white.
 */
export const STAPELSTIL: Record<Stapeltyp, { farg: string; namn: string }> = {
  total: { farg: '#1b3f63', namn: 'Summa' },
  okning: { farg: '#1e7a3c', namn: 'Ökning' },
  minskning: { farg: '#a4262c', namn: 'Minskning (randig)' },
};

const RANDER = {
  symbol: 'rect',
  symbolSize: 1,
  color: 'rgba(255, 255, 255, 0.55)',
  dashArrayX: [1, 0],
  dashArrayY: [3, 4],
  rotation: Math.PI / 4,
};

/** Below this width the axis shows step numbers; the names are in the table. */
const SMAL_BREDD_PX = 560;
export const VATTENFALL_HOJD_PX = 340;
/** Beyond this many bars on a narrow screen only the totals are labelled. */
const MEST_ETIKETTER_SMAL = 8;

export interface VattenfallRitning extends Ritning {
  /** Names under the bars even where narrow: a printed page has no table of the steps beside the chart. */
  readonly medNamn?: boolean;
}

export type VattenfallOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/**
 * A waterfall's ECharts option: totals from zero, changes floating on the running total. The resursfördelning's
 * steps and the city result's walk, in the dashboard and in the report's files. Every bar keeps its label on the axis
 * (interval 0), its name wrapped to the bar's width, or its step number where even that is too narrow.
 */
export function vattenfallOption(
  staplar: readonly Vattenfallsstapel[],
  { bredd, animering, typsnitt = TYPSNITT, medNamn = false }: VattenfallRitning,
): VattenfallOption {
  const serier = vattenfallsserier(staplar);
  const smal = bredd > 0 && bredd < SMAL_BREDD_PX;
  const axelStart = serier.axelStartOre === null ? 0 : serier.axelStartOre / ORE_PER_MNKR;
  return {
    animation: animering,
    textStyle: { fontFamily: typsnitt, color: DIAGRAMFARG.text },
    grid: { left: 8, right: 8, top: 28, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      ...TOOLTIPSTIL,
      formatter: (params) => {
        const punkt = Array.isArray(params) ? params[0] : params;
        const stapel = punkt ? staplar[punkt.dataIndex] : undefined;
        if (!stapel) return '';
        const rader = [`<strong>${stapel.steg}. ${format.encodeHTML(stapel.namn)}</strong>`];
        if (stapel.typ === 'total') rader.push(formatMnkr(stapel.beloppOre));
        else rader.push(`Förändring: ${stapeletikett(stapel)}\u00a0mnkr`, `Summa efter steget: ${formatMnkr(stapel.tillOre)}`);
        return rader.join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: staplar.map((stapel) => (smal && !medNamn ? String(stapel.steg) : `${stapel.steg}. ${stapel.kortNamn}`)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: DIAGRAMFARG.textSvag } },
      axisLabel: {
        interval: 0,
        color: DIAGRAMFARG.text,
        fontSize: 12,
        width: Math.max(48, bredd / Math.max(staplar.length, 1) - 8),
        overflow: 'break',
        lineHeight: 15,
      },
    },
    yAxis: {
      type: 'value',
      min: axelStart,
      name: 'mnkr',
      nameTextStyle: { color: DIAGRAMFARG.textSvag, align: 'right' },
      axisLabel: { color: DIAGRAMFARG.textSvag, formatter: (varde: number) => axelsiffror.format(varde), hideOverlap: true },
      splitLine: { lineStyle: { color: DIAGRAMFARG.linje } },
    },
    series: [
      {
        // The invisible base the visible bar stands on.
        type: 'bar',
        stack: 'vattenfall',
        stackStrategy: 'all',
        silent: true,
        itemStyle: { color: 'transparent' },
        emphasis: { disabled: true },
        tooltip: { show: false },
        data: serier.bas,
      },
      {
        type: 'bar',
        name: 'Belopp',
        stack: 'vattenfall',
        stackStrategy: 'all',
        barMaxWidth: 64,
        data: staplar.map((stapel, index) => ({
          value: serier.stapel[index] ?? 0,
          itemStyle: {
            color: STAPELSTIL[stapel.typ].farg,
            borderRadius: 2,
            ...(stapel.typ === 'minskning' ? { decal: RANDER } : {}),
          },
        })),
        emphasis: { focus: 'none' },
        label: {
          show: true,
          position: 'top',
          color: DIAGRAMFARG.text,
          fontSize: smal ? 10 : 12,
          fontWeight: 600,
          formatter: (params) => {
            const stapel = staplar[params.dataIndex];
            // Many narrow bars have no room for every figure: the totals keep theirs, the table has the rest.
            if (!stapel || (smal && staplar.length > MEST_ETIKETTER_SMAL && stapel.typ !== 'total')) return '';
            return stapeletikett(stapel, { kort: smal });
          },
        },
      },
    ],
  };
}
