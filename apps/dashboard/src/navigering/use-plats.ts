import { useLocation } from '@tanstack/react-router';
import { useMemo } from 'react';

/** The path of the page shown, `/budget`; follows navigation and the back button. */
export function useSokvag(): string {
  return useLocation({ select: (plats) => plats.pathname });
}

/** The current query string, `?ar=2026`; follows navigation and the back button. */
export function useSearch(): string {
  return useLocation({ select: (plats) => plats.searchStr });
}

/** One parameter of the query string, or null when it is not there. */
export function useSokparameter(namn: string): string | null {
  const search = useSearch();
  return useMemo(() => new URLSearchParams(search).get(namn), [search, namn]);
}
