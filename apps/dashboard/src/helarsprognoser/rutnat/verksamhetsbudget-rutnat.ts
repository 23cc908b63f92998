import type { PERIODISERINGAR, VerksamhetsbudgetDto, VerksamhetsbudgetRequest } from '@tertial/contracts/dto';
import { KONTOGRUPPER, kontogruppTyp, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import { formatKronor, type Ore } from '@tertial/contracts/money';

import { beloppSomInmatning, tolkaBelopp, type Inmatningsenhet } from './belopp-inmatning.js';

export type Periodisering = (typeof PERIODISERINGAR)[number];

export const PERIODISERINGSNAMN: Record<Periodisering, string> = {
  jamnt: 'Jämnt över året',
  'foregaende-ar': 'Som föregående års utfall',
  manuellt: 'Manuellt per månad',
};

export const MANADER = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

/** What the chef has typed: the year per kontogrupp (spread by the service) or twelve months each (by hand). */
export interface Budgetinmatning {
  readonly periodisering: Periodisering;
  readonly ar: Readonly<Partial<Record<KontogruppKod, string>>>;
  readonly manader: Readonly<Partial<Record<KontogruppKod, readonly string[]>>>;
}

export interface Budgetrad {
  readonly kontogrupp: KontogruppKod;
  readonly namn: string;
  readonly internbudgetOre: Ore;
  /** The year as typed (or the months' sum); null while some figure cannot be read. */
  readonly arOre: Ore | null;
  /** Per month, when typed by hand: the öre or the message. */
  readonly manader: readonly ({ ok: true; ore: Ore } | { ok: false; fel: string })[];
  readonly fel: string | undefined;
}

export interface Budgetberakning {
  readonly rader: readonly Budgetrad[];
  /** Net cost (cost − revenue) of what is typed; null while some figure cannot be read. */
  readonly nettokostnadOre: Ore | null;
  readonly internbudgetOre: Ore;
  /** Typed net cost − internbudget: what is left to place (negative) or too much (positive); zero to save. */
  readonly differensOre: Ore | null;
}

/** The rows the grid shows: the internbudget's kontogrupper, in the kontoplan's order, and any the budget names. */
function koder(budget: VerksamhetsbudgetDto): KontogruppKod[] {
  const namnda = new Set([...budget.internbudget.map((rad) => rad.kontogrupp), ...budget.rader.map((rad) => rad.kontogrupp)]);
  return KONTOGRUPPER.map((grupp) => grupp.kod).filter((kod) => namnda.has(kod));
}

/** The form filled in from the budget as it stands: its periodisering (evenly for a standard spread) and its figures. */
export function budgetinmatningFran(budget: VerksamhetsbudgetDto, enhet: Inmatningsenhet): Budgetinmatning {
  const ar: Partial<Record<KontogruppKod, string>> = {};
  const manader: Partial<Record<KontogruppKod, string[]>> = {};
  for (const kod of koder(budget)) {
    const rad = budget.rader.find((kandidat) => kandidat.kontogrupp === kod);
    const manadsbelopp = rad?.manader ?? Array.from({ length: 12 }, () => 0);
    manader[kod] = manadsbelopp.map((ore) => beloppSomInmatning(ore, enhet));
    ar[kod] = beloppSomInmatning(
      manadsbelopp.reduce((a, b) => a + b, 0),
      enhet,
    );
  }
  return { periodisering: budget.periodisering ?? 'foregaende-ar', ar, manader };
}

/** The typed budget against the internbudget, row by row and net. */
export function berakna(budget: VerksamhetsbudgetDto, inmatning: Budgetinmatning, enhet: Inmatningsenhet): Budgetberakning {
  const rader = koder(budget).map((kod): Budgetrad => {
    const namn = KONTOGRUPPER.find((grupp) => grupp.kod === kod)!.namn;
    const internbudgetOre = budget.internbudget.find((rad) => rad.kontogrupp === kod)?.beloppOre ?? 0;
    const manader = (inmatning.manader[kod] ?? []).map((text) => {
      const tolkat = tolkaBelopp(text, enhet);
      return tolkat.ok ? { ok: true as const, ore: tolkat.ore ?? 0 } : tolkat;
    });
    if (inmatning.periodisering === 'manuellt') {
      const fel = manader.find((manad) => !manad.ok);
      const arOre = fel ? null : manader.reduce((a, b) => a + (b.ok ? b.ore : 0), 0);
      return { kontogrupp: kod, namn, internbudgetOre, arOre, manader, fel: fel && !fel.ok ? fel.fel : undefined };
    }
    const tolkat = tolkaBelopp(inmatning.ar[kod] ?? '', enhet);
    return {
      kontogrupp: kod,
      namn,
      internbudgetOre,
      arOre: tolkat.ok ? (tolkat.ore ?? 0) : null,
      manader,
      fel: tolkat.ok ? undefined : tolkat.fel,
    };
  });
  const nettokostnadOre = rader.some((rad) => rad.arOre === null)
    ? null
    : rader.reduce((summa, rad) => summa + (kontogruppTyp(rad.kontogrupp) === 'intakt' ? -(rad.arOre ?? 0) : (rad.arOre ?? 0)), 0);
  return {
    rader,
    nettokostnadOre,
    internbudgetOre: budget.internbudgetOre,
    differensOre: nettokostnadOre === null ? null : nettokostnadOre - budget.internbudgetOre,
  };
}

/** Changing the periodisering keeps the figures: the year of hand-typed months, or a year spread evenly by hand. */
export function bytPeriodisering(inmatning: Budgetinmatning, till: Periodisering, enhet: Inmatningsenhet): Budgetinmatning {
  if (till === inmatning.periodisering) return inmatning;
  if (till === 'manuellt' && inmatning.periodisering !== 'manuellt') {
    const manader: Partial<Record<KontogruppKod, string[]>> = {};
    for (const [kod, text] of Object.entries(inmatning.ar) as [KontogruppKod, string][]) {
      const tolkat = tolkaBelopp(text, enhet);
      manader[kod] = tolkat.ok
        ? jamntOverAret(tolkat.ore ?? 0).map((ore) => beloppSomInmatning(ore, enhet))
        : [...(inmatning.manader[kod] ?? [])];
    }
    return { ...inmatning, periodisering: till, manader };
  }
  if (inmatning.periodisering === 'manuellt') {
    const ar: Partial<Record<KontogruppKod, string>> = { ...inmatning.ar };
    for (const [kod, manader] of Object.entries(inmatning.manader) as [KontogruppKod, string[]][]) {
      const belopp = manader.map((text) => tolkaBelopp(text, enhet));
      if (belopp.every((tolkat) => tolkat.ok))
        ar[kod] = beloppSomInmatning(
          belopp.reduce((a, b) => a + (b.ok ? (b.ore ?? 0) : 0), 0),
          enhet,
        );
    }
    return { ...inmatning, periodisering: till, ar };
  }
  return { ...inmatning, periodisering: till };
}

/** A year in twelve months to the öre: the remainder goes to the first months, one öre each. */
export function jamntOverAret(arOre: Ore): Ore[] {
  const bas = Math.floor(arOre / 12);
  const rest = arOre - bas * 12;
  return Array.from({ length: 12 }, (_, index) => bas + (index < rest ? 1 : 0));
}

/** The PUT's body, or the first problem in words; a budget that does not add up is still sent, for the server's 422. */
export function budgetbegaran(
  berakning: Budgetberakning,
  periodisering: Periodisering,
): { ok: true; begaran: VerksamhetsbudgetRequest } | { ok: false; fel: string } {
  const fel = berakning.rader.find((rad) => rad.fel);
  if (fel) return { ok: false, fel: `${fel.namn}: ${fel.fel}` };
  if (periodisering === 'manuellt') {
    return {
      ok: true,
      begaran: {
        periodisering,
        rader: berakning.rader.map((rad) => ({
          kontogrupp: rad.kontogrupp,
          manader: rad.manader.map((manad) => formatKronor(manad.ok ? manad.ore : 0)),
        })),
      },
    };
  }
  return {
    ok: true,
    begaran: { periodisering, rader: berakning.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, belopp: formatKronor(rad.arOre ?? 0) })) },
  };
}
