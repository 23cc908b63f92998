import { malSchema, nyckeltalSchema, type MalDto } from '@tertial/contracts/dto';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { hamtaJson } from '../api/hamta-json.js';
import { postaJson } from '../api/posta-json.js';
import { MAL_URL, malUrl, type Malformularsvar } from './mal.js';

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

/**
 * A processledare adds a goal for their nämnd; 409 when it already has three active. A nyckeltal from the form goes
 * into the catalogue first; without one the goal is followed up by professionell bedömning. (Until the goals page
 * asks for KF's decision, the decision is dated today.)
 */
export function useSkapaMal() {
  const queryClient = useQueryClient();
  return useMutation<MalDto, Error, Malformularsvar>({
    mutationFn: async ({ nyckeltal, ...mal }) => {
      const idag = new Date().toISOString().slice(0, 10);
      const nytt = nyckeltal
        ? await postaJson(
            '/api/goals/nyckeltal',
            {
              namn: nyckeltal.namn,
              enhet: nyckeltal.enhet,
              riktning: nyckeltal.riktning,
              kalla: 'Egen mätning',
              utgangsvarde: { ar: new Date().getFullYear(), varde: nyckeltal.utgangsvarde },
              malvarden: [{ ar: mal.ar, varde: nyckeltal.malvarde }],
            },
            nyckeltalSchema,
          )
        : null;
      return postaJson(
        MAL_URL,
        { ...mal, nyckeltal: nytt ? [nytt.id] : [], professionellBedomning: !nytt, beslut: { datum: idag } },
        malSchema,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [MAL] }),
  });
}
