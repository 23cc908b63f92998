import {
  koladaImportResultatSchema,
  koladaJamforelseSchema,
  malbedomningSchema,
  malSchema,
  maluppfoljningSchema,
  maluppfyllelseNamndDetaljSchema,
  maluppfyllelseOversiktSchema,
  matvardesserieSchema,
  nyckeltalSchema,
  type BedomMalRequest,
  type KoladaImportResultat,
  type KoladaJamforelseDto,
  type MalbedomningDto,
  type MalDto,
  type MaluppfoljningDto,
  type MaluppfyllelseNamndDetalj,
  type MaluppfyllelseOversikt,
  type MatvardesserieDto,
  type NyckeltalDto,
  type Uppfoljningstillfalle,
} from '@tertial/contracts/dto';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { anropaApi } from '../api/anrop.js';
import { ApiFel, apiFelFranProblem, hamtaJson, hamtaJsonOmFinns } from '../api/hamta-json.js';
import { postaJson } from '../api/posta-json.js';
import { MAL_URL, type Malformularsvar } from './nytt-mal-formular.js';

/** Every query of goals starts with this, so an assessment or an import can have them all fetched again. */
const MAL = 'mal';

const uppfoljningsdel = (ar: number, tillfalle: Uppfoljningstillfalle) => `${ar}/${tillfalle}`;

/** The report service's grid: every nämnd and bolag the person sees, with counts and money, and the city's (none for null). */
export function useMaluppfyllelse(ar: number, tillfalle: Uppfoljningstillfalle | null) {
  return useQuery<MaluppfyllelseOversikt>({
    queryKey: [MAL, 'rapport', ar, tillfalle],
    queryFn: ({ signal }) =>
      hamtaJson(`/api/report/maluppfyllelse/${uppfoljningsdel(ar, tillfalle!)}`, maluppfyllelseOversiktSchema, signal),
    enabled: tillfalle !== null,
  });
}

/** The report service's view of one nämnd (or bolag) at the follow-up: counts, money and inriktning. */
export function useNamndensMaluppfyllelse(ar: number, tillfalle: Uppfoljningstillfalle, kod: string | undefined) {
  return useQuery<MaluppfyllelseNamndDetalj>({
    queryKey: [MAL, 'rapport', ar, tillfalle, kod],
    queryFn: ({ signal }) =>
      hamtaJson(
        `/api/report/maluppfyllelse/${uppfoljningsdel(ar, tillfalle)}/namnder/${encodeURIComponent(kod!)}`,
        maluppfyllelseNamndDetaljSchema,
        signal,
      ),
    enabled: kod !== undefined,
  });
}

/** The goals service's mål of a nämnd at the follow-up, each with its assessment or the proposal as it would be made now. */
export function useMaluppfoljning(ar: number, tillfalle: Uppfoljningstillfalle, namnd: string | undefined) {
  return useQuery<MaluppfoljningDto>({
    queryKey: [MAL, 'uppfoljning', ar, tillfalle, namnd],
    queryFn: ({ signal }) =>
      hamtaJson(
        `/api/goals/uppfoljning/${uppfoljningsdel(ar, tillfalle)}?${new URLSearchParams({ namnd: namnd! }).toString()}`,
        maluppfoljningSchema,
        signal,
      ),
    enabled: namnd !== undefined,
  });
}

const nyckeltalListaSchema = z.array(nyckeltalSchema);

/** The nyckeltal catalogue, by id. */
export function useNyckeltal() {
  return useQuery<NyckeltalDto[], Error, Map<string, NyckeltalDto>>({
    queryKey: [MAL, 'nyckeltal'],
    queryFn: ({ signal }) => hamtaJson('/api/goals/nyckeltal', nyckeltalListaSchema, signal),
    select: (lista) => new Map(lista.map((nyckeltal) => [nyckeltal.id, nyckeltal])),
  });
}

/** A nyckeltal's measurements. */
export function useMatvarden(nyckeltal: string) {
  return useQuery<MatvardesserieDto>({
    queryKey: [MAL, 'matvarden', nyckeltal],
    queryFn: ({ signal }) => hamtaJson(`/api/goals/nyckeltal/${nyckeltal}/matvarden`, matvardesserieSchema, signal),
  });
}

/** The city's and the comparison group's values of a Kolada KPI; null when nothing has been imported for it. */
export function useKoladaJamforelse(kpi: string | null) {
  return useQuery<KoladaJamforelseDto | null>({
    queryKey: [MAL, 'kolada', kpi],
    queryFn: ({ signal }) => hamtaJsonOmFinns(`/api/goals/kolada/jamforelser/${kpi!}`, koladaJamforelseSchema, signal),
    enabled: kpi !== null,
  });
}

/** The processledare's assessment of a mål at a follow-up; the goals service names any bad field. */
export function useBedomMal(ar: number, tillfalle: Uppfoljningstillfalle) {
  const queryClient = useQueryClient();
  return useMutation<MalbedomningDto, Error, { malId: string; request: BedomMalRequest }>({
    mutationFn: ({ malId, request }) =>
      postaJson(`/api/goals/mal/${malId}/bedomningar/${uppfoljningsdel(ar, tillfalle)}`, request, malbedomningSchema, { method: 'PUT' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [MAL, 'uppfoljning'] });
      // The report service hears of it through Kafka a moment later.
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: [MAL, 'rapport'] }), 1_500);
    },
  });
}

/** Sends a Kolada file as it is: a dry run shows what it holds, an import stores it. A refused file lists each error's place. */
export function useKoladaImport() {
  const queryClient = useQueryClient();
  return useMutation<KoladaImportResultat, Error, { fil: File; provkorning: boolean }>({
    mutationFn: async ({ fil, provkorning }) => {
      const url = `/api/goals/kolada/import?${new URLSearchParams({ dryRun: String(provkorning), filnamn: fil.name }).toString()}`;
      let svar: Response;
      try {
        svar = await anropaApi(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
          body: fil,
        });
      } catch (fel) {
        if (fel instanceof ApiFel) throw fel;
        throw new ApiFel(0, 'Servern svarar inte', 'Kontrollera nätverket och försök igen.');
      }
      const data: unknown = await svar.json().catch(() => undefined);
      // A file in the wrong shape is answered 422 with the result and each error's place beside the problem.
      const kandidat = svar.ok ? data : typeof data === 'object' && data !== null && 'resultat' in data ? data.resultat : undefined;
      const resultat = koladaImportResultatSchema.safeParse(kandidat);
      if (resultat.success) return resultat.data;
      throw apiFelFranProblem(svar.status, data);
    },
    onSuccess: (resultat) => {
      if (resultat.status === 'importerad') void queryClient.invalidateQueries({ queryKey: [MAL] });
    },
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
