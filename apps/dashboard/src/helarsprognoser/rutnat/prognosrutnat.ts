import type { HelarsprognosDto, HelarsprognosUnderlag, SparaHelarsprognosRequest } from '@tertial/contracts/dto';
import { KONTOGRUPPER, type KontogruppKod, type KontogruppTyp } from '@tertial/contracts/kontogrupper';
import { formatKronor, type Ore } from '@tertial/contracts/money';

import { beloppSomInmatning, tolkaBelopp, type Inmatningsenhet } from './belopp-inmatning.js';

/** What the chef has typed per kontogrupp (the cell's text, in the unit chosen), and the comment. */
export interface Inmatning {
  readonly celler: Readonly<Partial<Record<KontogruppKod, string>>>;
  readonly kommentar: string;
}

export interface Rutnatsrad {
  readonly kontogrupp: KontogruppKod;
  readonly namn: string;
  readonly typ: KontogruppTyp;
  readonly budgetOre: Ore;
  readonly utfallOre: Ore;
  readonly forslagOre: Ore;
  readonly runRateOre: Ore;
  readonly foregaendePrognosOre: Ore | null;
  /** The chef's forecast as typed; null while the cell is empty (saved as 0). */
  readonly prognosOre: Ore | null;
  /** Why the cell cannot be read, in words for the chef. */
  readonly fel: string | undefined;
  /** Budget − prognos for a cost, prognos − budget for a revenue; null while the cell is empty or wrong. */
  readonly avvikelseOre: Ore | null;
}

export interface Nettorad {
  readonly budgetOre: Ore;
  readonly utfallOre: Ore;
  readonly forslagOre: Ore;
  readonly runRateOre: Ore;
  readonly foregaendePrognosOre: Ore | null;
  /** Net cost of the forecast as typed (empty cells count as 0); null while some cell is wrong. */
  readonly prognosOre: Ore | null;
  readonly avvikelseOre: Ore | null;
}

export interface Rutnat {
  readonly rader: readonly Rutnatsrad[];
  readonly netto: Nettorad;
  /** The net avvikelse passes the city's threshold: the forecast is marked ready only with a comment. */
  readonly kommentarKravs: boolean;
  /** Some cell cannot be read. */
  readonly harFel: boolean;
}

const netto = (typ: KontogruppTyp, ore: Ore) => (typ === 'intakt' ? -ore : ore);

/** Budget − prognos for a cost, prognos − budget for a revenue: positive is a surplus either way. */
export function avvikelse(typ: KontogruppTyp, budgetOre: Ore, prognosOre: Ore): Ore {
  return typ === 'intakt' ? prognosOre - budgetOre : budgetOre - prognosOre;
}

/**
 * Whether a net avvikelse passes the threshold, the way the forecast service decides it: more than the amount, or
 * more than the share (percent, two decimals) of the net budget. With no budget only the amount counts.
 */
export function passerarTroskel(avvikelseOre: Ore, budgetNettoOre: Ore, troskel: { beloppOre: Ore; procent: number }): boolean {
  const storlek = BigInt(Math.abs(avvikelseOre));
  if (storlek > BigInt(troskel.beloppOre)) return true;
  const budget = BigInt(Math.abs(budgetNettoOre));
  return budget > 0n && storlek * 10_000n > budget * BigInt(Math.round(troskel.procent * 100));
}

