import type { ResursfordelningDto } from '@tertial/contracts/dto';
import { lazy } from 'react';

import { DiagramSkal } from '../diagram/diagram-skal.js';

// ECharts is loaded on its own, after the page: the table below has every figure meanwhile.
const ResursfordelningDiagram = lazy(() =>
  import('./resursfordelning-diagram.js').then((modul) => ({ default: modul.ResursfordelningDiagram })),
);

/** Same height as the chart, so the table does not jump when it arrives. */
const PLATSHALLARE_PX = 340 + 48;

export function LatResursfordelningDiagram(props: { resursfordelning: ResursfordelningDto; namndnamn: string }) {
  return (
    <DiagramSkal hojdPx={PLATSHALLARE_PX}>
      <ResursfordelningDiagram {...props} />
    </DiagramSkal>
  );
}
