import { init, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { useEffect, useEffectEvent, useRef, type RefObject } from 'react';

/**
 * An ECharts instance drawn in SVG (sharp at any zoom) in the returned element, resized with it and disposed
 * with the component. `skapaOption` builds the option from the element's width in pixels and is called again
 * when the width changes or the function does (wrap it in useCallback). The caller registers the chart types
 * and components it draws with `use` from echarts/core (imported under another name, e.g. `registreraEchartsDelar`,
 * so that it is not taken for React's `use`).
 */
export function useEcharts(skapaOption: (bredd: number) => EChartsCoreOption): RefObject<HTMLDivElement | null> {
  const behallare = useRef<HTMLDivElement>(null);
  const diagram = useRef<EChartsType | null>(null);
  // The resize observer, set up once, always builds with the latest `skapaOption` without re-creating the chart.
  const skapaSenaste = useEffectEvent((bredd: number) => skapaOption(bredd));

  useEffect(() => {
    const element = behallare.current;
    if (!element) return;
    const instans = init(element, null, { renderer: 'svg' });
    diagram.current = instans;
    // The first option is set by the effect below, which runs right after this one.
    let bredd = Math.round(element.clientWidth);
    const observer = new ResizeObserver(([post]) => {
      instans.resize();
      const ny = Math.round(post?.contentRect.width ?? bredd);
      if (ny === bredd) return;
      bredd = ny;
      instans.setOption(skapaSenaste(bredd));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instans.dispose();
      diagram.current = null;
    };
  }, []);

  useEffect(() => {
    const element = behallare.current;
    if (element) diagram.current?.setOption(skapaOption(Math.round(element.clientWidth)));
  }, [skapaOption]);

  return behallare;
}