/** The grid as typed: each kontogrupp of the underlag with the chef's figure, the avvikelse and the net row. */
export function rutnat(underlag: HelarsprognosUnderlag, inmatning: Inmatning, enhet: Inmatningsenhet): Rutnat {
  const rader = underlag.rader.map((rad): Rutnatsrad => {
    const grupp = KONTOGRUPPER.find((kandidat) => kandidat.kod === rad.kontogrupp)!;
    const tolkat = tolkaBelopp(inmatning.celler[rad.kontogrupp] ?? '', enhet);
    const prognosOre = tolkat.ok ? tolkat.ore : null;
    return {
      kontogrupp: rad.kontogrupp,
      namn: grupp.namn,
      typ: grupp.typ,
      budgetOre: rad.budgetOre,
      utfallOre: rad.utfallOre,
      forslagOre: rad.forslagOre,
      runRateOre: rad.runRateOre,
      foregaendePrognosOre: rad.foregaendePrognosOre,
      prognosOre,
      fel: tolkat.ok ? undefined : tolkat.fel,
      avvikelseOre: prognosOre === null ? null : avvikelse(grupp.typ, rad.budgetOre, prognosOre),
    };
  });
  const harFel = rader.some((rad) => rad.fel !== undefined);
  const summa = (varde: (rad: Rutnatsrad) => Ore) => rader.reduce((acc, rad) => acc + netto(rad.typ, varde(rad)), 0);
  const nettoBudget = summa((rad) => rad.budgetOre);
  const harForegaende = rader.some((rad) => rad.foregaendePrognosOre !== null);
  const harPrognos = rader.some((rad) => rad.prognosOre !== null);
  const nettoPrognos = harFel || !harPrognos ? null : summa((rad) => rad.prognosOre ?? 0);
  const nettoAvvikelse = nettoPrognos === null ? null : nettoBudget - nettoPrognos;
  return {
    rader,
    netto: {
      budgetOre: nettoBudget,
      utfallOre: summa((rad) => rad.utfallOre),
      forslagOre: summa((rad) => rad.forslagOre),
      runRateOre: summa((rad) => rad.runRateOre),
      foregaendePrognosOre: harForegaende ? summa((rad) => rad.foregaendePrognosOre ?? 0) : null,
      prognosOre: nettoPrognos,
      avvikelseOre: nettoAvvikelse,
    },
    kommentarKravs: nettoAvvikelse !== null && budgetKand(underlag) && passerarTroskel(nettoAvvikelse, nettoBudget, underlag.troskel),
    harFel,
  };
}

/**
 * Whether budget has published a budget for the ansvar: the underlag carries zeros when it has not, and the service
 * then requires no comment. A published budget of zero on every line reads the same; the server's 422 still says so.
 */
function budgetKand(underlag: HelarsprognosUnderlag): boolean {
  return underlag.rader.some((rad) => rad.budgetOre !== 0);
}

/** The cells filled in from a saved version (or empty before the first), in the unit chosen. */
export function inmatningFran(prognos: Pick<HelarsprognosDto, 'rader' | 'kommentar'> | null, enhet: Inmatningsenhet): Inmatning {
  const celler: Partial<Record<KontogruppKod, string>> = {};
  for (const rad of prognos?.rader ?? []) celler[rad.kontogrupp] = beloppSomInmatning(rad.beloppOre, enhet);
  return { celler, kommentar: prognos?.kommentar ?? '' };
}

/** The same figures written in the other unit, so switching kr/tkr never changes an amount. Unreadable text is kept. */
export function bytEnhet(inmatning: Inmatning, fran: Inmatningsenhet, till: Inmatningsenhet): Inmatning {
  const celler: Partial<Record<KontogruppKod, string>> = {};
  for (const [kod, text] of Object.entries(inmatning.celler) as [KontogruppKod, string][]) {
    const tolkat = tolkaBelopp(text, fran);
    celler[kod] = tolkat.ok && tolkat.ore !== null ? beloppSomInmatning(tolkat.ore, till) : text;
  }
  return { ...inmatning, celler };
}

/** Takes the proposal (utfall so far plus the remaining months' budget) into one row, or every row. */
export function taForslag(
  inmatning: Inmatning,
  underlag: HelarsprognosUnderlag,
  enhet: Inmatningsenhet,
  kontogrupp?: KontogruppKod,
): Inmatning {
  const celler = { ...inmatning.celler };
  for (const rad of underlag.rader) {
    if (kontogrupp === undefined || rad.kontogrupp === kontogrupp) celler[rad.kontogrupp] = beloppSomInmatning(rad.forslagOre, enhet);
  }
  return { ...inmatning, celler };
}

export type Sparfel = { kontogrupp: KontogruppKod; fel: string } | { kontogrupp: 'formular'; fel: string };

/**
 * The PUT's body: every row of the grid (an empty cell as 0 kr), in the API's canonical kronor, and the comment. A
 * grid where nothing is filled in, or a cell cannot be read, is not sent.
 */
