import { useSyncExternalStore } from 'react';

/** The width below which the styles lay pages out for a phone (`@media (max-width: 30rem)` in styles.css). */
const SMAL = '(max-width: 30rem)';

function prenumerera(andrad: () => void): () => void {
  const fraga = window.matchMedia(SMAL);
  fraga.addEventListener('change', andrad);
  return () => fraga.removeEventListener('change', andrad);
}

/** Whether the window is as narrow as a phone's, following it as it changes. */
export function useSmalSkarm(): boolean {
  return useSyncExternalStore(
    prenumerera,
    () => window.matchMedia(SMAL).matches,
    () => false,
  );
}
