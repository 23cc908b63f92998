import type { ResursfordelningDto } from '@tertial/contracts/dto';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { format, type ComposeOption, use as registreraEchartsDelar } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback, useMemo } from 'react';

import { axelsiffror, DIAGRAMFARG, TOOLTIPSTIL, TYPSNITT, vardaRorelse } from '../diagram/diagram-stil.js';
import { useEcharts } from '../diagram/use-echarts.js';
import { formatBeloppUtanEnhet, formatMnkr } from '../format/belopp.js';
import {
  beskrivVattenfall,
  stapeletikett,
  vattenfallsserier,
  vattenfallsstaplar,
  type Stapeltyp,
  type Vattenfallsstapel,
} from './vattenfall.js';

registreraEchartsDelar([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type DiagramOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

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

/** A waterfall's ECharts option: totals from zero, changes floating on the running total. Also the city result's walk. */
export function vattenfallOption(staplar: readonly Vattenfallsstapel[], bredd: number): DiagramOption {
  const serier = vattenfallsserier(staplar);
  const smal = bredd > 0 && bredd < SMAL_BREDD_PX;
  const axelStart = serier.axelStartOre === null ? 0 : serier.axelStartOre / 100_000_000;
  return {
    animation: !vardaRorelse(),
    textStyle: { fontFamily: TYPSNITT, color: DIAGRAMFARG.text },
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
      data: staplar.map((stapel) => (smal ? String(stapel.steg) : `${stapel.steg}. ${stapel.kortNamn}`)),
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

interface Props {
  resursfordelning: ResursfordelningDto;
  namndnamn: string;
}

/**
 * The seven steps of the resursfördelningsmodell as a waterfall: totals from zero, changes floating on the
 * running total. To assistive technology it is one image with every step in its name; the table has the underlag.
 */
export function ResursfordelningDiagram({ resursfordelning, namndnamn }: Props) {
  const staplar = useMemo(() => vattenfallsstaplar(resursfordelning.steg), [resursfordelning.steg]);
  const skapaOption = useCallback((bredd: number) => vattenfallOption(staplar, bredd), [staplar]);
  const behallare = useEcharts(skapaOption);
  const axelStartOre = useMemo(() => vattenfallsserier(staplar).axelStartOre, [staplar]);

  return (
    <figure className="diagram">
      <div role="img" aria-label={beskrivVattenfall(resursfordelning, namndnamn)} data-testid="vattenfallsdiagram">
        <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: VATTENFALL_HOJD_PX }} />
      </div>
      <Vattenfallsforklaring namn={STAPELNAMN} axelStartOre={axelStartOre} testId="vattenfall-axelstart" vad="förändringarna" />
    </figure>
  );
}

const STAPELNAMN: Record<Stapeltyp, string> = {
  total: STAPELSTIL.total.namn,
  okning: STAPELSTIL.okning.namn,
  minskning: STAPELSTIL.minskning.namn,
};

/**
 * A waterfall's caption: the legend in its own words for the three kinds of bar, and where the value axis starts
 * when it does not start at zero.
 */
export function Vattenfallsforklaring({
  namn,
  axelStartOre,
  testId,
  vad,
}: {
  namn: Record<Stapeltyp, string>;
  axelStartOre: number | null;
  testId: string;
  /** What the axis is cut for, e.g. "förändringarna". */
  vad: string;
}) {
  return (
    <figcaption className="diagram__forklaring">
      <ul className="teckenforklaring" aria-label="Teckenförklaring">
        {(['total', 'okning', 'minskning'] as const).map((typ) => (
          <li key={typ}>
            <span className={`teckenforklaring__farg teckenforklaring__farg--${typ}`} aria-hidden="true" />
            {namn[typ]}
          </li>
        ))}
      </ul>
      {axelStartOre !== null ? (
        <p className="diagram__not" data-testid={testId}>
          Den lodräta axeln börjar vid {formatBeloppUtanEnhet(axelStartOre, 'mnkr', 0)}&nbsp;mnkr, inte vid noll, så att {vad} syns.
        </p>
      ) : null}
    </figcaption>
  );
}
