import {
  internbudgetSchema,
  resursfordelningarSchema,
  resursfordelningSchema,
  versionsjamforelseSchema,
  type InternbudgetDto,
  type ResursfordelningDto,
  type VersionsjamforelseDto,
} from '@tertial/contracts/dto';
import type { Ore } from '@tertial/contracts/money';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';

import { hamtaJson, hamtaJsonOmFinns } from '../api/hamta-json.js';

function namndUrl(namnd: string, vad: string, ar: number): string {
  return `/api/budget/namnder/${encodeURIComponent(namnd)}/${vad}?${new URLSearchParams({ ar: String(ar) }).toString()}`;
}

/**
 * A nämnd's frame for a year in the resursfördelningsmodell's seven steps; null before it has been computed. Asks
 * first which nämnder have one, so a year without inputs costs no failed request.
 */
export function useResursfordelning(namnd: string | undefined, ar: number) {
  const finns = useQuery({
    queryKey: ['resursfordelningar', ar],
    queryFn: ({ signal }) =>
      hamtaJson(`/api/budget/resursfordelningar?${new URLSearchParams({ ar: String(ar) }).toString()}`, resursfordelningarSchema, signal),
  });
  const harUnderlag = namnd !== undefined && finns.data?.namnder.includes(namnd) === true;
  const detalj = useQuery<ResursfordelningDto | null>({
    queryKey: ['resursfordelning', namnd, ar],
    queryFn: ({ signal }) => hamtaJsonOmFinns(namndUrl(namnd ?? '', 'resursfordelning', ar), resursfordelningSchema, signal),
    enabled: harUnderlag,
  });
  if (!harUnderlag && finns.data) return { data: null, error: null, isPending: false, refetch: finns.refetch };
  return {
    data: detalj.data,
    error: finns.error ?? detalj.error,
    isPending: finns.isPending || (harUnderlag && detalj.isPending),
    refetch: finns.isError ? finns.refetch : detalj.refetch,
  };
}

/** How a nämnd has distributed its frame down its tree; null before the internbudget is decided. */
export function useInternbudget(namnd: string | undefined, ar: number) {
  return useQuery<InternbudgetDto | null>({
    queryKey: ['internbudget', namnd, ar],
    queryFn: ({ signal }) => hamtaJsonOmFinns(namndUrl(namnd ?? '', 'internbudget', ar), internbudgetSchema, signal),
    enabled: namnd !== undefined,
  });
}

/** The year's decided budget versions side by side, per nämnd. */
export function useBudgetversioner(ar: number) {
  return useQuery<VersionsjamforelseDto | null>({
    queryKey: ['budgetversioner', ar],
    queryFn: ({ signal }) =>
      hamtaJsonOmFinns(
        `/api/budget/budgetversioner?${new URLSearchParams({ ar: String(ar) }).toString()}`,
        versionsjamforelseSchema,
        signal,
      ),
  });
}

/**
 * The budget of every ansvar (its internbudget's net) in the given nämnder, for those who may read
 * internbudgetar (a förvaltningsekonom sees their förvaltning's part). Empty while loading or where none is decided.
 */
export function useAnsvarsbudgetar(namnder: readonly string[], ar: number, far: boolean): ReadonlyMap<string, Ore> {
  return useQueries({
    queries: namnder.map((namnd) => ({
      queryKey: ['internbudget', namnd, ar],
      queryFn: ({ signal }: { signal: AbortSignal }) => hamtaJsonOmFinns(namndUrl(namnd, 'internbudget', ar), internbudgetSchema, signal),
      enabled: far,
    })),
    combine: ansvarsbudgetar,
  });
}

/** Module-level, so React Query builds the map again only when some internbudget has changed. */
function ansvarsbudgetar(fragor: readonly UseQueryResult<InternbudgetDto | null>[]): ReadonlyMap<string, Ore> {
  return new Map(
    fragor.flatMap((fraga) =>
      (fraga.data?.noder ?? []).filter((nod) => nod.niva === 'enhet').map((nod) => [nod.kod, nod.nettokostnadOre] as const),
    ),
  );
}
