import { malSchema, type MalDto, type SkapaMalRequest } from '@tertial/contracts/dto';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { hamtaJson } from '../api/hamta-json.js';
import { postaJson } from '../api/posta-json.js';
import { MAL_URL, malUrl } from './mal.js';

const malListaSchema = z.array(malSchema);

/** Every query of goals starts with this, so a new goal can have them fetched again. */
const MAL = 'mal';

/** The goals of one nämnd, or, without one, all the goals service lets the person see. */
export function useMal(namnd: string | undefined) {
  return useQuery<MalDto[]>({
    queryKey: [MAL, namnd ?? null],
    queryFn: ({ signal }) => hamtaJson(malUrl(namnd), malListaSchema, signal),
  });
}

/** A processledare adds a goal for their nämnd; 409 when it already has three for the year. */
export function useSkapaMal() {
  const queryClient = useQueryClient();
  return useMutation<MalDto, Error, SkapaMalRequest>({
    mutationFn: (request) => postaJson(MAL_URL, request, malSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [MAL] }),
  });
}
