import type { KoladaJamforelseDto, NyckeltalDto } from '@tertial/contracts/dto';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, use as registreraEchartsDelar } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback } from 'react';

import { DIAGRAMFARG, TOOLTIPSTIL, TYPSNITT } from '@tertial/diagram';
import { vardaRorelse } from '../diagram/diagram-stil.js';
import { useEcharts } from '../diagram/use-echarts.js';
import { formatVarde } from './mal.js';

registreraEchartsDelar([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

type DiagramOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

export const NYCKELTALSDIAGRAM_HOJD_PX = 240;

/** Measured values dark blue; the target green and dashed, the baseline grey and dotted: told apart by line style too. */
const FARG = { varde: '#1f5f99', mal: '#1e7a3c', utgangsvarde: '#4a5562', egen: '#1f5f99', andra: '#8a4f00' } as const;

const gemensamt = (bredd: number) => ({
  animation: !vardaRorelse(),
  textStyle: { fontFamily: TYPSNITT, color: DIAGRAMFARG.text, fontSize: bredd > 0 && bredd < 480 ? 11 : 12 },
  grid: {
    left: 8,
    right: 16,
    top: 36,
    bottom: 8,
    outerBoundsMode: 'same' as const,
    outerBoundsContain: 'axisLabel' as const,
  },
});

function trendOption(
  nyckeltal: NyckeltalDto,
  serie: readonly { period: string; varde: number }[],
  malvarde: number | null,
  bredd: number,
): DiagramOption {
  const linjer: NonNullable<MarkLineComponentOption['data']> = [];
  if (malvarde !== null) {
    linjer.push({
      yAxis: malvarde,
      name: 'Målvärde',
      lineStyle: { color: FARG.mal, type: 'dashed', width: 2 },
      label: { formatter: `Mål ${formatVarde(malvarde)}`, color: FARG.mal },
    });
  }
  if (nyckeltal.utgangsvarde) {
    const { varde, ar } = nyckeltal.utgangsvarde;
    linjer.push({
      yAxis: varde,
      name: 'Utgångsvärde',
      lineStyle: { color: FARG.utgangsvarde, type: 'dotted', width: 2 },
      label: { formatter: `Utgång ${formatVarde(varde)} (${ar})`, color: FARG.utgangsvarde },
    });
  }
  const alla = [
    ...serie.map((punkt) => punkt.varde),
    ...(malvarde === null ? [] : [malvarde]),
    ...(nyckeltal.utgangsvarde ? [nyckeltal.utgangsvarde.varde] : []),
  ];
  return {
    ...gemensamt(bredd),
    tooltip: {
      trigger: 'axis',
      ...TOOLTIPSTIL,
      valueFormatter: (varde) => formatVarde(typeof varde === 'number' ? varde : null, nyckeltal.enhet),
    },
    xAxis: {
      type: 'category',
      data: serie.map((punkt) => punkt.period),
      axisLine: { lineStyle: { color: DIAGRAMFARG.textSvag } },
      axisLabel: { color: DIAGRAMFARG.text, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: nyckeltal.enhet,
      min: Math.min(...alla) - (Math.max(...alla) - Math.min(...alla)) * 0.1,
      max: Math.max(...alla) + (Math.max(...alla) - Math.min(...alla)) * 0.1,
      nameTextStyle: { color: DIAGRAMFARG.textSvag, align: 'left' },
      axisLabel: {
        color: DIAGRAMFARG.textSvag,
        formatter: (varde: number) => formatVarde(Number(varde.toPrecision(4))),
        hideOverlap: true,
      },
      splitLine: { lineStyle: { color: DIAGRAMFARG.linje } },
    },
    series: [
      {
        type: 'line',
        name: nyckeltal.namn,
        data: serie.map((punkt) => punkt.varde),
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { color: FARG.varde, width: 2 },
        itemStyle: { color: FARG.varde },
        markLine: { symbol: 'none', silent: true, data: linjer, label: { position: 'insideEndTop', fontSize: 11 } },
      },
    ],
  };
}

/** A nyckeltal's measured values over time, with its target and baseline as lines; the table beside it has the figures. */
export function TrendDiagram(props: {
  nyckeltal: NyckeltalDto;
  serie: readonly { period: string; varde: number }[];
  malvarde: number | null;
  beskrivning: string;
}) {
  const { nyckeltal, serie, malvarde, beskrivning } = props;
  const skapaOption = useCallback((bredd: number) => trendOption(nyckeltal, serie, malvarde, bredd), [nyckeltal, serie, malvarde]);
  const behallare = useEcharts(skapaOption);
  return (
    <div className="diagram" role="img" aria-label={beskrivning} data-testid="trenddiagram">
      <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: NYCKELTALSDIAGRAM_HOJD_PX }} />
    </div>
  );
}

function jamforelseOption(staplar: readonly { namn: string; varde: number; egen: boolean }[], enhet: string, bredd: number): DiagramOption {
  return {
    ...gemensamt(bredd),
    grid: { left: 8, right: 24, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'axis', ...TOOLTIPSTIL, valueFormatter: (varde) => formatVarde(typeof varde === 'number' ? varde : null, enhet) },
    xAxis: {
      type: 'value',
      axisLabel: { color: DIAGRAMFARG.textSvag, formatter: (varde: number) => formatVarde(varde), hideOverlap: true },
      splitLine: { lineStyle: { color: DIAGRAMFARG.linje } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: staplar.map((stapel) => stapel.namn),
      axisLabel: { color: DIAGRAMFARG.text, fontWeight: 'normal' },
      axisLine: { lineStyle: { color: DIAGRAMFARG.textSvag } },
    },
    series: [
      {
        type: 'bar',
        name: enhet,
        barMaxWidth: 18,
        data: staplar.map((stapel) => ({
          value: stapel.varde,
          // The city's own bar is blue and solid, the others brown and striped.
          itemStyle: stapel.egen
            ? { color: FARG.egen }
            : {
                color: FARG.andra,
                decal: {
                  symbol: 'rect',
                  symbolSize: 1,
                  color: 'rgba(255, 255, 255, 0.5)',
                  dashArrayX: [1, 0],
                  dashArrayY: [2, 4],
                  rotation: -Math.PI / 4,
                },
              },
        })),
      },
    ],
  };
}

/** The latest year's values of the city and its comparison group as bars, the city's own set apart. */
export function JamforelseDiagram(props: {
  jamforelse: KoladaJamforelseDto;
  ar: number;
  staplar: readonly { namn: string; varde: number; egen: boolean }[];
  enhet: string;
  beskrivning: string;
}) {
  const { staplar, enhet, beskrivning } = props;
  const skapaOption = useCallback((bredd: number) => jamforelseOption(staplar, enhet, bredd), [staplar, enhet]);
  const behallare = useEcharts(skapaOption);
  return (
    <div className="diagram" role="img" aria-label={beskrivning} data-testid="jamforelsediagram">
      <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: Math.max(120, 28 * staplar.length + 40) }} />
    </div>
  );
}
