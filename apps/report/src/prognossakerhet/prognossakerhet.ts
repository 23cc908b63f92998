import type { PrognossakerhetRad } from '@tertial/contracts/dto';
import { addOre, type Ore } from '@tertial/contracts/money';

/** A nämnd's forecast as its round closed: the frame then and the forecast net cost. */
export interface Omgangsprognos {
  readonly namnd: string;
  readonly namn: string;
  readonly budgetOre: Ore;
  readonly prognosOre: Ore;
}

/** A nämnd's closed year: its frame and net cost. */
export interface NamndensBokslut {
  readonly namnd: string;
  readonly budgetOre: Ore;
  readonly nettokostnadOre: Ore;
}

/**
 * Prognossäkerhet for one round: per nämnd, the forecast's avvikelse (budget − prognos), the bokslut's (budget −
 * utfall) and the prognosavvikelse, the bokslut's avvikelse minus the forecast's, each in öre and in percent of its
 * budget (the prognosavvikelse of the bokslut's). An August forecast of +20 mnkr against a bokslut of −35 mnkr is a prognosavvikelse of −55 mnkr.
 * Before the year is closed the bokslut's columns are null. The city's row sums the nämnder the round covers.
 */
export function prognossakerhet(
  prognoser: readonly Omgangsprognos[],
  bokslut: readonly NamndensBokslut[] | null,
): { namnder: PrognossakerhetRad[]; stad: PrognossakerhetRad } {
  const namnder = prognoser.map((p) => rad(p, bokslut?.find((b) => b.namnd === p.namnd) ?? (bokslut ? null : undefined)));
  const summa = (falt: 'budgetOre' | 'prognosOre') => addOre(0, ...prognoser.map((p) => p[falt]));
  const bokslutet = bokslut?.filter((b) => prognoser.some((p) => p.namnd === b.namnd));
  const stad = rad(
    { namnd: 'stad', namn: 'Staden', budgetOre: summa('budgetOre'), prognosOre: summa('prognosOre') },
    bokslutet
      ? {
          namnd: 'stad',
          budgetOre: addOre(0, ...bokslutet.map((b) => b.budgetOre)),
          nettokostnadOre: addOre(0, ...bokslutet.map((b) => b.nettokostnadOre)),
        }
      : undefined,
  );
  return { namnder, stad };
}

/** `bokslut` undefined: the year is not closed; null: closed, but the nämnd has no bokslut (counted as nothing). */
function rad(prognos: Omgangsprognos, bokslut: NamndensBokslut | null | undefined): PrognossakerhetRad {
  const prognosAvvikelseOre = addOre(prognos.budgetOre, -prognos.prognosOre);
  const tom = {
    bokslutBudgetOre: null,
    bokslutOre: null,
    bokslutAvvikelseOre: null,
    bokslutAvvikelseProcent: null,
    prognosavvikelseOre: null,
    prognosavvikelseProcent: null,
  };
  const base = {
    namnd: prognos.namnd,
    namn: prognos.namn,
    prognosBudgetOre: prognos.budgetOre,
    prognosOre: prognos.prognosOre,
    prognosAvvikelseOre,
    prognosAvvikelseProcent: procentMedEnDecimal(prognosAvvikelseOre, prognos.budgetOre),
  };
  if (bokslut === undefined) return { ...base, ...tom };
  const b = bokslut ?? { budgetOre: 0, nettokostnadOre: 0 };
  const bokslutAvvikelseOre = addOre(b.budgetOre, -b.nettokostnadOre);
  const prognosavvikelseOre = addOre(bokslutAvvikelseOre, -prognosAvvikelseOre);
  return {
    ...base,
    bokslutBudgetOre: b.budgetOre,
    bokslutOre: b.nettokostnadOre,
    bokslutAvvikelseOre,
    bokslutAvvikelseProcent: procentMedEnDecimal(bokslutAvvikelseOre, b.budgetOre),
    prognosavvikelseOre,
    prognosavvikelseProcent: procentMedEnDecimal(prognosavvikelseOre, b.budgetOre),
  };
}

/** `del` in percent of `helhet`, one decimal, rounded half away from zero in integer arithmetic; null for a zero budget. */
export function procentMedEnDecimal(del: Ore, helhet: Ore): number | null {
  if (helhet === 0) return null;
  const promille = (BigInt(Math.abs(del)) * 2000n + BigInt(Math.abs(helhet))) / (2n * BigInt(Math.abs(helhet)));
  const tecken = Math.sign(del) * Math.sign(helhet);
  return (tecken * Number(promille)) / 10 || 0;
}

/** Whether a year's bokslut is whole: some nämnd's has arrived, and as many as the close named (`antalNamnder`). */
export function arBokslutetHelt(bokslut: readonly { readonly namnd: string; readonly antalNamnder: number }[]): boolean {
  if (bokslut.length === 0) return false;
  const antal = Math.max(...bokslut.map((b) => b.antalNamnder));
  return new Set(bokslut.map((b) => b.namnd)).size >= antal;
}
