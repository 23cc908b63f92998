import {
  rapportjamforelseSchema,
  rapportversionMedInnehallSchema,
  rapportversionSchema,
  type Exportformat,
  type Rapportjamforelse,
  type Rapporttyp,
  type RapportversionDto,
  type RapportversionMedInnehall,
  type Textblock,
} from '@tertial/contracts/dto';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';

import { anropaApi } from '../../api/anrop.js';
import { hamtaJson } from '../../api/hamta-json.js';
import { postaJson } from '../../api/posta-json.js';
import { ALLA_DOKUMENT_URL, DOKUMENT, dokumentUrl, versionUrl } from './rapportdokument.js';

/** Every version of every report the person may read: where the page opens, and the reports it offers. */
export function useAllaVersioner() {
  return useQuery<RapportversionDto[]>({
    queryKey: [DOKUMENT],
    queryFn: ({ signal }) => hamtaJson(ALLA_DOKUMENT_URL, z.array(rapportversionSchema), signal),
  });
}

export function useVersioner(rapport: Rapporttyp, ar: number) {
  return useQuery<RapportversionDto[]>({
    queryKey: [DOKUMENT, rapport, ar],
    queryFn: ({ signal }) => hamtaJson(`${dokumentUrl(rapport, ar)}/versioner`, z.array(rapportversionSchema), signal),
  });
}

export function useVersion(rapport: Rapporttyp, ar: number, version: number | undefined) {
  return useQuery<RapportversionMedInnehall>({
    queryKey: [DOKUMENT, rapport, ar, version],
    enabled: version !== undefined,
    queryFn: ({ signal }) => hamtaJson(versionUrl(rapport, ar, version!), rapportversionMedInnehallSchema, signal),
  });
}

export function useJamforelse(rapport: Rapporttyp, ar: number, fran: number | undefined, till: number | undefined) {
  return useQuery<Rapportjamforelse>({
    queryKey: [DOKUMENT, rapport, ar, 'jamforelse', fran, till],
    enabled: fran !== undefined && till !== undefined && fran !== till,
    queryFn: ({ signal }) => hamtaJson(`${dokumentUrl(rapport, ar)}/jamforelse?fran=${fran}&till=${till}`, rapportjamforelseSchema, signal),
  });
}

/** A step on a version (create, audit, fix, text): every view of the report is fetched again afterwards. */
export function useDokumentAtgard<T, A>(rapport: Rapporttyp, ar: number, utfor: (argument: A) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation<T, Error, A>({
    mutationFn: utfor,
    // The report's views, and the list of every report (a new draft or a fixed version changes it).
    onSettled: () => queryClient.invalidateQueries({ queryKey: [DOKUMENT] }),
  });
}

export const skapaUtkast = (rapport: Rapporttyp, ar: number) => () =>
  postaJson(`${dokumentUrl(rapport, ar)}/versioner`, undefined, rapportversionSchema);
export const tillGranskning = (rapport: Rapporttyp, ar: number) => (version: number) =>
  postaJson(`${versionUrl(rapport, ar, version)}/granskning`, undefined, rapportversionSchema);
export const faststall = (rapport: Rapporttyp, ar: number) => (version: number) =>
  postaJson(`${versionUrl(rapport, ar, version)}/faststall`, undefined, rapportversionMedInnehallSchema);
export const sparaText =
  (rapport: Rapporttyp, ar: number) =>
  ({ version, sektion, text }: { version: number; sektion: string; text: Textblock[] }) =>
    postaJson(`${versionUrl(rapport, ar, version)}/texter/${sektion}`, { text }, rapportversionMedInnehallSchema, { method: 'PUT' });

export type Filstatus = '' | 'Hämtar filen…' | 'Filen är hämtad.' | 'Det gick inte att hämta filen. Försök igen.';

/** Downloads an export with the access token (a plain link cannot carry it), then hands the file to the browser. */
export function useExport(rapport: Rapporttyp, ar: number) {
  const [status, setStatus] = useState<Filstatus>('');
  const hamta = async (format: Exportformat, version: number) => {
    setStatus('Hämtar filen…');
    try {
      const svar = await anropaApi(`${dokumentUrl(rapport, ar)}/export?format=${format}&version=${version}`);
      if (!svar.ok) return setStatus('Det gick inte att hämta filen. Försök igen.');
      const url = URL.createObjectURL(await svar.blob());
      const lank = document.createElement('a');
      lank.href = url;
      lank.download = `${rapport}-${ar}-v${version}.${format}`;
      lank.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus('Filen är hämtad.');
    } catch {
      setStatus('Det gick inte att hämta filen. Försök igen.');
    }
  };
  return { status, hamta };
}
