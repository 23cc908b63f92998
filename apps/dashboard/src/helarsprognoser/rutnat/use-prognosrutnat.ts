import {
  helarsprognosSchema,
  helarsprognosUnderlagSchema,
  prognosversionsjamforelseSchema,
  verksamhetsbudgetSchema,
  type HelarsprognosAdress,
  type HelarsprognosDto,
  type HelarsprognosUnderlag,
  type Prognosversionsjamforelse,
  type SparaHelarsprognosRequest,
  type VerksamhetsbudgetDto,
  type VerksamhetsbudgetRequest,
} from '@tertial/contracts/dto';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { anropaApi } from '../../api/anrop.js';
import { ApiFel, apiFelFranProblem, hamtaJson } from '../../api/hamta-json.js';
import { prognosUrl } from '../helarsprognoser.js';

/** Under the key the forecast list uses, so a save or a decision anywhere has both fetched again. */
const HELARSPROGNOSER = 'helarsprognoser';
const VERKSAMHETSBUDGET = 'verksamhetsbudget';

/** A saved version and the ETag to send with the next change (`"<version>-<andring>"`). */
export interface Versionslage {
  readonly prognos: HelarsprognosDto | null;
  /** `*` before the first version. */
  readonly etag: string;
}

/** The forecast changed since it was read (412): the current version as the server has it. */
export class Konflikt extends Error {
  override readonly name = 'Konflikt';
  constructor(readonly aktuell: Versionslage) {
    super('Någon har sparat en nyare version');
  }
}

const nycklar = {
  underlag: (adress: HelarsprognosAdress) => [HELARSPROGNOSER, 'rutnat', adress.ansvar, adress.ar, adress.tillfalle, 'underlag'],
  aktuell: (adress: HelarsprognosAdress) => [HELARSPROGNOSER, 'rutnat', adress.ansvar, adress.ar, adress.tillfalle, 'aktuell'],
  versioner: (adress: HelarsprognosAdress) => [HELARSPROGNOSER, 'rutnat', adress.ansvar, adress.ar, adress.tillfalle, 'versioner'],
};

export function useUnderlag(adress: HelarsprognosAdress) {
  return useQuery<HelarsprognosUnderlag>({
    queryKey: nycklar.underlag(adress),
    queryFn: ({ signal }) => hamtaJson(`${prognosUrl(adress)}/underlag`, helarsprognosUnderlagSchema, signal),
  });
}

