import type { ResursfordelningDto } from '@tertial/contracts';
import { lazy, Suspense } from 'react';

import { Felgrans } from '../sida/felgrans.js';

// ECharts is loaded on its own, after the page: the table below has every figure meanwhile.
const ResursfordelningDiagram = lazy(() => import('./resursfordelning-diagram.js').then((modul) => ({ default: modul.ResursfordelningDiagram })));

/** Same height as the chart, so the table does not jump when it arrives. */
const PLATSHALLARE_PX = 340 + 48;

export function LatResursfordelningDiagram(props: { resursfordelning: ResursfordelningDto; namndnamn: string }) {
  return (
    <Felgrans
      reserv={
        <p className="diagram diagram--reserv" data-testid="diagram-saknas">
          Diagrammet kunde inte visas. Alla siffror finns i tabellen nedan.
        </p>
      }
    >
      <Suspense fallback={<div className="diagram" style={{ height: PLATSHALLARE_PX }} aria-hidden="true" />}>
        <ResursfordelningDiagram {...props} />
      </Suspense>
    </Felgrans>
  );
}
