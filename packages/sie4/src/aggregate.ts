import { formatKronorSv, isoPeriod } from './belopp.js';
import { addBelopp, createBeloppSummor, forEachBelopp, getBelopp, toUtfallRader, type BeloppSummor } from './belopp-summor.js';
import { addProblem, listProblems, type ProblemList } from './problems.js';
import type {
  AnsvarAnvandning,
  Avstamning,
  KontoAnvandning,
  KontoTotal,
  ManadTotal,
  Ore,
  PeriodKalla,
  Sie4Encoding,
  Sie4RecordCounts,
  Sie4Result,
  UtfallKalla,
} from './types.js';

/** Kommun-Bas classes 3–8 make up the resultaträkning; 1–2 are the balance sheet. */
export function isResultatkonto(konto: string): boolean {
  const c = konto.charCodeAt(0);
  return c >= 0x33 && c <= 0x38;
}

/**
 * Period balances (#PSALDO, #PBUDGET) come as an account total (empty object list) and, separately, per
 * object. Summing both would count everything twice, so the per-ansvar rows are used and the total
 * contributes only what no ansvar object carries: a row without ansvar for the remainder.
 */
export function resolvePeriodBalances(totals: BeloppSummor, perAnsvar: BeloppSummor): BeloppSummor {
  const resolved = createBeloppSummor();
  const ansvarSums = createBeloppSummor();
  forEachBelopp(perAnsvar, (period, konto, ansvar, ore) => {
    addBelopp(resolved, period, konto, ansvar, ore);
    addBelopp(ansvarSums, period, konto, null, ore);
  });
  forEachBelopp(totals, (period, konto, _, total) => {
    const carried = getBelopp(ansvarSums, period, konto, null);
    const remainder = total - (carried ?? 0);
    if (remainder !== 0 || carried === undefined) addBelopp(resolved, period, konto, null, remainder);
  });
  return resolved;
}

/** Net per period and account over resultatkonton. */
function netPerPeriodKonto(sums: BeloppSummor): Map<number, Map<string, Ore>> {
  const net = new Map<number, Map<string, Ore>>();
  for (const period of sums.perioder.keys()) net.set(period, new Map());
  forEachBelopp(sums, (period, konto, _, ore) => {
    if (!isResultatkonto(konto)) return;
    const perKonto = net.get(period)!;
    perKonto.set(konto, (perKonto.get(konto) ?? 0) + ore);
  });
  return net;
}

const sumOf = (values: Iterable<Ore>): Ore => {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
};

export interface AggregateInput {
  encoding: Sie4Encoding;
  sieTyp: string | null;
  program: Sie4Result['program'];
  foretag: Sie4Result['foretag'];
  rakenskapsar: Sie4Result['rakenskapsar'];
  lines: number;
  records: Sie4RecordCounts;
  kontoUse: Map<string, number>;
  kontoNamn: Map<string, string>;
  ansvarUse: Map<string, number>;
  ansvarNamn: Map<string, string>;
  /** Amounts from transactions (#TRANS) or CSV rows. */
  rader: BeloppSummor;
  raderKalla: UtfallKalla;
  /** Resolved #PSALDO, and the line of the first #PSALDO per period for messages. */
  psaldo: BeloppSummor;
  psaldoLine: Map<number, number>;
  budget: BeloppSummor;
  res: Map<string, { ore: Ore; line: number }>;
  errors: ProblemList;
  warnings: ProblemList;
}

/**
 * Turns the sums into the result. A month's utfall comes from the transactions when the file has any for
 * that month, since they carry every booking with its ansvar; otherwise from #PSALDO. Where a month has
 * both, the differences are listed per account so a user can reconcile.
 */
