import { lazy } from 'react';

import { DiagramSkal } from '../diagram/diagram-skal.js';
import type { Namndssummering } from './investeringar.js';

// ECharts is loaded on its own, after the page: the tables have every figure meanwhile.
const InvesteringarDiagram = lazy(() => import('./investeringar-diagram.js').then((modul) => ({ default: modul.InvesteringarDiagram })));

const PLATSHALLARE_PX = 280;

export function LatInvesteringarDiagram(props: { summering: Namndssummering; namndnamn: string }) {
  return (
    <DiagramSkal hojdPx={PLATSHALLARE_PX}>
      <InvesteringarDiagram {...props} />
    </DiagramSkal>
  );
}
