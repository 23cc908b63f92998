import type { Oversikt } from '@tertial/contracts/dto';
import {
  beskrivResultatvag,
  beskrivTrend,
  RESULTATVAG_HOJD_PX,
  resultatvag,
  TREND_HOJD_PX,
  trendOption,
  vattenfallOption,
  vattenfallsserier,
} from '@tertial/diagram';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { use as registreraEchartsDelar } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback, useMemo } from 'react';

import { Vattenfallsforklaring } from '../budget/resursfordelning-diagram.js';
import { vardaRorelse } from '../diagram/diagram-stil.js';
import { useEcharts } from '../diagram/use-echarts.js';

registreraEchartsDelar([BarChart, LineChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const STEGNAMN = { total: 'Resultat', okning: 'Höjer resultatet', minskning: 'Sänker resultatet (randig)' } as const;

/** The walk from the budgeted to the forecast result; to assistive technology one image whose name has every bar. */
export function ResultatvagDiagram({ oversikt }: { oversikt: Oversikt }) {
  const staplar = useMemo(() => resultatvag(oversikt.resultat), [oversikt.resultat]);
  const skapaOption = useCallback((bredd: number) => vattenfallOption(staplar, { bredd, animering: !vardaRorelse() }), [staplar]);
  const behallare = useEcharts(skapaOption);
  const axelStartOre = useMemo(() => vattenfallsserier(staplar).axelStartOre, [staplar]);
  return (
    <figure className="diagram">
      <div role="img" aria-label={beskrivResultatvag(staplar, oversikt.ar)} data-testid="resultatvag-diagram">
        <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: RESULTATVAG_HOJD_PX }} />
      </div>
      <Vattenfallsforklaring namn={STEGNAMN} axelStartOre={axelStartOre} testId="resultatvag-axelstart" vad="stegen" />
    </figure>
  );
}

/** The city's net cost at April, August and the bokslut against its budget (dashed). */
export function TrendDiagram({ oversikt, budgetOre }: { oversikt: Oversikt; budgetOre: number | null }) {
  const skapaOption = useCallback(
    (bredd: number) => trendOption(oversikt.trend.stad, budgetOre, { bredd, animering: !vardaRorelse() }),
    [oversikt, budgetOre],
  );
  const behallare = useEcharts(skapaOption);
  return (
    <figure className="diagram">
      <div role="img" aria-label={beskrivTrend(oversikt.trend.stad, budgetOre)} data-testid="trend-diagram">
        <div ref={behallare} className="diagram__yta" aria-hidden="true" style={{ height: TREND_HOJD_PX }} />
      </div>
    </figure>
  );
}
