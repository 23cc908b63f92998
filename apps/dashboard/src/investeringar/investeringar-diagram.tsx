import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, use as registreraEchartsDelar } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback } from 'react';

import { axelsiffror, DIAGRAMFARG, mnkrForRitning, TOOLTIPSTIL, TYPSNITT } from '@tertial/diagram';
import { vardaRorelse } from '../diagram/diagram-stil.js';
import { useEcharts } from '../diagram/use-echarts.js';
import { formatMnkr } from '@tertial/diagram/belopp';
import { beskrivInvesteringsdiagram, type Namndssummering } from './investeringar.js';

registreraEchartsDelar([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type DiagramOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const INVESTERINGSDIAGRAM_HOJD_PX = 280;

type Monster = Exclude<NonNullable<NonNullable<BarSeriesOption['itemStyle']>['decal']>, 'none'>;

interface Serie {
  nyckel: 'budgetOre' | 'prognosOre' | 'utfallOre';
  namn: string;
  farg: string;
  monster?: Monster;
}

/** Three series told apart by colour and by pattern: budget plain, prognos striped, utfall dotted; each 5:1 or more against white. */
const SERIER: readonly Serie[] = [
  { nyckel: 'budgetOre', namn: 'Budget', farg: '#2b5c8a' },
  {
    nyckel: 'prognosOre',
    namn: 'Prognos',
    farg: '#8a4f00',
    monster: {
      symbol: 'rect',
      symbolSize: 1,
      color: 'rgba(255, 255, 255, 0.5)',
      dashArrayX: [1, 0],
      dashArrayY: [2, 4],
      rotation: -Math.PI / 4,
    },
  },
  {
    nyckel: 'utfallOre',
    namn: 'Utfall',
    farg: '#1e7a3c',
    monster: { symbol: 'circle', symbolSize: 0.6, color: 'rgba(255, 255, 255, 0.6)', dashArrayX: [4, 2], dashArrayY: [4, 2] },
  },
];

function diagramOption(summering: Namndssummering, bredd: number): DiagramOption {
  const smal = bredd > 0 && bredd < 480;
  return {
    animation: !vardaRorelse(),
    textStyle: { fontFamily: TYPSNITT, color: DIAGRAMFARG.text },
    grid: { left: 8, right: 8, top: 52, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 18,
      itemHeight: 12,
      textStyle: { color: DIAGRAMFARG.text, fontSize: 13 },
      // The table below has every figure; hiding a series here would only confuse.
      selectedMode: false,
    },
    tooltip: {
      trigger: 'axis',
      ...TOOLTIPSTIL,
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(43, 92, 138, 0.08)' } },
      formatter: (params) => {
        const punkter = Array.isArray(params) ? params : [params];
        const rad = summering.ar[punkter[0]?.dataIndex ?? -1];
        if (!rad) return '';
        return [
          `<strong>${rad.ar}</strong>`,
          `Budget: ${formatMnkr(rad.budgetOre)}`,
          `Prognos: ${formatMnkr(rad.prognosOre)}`,
          `Utfall: ${formatMnkr(rad.utfallOre)}`,
          `Avvikelse: ${formatMnkr(rad.avvikelseOre)}`,
        ].join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: summering.ar.map((rad) => String(rad.ar)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: DIAGRAMFARG.textSvag } },
      axisLabel: { color: DIAGRAMFARG.text, fontSize: smal ? 11 : 12, interval: 0 },
    },
    yAxis: {
      type: 'value',
      name: 'mnkr',
      nameTextStyle: { color: DIAGRAMFARG.textSvag, align: 'right' },
      axisLabel: { color: DIAGRAMFARG.textSvag, formatter: (varde: number) => axelsiffror.format(varde), hideOverlap: true },
      splitLine: { lineStyle: { color: DIAGRAMFARG.linje } },
    },
    series: SERIER.map((serie): BarSeriesOption => ({
      type: 'bar',
      name: serie.namn,
      barMaxWidth: 22,
      barGap: '10%',
      itemStyle: { color: serie.farg, borderRadius: 2, ...(serie.monster ? { decal: serie.monster } : {}) },
      data: summering.ar.map((rad) => mnkrForRitning(rad[serie.nyckel])),
    })),
  };
}

/** Budget, prognos and utfall per year as grouped bars; one image to assistive technology, the table has the figures. */
export function InvesteringarDiagram({ summering, namndnamn }: { summering: Namndssummering; namndnamn: string }) {
  const skapaOption = useCallback((bredd: number) => diagramOption(summering, bredd), [summering]);
  const behallare = useEcharts(skapaOption);
  return (
    <div className="diagram" role="img" aria-label={beskrivInvesteringsdiagram(summering, namndnamn)} data-testid="investeringar-diagram">
      <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: INVESTERINGSDIAGRAM_HOJD_PX }} />
    </div>
  );
}
