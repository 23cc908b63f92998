import { investeringsprojektSchema, investeringssammanstallningSchema } from '@tertial/contracts/dto';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { hamtaJsonOmFinns } from '../api/hamta-json.js';

/** GET /api/budget/investeringar?namnd=KOD: the nämnd's projects and the plan's sums. */
const investeringarSchema = z.object({
  projekt: z.array(investeringsprojektSchema),
  sammanstallning: investeringssammanstallningSchema,
});
export type Investeringar = z.infer<typeof investeringarSchema>;

export function useInvesteringar(namnd: string | undefined) {
  return useQuery<Investeringar | null>({
    queryKey: ['investeringar', namnd],
    queryFn: ({ signal }) =>
      hamtaJsonOmFinns(`/api/budget/investeringar?${new URLSearchParams({ namnd: namnd ?? '' }).toString()}`, investeringarSchema, signal),
    enabled: namnd !== undefined,
  });
}
