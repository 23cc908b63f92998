import type { PrognosTotaler } from '@tertial/contracts/dto';
import { lazy } from 'react';

import { DiagramSkal } from '../diagram/diagram-skal.js';
import { diagramHojdPx, useSmalSkarm } from './diagram-layout.js';

// ECharts is most of the bundle; loading it on its own lets the key figures and the table show first.
const NettokostnadDiagram = lazy(() => import('./nettokostnad-diagram.js').then((modul) => ({ default: modul.NettokostnadDiagram })));

/** The chart, fetched when first needed; if it cannot be drawn the table below still has every figure. */
export function LatNettokostnadDiagram({ totaler }: { totaler: PrognosTotaler }) {
  const smal = useSmalSkarm();
  return (
    <DiagramSkal hojdPx={diagramHojdPx(totaler.namnder.length, smal)}>
      <NettokostnadDiagram totaler={totaler} />
    </DiagramSkal>
  );
}
