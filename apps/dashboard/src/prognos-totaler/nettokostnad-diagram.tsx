import type { PrognosTotaler } from '@tertial/contracts';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { format, init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';

import { formatBeloppUtanEnhet, formatMnkr } from '../format/belopp.js';
import { diagramHojdPx, useSmalSkarm } from './diagram-layout.js';
import { beskrivDiagram, lamnadeAvAnsvar, sorteraEfterNettokostnad, type NamndTotal } from './prognos-totaler.js';

// Only what this chart draws, so the bundle carries a fraction of ECharts. SVG keeps the text sharp at any zoom.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type DiagramOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

const ORE_PER_MNKR = 100_000_000;

/** Bars 7.0:1 against white, well above the 3:1 a chart's graphics need; text colours 7.5:1 or more. */
const FARG = {
  stapel: '#2b5c8a',
  stapelMarkerad: '#1b3f63',
  text: '#1f2933',
  textSvag: '#4a5562',
  linje: '#c5ced8',
  skugga: 'rgba(43, 92, 138, 0.08)',
};
const TYPSNITT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

const axelsiffror = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

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
      confine: true,
      backgroundColor: '#ffffff',
      borderColor: FARG.linje,
      textStyle: { color: FARG.text, fontFamily: TYPSNITT, fontSize: 13 },
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
        data: namnder.map((namnd) => namnd.nettokostnadOre / ORE_PER_MNKR),
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

function vardaRorelse(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Horizontal bars of nettokostnad per nämnd, largest first. To assistive technology it is one image with a
 * summary; the table below it carries every figure.
 */
export function NettokostnadDiagram({ totaler }: { totaler: PrognosTotaler }) {
  const behallare = useRef<HTMLDivElement>(null);
  const diagram = useRef<EChartsType | null>(null);
  const [bredd, setBredd] = useState(0);
  const smal = useSmalSkarm();
  const namnder = useMemo(() => sorteraEfterNettokostnad(totaler.namnder), [totaler.namnder]);

  useEffect(() => {
    const element = behallare.current;
    if (!element) return;
    const instans = init(element, null, { renderer: 'svg' });
    diagram.current = instans;
    const observer = new ResizeObserver(([post]) => {
      instans.resize();
      if (post) setBredd(Math.round(post.contentRect.width));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instans.dispose();
      diagram.current = null;
    };
  }, []);

  useEffect(() => {
    const instans = diagram.current;
    if (!instans) return;
    const layout = { bredd: bredd || (behallare.current?.clientWidth ?? 0), smal, utanAnimering: vardaRorelse() };
    instans.setOption(diagramOption(namnder, layout));
  }, [namnder, bredd, smal]);

  // The drawing itself is hidden from assistive technology: the outer element speaks for it, the table has the figures.
  return (
    <div className="diagram" role="img" aria-label={beskrivDiagram(totaler)} data-testid="nettokostnad-diagram">
      <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: diagramHojdPx(namnder.length, smal) }} />
    </div>
  );
}
