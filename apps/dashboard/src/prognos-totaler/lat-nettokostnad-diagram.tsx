import type { PrognosTotaler } from '@tertial/contracts';
import { lazy, Suspense } from 'react';

import { Felgrans } from '../sida/felgrans.js';
import { diagramHojdPx, useSmalSkarm } from './diagram-layout.js';

// ECharts is most of the bundle; loading it on its own lets the key figures and the table show first.
const NettokostnadDiagram = lazy(() => import('./nettokostnad-diagram.js').then((modul) => ({ default: modul.NettokostnadDiagram })));

/** The chart, fetched when first needed; if it cannot be drawn the table below still has every figure. */
export function LatNettokostnadDiagram({ totaler }: { totaler: PrognosTotaler }) {
  const smal = useSmalSkarm();
  const yta = { height: diagramHojdPx(totaler.namnder.length, smal) };
  return (
    <Felgrans
      reserv={
        <p className="diagram diagram--reserv" data-testid="diagram-saknas">
          Diagrammet kunde inte visas. Alla siffror finns i tabellen nedan.
        </p>
      }
    >
      <Suspense fallback={<div className="diagram" style={yta} aria-hidden="true" />}>
        <NettokostnadDiagram totaler={totaler} />
      </Suspense>
    </Felgrans>
  );
}
