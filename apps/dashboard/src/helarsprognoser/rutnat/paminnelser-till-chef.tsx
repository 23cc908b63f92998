import { useId } from 'react';

import { formatTidpunkt } from '../../format/tidpunkt.js';
import { useMinaPaminnelser } from '../../uppfoljning/use-uppfoljning.js';
import type { Urval } from '../../urval/urval.js';
import type { Ansvarsrad } from '../helarsprognoser.js';

/** A forecast still missing from the round: not handed in, or an utkast, or sent back. */
const saknas = (rad: Ansvarsrad) => !rad.prognos || !['klarmarkerad', 'godkand'].includes(rad.prognos.status);

/**
 * The reminders the chef has had about this round (from the missing lists of those who follow it), for the ansvar
 * whose forecast is still missing: the newest for each, with who sent it, when and their words. Nothing once every
 * one is handed in, or when there are none. A failure to fetch them shows nothing: the forecast page works without.
 */
export function PaminnelserTillChef({ omgang, egna }: { omgang: Urval; egna: readonly Ansvarsrad[] }) {
  const id = useId();
  const paminnelser = useMinaPaminnelser(omgang);
  const saknade = new Map(egna.filter(saknas).map((rad) => [rad.ansvar.kod, rad.ansvar.namn]));
  const visas = new Map<string, NonNullable<typeof paminnelser.data>['paminnelser'][number]>();
  for (const paminnelse of paminnelser.data?.paminnelser ?? []) {
    if (saknade.has(paminnelse.ansvar) && !visas.has(paminnelse.ansvar)) visas.set(paminnelse.ansvar, paminnelse);
  }
  if (visas.size === 0) return null;
  return (
    <div className="meddelande paminnelser-till-chef" role="region" aria-labelledby={`${id}-rubrik`} data-testid="paminnelser-till-chef">
      <h3 id={`${id}-rubrik`}>{visas.size === 1 ? 'Påminnelse' : `${visas.size} påminnelser`} om din prognos</h3>
      <ul>
        {[...visas.values()].map((paminnelse) => (
          <li key={paminnelse.ansvar} data-ansvar={paminnelse.ansvar}>
            <strong>
              {paminnelse.ansvar} {saknade.get(paminnelse.ansvar)}
            </strong>
            : {paminnelse.av}, <time dateTime={paminnelse.at}>{formatTidpunkt(paminnelse.at)}</time>
            {paminnelse.meddelande ? <q className="paminnelser-till-chef__text">{paminnelse.meddelande}</q> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
