import { prognosTotalerSchema, type PrognosTotaler } from '@tertial/contracts/dto';
import { useQuery } from '@tanstack/react-query';

import { hamtaJson } from '../api/hamta-json.js';
import type { Urval } from '../urval/urval.js';

/** Every query of the totals starts with this, so the live stream can invalidate one urval or all of them. */
export const PROGNOS_TOTALER = 'prognos-totaler';

export function prognosTotalerNyckel(urval: Urval) {
  return [PROGNOS_TOTALER, urval.ar, urval.tillfalle] as const;
}

function urvalsparametrar(urval: Urval): string {
  return new URLSearchParams({ ar: String(urval.ar), tillfalle: urval.tillfalle }).toString();
}

export function prognosTotalerUrl(urval: Urval): string {
  return `/api/report/prognos-totaler?${urvalsparametrar(urval)}`;
}

export function prognosTotalerStreamUrl(urval: Urval): string {
  return `/api/report/prognos-totaler/stream?${urvalsparametrar(urval)}`;
}

/** The city's and each nämnd's current helårsprognos for the chosen year and tillfälle, validated against the contract. */
export function usePrognosTotaler(urval: Urval) {
  return useQuery<PrognosTotaler>({
    queryKey: prognosTotalerNyckel(urval),
    queryFn: ({ signal }) => hamtaJson(prognosTotalerUrl(urval), prognosTotalerSchema, signal),
  });
}
