import { createHash } from 'node:crypto';

import type { UppfoljningNod } from '@tertial/contracts/dto';

/**
 * A round's roll-up as one hash: every node by its code, with its place in the tree and every figure and count, in a
 * fixed order. Names are left out (they are the organisation's, not the round's figures).
 */
export function rollupHash(noder: Iterable<UppfoljningNod>): string {
  const rader = [...noder]
    .sort((a, b) => (a.kod < b.kod ? -1 : a.kod > b.kod ? 1 : 0))
    .map((nod) =>
      [
        nod.kod,
        nod.foralderKod ?? '',
        nod.niva,
        nod.chef?.anvandarId ?? '',
        nod.antalAnsvar,
        nod.antalIOmgangen,
        nod.budgetOre,
        nod.periodbudgetOre,
        nod.utfallOre,
        nod.utfallAvvikelseOre,
        nod.prognosOre,
        nod.prognosAntalAnsvar,
        nod.avvikelseOre,
        nod.avvikelseAntalAnsvar,
        nod.forandringOre,
        nod.forandringAntalAnsvar,
        nod.framsteg.ejPaborjad,
        nod.framsteg.utkast,
        nod.framsteg.klarmarkerade,
        nod.framsteg.godkanda,
        nod.framsteg.aterskickade,
      ].join('|'),
    );
  return sha256(rader.join('\n'));
}

/** The hashes of several rounds, in their order, as one. */
export function samladHash(hashar: readonly string[]): string {
  return sha256(hashar.join('\n'));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
