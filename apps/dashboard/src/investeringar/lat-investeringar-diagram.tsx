import { lazy, Suspense } from 'react';

import { Felgrans } from '../sida/felgrans.js';
import type { Namndssummering } from './investeringar.js';

// ECharts is loaded on its own, after the page: the tables have every figure meanwhile.
const InvesteringarDiagram = lazy(() => import('./investeringar-diagram.js').then((modul) => ({ default: modul.InvesteringarDiagram })));

const PLATSHALLARE_PX = 280;

export function LatInvesteringarDiagram(props: { summering: Namndssummering; namndnamn: string }) {
  return (
    <Felgrans
      reserv={
        <p className="diagram diagram--reserv" data-testid="diagram-saknas">
          Diagrammet kunde inte visas. Alla siffror finns i tabellen nedan.
        </p>
      }
    >
      <Suspense fallback={<div className="diagram" style={{ height: PLATSHALLARE_PX }} aria-hidden="true" />}>
        <InvesteringarDiagram {...props} />
      </Suspense>
    </Felgrans>
  );
}
