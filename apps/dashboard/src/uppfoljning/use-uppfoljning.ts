import {
  helarsprognosSchema,
  minaPaminnelserSchema,
  paminnelseSvarSchema,
  type MinaPaminnelser,
  type PaminnelseBegaran,
  type PaminnelseSvar,
  prognosomgangSchema,
  saknadeSchema,
  uppfoljningSchema,
  type HelarsprognosDto,
  type PrognosomgangDto,
  type Saknade,
  type Uppfoljning,
  type UppfoljningNod,
} from '@tertial/contracts/dto';
import { useMutation, useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';

import { anropaApi } from '../api/anrop.js';
import { postaJson } from '../api/posta-json.js';
import { ApiFel, apiFelFranProblem, hamtaJson } from '../api/hamta-json.js';
import { foljSse } from '../live/folj-sse.js';
import { HJARTSLAG } from '../live/totaler-handelse.js';
import type { LiveStatus } from '../live/use-live-totaler.js';
import type { Urval } from '../urval/urval.js';
import { ansvarsnoder } from './ko.js';
import { kanExpanderas } from './trad.js';
import {
  beslutUrl,
  etag,
  minaPaminnelserUrl,
  nodUrl,
  OMGANGAR_URL,
  paminnelserUrl,
  prognoserUrl,
  saknasUrl,
  uppfoljningStreamUrl,
} from './uppfoljning.js';

/** Every query of a round's follow-up starts with this and the round, so the live stream can have them all fetched again. */
const UPPFOLJNING = 'uppfoljning';
const omgangsnyckel = ({ ar, tillfalle }: Urval) => [UPPFOLJNING, ar, tillfalle] as const;

const omgangarSchema = z.array(prognosomgangSchema);
const prognoserSchema = z.array(helarsprognosSchema);

/** The forecast rounds, to choose which one to follow. */
export function useOmgangar() {
  return useQuery<PrognosomgangDto[]>({
    queryKey: [UPPFOLJNING, 'omgangar'],
    queryFn: ({ signal }) => hamtaJson(OMGANGAR_URL, omgangarSchema, signal),
  });
}

function nodFraga(urval: Urval, kod: string) {
  return {
    queryKey: [...omgangsnyckel(urval), 'nod', kod] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => hamtaJson(nodUrl(urval, kod), uppfoljningSchema, signal),
    // Kept while a new figure is fetched, so a live update does not empty the table for a moment.
    placeholderData: (tidigare: Uppfoljning | undefined) => tidigare,
  };
}

/** Nodes of the round with their children, each its own query: the table fetches a node's children when it is expanded. */
export function useNoder(urval: Urval, koder: readonly string[]): UseQueryResult<Uppfoljning, Error>[] {
  return useQueries({ queries: koder.map((kod) => nodFraga(urval, kod)) });
}

/** The ansvar below a node whose forecast is missing, fetched when the list is opened. */
export function useSaknade(urval: Urval, kod: string, oppen: boolean) {
  return useQuery<Saknade>({
    queryKey: [...omgangsnyckel(urval), 'saknas', kod],
    queryFn: ({ signal }) => hamtaJson(saknasUrl(urval, kod), saknadeSchema, signal),
    enabled: oppen,
  });
}

/** Reminds the chefs of a node's missing ansvar; the missing lists are fetched again, to say when each was reminded. */
export function usePaminn(urval: Urval, kod: string) {
  const queryClient = useQueryClient();
  return useMutation<PaminnelseSvar, Error, PaminnelseBegaran>({
    mutationFn: (begaran) => postaJson(paminnelserUrl(urval, kod), begaran, paminnelseSvarSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...omgangsnyckel(urval), 'saknas'] }),
  });
}

/** The reminders the signed-in chef has had in the round, for the forecast page. */
export function useMinaPaminnelser(urval: Urval) {
  return useQuery<MinaPaminnelser>({
    queryKey: [...omgangsnyckel(urval), 'mina-paminnelser'],
    queryFn: ({ signal }) => hamtaJson(minaPaminnelserUrl(urval), minaPaminnelserSchema, signal),
  });
}

/**
 * Every ansvar below the start nodes, with its figures: the tree walked down level by level (a förvaltning is its
 * node and a request per avdelning). For the queue, which needs each klarmarkerad ansvar's budget.
 */
async function ansvarUnder(urval: Urval, koder: readonly string[], signal: AbortSignal): Promise<UppfoljningNod[]> {
  const hittade = new Map<string, UppfoljningNod>();
  let niva = [...koder];
  while (niva.length > 0) {
    const svar = await Promise.all(niva.map((kod) => hamtaJson(nodUrl(urval, kod), uppfoljningSchema, signal)));
    niva = [];
    for (const { nod, barn } of svar) {
      hittade.set(nod.kod, nod);
      for (const barnet of barn) {
        hittade.set(barnet.kod, barnet);
        if (kanExpanderas(barnet)) niva.push(barnet.kod);
      }
    }
  }
  return ansvarsnoder(hittade.values());
}

