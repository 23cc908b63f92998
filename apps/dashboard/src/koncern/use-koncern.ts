import {
  bolagsbudgetSchema,
  bolagsprognosSchema,
  koncerninternImportResultatSchema,
  koncerninterntBeloppSchema,
  koncernoversiktSchema,
  type Bolagsbudget,
  type Bolagsprognos,
  type KoncerninternImportResultat,
  type KoncerninterntBelopp,
  type Koncernoversikt,
} from '@tertial/contracts/dto';
import type { Prognostillfalle } from '@tertial/contracts/prognos';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { anropaApi } from '../api/anrop.js';
import { apiFelFranProblem, hamtaJson } from '../api/hamta-json.js';
import { postaJson } from '../api/posta-json.js';
import { bolagsbudgetUrl, bolagsprognosUrl, bolagsprognoserUrl, INTERNA_URL, internaUrl, KONCERN, koncernUrl } from './koncern.js';

export function useKoncern(ar: number, tillfalle: Prognostillfalle) {
  return useQuery<Koncernoversikt>({
    queryKey: [KONCERN, 'oversikt', ar, tillfalle],
    queryFn: ({ signal }) => hamtaJson(koncernUrl(ar, tillfalle), koncernoversiktSchema, signal),
  });
}

export function useInterna(ar: number) {
  return useQuery<KoncerninterntBelopp[]>({
    queryKey: [KONCERN, 'interna', ar],
    queryFn: ({ signal }) => hamtaJson(internaUrl(ar), z.array(koncerninterntBeloppSchema), signal),
  });
}

export interface NyttInterntBelopp {
  ar: number;
  saljare: string;
  kopare: string;
  slag: string;
  belopp: string;
}

export function useSparaInternt() {
  const queryClient = useQueryClient();
  return useMutation<KoncerninterntBelopp, Error, NyttInterntBelopp>({
    mutationFn: (post) => postaJson(INTERNA_URL, post, koncerninterntBeloppSchema, { method: 'PUT' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [KONCERN] }),
  });
}

/** A CSV of intra-group amounts, tried first (dryRun) or imported. */
export function useImporteraInterna() {
  const queryClient = useQueryClient();
  return useMutation<KoncerninternImportResultat, Error, { text: string; dryRun: boolean }>({
    mutationFn: async ({ text, dryRun }) => {
      const svar = await anropaApi(`${INTERNA_URL}/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'application/json, application/problem+json' },
        body: text,
      });
      const data: unknown = await svar.json().catch(() => undefined);
      if (!svar.ok) throw apiFelFranProblem(svar.status, data);
      return koncerninternImportResultatSchema.parse(data);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [KONCERN] }),
  });
}

export function useBolagsprognoser(ar: number) {
  return useQuery<Bolagsprognos[]>({
    queryKey: [KONCERN, 'bolagsprognoser', ar],
    queryFn: ({ signal }) => hamtaJson(bolagsprognoserUrl(ar), z.array(bolagsprognosSchema), signal),
  });
}

export function useBolagsbudgetar(ar: number) {
  return useQuery<Bolagsbudget[]>({
    queryKey: [KONCERN, 'bolagsbudget', ar],
    queryFn: ({ signal }) => hamtaJson(bolagsbudgetUrl(ar), z.array(bolagsbudgetSchema), signal),
  });
}

export interface NyBolagsprognos {
  bolag: string;
  ar: number;
  tillfalle: Prognostillfalle;
  intakter: string;
  kostnader: string;
  resultatEfterFinansiellaPoster: string;
  investeringar: string;
  kommentar: string;
}

export function useSparaBolagsprognos() {
  const queryClient = useQueryClient();
  return useMutation<Bolagsprognos, Error, NyBolagsprognos>({
    mutationFn: ({ bolag, ar, tillfalle, ...rest }) =>
      postaJson(bolagsprognosUrl(bolag, ar, tillfalle), rest, bolagsprognosSchema, { method: 'PUT' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [KONCERN] }),
  });
}
