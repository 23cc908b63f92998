import { lazy, type ComponentProps } from 'react';

import { DiagramSkal } from '../diagram/diagram-skal.js';

// ECharts is loaded on its own, after the page: the tables have every figure meanwhile.
const TrendDiagram = lazy(() => import('./nyckeltal-diagram.js').then((modul) => ({ default: modul.TrendDiagram })));
const JamforelseDiagram = lazy(() => import('./nyckeltal-diagram.js').then((modul) => ({ default: modul.JamforelseDiagram })));

type TrendProps = ComponentProps<typeof TrendDiagram>;
type JamforelseProps = ComponentProps<typeof JamforelseDiagram>;

export function LatTrendDiagram(props: TrendProps) {
  return (
    <DiagramSkal hojdPx={240}>
      <TrendDiagram {...props} />
    </DiagramSkal>
  );
}

export function LatJamforelseDiagram(props: JamforelseProps) {
  return (
    <DiagramSkal hojdPx={Math.max(120, 28 * props.staplar.length + 40)}>
      <JamforelseDiagram {...props} />
    </DiagramSkal>
  );
}