export interface Kounderlag {
  readonly prognoser: HelarsprognosDto[];
  readonly ansvar: UppfoljningNod[];
}

/** The current forecasts the person sees, and the ansvar of their part of the tree with their budgets. */
export function useKounderlag(urval: Urval, koder: readonly string[], aktiv: boolean) {
  return useQuery<Kounderlag>({
    queryKey: [...omgangsnyckel(urval), 'ko', ...koder],
    queryFn: async ({ signal }) => {
      const [prognoser, ansvar] = await Promise.all([
        hamtaJson(prognoserUrl(urval), prognoserSchema, signal),
        ansvarUnder(urval, koder, signal),
      ]);
      return { prognoser, ansvar };
    },
    enabled: aktiv,
    placeholderData: (tidigare) => tidigare,
  });
}

/** A decision that was refused because the forecast changed since the list was fetched (412), with its current state. */
export class InaktuellPrognos extends ApiFel {
  constructor(
    fel: ApiFel,
    readonly aktuell: HelarsprognosDto | undefined,
  ) {
    super(fel.status, fel.titel, fel.detalj, fel.faltfel);
  }
}

export type Beslut =
  { prognos: HelarsprognosDto; beslut: 'godkann' } | { prognos: HelarsprognosDto; beslut: 'atersand'; kommentar: string };

async function besluta(beslut: Beslut): Promise<HelarsprognosDto> {
  let svar: Response;
  try {
    svar = await anropaApi(beslutUrl(beslut.prognos, beslut.beslut), {
      method: 'POST',
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': 'application/json',
        'if-match': etag(beslut.prognos),
      },
      body: JSON.stringify(beslut.beslut === 'atersand' ? { kommentar: beslut.kommentar } : {}),
    });
  } catch (fel) {
    if (fel instanceof ApiFel) throw fel;
    throw new ApiFel(0, 'Servern svarar inte', 'Kontrollera nätverket och försök igen.');
  }
  const data: unknown = await svar.json().catch(() => undefined);
  if (svar.status === 412) {
    const aktuell = helarsprognosSchema.safeParse((data as { aktuell?: unknown } | undefined)?.aktuell);
    throw new InaktuellPrognos(apiFelFranProblem(412, data), aktuell.success ? aktuell.data : undefined);
  }
  if (!svar.ok) throw apiFelFranProblem(svar.status, data);
  const resultat = helarsprognosSchema.safeParse(data);
  if (!resultat.success) throw new ApiFel(svar.status, 'Servern skickade data i ett oväntat format', undefined);
  return resultat.data;
}

/** The förvaltningsekonom approves a klarmarkerad forecast or sends it back, from the state the queue showed (`If-Match`). */
export function useBesluta(urval: Urval) {
  const queryClient = useQueryClient();
  return useMutation<HelarsprognosDto, Error, Beslut>({
    mutationFn: besluta,
    onSettled: () => queryClient.invalidateQueries({ queryKey: omgangsnyckel(urval) }),
  });
}

/** Refetches come at most this often, however fast the stream says the round changes (a whole city submitting). */
const MINSTA_MELLANRUM_MS = 1_000;

/**
 * Follows the round's stream and has everything the page shows of the round fetched again when it says the figures
 * changed (and after a reconnect, since what changed meanwhile was not announced).
 */
export function useLiveUppfoljning(urval: Urval | undefined): LiveStatus {
  const queryClient = useQueryClient();
  const ar = urval?.ar;
  const tillfalle = urval?.tillfalle;
  const [senaste, setSenaste] = useState<{ nyckel: string; status: LiveStatus }>();
  const nyckel = `${ar}-${tillfalle}`;

  useEffect(() => {
    if (ar === undefined || tillfalle === undefined) return;
    const avbryt = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let senastHamtad = 0;
    const hamtaIgen = () => {
      if (timer) return;
      const vanta = Math.max(0, senastHamtad + MINSTA_MELLANRUM_MS - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        senastHamtad = Date.now();
        void queryClient.invalidateQueries({ queryKey: omgangsnyckel({ ar, tillfalle }) });
      }, vanta);
    };
    const setStatus = (status: LiveStatus) => setSenaste({ nyckel: `${ar}-${tillfalle}`, status });
    void foljSse(
      uppfoljningStreamUrl({ ar, tillfalle }),
      {
        oppnad: () => {
          setStatus('direkt');
          hamtaIgen();
        },
        handelse: (handelse) => {
          if (handelse.typ !== HJARTSLAG) hamtaIgen();
        },
        avbruten: () => setStatus('ateransluter'),
        nekad: () => setStatus('stoppad'),
      },
      avbryt.signal,
    );
    return () => {
      avbryt.abort();
      if (timer) clearTimeout(timer);
    };
  }, [ar, tillfalle, queryClient]);

  return senaste?.nyckel === nyckel ? senaste.status : 'ansluter';
}
