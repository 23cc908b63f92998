import {
  arsbokslutSchema,
  bokslutSchema,
  overforingsreglerSchema,
  prognossakerhetSchema,
  resultatoverforingBeslutSchema,
  type ArsbokslutDto,
  type BokslutDto,
  type OverforingsreglerDto,
  type OverforingsreglerRequest,
  type PrognossakerhetDto,
  type ResultatoverforingBeslutDto,
  type ResultatoverforingBeslutRequest,
} from '@tertial/contracts/dto';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { hamtaJson } from '../api/hamta-json.js';
import { postaJson } from '../api/posta-json.js';
import { BOKSLUT, PROGNOSSAKERHET } from './bokslut.js';

/** GET /api/budget/bokslut/:ar: the year's bokslut, the proposal under the city's rules and KF's decision. */
export function useArsbokslut(ar: number) {
  return useQuery<ArsbokslutDto>({
    queryKey: [BOKSLUT, ar],
    queryFn: ({ signal }) => hamtaJson(`/api/budget/bokslut/${ar}`, arsbokslutSchema, signal),
  });
}

/** Everything the year-end shows moves with a close, a decision or new rules: fetched again after each. */
function useEfterAndring() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: [BOKSLUT] }), queryClient.invalidateQueries({ queryKey: [PROGNOSSAKERHET] })]);
}

export function useStangAr() {
  const efter = useEfterAndring();
  return useMutation<BokslutDto, Error, number>({
    mutationFn: (ar) => postaJson('/api/budget/bokslut', { ar }, bokslutSchema),
    onSettled: efter,
  });
}

export function useBeslutaResultatoverforing(ar: number) {
  const efter = useEfterAndring();
  return useMutation<ResultatoverforingBeslutDto, Error, ResultatoverforingBeslutRequest>({
    mutationFn: (beslut) => postaJson(`/api/budget/bokslut/${ar}/resultatoverforing`, beslut, resultatoverforingBeslutSchema),
    onSettled: efter,
  });
}

export function useSparaRegler() {
  const efter = useEfterAndring();
  return useMutation<OverforingsreglerDto, Error, OverforingsreglerRequest>({
    mutationFn: (regler) => postaJson('/api/budget/bokslut/overforingsregler', regler, overforingsreglerSchema, { method: 'PUT' }),
    onSettled: efter,
  });
}

/** GET /api/report/prognossakerhet?ar= */
export function usePrognossakerhet(ar: number) {
  return useQuery<PrognossakerhetDto>({
    queryKey: [PROGNOSSAKERHET, ar],
    queryFn: ({ signal }) => hamtaJson(`/api/report/prognossakerhet?ar=${ar}`, prognossakerhetSchema, signal),
  });
}
