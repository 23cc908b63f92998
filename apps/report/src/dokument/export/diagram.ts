import type { Rapportdiagram } from '@tertial/contracts/dto';
import {
  axelsiffror,
  DIAGRAMFARG,
  namndstaplarHojdPx,
  namndstaplarOption,
  resultatvag,
  RESULTATVAG_HOJD_PX,
  TREND_HOJD_PX,
  trendOption,
  vattenfallOption,
  type Ritning,
} from '@tertial/diagram';
import * as echarts from 'echarts/core';
// Each installer from its own file, not `echarts/charts` and the like: see echarts-delar.d.ts.
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as LineChart } from 'echarts/lib/chart/line/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as LegendComponent } from 'echarts/lib/component/legend/install.js';
import { install as MarkLineComponent } from 'echarts/lib/component/marker/installMarkLine.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as SVGRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/** The width the charts are drawn at when the page does not say (the DOCX): the dashboard's desktop column. */
export const DIAGRAM_BREDD = 760;
/** The font the PDF embeds (metric-compatible with Arial), so the SVG's text measures as it is drawn. */
const TYPSNITT = 'Liberation Sans';
/** A printed row of a nämnd's three bars: lower than the dashboard's 52 px, so fourteen nämnder fit on a page. */
const TRYCKT_RADHOJD_PX = 30;

/** A report chart's height at a width, in the same unit: the dashboard's for its kind, per-nämnd bars by their rows. */
export function diagramHojd(diagram: Rapportdiagram, bredd = DIAGRAM_BREDD): number {
  if (diagram.typ === 'namndstaplar') return namndstaplarHojdPx(diagram.namnder.length, false, TRYCKT_RADHOJD_PX);
  if (diagram.typ === 'resultatvag') return RESULTATVAG_HOJD_PX;
  if (diagram.typ === 'trend') return TREND_HOJD_PX;
  return Math.round(Math.min(bredd * 0.55, diagram.kategorier.length * 28 * Math.max(diagram.serier.length, 1) + 80));
}

/** The ECharts option of a report chart: the dashboard's own builders from @tertial/diagram, drawn still. */
export function diagramOption(diagram: Rapportdiagram, bredd = DIAGRAM_BREDD): echarts.EChartsCoreOption {
  const ritning: Ritning = { bredd, animering: false, typsnitt: TYPSNITT };
  if (diagram.typ === 'namndstaplar') {
    const medPrognos = diagram.namnder.some((n) => n.prognosOre !== null);
    return namndstaplarOption(diagram.namnder, {
      ...ritning,
      smal: false,
      serier: medPrognos ? ['budget', 'prognos', 'utfall'] : ['budget', 'utfall'],
      serienamn: { utfall: diagram.utfallNamn, prognos: 'Helårsprognos' },
      etikett: medPrognos ? 'prognos' : 'utfall',
    });
  }
  if (diagram.typ === 'resultatvag')
    return vattenfallOption(resultatvag(diagram.resultat, { bokslut: diagram.till === 'bokslut' }), { ...ritning, medNamn: true });
  if (diagram.typ === 'trend') return trendOption(diagram.stad, diagram.budgetOre, ritning);
  // A plain chart of bars per category (years of the flerårsöversikt, the nämnder's prognosavvikelse).
  return {
    animation: false,
    textStyle: { fontFamily: TYPSNITT, color: DIAGRAMFARG.text },
    color: ['#2b5c8a', '#a3541a', '#5f6b78'],
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      name: 'mnkr',
      axisLabel: { color: DIAGRAMFARG.textSvag, formatter: (varde: number) => axelsiffror.format(varde), hideOverlap: true },
      splitLine: { lineStyle: { color: DIAGRAMFARG.linje } },
    },
    yAxis: {
      type: 'category',
      data: diagram.kategorier,
      inverse: true,
      // Every category named: wrapped within a third of the width, never skipped.
      axisLabel: { interval: 0, width: Math.round(bredd / 3), overflow: 'break', color: DIAGRAMFARG.text },
    },
    series: diagram.serier.map((serie) => ({ type: 'bar', name: serie.namn, data: serie.varden.map((ore) => ore / 100_000_000) })),
  };
}

/** A report chart as SVG with ECharts' own server-side rendering, at the size it is placed at. */
export function diagramSvg(diagram: Rapportdiagram, bredd = DIAGRAM_BREDD, hojd = diagramHojd(diagram, bredd)): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: bredd, height: hojd });
  try {
    chart.setOption(diagramOption(diagram, bredd));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
