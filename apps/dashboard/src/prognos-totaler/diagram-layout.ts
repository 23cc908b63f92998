import { namndstaplarHojdPx } from '@tertial/diagram';
import { useSyncExternalStore } from 'react';

/** Below this the names no longer fit beside the bars and go above them instead. */
const SMAL_SKARM = '(max-width: 36rem)';

/** The chart's height grows with the number of nämnder so every bar keeps a readable row. */
export function diagramHojdPx(antalNamnder: number, smal: boolean): number {
  return namndstaplarHojdPx(antalNamnder, smal);
}

function prenumerera(notifiera: () => void): () => void {
  const fraga = window.matchMedia(SMAL_SKARM);
  fraga.addEventListener('change', notifiera);
  return () => fraga.removeEventListener('change', notifiera);
}

/** Whether the screen is narrow (a phone held upright, or a desktop zoomed to 400 %). */
export function useSmalSkarm(): boolean {
  return useSyncExternalStore(prenumerera, () => window.matchMedia(SMAL_SKARM).matches);
}
