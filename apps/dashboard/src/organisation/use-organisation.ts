import { organisationNodeSchema, type OrganisationNode } from '@tertial/contracts/organisation';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';

import { hamtaJson } from '../api/hamta-json.js';
import { datumISverige } from '../format/tidpunkt.js';
import { useInloggning } from '../inloggning/use-inloggning.js';
import { egenNamnd } from './egen-namnd.js';
import { namnderI } from './organisationstrad.js';

const organisationSchema = z.array(organisationNodeSchema);

/** The organisation changes a few times a year; no need to ask again within minutes. */
const ORGANISATION_AKTUELL_MS = 5 * 60_000;

export function organisationUrl(datum: string): string {
  return `/api/budget/organisation?${new URLSearchParams({ datum }).toString()}`;
}

export function organisationCsvUrl(datum: string): string {
  return `/api/budget/organisation/export.csv?${new URLSearchParams({ datum }).toString()}`;
}

/** The organisation tree as it stood on a date, as the budget service's flat list. Keeps the previous date's tree while a new one loads. */
export function useOrganisation(datum: string) {
  return useQuery<OrganisationNode[]>({
    queryKey: ['organisation', datum],
    queryFn: ({ signal }) => hamtaJson(organisationUrl(datum), organisationSchema, signal),
    placeholderData: keepPreviousData,
    staleTime: ORGANISATION_AKTUELL_MS,
  });
}

/**
 * Today's nämnder, to choose between, and their names by code; and the signed-in person's own nämnd (the one
 * above the part of the organisation they answer for), which pages choose until the reader chooses another.
 */
export function useNamnder() {
  const fraga = useOrganisation(datumISverige(new Date()));
  const { anvandare } = useInloggning();
  const { data } = fraga;
  const namnder = useMemo(() => (data ? namnderI(data) : undefined), [data]);
  const namnPaKod = useMemo(() => new Map((data ?? []).map((node) => [node.kod, node.namn])), [data]);
  const organisation = anvandare?.organisation;
  const egen = useMemo(() => (data && organisation ? egenNamnd(data, organisation) : undefined), [data, organisation]);
  return { ...fraga, namnder, namnPaKod, egenNamnd: egen };
}

/**
 * The nämnder whose budget and investment plan the reader may read, as the budget service allows: every one
 * for the ekonomidirektör (`helaStaden`), their own for a förvaltningsekonom. A page offers only these, so it
 * never asks for what would be refused.
 */
export function useNamnderMedBudget() {
  const { anvandare } = useInloggning();
  const fraga = useNamnder();
  const helaStaden = (anvandare?.roller ?? []).includes('ekonomidirektor');
  const { namnder, egenNamnd: egen } = fraga;
  const lasbara = useMemo(
    () => (helaStaden || !namnder ? namnder : namnder.filter((namnd) => namnd.kod === egen)),
    [helaStaden, namnder, egen],
  );
  return { ...fraga, namnder: lasbara, helaStaden };
}
