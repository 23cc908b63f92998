import {
  helarsprognosSchema,
  kommentarstroskelSchema,
  prognosomgangSchema,
  type HelarsprognosAdress,
  type HelarsprognosDto,
  type KommentarstroskelDto,
  type PrognosomgangDto,
} from '@tertial/contracts/dto';
import { organisationNodeSchema } from '@tertial/contracts/organisation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { hamtaJson } from '../api/hamta-json.js';
import { postaJson } from '../api/posta-json.js';
import type { Urval } from '../urval/urval.js';
import { ANSVAR_URL, etagFor, granskningUrl, OMGANGAR_URL, prognoserUrl, stangOmgangUrl, type Ansvar } from './helarsprognoser.js';
import { forlangOmgangUrl, KOMMENTARSTROSKEL_URL, type AndraKommentarstroskel, type OppnaOmgang } from './omgangsadministration.js';

const ansvarSchema = z.array(organisationNodeSchema.extend({ eget: z.boolean() }));
const omgangarSchema = z.array(prognosomgangSchema);
const prognoserSchema = z.array(helarsprognosSchema);

/** Every query of forecasts starts with this, so a submission or a decision can have them fetched again. */
const HELARSPROGNOSER = 'helarsprognoser';
const OMGANGAR = 'prognosomgangar';
const KOMMENTARSTROSKEL = 'kommentarstroskel';

/** The organisation changes a few times a year. */
const ANSVAR_AKTUELLA_MS = 5 * 60_000;

/** The ansvar the signed-in person sees, and which of them are their own. */
export function useAnsvar() {
  return useQuery<Ansvar[]>({
    queryKey: ['prognos-ansvar'],
    queryFn: ({ signal }) => hamtaJson(ANSVAR_URL, ansvarSchema, signal),
    staleTime: ANSVAR_AKTUELLA_MS,
  });
}

export function useOmgangar() {
  return useQuery<PrognosomgangDto[]>({
    queryKey: [OMGANGAR],
    queryFn: ({ signal }) => hamtaJson(OMGANGAR_URL, omgangarSchema, signal),
  });
}

/** The current forecast per ansvar for a round, within what the person sees. */
export function useHelarsprognoser(urval: Urval | undefined) {
  return useQuery<HelarsprognosDto[]>({
    queryKey: [HELARSPROGNOSER, urval?.ar, urval?.tillfalle],
    queryFn: ({ signal }) => hamtaJson(prognoserUrl(urval!), prognoserSchema, signal),
    enabled: urval !== undefined,
  });
}

export type Beslut =
  { prognos: HelarsprognosDto; beslut: 'godkann' } | { prognos: HelarsprognosDto; beslut: 'atersand'; kommentar: string };

/** A förvaltningsekonom approves a forecast or sends it back with a comment. */
export function useGranska() {
  const queryClient = useQueryClient();
  return useMutation<HelarsprognosDto, Error, Beslut>({
    mutationFn: (beslut) =>
      postaJson(
        granskningUrl(beslut.prognos, beslut.beslut),
        beslut.beslut === 'godkann' ? {} : { kommentar: beslut.kommentar },
        helarsprognosSchema,
        { headers: { 'if-match': etagFor(beslut.prognos) ?? '*' } },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [HELARSPROGNOSER] }),
  });
}

/** The ekonomidirektör opens (or reopens) a round, with its deadline and, for a månadsprognos, its nämnder. */
export function useOppnaOmgang() {
  const queryClient = useQueryClient();
  return useMutation<PrognosomgangDto, Error, OppnaOmgang>({
    mutationFn: (begaran) => postaJson(OMGANGAR_URL, begaran, prognosomgangSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [OMGANGAR] }),
  });
}

/** The ekonomidirektör moves an open round's deadline later. */
export function useForlangOmgang() {
  const queryClient = useQueryClient();
  return useMutation<PrognosomgangDto, Error, { omgang: Urval; deadline: string }>({
    mutationFn: ({ omgang, deadline }) => postaJson(forlangOmgangUrl(omgang), { deadline }, prognosomgangSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [OMGANGAR] }),
  });
}

/** The ekonomidirektör closes a round: no more forecasts or decisions until it is opened again. */
export function useStangOmgang() {
  const queryClient = useQueryClient();
  return useMutation<PrognosomgangDto, Error, Urval>({
    mutationFn: (urval) => postaJson(stangOmgangUrl(urval), undefined, prognosomgangSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [OMGANGAR] }),
  });
}

/**
 * The ekonomidirektör reopens one ansvar of a closed round with a reason: its forecast goes back to the chef
 * (undefined when the ansvar had none: 204, the chef may start).
 */
export function useAteroppna() {
  const queryClient = useQueryClient();
  return useMutation<
    HelarsprognosDto | undefined,
    Error,
    { adress: HelarsprognosAdress; prognos: HelarsprognosDto | undefined; kommentar: string }
  >({
    mutationFn: ({ adress, prognos, kommentar }) =>
      postaJson(granskningUrl(adress, 'ateroppna'), { kommentar }, helarsprognosSchema.optional(), {
        headers: { 'if-match': etagFor(prognos) ?? '*' },
      }),
    // The round lists the ansvar opened again, which lets their chef back into the form.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [HELARSPROGNOSER] }),
        queryClient.invalidateQueries({ queryKey: [OMGANGAR] }),
      ]),
  });
}

/** The city's threshold for a required comment on a forecast's deviation. */
export function useKommentarstroskel(aktiv = true) {
  return useQuery<KommentarstroskelDto>({
    queryKey: [KOMMENTARSTROSKEL],
    queryFn: ({ signal }) => hamtaJson(KOMMENTARSTROSKEL_URL, kommentarstroskelSchema, signal),
    enabled: aktiv,
  });
}

/** The ekonomidirektör changes the threshold (audited by the service). */
export function useAndraKommentarstroskel() {
  const queryClient = useQueryClient();
  return useMutation<KommentarstroskelDto, Error, AndraKommentarstroskel>({
    mutationFn: (troskel) => postaJson(KOMMENTARSTROSKEL_URL, troskel, kommentarstroskelSchema, { method: 'PUT' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [KOMMENTARSTROSKEL] }),
  });
}
