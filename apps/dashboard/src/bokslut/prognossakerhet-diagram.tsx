import type { PrognossakerhetDto } from '@tertial/contracts/dto';
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
import { beskrivPrognossakerhet, formatProcent, tillfallesnamn } from './bokslut.js';

registreraEchartsDelar([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type DiagramOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const PROGNOSSAKERHET_HOJD_PX = 420;

/** Rounds told apart by colour and pattern (each 4.5:1 or more against white): the first plain, the second striped. */
const FARGER = ['#2b5c8a', '#8a4f00', '#1e7a3c', '#6b3fa0'];
const MONSTER = [
  undefined,
  { symbol: 'rect', symbolSize: 1, color: 'rgba(255, 255, 255, 0.5)', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 },
  { symbol: 'circle', symbolSize: 0.6, color: 'rgba(255, 255, 255, 0.6)', dashArrayX: [4, 2], dashArrayY: [4, 2] },
  undefined,
] as const;

function diagramOption(data: PrognossakerhetDto, bredd: number): DiagramOption {
  const smal = bredd > 0 && bredd < 480;
  const namnder = data.omgangar[0]?.namnder ?? [];
  return {
    animation: !vardaRorelse(),
    textStyle: { fontFamily: TYPSNITT, color: DIAGRAMFARG.text },
    grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, itemWidth: 18, itemHeight: 12, textStyle: { color: DIAGRAMFARG.text, fontSize: 13 }, selectedMode: false },
    tooltip: {
      trigger: 'axis',
      ...TOOLTIPSTIL,
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(43, 92, 138, 0.08)' } },
      formatter: (params) => {
        const punkter = Array.isArray(params) ? params : [params];
        const index = punkter[0]?.dataIndex ?? -1;
        const namnd = namnder[index];
        if (!namnd) return '';
        return [
          `<strong>${namnd.namn}</strong>`,
          ...data.omgangar.map((o) => {
            const rad = o.namnder.find((n) => n.namnd === namnd.namnd);
            return `${tillfallesnamn(o.tillfalle)}: ${rad?.prognosavvikelseOre == null ? '–' : `${formatMnkr(rad.prognosavvikelseOre)} (${formatProcent(rad.prognosavvikelseProcent)})`}`;
          }),
        ].join('<br>');
      },
    },
    // Nämnder down the side, so long names stay readable on a phone.
    yAxis: {
      type: 'category',
      inverse: true,
      data: namnder.map((n) => (smal ? n.namnd : n.namn)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: DIAGRAMFARG.textSvag } },
      axisLabel: { color: DIAGRAMFARG.text, fontSize: smal ? 11 : 12, interval: 0 },
    },
    xAxis: {
      type: 'value',
      name: 'mnkr',
      nameTextStyle: { color: DIAGRAMFARG.textSvag },
      axisLabel: { color: DIAGRAMFARG.textSvag, formatter: (varde: number) => axelsiffror.format(varde), hideOverlap: true },
      splitLine: { lineStyle: { color: DIAGRAMFARG.linje } },
    },
    series: data.omgangar.map((omgang, i): BarSeriesOption => {
      const monster = MONSTER[i % MONSTER.length];
      return {
        type: 'bar',
        name: tillfallesnamn(omgang.tillfalle),
        barMaxWidth: 14,
        itemStyle: {
          color: FARGER[i % FARGER.length],
          borderRadius: 2,
          ...(monster ? { decal: { ...monster, dashArrayX: [...monster.dashArrayX], dashArrayY: [...monster.dashArrayY] } } : {}),
        },
        data: namnder.map((n) => {
          const rad = omgang.namnder.find((r) => r.namnd === n.namnd);
          return rad?.prognosavvikelseOre == null ? null : mnkrForRitning(rad.prognosavvikelseOre);
        }),
      };
    }),
  };
}

/** The prognosavvikelse per nämnd and round as bars; one image to assistive technology, the table has the figures. */
export function PrognossakerhetDiagram({ data }: { data: PrognossakerhetDto }) {
  const skapaOption = useCallback((bredd: number) => diagramOption(data, bredd), [data]);
  const behallare = useEcharts(skapaOption);
  return (
    <div className="diagram" role="img" aria-label={beskrivPrognossakerhet(data.ar, data.omgangar)} data-testid="prognossakerhet-diagram">
      <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: PROGNOSSAKERHET_HOJD_PX }} />
    </div>
  );
}
