import { TRENDPUNKTER, type Oversikt } from '@tertial/contracts/dto';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, use as registreraEchartsDelar } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback, useMemo } from 'react';

import { STAPELSTIL, Vattenfallsforklaring, vattenfallOption } from '../budget/resursfordelning-diagram.js';
import { axelsiffror, DIAGRAMFARG, mnkrForRitning, TOOLTIPSTIL, TYPSNITT, vardaRorelse } from '../diagram/diagram-stil.js';
import { useEcharts } from '../diagram/use-echarts.js';
import { vattenfallsserier } from '../budget/vattenfall.js';
import { formatMnkr } from '../format/belopp.js';
import { beskrivResultatvag, RESULTATVAG_HOJD_PX, resultatvag } from './resultatvag.js';
import { beskrivTrend, TREND_HOJD_PX, TRENDNAMN } from './trend.js';

registreraEchartsDelar([LineChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const STEGNAMN = { total: 'Resultat', okning: 'Höjer resultatet', minskning: 'Sänker resultatet (randig)' } as const;

/** The walk from the budgeted to the forecast result; to assistive technology one image whose name has every bar. */
export function ResultatvagDiagram({ oversikt }: { oversikt: Oversikt }) {
  const staplar = useMemo(() => resultatvag(oversikt.resultat), [oversikt.resultat]);
  const skapaOption = useCallback((bredd: number) => vattenfallOption(staplar, bredd), [staplar]);
  const behallare = useEcharts(skapaOption);
  const axelStartOre = useMemo(() => vattenfallsserier(staplar).axelStartOre, [staplar]);
  return (
    <figure className="diagram">
      <div role="img" aria-label={beskrivResultatvag(staplar, oversikt.ar)} data-testid="resultatvag-diagram">
        <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: RESULTATVAG_HOJD_PX }} />
      </div>
      <Vattenfallsforklaring namn={STEGNAMN} axelStartOre={axelStartOre} testId="resultatvag-axelstart" vad="stegen" />
    </figure>
  );
}

type TrendOption = ComposeOption<LineSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption>;

const KORT_TRENDNAMN = { april: 'April', augusti: 'Augusti', bokslut: 'Bokslut' } as const;

const TRENDFARG = { prognos: '#1f5f99', budget: STAPELSTIL.total.farg } as const;

function trendOption(oversikt: Oversikt, budgetOre: number | null, bredd: number): TrendOption {
  const punkter = oversikt.trend.stad.nettokostnadOre;
  return {
    animation: !vardaRorelse(),
    textStyle: { fontFamily: TYPSNITT, color: DIAGRAMFARG.text, fontSize: bredd > 0 && bredd < 480 ? 11 : 12 },
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

/** The city's net cost at April, August and the bokslut against its budget (dashed). */
export function TrendDiagram({ oversikt, budgetOre }: { oversikt: Oversikt; budgetOre: number | null }) {
  const skapaOption = useCallback((bredd: number) => trendOption(oversikt, budgetOre, bredd), [oversikt, budgetOre]);
  const behallare = useEcharts(skapaOption);
  return (
    <figure className="diagram">
      <div role="img" aria-label={beskrivTrend(oversikt.trend.stad, budgetOre)} data-testid="trend-diagram">
        <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: TREND_HOJD_PX }} />
      </div>
    </figure>
  );
}
