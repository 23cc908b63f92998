import { rapportSchema, type RapportDto } from '@tertial/contracts/dto';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { hamtaJson } from '../api/hamta-json.js';
import { postaJson } from '../api/posta-json.js';
import { faststallUrl, RAPPORTER, RAPPORTER_URL, type NyRapport } from './rapporter.js';

const rapporterSchema = z.array(rapportSchema);

/** The reports the signed-in user may read: the fixed ones, and for the ekonomidirektör the drafts as well. */
export function useRapporter() {
  return useQuery<RapportDto[]>({
    queryKey: [RAPPORTER],
    queryFn: ({ signal }) => hamtaJson(RAPPORTER_URL, rapporterSchema, signal),
  });
}

/** Drafts a report from the current totals (ekonomidirektör only); the list is fetched again afterwards. */
export function useSkapaRapport() {
  const queryClient = useQueryClient();
  return useMutation<RapportDto, Error, NyRapport>({
    mutationFn: (ny) => postaJson(RAPPORTER_URL, ny, rapportSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [RAPPORTER] }),
  });
}

/** Fixes a draft (ekonomidirektör only); a 409 means it already was. The list is fetched again afterwards. */
export function useFaststallRapport() {
  const queryClient = useQueryClient();
  return useMutation<RapportDto, Error, string>({
    mutationFn: (id) => postaJson(faststallUrl(id), undefined, rapportSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [RAPPORTER] }),
  });
}