/** The current version with its ETag; no version (404) before the first save. */
export function useAktuellVersion(adress: HelarsprognosAdress) {
  return useQuery<Versionslage>({
    queryKey: nycklar.aktuell(adress),
    queryFn: async ({ signal }) => {
      const svar = await anropaApi(prognosUrl(adress), { headers: { accept: 'application/json' }, signal });
      if (svar.status === 404) return { prognos: null, etag: '*' };
      const data: unknown = await svar.json().catch(() => undefined);
      if (!svar.ok) throw apiFelFranProblem(svar.status, data);
      const prognos = helarsprognosSchema.parse(data);
      return { prognos, etag: svar.headers.get('etag') ?? `"${prognos.version}-${prognos.andring}"` };
    },
    // The grid works from the version it read; a newer one is found by the save's If-Match, not by refetching under the chef.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useVersioner(adress: HelarsprognosAdress, aktiv = true) {
  return useQuery<HelarsprognosDto[]>({
    queryKey: nycklar.versioner(adress),
    queryFn: ({ signal }) => hamtaJson(`${prognosUrl(adress)}/versioner`, z.array(helarsprognosSchema), signal),
    enabled: aktiv,
  });
}

export function useJamforelse(adress: HelarsprognosAdress, fran: number | undefined, till: number | undefined) {
  return useQuery<Prognosversionsjamforelse>({
    queryKey: [...nycklar.versioner(adress), 'jamfor', fran, till],
    queryFn: ({ signal }) => hamtaJson(`${prognosUrl(adress)}/versioner/${fran}/jamfor/${till}`, prognosversionsjamforelseSchema, signal),
    enabled: fran !== undefined && till !== undefined && fran !== till,
  });
}

/**
 * Saves a new version over the one read (`If-Match`, `*` for the first). A 412 becomes a {@link Konflikt} carrying the
 * current version from the answer's `aktuell`; any other refusal an ApiFel naming its fields.
 */
export async function sparaVersion(
  adress: HelarsprognosAdress,
  begaran: SparaHelarsprognosRequest,
  ifMatch: string,
): Promise<Versionslage> {
  let svar: Response;
  try {
    svar = await anropaApi(prognosUrl(adress), {
      method: 'PUT',
      headers: { accept: 'application/json, application/problem+json', 'content-type': 'application/json', 'if-match': ifMatch },
      body: JSON.stringify(begaran),
    });
  } catch (fel) {
    if (fel instanceof ApiFel) throw fel;
    throw new ApiFel(0, 'Servern svarar inte', 'Kontrollera nätverket och försök igen.');
  }
  const data: unknown = await svar.json().catch(() => undefined);
  if (svar.status === 412) {
    const konflikt = z.object({ aktuell: helarsprognosSchema.nullable(), etag: z.string().nullable() }).safeParse(data);
    if (konflikt.success) {
      const { aktuell, etag } = konflikt.data;
      throw new Konflikt({ prognos: aktuell, etag: etag ?? (aktuell ? `"${aktuell.version}-${aktuell.andring}"` : '*') });
    }
  }
  if (!svar.ok) throw apiFelFranProblem(svar.status, data);
  const prognos = helarsprognosSchema.parse(data);
  return { prognos, etag: svar.headers.get('etag') ?? `"${prognos.version}-${prognos.andring}"` };
}

/** After a save: the grid's own version is what the PUT answered; the list, the history and the underlag are fetched again. */
export function useEfterSparning(adress: HelarsprognosAdress) {
  const queryClient = useQueryClient();
  return (lage: Versionslage) => {
    queryClient.setQueryData(nycklar.aktuell(adress), lage);
    void queryClient.invalidateQueries({
      queryKey: [HELARSPROGNOSER],
      predicate: (query) => query.queryKey[query.queryKey.length - 1] !== 'aktuell',
    });
  };
}

// --- The verksamhetsbudget ---------------------------------------------------------------------------------

export function verksamhetsbudgetUrl(ansvar: string, ar: number): string {
  return `/api/budget/verksamhetsbudgetar/${encodeURIComponent(ansvar)}/${ar}`;
}

export function useVerksamhetsbudget(ansvar: string, ar: number) {
  return useQuery<VerksamhetsbudgetDto>({
    queryKey: [VERKSAMHETSBUDGET, ansvar, ar],
    queryFn: ({ signal }) => hamtaJson(verksamhetsbudgetUrl(ansvar, ar), verksamhetsbudgetSchema, signal),
    refetchOnWindowFocus: false,
  });
}

/** A verksamhetsbudget someone else saved after this one was read (412): the form keeps the chef's figures. */
export class NyareVerksamhetsbudget extends Error {
  override readonly name = 'NyareVerksamhetsbudget';
  constructor(readonly aktuell: VerksamhetsbudgetDto) {
    super('Någon har sparat en nyare version');
  }
}

/**
 * Saves over the version read (its `etag` as `If-Match`). A 412 puts the current one in the cache, so the next save
 * is over it, and throws `NyareVerksamhetsbudget` for the form to say who saved it and when.
 */
export function useSparaVerksamhetsbudget(ansvar: string, ar: number) {
  const queryClient = useQueryClient();
  return async (begaran: VerksamhetsbudgetRequest, etag: string): Promise<VerksamhetsbudgetDto> => {
    let svar: Response;
    try {
      svar = await anropaApi(verksamhetsbudgetUrl(ansvar, ar), {
        method: 'PUT',
        headers: { accept: 'application/json, application/problem+json', 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify(begaran),
      });
    } catch (fel) {
      if (fel instanceof ApiFel) throw fel;
      throw new ApiFel(0, 'Servern svarar inte', 'Kontrollera nätverket och försök igen.');
    }
    const data: unknown = await svar.json().catch(() => undefined);
    if (svar.status === 412) {
      const konflikt = z.object({ aktuell: verksamhetsbudgetSchema }).safeParse(data);
      if (konflikt.success) {
        queryClient.setQueryData([VERKSAMHETSBUDGET, ansvar, ar], konflikt.data.aktuell);
        throw new NyareVerksamhetsbudget(konflikt.data.aktuell);
      }
    }
    if (!svar.ok) throw apiFelFranProblem(svar.status, data);
    const sparad = verksamhetsbudgetSchema.parse(data);
    queryClient.setQueryData([VERKSAMHETSBUDGET, ansvar, ar], sparad);
    // The forecast's budget column comes from it, through budget's event: fetched again once it may have arrived.
    void queryClient.invalidateQueries({ queryKey: [HELARSPROGNOSER, 'rutnat', ansvar, ar] });
    return sparad;
  };
}
