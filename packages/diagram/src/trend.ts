import type { Oversikt, Trendpunkt } from '@tertial/contracts/dto';
import { TRENDPUNKTER } from '@tertial/contracts/dto';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

import { formatBeloppUtanEnhet, formatMnkr } from './belopp.js';
import { axelsiffror, DIAGRAMFARG, mnkrForRitning, TOOLTIPSTIL, TYPSNITT, type Ritning } from './stil.js';
import { STAPELSTIL } from './vattenfall.js';

/** The chart's height, held while it loads. */
export const TREND_HOJD_PX = 280;

export const TRENDNAMN: Record<Trendpunkt, string> = { april: 'Prognos april', augusti: 'Prognos augusti', bokslut: 'Bokslut' };

export type Trendrad = Oversikt['trend']['stad'];

/** The change from the first point to the last that has a figure; null with fewer than two. */
export function trendensForandring(rad: Trendrad): number | null {
  const med = rad.nettokostnadOre.filter((ore): ore is number => ore !== null);
  return med.length < 2 ? null : med.at(-1)! - med[0]!;
}

/** Spoken, with units written out: each point of the city's trend and the budget it is held against. */
export function beskrivTrend(stad: Trendrad, budgetOre: number | null): string {
  const punkter = TRENDPUNKTER.map((punkt, i) => {
    const ore = stad.nettokostnadOre[i];
    return `${TRENDNAMN[punkt]} ${ore === null || ore === undefined ? 'saknas' : `${formatBeloppUtanEnhet(ore, 'mnkr', 1)} miljoner kronor`}`;
  });
  const budget = budgetOre === null ? '' : ` Budget ${formatBeloppUtanEnhet(budgetOre, 'mnkr', 1)} miljoner kronor.`;
  return `Linjediagram över ${stad.namn}s nettokostnad: ${punkter.join('; ')}.${budget} Samma siffror finns i tabellen under diagrammet.`;
}

export type TrendOption = ComposeOption<LineSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption>;

const KORT_TRENDNAMN = { april: 'April', augusti: 'Augusti', bokslut: 'Bokslut' } as const;

const TRENDFARG = { prognos: '#1f5f99', budget: STAPELSTIL.total.farg } as const;

/** The city's net cost at April, August and the bokslut against its budget (dashed), every point named on the axis. */
export function trendOption(stad: Trendrad, budgetOre: number | null, { bredd, animering, typsnitt = TYPSNITT }: Ritning): TrendOption {
  const punkter = stad.nettokostnadOre;
  return {
    animation: animering,
    textStyle: { fontFamily: typsnitt, color: DIAGRAMFARG.text, fontSize: bredd > 0 && bredd < 480 ? 11 : 12 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis',
      ...TOOLTIPSTIL,
      formatter: (params) => {
        const punkt = Array.isArray(params) ? params[0] : params;
        const ore = punkt ? punkter[punkt.dataIndex] : null;
        return punkt && ore !== null && ore !== undefined ? `${TRENDNAMN[TRENDPUNKTER[punkt.dataIndex]!]}: ${formatMnkr(ore)}` : '';
      },
    },
    xAxis: {
      type: 'category',
      // Short names, so all three fit on a phone: the tooltip and the table say prognos.
      data: TRENDPUNKTER.map((punkt) => KORT_TRENDNAMN[punkt]),
      axisLine: { lineStyle: { color: DIAGRAMFARG.textSvag } },
      axisLabel: { color: DIAGRAMFARG.text, interval: 0 },
    },
    yAxis: {
      type: 'value',
      name: 'mnkr',
      scale: true,
      nameTextStyle: { color: DIAGRAMFARG.textSvag, align: 'left' },
      axisLabel: { color: DIAGRAMFARG.textSvag, formatter: (varde: number) => axelsiffror.format(varde), hideOverlap: true },
      splitLine: { lineStyle: { color: DIAGRAMFARG.linje } },
    },
    series: [
      {
        type: 'line',
        name: 'Nettokostnad',
        data: punkter.map((ore) => (ore === null ? null : mnkrForRitning(ore))),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { color: TRENDFARG.prognos, width: 2 },
        itemStyle: { color: TRENDFARG.prognos },
        markLine:
          budgetOre === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                data: [{ yAxis: mnkrForRitning(budgetOre), name: 'Budget' }],
                lineStyle: { color: TRENDFARG.budget, type: 'dashed', width: 2 },
                label: { formatter: `Budget ${formatMnkr(budgetOre)}`, position: 'insideEndTop', color: TRENDFARG.budget, fontSize: 11 },
              },
      },
    ],
  };
}
