import type { PrognosTotaler } from '@tertial/contracts/dto';
import { NAMNDSERIER, namndstaplarOption } from '@tertial/diagram';
import { formatMnkr } from '@tertial/diagram/belopp';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { format, use as registreraEchartsDelar } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback, useMemo } from 'react';

import { vardaRorelse } from '../diagram/diagram-stil.js';
import { useEcharts } from '../diagram/use-echarts.js';
import { manadsnamn } from '../format/tidpunkt.js';
import { diagramHojdPx, useSmalSkarm } from './diagram-layout.js';
import { beskrivDiagram, lamnadeAvAnsvar, sorteraEfterNettokostnad, type NamndTotal } from './prognos-totaler.js';

// Only what this chart draws, so the bundle carries a fraction of ECharts. SVG keeps the text sharp at any zoom.
registreraEchartsDelar([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** A nämnd's row in the tooltip: every figure the round has for it, and how many ansvar have handed in. */
function tooltip(namnd: NamndTotal): string {
  return [
    `<strong>${format.encodeHTML(namnd.namn)}</strong>`,
    `Prognos, nettokostnad: ${formatMnkr(namnd.nettokostnadOre)}`,
    `Budget: ${namnd.budgetOre === null ? 'saknas' : formatMnkr(namnd.budgetOre)}`,
    `Avvikelse mot budget: ${namnd.avvikelseOre === null ? 'ingen prognos ännu' : formatMnkr(namnd.avvikelseOre)}`,
    `Utfall hittills: ${namnd.utfallOre === null ? 'saknas' : formatMnkr(namnd.utfallOre)}`,
    `Lämnade prognoser: ${lamnadeAvAnsvar(namnd)}`,
  ].join('<br>');
}

/**
 * Horizontal bars of nettokostnad per nämnd, largest prognos first: budget, prognos and utfall side by side. To
 * assistive technology it is one image with a summary; the table below it carries every figure.
 */
export function NettokostnadDiagram({ totaler }: { totaler: PrognosTotaler }) {
  const smal = useSmalSkarm();
  const namnder = useMemo(() => sorteraEfterNettokostnad(totaler.namnder), [totaler.namnder]);
  const skapaOption = useCallback(
    (bredd: number) =>
      namndstaplarOption(
        namnder.map((n) => ({ namn: n.namn, budgetOre: n.budgetOre, prognosOre: n.nettokostnadOre, utfallOre: n.utfallOre })),
        { bredd, smal, animering: !vardaRorelse(), tooltip: (_, index) => tooltip(namnder[index]!) },
      ),
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
          {NAMNDSERIER.map((serie) => (
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