export function buildResult(input: AggregateInput): Sie4Result {
  const { errors, warnings } = input;
  const trans = netPerPeriodKonto(input.rader);
  const psaldo = netPerPeriodKonto(input.psaldo);

  const perioder: PeriodKalla[] = [];
  const avstamning: Avstamning[] = [];
  const allPeriods = [...new Set([...trans.keys(), ...psaldo.keys()])].sort((a, b) => a - b);
  for (const period of allPeriods) {
    const ar = Math.floor(period / 100);
    const manad = period % 100;
    const transKonton = trans.get(period);
    const psaldoKonton = psaldo.get(period);
    const transOre = transKonton ? sumOf(transKonton.values()) : null;
    const psaldoOre = psaldoKonton ? sumOf(psaldoKonton.values()) : null;
    perioder.push({ ar, manad, kalla: transKonton ? input.raderKalla : 'PSALDO', transOre, psaldoOre });
    if (!transKonton || !psaldoKonton) continue;

    let differing = 0;
    for (const konto of [...new Set([...transKonton.keys(), ...psaldoKonton.keys()])].sort()) {
      const t = transKonton.get(konto) ?? 0;
      const p = psaldoKonton.get(konto) ?? 0;
      if (t !== p) {
        avstamning.push({ ar, manad, konto, transOre: t, psaldoOre: p });
        differing++;
      }
    }
    if (differing > 0) {
      addProblem(
        warnings,
        input.psaldoLine.get(period) ?? 0,
        '#PSALDO',
        `${isoPeriod(period)} har både #TRANS och #PSALDO och de skiljer sig för ${differing} konton ` +
          `(netto ${formatKronorSv(transOre!)} mot ${formatKronorSv(psaldoOre!)}); utfallet tas från #TRANS`,
      );
    }
  }

  // Months are disjoint between the two sources, so a stable sort by month keeps each month's order.
  const transPeriods = new Set(input.rader.perioder.keys());
  const utfall = [...toUtfallRader(input.rader), ...toUtfallRader(input.psaldo, transPeriods)].sort(
    (a, b) => a.ar * 100 + a.manad - (b.ar * 100 + b.manad),
  );
  const perKonto = new Map<string, Ore>();
  const perManad = new Map<number, Ore>();
  for (const rad of utfall) {
    perKonto.set(rad.konto, (perKonto.get(rad.konto) ?? 0) + rad.beloppOre);
    if (isResultatkonto(rad.konto)) {
      const period = rad.ar * 100 + rad.manad;
      perManad.set(period, (perManad.get(period) ?? 0) + rad.beloppOre);
    }
  }
  for (const [konto, total] of perKonto) {
    if (!Number.isSafeInteger(total)) {
      addProblem(errors, input.kontoUse.get(konto) ?? 0, '', `summan för konto ${konto} blir för stor för exakt beräkning`, true);
    }
  }
  const totalerPerKonto: KontoTotal[] = [...perKonto.keys()].sort().map((konto) => ({ konto, beloppOre: perKonto.get(konto)! }));
  const totalerPerManad: ManadTotal[] = [...perManad.keys()]
    .sort((a, b) => a - b)
    .map((period) => ({ ar: Math.floor(period / 100), manad: period % 100, beloppOre: perManad.get(period)! }));

  const res: KontoTotal[] = [...input.res.keys()].sort().map((konto) => ({ konto, beloppOre: input.res.get(konto)!.ore }));
  if (utfall.length > 0) {
    for (const { konto, beloppOre } of res) {
      const summed = perKonto.get(konto) ?? 0;
      if (summed !== beloppOre) {
        addProblem(
          warnings,
          input.res.get(konto)!.line,
          '#RES',
          `#RES för konto ${konto} är ${formatKronorSv(beloppOre)} men utfallet summerar till ${formatKronorSv(summed)}`,
        );
      }
    }
  }

  const konton: KontoAnvandning[] = [...input.kontoUse]
    .map(([konto, firstLine]) => ({ konto, namn: input.kontoNamn.get(konto) ?? null, firstLine }))
    .sort((a, b) => (a.konto < b.konto ? -1 : a.konto > b.konto ? 1 : 0));
  const ansvar: AnsvarAnvandning[] = [...input.ansvarUse]
    .map(([kod, firstLine]) => ({ kod, namn: input.ansvarNamn.get(kod) ?? null, firstLine }))
    .sort((a, b) => (a.kod < b.kod ? -1 : a.kod > b.kod ? 1 : 0));

  const errorList = listProblems(errors, 'fel');
  return {
    ok: errorList.length === 0,
    encoding: input.encoding,
    sieTyp: input.sieTyp,
    program: input.program,
    foretag: input.foretag,
    rakenskapsar: input.rakenskapsar,
    lines: input.lines,
    records: input.records,
    konton,
    ansvar,
    utfall,
    budget: toUtfallRader(input.budget),
    res,
    totalerPerKonto,
    totalerPerManad,
    perioder,
    avstamning,
    errors: errorList,
    warnings: listProblems(warnings, 'varningar'),
  };
}
