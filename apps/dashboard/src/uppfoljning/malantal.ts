import { BEDOMNINGAR, type MaluppfyllelseAntal, type MaluppfyllelseOversikt, type Uppfoljningstillfalle } from '@tertial/contracts/dto';
import type { Prognostillfalle } from '@tertial/contracts/prognos';

import { formatAntal, formatAntalAv } from '../format/antal.js';
import { TRAFIKLJUS } from '../mal/mal.js';

/**
 * The goal follow-up a forecast round is read beside: mål are assessed in April, August and at year end, so a monthly
 * round of May–July shows April's assessments and one of September–November August's; February and March have none yet.
 */
export function malUppfoljningFor(tillfalle: Prognostillfalle): Uppfoljningstillfalle | null {
  if (tillfalle === 'april' || tillfalle === 'augusti') return tillfalle;
  if (tillfalle === 'maj' || tillfalle === 'juni' || tillfalle === 'juli') return 'april';
  if (tillfalle === 'september' || tillfalle === 'oktober' || tillfalle === 'november') return 'augusti';
  return null;
}

export function antalFor(oversikt: MaluppfyllelseOversikt | undefined, kod: string, niva: string): MaluppfyllelseAntal | undefined {
  if (!oversikt) return undefined;
  if (niva === 'stad') return oversikt.stad ?? undefined;
  if (niva !== 'namnd') return undefined;
  return oversikt.namnder.find((namnd) => namnd.kod === kod)?.antal;
}

/** What the cell says to a screen reader: every color with its count, and the mål still waiting for a decision. */
export function malText(antal: MaluppfyllelseAntal): string {
  const delar = BEDOMNINGAR.filter((bedomning) => antal[bedomning] > 0).map(
    (bedomning) => `${formatAntal(antal[bedomning])} ${TRAFIKLJUS[bedomning].namn.toLowerCase()}`,
  );
  if (antal.ejBeslutade > 0) delar.push(`${formatAntal(antal.ejBeslutade)} ej bedömt`);
  return `${formatAntalAv(antal.totalt, 'mål')}${delar.length > 0 ? `: ${delar.join(', ')}` : ''}`;
}
