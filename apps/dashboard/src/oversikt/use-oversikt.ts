import { oversiktSchema, type Oversikt, type OversiktTillfalle } from '@tertial/contracts/dto';
import { useQuery } from '@tanstack/react-query';

import { hamtaJson } from '../api/hamta-json.js';
import { prognosTotalerNyckel } from '../prognos-totaler/use-prognos-totaler.js';

/**
 * The consolidated view of a delårsrapport's round. Its key starts with the totals' key, so the live stream that
 * refreshes the totals refreshes this too.
 */
export function useOversikt(ar: number, tillfalle: OversiktTillfalle) {
  return useQuery<Oversikt>({
    queryKey: [...prognosTotalerNyckel({ ar, tillfalle }), 'oversikt'],
    queryFn: ({ signal }) =>
      hamtaJson(`/api/report/oversikt?${new URLSearchParams({ ar: String(ar), tillfalle }).toString()}`, oversiktSchema, signal),
  });
}
