import type { PrognosTotaler } from '@tertial/contracts/dto';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { format, type ComposeOption, use as registreraEchartsDelar } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback, useMemo } from 'react';

import { axelsiffror, DIAGRAMFARG, mnkrForRitning, TOOLTIPSTIL, TYPSNITT, vardaRorelse } from '../diagram/diagram-stil.js';
import { useEcharts } from '../diagram/use-echarts.js';
import { formatBeloppUtanEnhet, formatMnkr } from '../format/belopp.js';
import { manadsnamn } from '../format/tidpunkt.js';
import { diagramHojdPx, useSmalSkarm } from './diagram-layout.js';
import { beskrivDiagram, lamnadeAvAnsvar, sorteraEfterNettokostnad, type NamndTotal } from './prognos-totaler.js';

// Only what this chart draws, so the bundle carries a fraction of ECharts. SVG keeps the text sharp at any zoom.
registreraEchartsDelar([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type DiagramOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/**
 * The three bars of a nämnd: budget, prognos and utfall side by side, each at least 4.5:1 against white, well
 * above the 3:1 a chart's graphics need; text colours 7.5:1 or more. Budget is grey and hatched in the legend's
 * words, so the bars differ by more than colour: they always stand in the same order.
 */
export const SERIER = [
  { nyckel: 'budget', namn: 'Budget', farg: '#5f6b78', markerad: '#3f4953' },
  { nyckel: 'prognos', namn: 'Prognos', farg: '#2b5c8a', markerad: '#1b3f63' },
  { nyckel: 'utfall', namn: 'Utfall hittills', farg: '#a3541a', markerad: '#7a3d12' },
] as const;
type Serie = (typeof SERIER)[number]['nyckel'];

const FARG = { ...DIAGRAMFARG, skugga: 'rgba(43, 92, 138, 0.08)' };

function beloppI(namnd: NamndTotal, serie: Serie): number | null {
  if (serie === 'budget') return namnd.budgetOre;
  if (serie === 'utfall') return namnd.utfallOre;
  return namnd.nettokostnadOre;
}

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
          `Prognos, nettokostnad: ${formatMnkr(namnd.nettokostnadOre)}`,
          `Budget: ${namnd.budgetOre === null ? 'saknas' : formatMnkr(namnd.budgetOre)}`,
          `Avvikelse mot budget: ${namnd.avvikelseOre === null ? 'ingen prognos ännu' : formatMnkr(namnd.avvikelseOre)}`,
          `Utfall hittills: ${namnd.utfallOre === null ? 'saknas' : formatMnkr(namnd.utfallOre)}`,
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
        // Above the band's three bars (budget, prognos, utfall), not on top of them.
        padding: smal ? [0, 0, 22, 0] : 0,
        width: namnbredd,
        overflow: 'truncate',
        color: FARG.text,
        fontSize: 13,
      },
    },
    series: SERIER.map(({ nyckel, namn, farg, markerad }) => ({
      type: 'bar' as const,
      name: namn,
      barMaxWidth: smal ? 10 : 14,
      barGap: '10%',
      itemStyle: { color: farg, borderRadius: 2 },
      emphasis: { itemStyle: { color: markerad } },
      // Bar length only; every figure shown is formatted from the exact öre. A missing figure draws no bar.
      data: namnder.map((namnd) => {
        const ore = beloppI(namnd, nyckel);
        return ore === null ? null : mnkrForRitning(ore);
      }),
      // The prognos carries its figure; the table has the others.
      label: {
        show: nyckel === 'prognos',
        // Right of the bar: past its end, or for a net income just past zero, where there is always room.
        position: 'right' as const,
        color: FARG.text,
        fontSize: 12,
        formatter: (params: { dataIndex: number }) => {
          const namnd = namnder[params.dataIndex];
          return namnd ? formatBeloppUtanEnhet(namnd.nettokostnadOre, 'mnkr', 1) : '';
        },
      },
    })),
  };
}

/**
 * Horizontal bars of nettokostnad per nämnd, largest prognos first: budget, prognos and utfall side by side. To
 * assistive technology it is one image with a summary; the table below it carries every figure.
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
    <figure className="diagram">
      <div role="img" aria-label={beskrivDiagram(totaler)} data-testid="nettokostnad-diagram">
        <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: diagramHojdPx(namnder.length, smal) }} />
      </div>
      <figcaption className="diagram__forklaring">
        <ul className="teckenforklaring" aria-label="Teckenförklaring">
          {SERIER.map((serie) => (
            <li key={serie.nyckel}>
              <span className="teckenforklaring__farg" style={{ background: serie.farg }} aria-hidden="true" />
              {serie.nyckel === 'utfall' && totaler.utfallTillManad ? `Utfall t.o.m. ${manadsnamn(totaler.utfallTillManad)}` : serie.namn}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
