import type { PrognosTotaler } from '@tertial/contracts';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { format, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback, useMemo } from 'react';

import { axelsiffror, DIAGRAMFARG, mnkrForRitning, TOOLTIPSTIL, TYPSNITT, vardaRorelse } from '../diagram/diagram-stil.js';
import { useEcharts } from '../diagram/use-echarts.js';
import { formatBeloppUtanEnhet, formatMnkr } from '../format/belopp.js';
import { diagramHojdPx, useSmalSkarm } from './diagram-layout.js';
import { beskrivDiagram, lamnadeAvAnsvar, sorteraEfterNettokostnad, type NamndTotal } from './prognos-totaler.js';

// Only what this chart draws, so the bundle carries a fraction of ECharts. SVG keeps the text sharp at any zoom.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type DiagramOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** Bars 7.0:1 against white, well above the 3:1 a chart's graphics need; text colours 7.5:1 or more. */
const FARG = {
  ...DIAGRAMFARG,
  stapel: '#2b5c8a',
  stapelMarkerad: '#1b3f63',
  skugga: 'rgba(43, 92, 138, 0.08)',
};

/** 1, 2 or 5 times a power of ten, at least the given amount. */
function jamntUppat(varde: number): number {
  const tiopotens = 10 ** Math.floor(Math.log10(varde));
  const faktor = [1, 2, 5, 10].find((kandidat) => kandidat * tiopotens >= varde) ?? 10;
  return faktor * tiopotens;
}

/** Starts the axis at zero, or just below the largest net income, instead of a whole tick step below it. */
function axelnsMin({ min }: { min: number }): number {
  return min >= 0 ? 0 : -jamntUppat(-min);
}

interface Layout {
  /** The chart's width in pixels. */
  bredd: number;
  /** Names above the bars instead of beside them. */
  smal: boolean;
  utanAnimering: boolean;
}

function diagramOption(namnder: readonly NamndTotal[], { bredd, smal, utanAnimering }: Layout): DiagramOption {
  const namnbredd = smal ? Math.max(bredd - 16, 80) : Math.round(Math.min(220, Math.max(96, bredd * 0.34)));
  return {
    animation: !utanAnimering,
    textStyle: { fontFamily: TYPSNITT, color: FARG.text },
    grid: { left: 8, right: smal ? 60 : 72, top: 8, bottom: 44, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: FARG.skugga } },
      ...TOOLTIPSTIL,
      formatter: (params) => {
        const punkt = Array.isArray(params) ? params[0] : params;
        const namnd = punkt ? namnder[punkt.dataIndex] : undefined;
        if (!namnd) return '';
        return [
          `<strong>${format.encodeHTML(namnd.namn)}</strong>`,
          `Nettokostnad: ${formatMnkr(namnd.nettokostnadOre)}`,
          `Intäkter: ${formatMnkr(namnd.intakterOre)}`,
          `Kostnader: ${formatMnkr(namnd.kostnaderOre)}`,
          `Lämnade prognoser: ${lamnadeAvAnsvar(namnd)}`,
        ].join('<br>');
      },
    },
    xAxis: {
      type: 'value',
      min: axelnsMin,
      name: 'Nettokostnad, mnkr',
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: FARG.textSvag },
      axisLabel: { color: FARG.textSvag, formatter: (varde: number) => axelsiffror.format(varde), hideOverlap: true },
      splitLine: { lineStyle: { color: FARG.linje } },
    },
    yAxis: {
      type: 'category',
      // Largest first, from the top down, the way the table reads.
      inverse: true,
      data: namnder.map((namnd) => namnd.namn),
      axisLine: { onZero: false, lineStyle: { color: FARG.textSvag } },
      axisTick: { show: false },
      // Every key is set in both layouts: setOption merges, and a key left out would keep the other layout's value.
      axisLabel: {
        inside: smal,
        align: smal ? 'left' : 'right',
        verticalAlign: smal ? 'bottom' : 'middle',
        padding: smal ? [0, 0, 10, 0] : 0,
        width: namnbredd,
        overflow: 'truncate',
        color: FARG.text,
        fontSize: 13,
      },
    },
    series: [
      {
        type: 'bar',
        name: 'Nettokostnad',
        barMaxWidth: smal ? 14 : 22,
        itemStyle: { color: FARG.stapel, borderRadius: 2 },
        emphasis: { itemStyle: { color: FARG.stapelMarkerad } },
        // Bar length only; every figure shown is formatted from the exact öre.
        data: namnder.map((namnd) => mnkrForRitning(namnd.nettokostnadOre)),
        label: {
          show: true,
          // Right of the bar: past its end, or for a net income just past zero, where there is always room.
          position: 'right',
          color: FARG.text,
          fontSize: 12,
          formatter: (params) => {
            const namnd = namnder[params.dataIndex];
            return namnd ? formatBeloppUtanEnhet(namnd.nettokostnadOre, 'mnkr', 1) : '';
          },
        },
      },
    ],
  };
}

/**
 * Horizontal bars of nettokostnad per nämnd, largest first. To assistive technology it is one image with a
 * summary; the table below it carries every figure.
 */
export function NettokostnadDiagram({ totaler }: { totaler: PrognosTotaler }) {
  const smal = useSmalSkarm();
  const namnder = useMemo(() => sorteraEfterNettokostnad(totaler.namnder), [totaler.namnder]);
  const skapaOption = useCallback(
    (bredd: number) => diagramOption(namnder, { bredd, smal, utanAnimering: vardaRorelse() }),
    [namnder, smal],
  );
  const behallare = useEcharts(skapaOption);

  // The drawing itself is hidden from assistive technology: the outer element speaks for it, the table has the figures.
  return (
    <div className="diagram" role="img" aria-label={beskrivDiagram(totaler)} data-testid="nettokostnad-diagram">
      <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: diagramHojdPx(namnder.length, smal) }} />
    </div>
  );
}
