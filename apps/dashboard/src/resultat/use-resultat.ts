import { balanskravOversiktSchema, resultatrakningSchema, type BalanskravOversikt, type Resultatrakning } from '@tertial/contracts/dto';
import { useQuery } from '@tanstack/react-query';

import { hamtaJson } from '../api/hamta-json.js';

/** The city's resultaträkning for a year: budget, the rounds' forecasts and the bokslut. */
export function useResultatrakning(ar: number) {
  return useQuery<Resultatrakning>({
    queryKey: ['resultatrakning', ar],
    queryFn: ({ signal }) => hamtaJson(`/api/report/resultatrakning?ar=${ar}`, resultatrakningSchema, signal),
  });
}

/** The year's balanskravsutredningar, the years before with RUR, and the deficits with their restoration. */
export function useBalanskrav(ar: number) {
  return useQuery<BalanskravOversikt>({
    queryKey: ['balanskrav', ar],
    queryFn: ({ signal }) => hamtaJson(`/api/report/balanskrav?ar=${ar}`, balanskravOversiktSchema, signal),
  });
}
