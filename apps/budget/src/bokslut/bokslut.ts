import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import { addOre, type Ore } from '@tertial/contracts/money';

/** One ansvar's year on one account, with the ledger's sign (revenue negative). */
export interface Arsrad {
  readonly ansvar: string;
  readonly konto: number;
  readonly beloppOre: Ore;
}

export interface NamndensBokslut {
  readonly namnd: string;
  readonly rader: { ansvar: string; konto: number; kontogrupp: KontogruppKod | null; beloppOre: Ore }[];
  /** Net cost: the sum of the rows (the ledger's signs make it cost minus revenue). */
  readonly nettokostnadOre: Ore;
}

/**
 * The closed year per nämnd: every nämnd with a frame gets its bokslut (empty when it had no utfall), and every
 * ansvar's rows go to the nämnd it belonged to at year end. Rows of an ansvar no nämnd owns are returned apart, so
 * closing can refuse them rather than lose them.
 */
export function bokslutPerNamnd(
  namnder: readonly string[],
  rader: readonly Arsrad[],
  namndAv: (ansvar: string) => string | undefined,
  kontogruppAv: (konto: number) => KontogruppKod | undefined,
): { namnder: NamndensBokslut[]; utanNamnd: string[] } {
  const perNamnd = new Map<string, NamndensBokslut['rader']>(namnder.map((namnd) => [namnd, []]));
  const utanNamnd = new Set<string>();
  for (const rad of rader) {
    const namnd = namndAv(rad.ansvar);
    const lista = namnd === undefined ? undefined : perNamnd.get(namnd);
    if (!lista) {
      if (rad.beloppOre !== 0) utanNamnd.add(rad.ansvar);
      continue;
    }
    if (rad.beloppOre === 0) continue;
    lista.push({ ansvar: rad.ansvar, konto: rad.konto, kontogrupp: kontogruppAv(rad.konto) ?? null, beloppOre: rad.beloppOre });
  }
  return {
    namnder: [...perNamnd].map(([namnd, lista]) => {
      lista.sort((a, b) => a.ansvar.localeCompare(b.ansvar) || a.konto - b.konto);
      return { namnd, rader: lista, nettokostnadOre: addOre(0, ...lista.map((r) => r.beloppOre)) };
    }),
    utanNamnd: [...utanNamnd].sort(),
  };
}
