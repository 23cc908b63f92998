import type { ResursfordelningDto } from '@tertial/contracts/dto';
import { STAPELSTIL, vattenfallOption, vattenfallsserier, VATTENFALL_HOJD_PX, type Stapeltyp } from '@tertial/diagram';
import { formatBeloppUtanEnhet } from '@tertial/diagram/belopp';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use as registreraEchartsDelar } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback, useMemo } from 'react';

import { vardaRorelse } from '../diagram/diagram-stil.js';
import { useEcharts } from '../diagram/use-echarts.js';
import { beskrivVattenfall, vattenfallsstaplar } from './vattenfall.js';

registreraEchartsDelar([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export { VATTENFALL_HOJD_PX };

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
  const skapaOption = useCallback((bredd: number) => vattenfallOption(staplar, { bredd, animering: !vardaRorelse() }), [staplar]);
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
