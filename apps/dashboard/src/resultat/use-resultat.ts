import {
  balanskravOversiktSchema,
  balanskravsutredningSchema,
  finansraderSchema,
  resultatrakningSchema,
  type BalanskravOversikt,
  type Balanskravsjusteringar,
  type BalanskravTillfalle,
  type Balanskravsutredning,
  type Finansrader,
  type FinansraderInmatning,
  type Resultatrakning,
  type ResultatTillfalle,
} from '@tertial/contracts/dto';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';

import { hamtaJson } from '../api/hamta-json.js';
import { postaJson } from '../api/posta-json.js';

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

/** The finance function's lines of a year and tillfälle, to fill the form with. */
export function useFinansrader(ar: number, tillfalle: ResultatTillfalle) {
  return useQuery<Finansrader>({
    queryKey: ['finansrader', ar, tillfalle],
    queryFn: ({ signal }) => hamtaJson(`/api/report/finansrader/${ar}/${tillfalle}`, finansraderSchema, signal),
  });
}

/** Replaces the finance function's lines; the resultaträkning and the balanskrav are read again. */
export function useSparaFinansrader() {
  const queryClient = useQueryClient();
  return useMutation<Finansrader, Error, { ar: number; tillfalle: ResultatTillfalle; inmatning: FinansraderInmatning }>({
    mutationFn: ({ ar, tillfalle, inmatning }) =>
      postaJson(`/api/report/finansrader/${ar}/${tillfalle}`, inmatning, finansraderSchema, { method: 'PUT' }),
    onSettled: (_, __, { ar }) => invalideraAret(queryClient, ar),
  });
}

/** Proposes a year's adjustments and RUR movement; a movement that breaks a rule comes back as an ApiFel naming it. */
export function useSparaJusteringar() {
  const queryClient = useQueryClient();
  return useMutation<Balanskravsutredning, Error, { ar: number; tillfalle: BalanskravTillfalle; justeringar: Balanskravsjusteringar }>({
    mutationFn: ({ ar, tillfalle, justeringar }) =>
      postaJson(`/api/report/balanskrav/${ar}/${tillfalle}/justeringar`, justeringar, balanskravsutredningSchema, { method: 'PUT' }),
    onSettled: (_, __, { ar }) => invalideraAret(queryClient, ar),
  });
}

function invalideraAret(queryClient: QueryClient, ar: number) {
  return Promise.all(
    ['resultatrakning', 'balanskrav', 'finansrader'].map((nyckel) => queryClient.invalidateQueries({ queryKey: [nyckel, ar] })),
  );
}