export function sparbegaran(
  rutnatet: Rutnat,
  kommentar: string,
  klarmarkerad: boolean,
): { ok: true; begaran: SparaHelarsprognosRequest } | { ok: false; fel: Sparfel[] } {
  const fel: Sparfel[] = rutnatet.rader.flatMap((rad) => (rad.fel ? [{ kontogrupp: rad.kontogrupp, fel: rad.fel }] : []));
  if (fel.length > 0) return { ok: false, fel };
  if (rutnatet.rader.every((rad) => rad.prognosOre === null))
    return { ok: false, fel: [{ kontogrupp: 'formular', fel: 'Fyll i minst ett belopp.' }] };
  const text = kommentar.trim();
  return {
    ok: true,
    begaran: {
      rader: rutnatet.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, belopp: formatKronor(rad.prognosOre ?? 0) })),
      kommentar: text === '' ? null : text,
      ...(klarmarkerad ? { klarmarkerad: true } : {}),
    },
  };
}

export type Uppmarksamhet = 'fel' | 'tom' | 'avvikelse';

/**
 * The rows that need the chef's eye, in the grid's order: a cell that cannot be read, one left empty, or one whose
 * avvikelse alone passes the city's threshold against the row's budget.
 */
export function raderAttSeOver(
  rutnatet: Rutnat,
  troskel: { beloppOre: Ore; procent: number },
): { kontogrupp: KontogruppKod; varfor: Uppmarksamhet }[] {
  return rutnatet.rader.flatMap((rad): { kontogrupp: KontogruppKod; varfor: Uppmarksamhet }[] => {
    if (rad.fel) return [{ kontogrupp: rad.kontogrupp, varfor: 'fel' }];
    if (rad.prognosOre === null) return [{ kontogrupp: rad.kontogrupp, varfor: 'tom' }];
    if (rad.avvikelseOre !== null && passerarTroskel(rad.avvikelseOre, rad.budgetOre, troskel))
      return [{ kontogrupp: rad.kontogrupp, varfor: 'avvikelse' }];
    return [];
  });
}

/** Whether the grid differs from the saved version (or, before the first save, holds anything at all). */
export function arAndrad(
  inmatning: Inmatning,
  sparad: Pick<HelarsprognosDto, 'rader' | 'kommentar'> | null,
  enhet: Inmatningsenhet,
): boolean {
  const ursprung = inmatningFran(sparad, enhet);
  if (inmatning.kommentar.trim() !== (ursprung.kommentar ?? '').trim()) return true;
  const koder = new Set([...Object.keys(inmatning.celler), ...Object.keys(ursprung.celler)]) as Set<KontogruppKod>;
  for (const kod of koder) {
    const nu = tolkaBelopp(inmatning.celler[kod] ?? '', enhet);
    const da = tolkaBelopp(ursprung.celler[kod] ?? '', enhet);
    const nuOre = nu.ok ? (nu.ore ?? 0) : Number.NaN;
    const daOre = da.ok ? (da.ore ?? 0) : Number.NaN;
    if (nuOre !== daOre) return true;
  }
  return false;
}

/** The grid's columns of figures, after the kontogrupp. */
export type Kolumn = 'budget' | 'utfall' | 'forslag' | 'runRate' | 'foregaende' | 'prognos' | 'avvikelse';

export const KOLUMNRUBRIKER: Record<Kolumn, string> = {
  budget: 'Budget',
  utfall: 'Utfall',
  forslag: 'Förslag',
  runRate: 'Run-rate',
  foregaende: 'Föregående prognos',
  prognos: 'Din prognos',
  avvikelse: 'Avvikelse',
};

/**
 * The order of the columns: on a wide screen the underlag reads left to right into the chef's figure and its
 * avvikelse; on a phone the chef's figure, the avvikelse and the proposal come first, so they are in view without
 * scrolling the table sideways.
 */
export function kolumnordning(smal: boolean): Kolumn[] {
  return smal
    ? ['prognos', 'avvikelse', 'forslag', 'budget', 'utfall', 'runRate', 'foregaende']
    : ['budget', 'utfall', 'forslag', 'runRate', 'foregaende', 'prognos', 'avvikelse'];
}
