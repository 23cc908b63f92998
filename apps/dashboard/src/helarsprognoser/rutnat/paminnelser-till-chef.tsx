import { RAKNAS_STATUSAR, type MinaPaminnelser } from '@tertial/contracts/dto';
import { useId } from 'react';

import { formatTidpunkt } from '../../format/tidpunkt.js';
import { useMinaPaminnelser } from '../../uppfoljning/use-uppfoljning.js';
import type { Urval } from '../../urval/urval.js';
import type { Ansvarsrad } from '../helarsprognoser.js';

/** A forecast still missing from the round: not handed in, or an utkast, or sent back. */
const saknas = (rad: Ansvarsrad) => !rad.prognos || !(RAKNAS_STATUSAR as readonly string[]).includes(rad.prognos.status);

type Paminnelse = MinaPaminnelser['paminnelser'][number];

/**
 * The newest reminder of each of the chef's ansvar still missing from the round, one entry per reminder sent (the
 * same sender, time and words): the ansvar it named, who sent it, when, and the words. Newest first.
 */
export function paminnelserAttVisa(paminnelser: readonly Paminnelse[], saknade: ReadonlyMap<string, string>) {
  const sedda = new Set<string>();
  const utskick = new Map<string, { av: string; at: string; meddelande: string | null; ansvar: { kod: string; namn: string }[] }>();
  for (const paminnelse of paminnelser) {
    const namn = saknade.get(paminnelse.ansvar);
    if (namn === undefined || sedda.has(paminnelse.ansvar)) continue;
    sedda.add(paminnelse.ansvar);
    const nyckel = JSON.stringify([paminnelse.at, paminnelse.av, paminnelse.meddelande]);
    const post = utskick.get(nyckel) ?? { av: paminnelse.av, at: paminnelse.at, meddelande: paminnelse.meddelande, ansvar: [] };
    post.ansvar.push({ kod: paminnelse.ansvar, namn });
    utskick.set(nyckel, post);
  }
  return [...utskick.values()];
}

/**
 * The reminders the chef has had about this round (from the missing lists of those who follow it), for the ansvar
 * whose forecast is still missing. Nothing once every one is handed in, or when there are none. A failure to fetch
 * them shows nothing: the forecast page works without.
 */
export function PaminnelserTillChef({ omgang, egna }: { omgang: Urval; egna: readonly Ansvarsrad[] }) {
  const id = useId();
  const paminnelser = useMinaPaminnelser(omgang);
  const saknade = new Map(egna.filter(saknas).map((rad) => [rad.ansvar.kod, rad.ansvar.namn]));
  const visas = paminnelserAttVisa(paminnelser.data?.paminnelser ?? [], saknade);
  if (visas.length === 0) return null;
  return (
    <div className="meddelande paminnelser-till-chef" role="region" aria-labelledby={`${id}-rubrik`} data-testid="paminnelser-till-chef">
      <h3 id={`${id}-rubrik`}>{visas.length === 1 ? 'Påminnelse' : `${visas.length} påminnelser`} om din prognos</h3>
      <ul>
        {visas.map((utskick) => (
          <li key={`${utskick.at} ${utskick.av}`} data-ansvar={utskick.ansvar.map((ansvar) => ansvar.kod).join(' ')}>
            {utskick.av}, <time dateTime={utskick.at}>{formatTidpunkt(utskick.at)}</time>, om{' '}
            <strong>{utskick.ansvar.map((ansvar) => `${ansvar.kod} ${ansvar.namn}`).join(', ')}</strong>
            {utskick.meddelande ? <q className="paminnelser-till-chef__text">{utskick.meddelande}</q> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
