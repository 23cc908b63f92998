import { Suspense, type ReactNode } from 'react';

import { Felgrans } from '../sida/felgrans.js';

/**
 * Where a lazily loaded chart goes: space of the chart's height while ECharts arrives, and a sentence instead
 * of the chart if it cannot be drawn. Every chart has a table beside it with all its figures.
 */
export function DiagramSkal({ hojdPx, children }: { hojdPx: number; children: ReactNode }) {
  return (
    <Felgrans
      reserv={
        <p className="diagram diagram--reserv" data-testid="diagram-saknas">
          Diagrammet kunde inte visas. Alla siffror finns i tabellen nedan.
        </p>
      }
    >
      <Suspense fallback={<div className="diagram" style={{ height: hojdPx }} aria-hidden="true" />}>{children}</Suspense>
    </Felgrans>
  );
}
