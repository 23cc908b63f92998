import type { Ore } from '@tertial/contracts/money';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { format, type ComposeOption } from 'echarts/core';

import { formatBeloppUtanEnhet, formatMnkr } from './belopp.js';
import { axelsiffror, DIAGRAMFARG, mnkrForRitning, TOOLTIPSTIL, TYPSNITT, type Ritning } from './stil.js';

/**
 * The three bars of a nämnd: budget, prognos and utfall side by side, each at least 4.5:1 against white, well
 * above the 3:1 a chart's graphics need; text colours 7.5:1 or more. Budget is grey and hatched in the legend's
 * words, so the bars differ by more than colour: they always stand in the same order.
 */
export const NAMNDSERIER = [
  { nyckel: 'budget', namn: 'Budget', farg: '#5f6b78', markerad: '#3f4953' },
  { nyckel: 'prognos', namn: 'Prognos', farg: '#2b5c8a', markerad: '#1b3f63' },
  { nyckel: 'utfall', namn: 'Utfall hittills', farg: '#a3541a', markerad: '#7a3d12' },
] as const;
export type Namndserie = (typeof NAMNDSERIER)[number]['nyckel'];

/** A nämnd's row of bars: net costs in öre; a missing figure draws no bar. */
export interface Namndstapel {
  readonly namn: string;
  readonly budgetOre: Ore | null;
  readonly prognosOre: Ore | null;
  readonly utfallOre: Ore | null;
}

// Three bars a row: budget, prognos and utfall.
const RADHOJD_PX = { bred: 52, smal: 64 };
const AXLAR_PX = 64;

/** The chart's height grows with the number of nämnder so every bar keeps a readable row (a printed page: `radhojdPx`). */
export function namndstaplarHojdPx(antalNamnder: number, smal: boolean, radhojdPx = smal ? RADHOJD_PX.smal : RADHOJD_PX.bred): number {
  return antalNamnder * radhojdPx + AXLAR_PX;
}

export interface NamndstaplarRitning extends Ritning {
  /** Names above the bars instead of beside them (a phone held upright, or a desktop zoomed to 400 %). */
  readonly smal: boolean;
  /** Which bars each nämnd has, always in the order budget, prognos, utfall. */
  readonly serier?: readonly Namndserie[];
  /** A series' name where it is not the usual one, e.g. "Utfall helår". */
  readonly serienamn?: Partial<Record<Namndserie, string>>;
  /** The series whose figure is written beside its bar; the table has the others. */
  readonly etikett?: Namndserie;
  /** The tooltip of a nämnd's row; by default its name and every figure. */
  readonly tooltip?: (namnd: Namndstapel, index: number) => string;
}

export type NamndstaplarOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

const SKUGGA = 'rgba(43, 92, 138, 0.08)';

function beloppI(namnd: Namndstapel, serie: Namndserie): Ore | null {
  if (serie === 'budget') return namnd.budgetOre;
  if (serie === 'utfall') return namnd.utfallOre;
  return namnd.prognosOre;
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

/**
 * Horizontal bars of nettokostnad per nämnd, in the order given: budget, prognos and utfall side by side. Every
 * nämnd keeps its name on the axis (interval 0), cut with an ellipsis only where the width cannot hold it.
 */
export function namndstaplarOption(namnder: readonly Namndstapel[], ritning: NamndstaplarRitning): NamndstaplarOption {
  const { bredd, smal, animering, typsnitt = TYPSNITT, etikett = 'prognos' } = ritning;
  const serier = NAMNDSERIER.filter(({ nyckel }) => (ritning.serier ?? ['budget', 'prognos', 'utfall']).includes(nyckel));
  const namnbredd = smal ? Math.max(bredd - 16, 80) : Math.round(Math.min(220, Math.max(96, bredd * 0.34)));
  const serienamn = (nyckel: Namndserie, namn: string) => ritning.serienamn?.[nyckel] ?? namn;
  const tooltip =
    ritning.tooltip ??
    ((namnd: Namndstapel) =>
      [
        `<strong>${format.encodeHTML(namnd.namn)}</strong>`,
        ...serier.map(({ nyckel, namn }) => {
          const ore = beloppI(namnd, nyckel);
          return `${serienamn(nyckel, namn)}: ${ore === null ? 'saknas' : formatMnkr(ore)}`;
        }),
      ].join('<br>'));
  return {
    animation: animering,
    textStyle: { fontFamily: typsnitt, color: DIAGRAMFARG.text },
    grid: { left: 8, right: smal ? 60 : 72, top: 8, bottom: 44, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: SKUGGA } },
      ...TOOLTIPSTIL,
      formatter: (params) => {
        const punkt = Array.isArray(params) ? params[0] : params;
        const namnd = punkt ? namnder[punkt.dataIndex] : undefined;
        return namnd && punkt ? tooltip(namnd, punkt.dataIndex) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: axelnsMin,
      name: 'Nettokostnad, mnkr',
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: DIAGRAMFARG.textSvag },
      axisLabel: { color: DIAGRAMFARG.textSvag, formatter: (varde: number) => axelsiffror.format(varde), hideOverlap: true },
      splitLine: { lineStyle: { color: DIAGRAMFARG.linje } },
    },
    yAxis: {
      type: 'category',
      // From the top down, the way the table reads.
      inverse: true,
      data: namnder.map((namnd) => namnd.namn),
      axisLine: { onZero: false, lineStyle: { color: DIAGRAMFARG.textSvag } },
      axisTick: { show: false },
      // Every key is set in both layouts: setOption merges, and a key left out would keep the other layout's value.
      axisLabel: {
        interval: 0,
        inside: smal,
        align: smal ? 'left' : 'right',
        verticalAlign: smal ? 'bottom' : 'middle',
        // Above the band's three bars (budget, prognos, utfall), not on top of them.
        padding: smal ? [0, 0, 22, 0] : 0,
        width: namnbredd,
        overflow: 'truncate',
        color: DIAGRAMFARG.text,
        fontSize: 13,
      },
    },
    series: serier.map(({ nyckel, namn, farg, markerad }) => ({
      type: 'bar' as const,
      name: serienamn(nyckel, namn),
      barMaxWidth: smal ? 10 : 14,
      barGap: '10%',
      itemStyle: { color: farg, borderRadius: 2 },
      emphasis: { itemStyle: { color: markerad } },
      // Bar length only; every figure shown is formatted from the exact öre. A missing figure draws no bar.
      data: namnder.map((namnd) => {
        const ore = beloppI(namnd, nyckel);
        return ore === null ? null : mnkrForRitning(ore);
      }),
      label: {
        show: nyckel === etikett,
        // Right of the bar: past its end, or for a net income just past zero, where there is always room.
        position: 'right' as const,
        color: DIAGRAMFARG.text,
        fontSize: 12,
        formatter: (params: { dataIndex: number }) => {
          const namnd = namnder[params.dataIndex];
          const ore = namnd ? beloppI(namnd, nyckel) : null;
          return ore === null ? '' : formatBeloppUtanEnhet(ore, 'mnkr', 1);
        },
      },
    })),
  };
}
