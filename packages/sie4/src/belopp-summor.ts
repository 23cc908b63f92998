import type { Ore, UtfallRad } from './types.js';

/**
 * Sums per period, account and ansvar, built while a file streams past. Accounts and ansvar get small
 * integer ids, so a sum is found by numbers (the period, then konto id · 2²¹ + ansvar id) instead of by a
 * string built for every row: several times faster for the few hundred thousand combinations of a large
 * municipality's year, and the account and ansvar strings are kept once each.
 */
export interface BeloppSummor {
  kontoIds: Map<string, number>;
  konton: string[];
  ansvarIds: Map<string, number>;
  /** Id 0 is "no ansvar". */
  ansvar: (string | null)[];
  perioder: Map<number, Map<number, Ore>>;
}

/** Room for two million distinct ansvar codes; with fewer than 512 accounts every key stays a small integer. */
const ANSVAR_SLOTS = 2 ** 21;

export function createBeloppSummor(): BeloppSummor {
  return { kontoIds: new Map(), konton: [], ansvarIds: new Map(), ansvar: [null], perioder: new Map() };
}

function kontoId(sums: BeloppSummor, konto: string): number {
  let id = sums.kontoIds.get(konto);
  if (id === undefined) {
    id = sums.konton.length;
    sums.konton.push(konto);
    sums.kontoIds.set(konto, id);
  }
  return id;
}

function ansvarId(sums: BeloppSummor, ansvar: string | null): number {
  if (ansvar === null) return 0;
  let id = sums.ansvarIds.get(ansvar);
  if (id === undefined) {
    id = sums.ansvar.length;
    sums.ansvar.push(ansvar);
    sums.ansvarIds.set(ansvar, id);
  }
  return id;
}

/** Adds to a sum; false when the sum would leave exact integer arithmetic (or past two million ansvar). */
export function addBelopp(sums: BeloppSummor, period: number, konto: string, ansvar: string | null, ore: Ore): boolean {
  const aid = ansvarId(sums, ansvar);
  if (aid >= ANSVAR_SLOTS) return false;
  const key = kontoId(sums, konto) * ANSVAR_SLOTS + aid;
  let perPeriod = sums.perioder.get(period);
  if (perPeriod === undefined) {
    perPeriod = new Map();
    sums.perioder.set(period, perPeriod);
  }
  const sum = (perPeriod.get(key) ?? 0) + ore;
  if (!Number.isSafeInteger(sum)) return false;
  perPeriod.set(key, sum);
  return true;
}

export function getBelopp(sums: BeloppSummor, period: number, konto: string, ansvar: string | null): Ore | undefined {
  const kid = sums.kontoIds.get(konto);
  const aid = ansvar === null ? 0 : sums.ansvarIds.get(ansvar);
  if (kid === undefined || aid === undefined) return undefined;
  return sums.perioder.get(period)?.get(kid * ANSVAR_SLOTS + aid);
}

export function forEachBelopp(sums: BeloppSummor, visit: (period: number, konto: string, ansvar: string | null, ore: Ore) => void): void {
  for (const [period, perPeriod] of sums.perioder) {
    for (const [key, ore] of perPeriod) {
      visit(period, sums.konton[Math.floor(key / ANSVAR_SLOTS)]!, sums.ansvar[key % ANSVAR_SLOTS]!, ore);
    }
  }
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Ids in sorted order of their names, and each id's place in that order. */
function ranking(names: readonly (string | null)[]): { idByRank: Int32Array; rankById: Int32Array } {
  const ids = Array.from(names.keys()).sort((a, b) => {
    const x = names[a]!;
    const y = names[b]!;
    return x === y ? 0 : x === null ? -1 : y === null ? 1 : compareText(x, y);
  });
  const idByRank = Int32Array.from(ids);
  const rankById = new Int32Array(ids.length);
  idByRank.forEach((id, rank) => (rankById[id] = rank));
  return { idByRank, rankById };
}

/** The sums as rows, sorted by year, month, account and ansvar (none first), by numbers only. */
export function toUtfallRader(sums: BeloppSummor, skipPeriods?: ReadonlySet<number>): UtfallRad[] {
  const konto = ranking(sums.konton);
  const ansvar = ranking(sums.ansvar);
  const rows: UtfallRad[] = [];
  for (const period of [...sums.perioder.keys()].sort((a, b) => a - b)) {
    if (skipPeriods?.has(period)) continue;
    const perPeriod = sums.perioder.get(period)!;
    const order = new Float64Array(perPeriod.size);
    let i = 0;
    for (const key of perPeriod.keys()) {
      order[i++] = konto.rankById[Math.floor(key / ANSVAR_SLOTS)]! * ANSVAR_SLOTS + ansvar.rankById[key % ANSVAR_SLOTS]!;
    }
    order.sort();
    const ar = Math.floor(period / 100);
    const manad = period % 100;
    for (const rank of order) {
      const kid = konto.idByRank[Math.floor(rank / ANSVAR_SLOTS)]!;
      const aid = ansvar.idByRank[rank % ANSVAR_SLOTS]!;
      rows.push({ ar, manad, konto: sums.konton[kid]!, ansvar: sums.ansvar[aid]!, beloppOre: perPeriod.get(kid * ANSVAR_SLOTS + aid)! });
    }
  }
  return rows;
}
