import type { Framsteg, Saknad } from '@tertial/contracts/dto';
import type { OrganisationNiva } from '@tertial/contracts/organisation';

import type { Rollup } from './rulla-upp.js';

function saknadStatus(framsteg: Framsteg): Saknad['status'] | null {
  if (framsteg.ejPaborjad > 0) return 'ej-paborjad';
  if (framsteg.utkast > 0) return 'utkast';
  if (framsteg.aterskickade > 0) return 'aterskickad';
  return null;
}

/**
 * The ansvar of the round below a node whose forecast is missing: not started, an utkast its chef has not marked
 * ready, or sent back. Each with its chef and the avdelning, förvaltning and nämnd it lies in, by ansvar code.
 */
export function saknadeUnder(rollup: Rollup, kod: string): Saknad[] {
  const saknade: Saknad[] = [];
  const stack = [kod];
  while (stack.length > 0) {
    const aktuell = stack.pop()!;
    const nod = rollup.noder.get(aktuell);
    if (!nod) continue;
    if (nod.niva !== 'enhet') {
      stack.push(...(rollup.barn.get(aktuell) ?? []));
      continue;
    }
    // A leaf's progress counts its own forecast once, and nothing when the ansvar is not in the round.
    const status = saknadStatus(nod.framsteg);
    if (!status) continue;
    const ovanfor = (niva: OrganisationNiva) => {
      for (let upp = nod.foralderKod ? rollup.noder.get(nod.foralderKod) : undefined; upp;) {
        if (upp.niva === niva) return { kod: upp.kod, namn: upp.namn };
        upp = upp.foralderKod ? rollup.noder.get(upp.foralderKod) : undefined;
      }
      return null;
    };
    saknade.push({
      ansvar: nod.kod,
      namn: nod.namn,
      status,
      chef: nod.chef,
      avdelning: ovanfor('avdelning'),
      forvaltning: ovanfor('forvaltning'),
      namnd: ovanfor('namnd'),
      paminnad: null,
    });
  }
  return saknade.sort((a, b) => a.ansvar.localeCompare(b.ansvar));
}

/** The columns of the CSV export, in order. */
export const SAKNADE_CSV_KOLUMNER = [
  'ansvar',
  'ansvar_namn',
  'status',
  'chef_id',
  'chef_namn',
  'avdelning',
  'avdelning_namn',
  'forvaltning',
  'forvaltning_namn',
  'namnd',
  'namnd_namn',
  'senaste_paminnelse',
  'paminnelse_av',
] as const;

/** A field as Excel reads it: quoted when it holds the separator, a quote or a line break. */
function falt(varde: string): string {
  return /[;"\r\n]/.test(varde) ? `"${varde.replaceAll('"', '""')}"` : varde;
}

/**
 * The missing ansvar as CSV the way Swedish Excel opens it without a wizard: a byte order mark (so UTF-8 is
 * recognised), semicolons (the comma is the decimal sign), CRLF line ends, one header row.
 */
export function saknadeTillCsv(saknade: readonly Saknad[]): string {
  const rader = saknade.map((s) =>
    [
      s.ansvar,
      s.namn,
      s.status,
      s.chef?.anvandarId ?? '',
      s.chef?.namn ?? '',
      s.avdelning?.kod ?? '',
      s.avdelning?.namn ?? '',
      s.forvaltning?.kod ?? '',
      s.forvaltning?.namn ?? '',
      s.namnd?.kod ?? '',
      s.namnd?.namn ?? '',
      s.paminnad?.at ?? '',
      s.paminnad?.av ?? '',
    ]
      .map(falt)
      .join(';'),
  );
  return `\uFEFF${[SAKNADE_CSV_KOLUMNER.join(';'), ...rader].join('\r\n')}\r\n`;
}
