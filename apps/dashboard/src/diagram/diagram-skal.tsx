import { Suspense, useEffect, useState, type ReactNode } from 'react';

import { Felgrans } from '../sida/felgrans.js';

/** How far below the window a chart starts loading, so that it is drawn by the time it is scrolled to. */
const FORLADDNING = '400px 0px';

/**
 * Whether the returned element has come within FORLADDNING of the window; once it has, it stays true. Without
 * IntersectionObserver (very old browsers) it is true at once.
 */
function useNarSynlig(): [(element: HTMLDivElement | null) => void, boolean] {
  const [synlig, setSynlig] = useState(() => typeof IntersectionObserver === 'undefined');
  const [bunden, setBunden] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    if (synlig || !bunden) return;
    const observer = new IntersectionObserver(
      (poster) => {
        if (poster.some((post) => post.isIntersecting)) setSynlig(true);
      },
      { rootMargin: FORLADDNING },
    );
    observer.observe(bunden);
    return () => observer.disconnect();
  }, [synlig, bunden]);
  return [setBunden, synlig];
}

/**
 * Where a lazily loaded chart goes: space of the chart's height until the chart is near the window and ECharts
 * has arrived, and a sentence instead of the chart if it cannot be drawn. ECharts is the largest part of the
 * dashboard's JavaScript; a chart further down the page is only fetched when the person scrolls towards it.
 * Every chart has a table beside it with all its figures.
 */
export function DiagramSkal({ hojdPx, children }: { hojdPx: number; children: ReactNode }) {
  const [plats, synlig] = useNarSynlig();
  const platshallare = <div className="diagram" style={{ height: hojdPx }} aria-hidden="true" data-testid="diagram-vantar" />;
  return (
    <Felgrans
      reserv={
        <p className="diagram diagram--reserv" data-testid="diagram-saknas">
          Diagrammet kunde inte visas. Alla siffror finns i tabellen.
        </p>
      }
    >
      <div ref={plats}>{synlig ? <Suspense fallback={platshallare}>{children}</Suspense> : platshallare}</div>
    </Felgrans>
  );
}
