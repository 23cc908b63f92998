import type { PrognossakerhetDto } from '@tertial/contracts/dto';
import { lazy } from 'react';

import { DiagramSkal } from '../diagram/diagram-skal.js';

// ECharts is loaded on its own, after the page: the table has every figure meanwhile.
const PrognossakerhetDiagram = lazy(() =>
  import('./prognossakerhet-diagram.js').then((modul) => ({ default: modul.PrognossakerhetDiagram })),
);

export function LatPrognossakerhetDiagram({ data }: { data: PrognossakerhetDto }) {
  return (
    <DiagramSkal hojdPx={420}>
      <PrognossakerhetDiagram data={data} />
    </DiagramSkal>
  );
}
