import { rapportSchema, type RapportDto } from '@tertial/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { anropaApi } from '../api/anrop.js';
import { ApiFel, apiFelFranProblem, hamtaJson } from '../api/hamta-json.js';
import { faststallUrl, RAPPORTER, RAPPORTER_URL, type NyRapport } from './rapporter.js';

const rapporterSchema = z.array(rapportSchema);

/** The reports the signed-in user may read: the fixed ones, and for the ekonomidirektör the drafts as well. */
export function useRapporter() {
  return useQuery<RapportDto[]>({
    queryKey: [RAPPORTER],
    queryFn: ({ signal }) => hamtaJson(RAPPORTER_URL, rapporterSchema, signal),
  });
}

/** POSTs to the report service and reads the report it answers with; a problem+json answer becomes an ApiFel. */
async function postaRapport(url: string, body?: unknown): Promise<RapportDto> {
  let svar: Response;
  try {
    svar = await anropaApi(url, {
      method: 'POST',
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (fel) {
    if (fel instanceof ApiFel) throw fel;
    throw new ApiFel(0, 'Servern svarar inte', 'Kontrollera nätverket och försök igen.');
  }
  const data: unknown = await svar.json().catch(() => undefined);
  if (!svar.ok) throw apiFelFranProblem(svar.status, data);
  const resultat = rapportSchema.safeParse(data);
  if (!resultat.success) {
    console.error(`Oväntat svar från ${url}`, resultat.error.issues);
    throw new ApiFel(svar.status, 'Servern skickade data i ett oväntat format', undefined);
  }
  return resultat.data;
}

/** Drafts a report from the current totals (ekonomidirektör only); the list is fetched again afterwards. */
export function useSkapaRapport() {
  const queryClient = useQueryClient();
  return useMutation<RapportDto, Error, NyRapport>({
    mutationFn: (ny) => postaRapport(RAPPORTER_URL, ny),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [RAPPORTER] }),
  });
}

/** Fixes a draft (ekonomidirektör only); a 409 means it already was. The list is fetched again afterwards. */
export function useFaststallRapport() {
  const queryClient = useQueryClient();
  return useMutation<RapportDto, Error, string>({
    mutationFn: (id) => postaRapport(faststallUrl(id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [RAPPORTER] }),
  });
}
