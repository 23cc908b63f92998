import type { Rapportdiagram } from '@tertial/contracts/dto';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export const DIAGRAM_BREDD = 760;
export const DIAGRAM_HOJD = 420;

/**
 * A report chart as SVG with ECharts' own server-side rendering: the same bar chart the dashboard draws, in mnkr.
 * No animation, and the fonts the PDF embeds.
 */
export function diagramSvg(diagram: Rapportdiagram, bredd = DIAGRAM_BREDD, hojd = DIAGRAM_HOJD): string {
  // Drawn at the size it is placed at: svg-to-pdfkit does not scale a chart reliably.
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: bredd, height: hojd });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Liberation Sans' },
      color: ['#1d4f91', '#c8102e', '#3a7d44'],
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => String(v).replace('.', ',') }, name: 'mnkr' },
      yAxis: { type: 'category', data: diagram.kategorier, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
      series: diagram.serier.map((serie) => ({
        type: 'bar',
        name: serie.namn,
        data: serie.varden.map((ore) => Math.round(ore / 10_000_000) / 10),
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
