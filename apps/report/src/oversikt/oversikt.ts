import type {
  MaluppfyllelseOversikt,
  Oversikt,
  OversiktTillfalle,
  PrognossakerhetDto,
  PrognosTotaler,
  Resultatrakning,
} from '@tertial/contracts/dto';
import { TRENDPUNKTER } from '@tertial/contracts/dto';
import { addOre, type Ore } from '@tertial/contracts/money';

export interface Oversiktsunderlag {
  readonly totaler: PrognosTotaler;
  /**
   * Each nämnd's avvikelse in the round's roll-up: budget minus prognos over the ansvar whose forecast counts, the
   * budget standing for the rest, as in the resultaträkning's column. Undefined where the roll-up has no such node.
   */
  readonly rollupAvvikelse: (kod: string) => Ore | undefined;
  readonly resultatrakning: Resultatrakning;
  readonly prognossakerhet: PrognossakerhetDto;
  readonly mal: MaluppfyllelseOversikt;
}

const ARETS_RESULTAT = 'arets-resultat';

/** The resultaträkning's årets resultat in one column, or null where the column has no figures yet. */
function aretsResultat(resultatrakning: Resultatrakning, tillfalle: 'budget' | OversiktTillfalle): Ore | null {
  const kolumn = resultatrakning.kolumner.findIndex((k) => k.tillfalle === tillfalle);
  if (kolumn < 0 || !resultatrakning.kolumner[kolumn]!.finns) return null;
  return resultatrakning.rader.find((rad) => rad.kod === ARETS_RESULTAT)?.belopp[kolumn] ?? null;
}

/**
 * Puts the consolidated view together from the report service's own answers, so each figure is the one the
 * ekonomidirektör finds on its page: the round's totals, the resultaträkning, prognossäkerhet and goal attainment.
 * The walk from the budgeted to the forecast result takes each nämnd's avvikelse as a step (largest effect first)
 * and leaves the rest of the difference, exactly, to `ovrigtOre`.
 */
export function sammanstallOversikt(ar: number, tillfalle: OversiktTillfalle, underlag: Oversiktsunderlag): Oversikt {
  const { totaler, resultatrakning, prognossakerhet, mal, rollupAvvikelse } = underlag;
  // A year closed before its forecasts were kept per ansvar (the demo's 2025) has them per nämnd as the round closed.
  const behallen = prognossakerhet.omgangar.find((o) => o.tillfalle === tillfalle && o.stangdAt !== null);
  const namnder = totaler.namnder.map((n) => {
    const kept = n.antalLamnade === 0 ? behallen?.namnder.find((rad) => rad.namnd === n.kod) : undefined;
    return {
      kod: n.kod,
      namn: n.namn,
      budgetOre: kept ? kept.prognosBudgetOre : n.budgetOre,
      utfallOre: n.utfallOre,
      prognosOre: kept ? kept.prognosOre : (n.helarsprognosOre ?? n.nettokostnadOre),
      avvikelseOre: kept ? kept.prognosAvvikelseOre : n.avvikelseOre,
      antalLamnade: n.antalLamnade,
      antalAnsvar: n.antalAnsvar,
    };
  });

  // A nämnd's step is what its forecasts move the resultaträkning's column: the roll-up's avvikelse (the budget stands
  // for an ansvar without a forecast), or for a closed year kept per nämnd, its kept avvikelse.
  const steg = namnder
    .map((n) => ({ kod: n.kod, namn: n.namn, beloppOre: rollupAvvikelse(n.kod) ?? n.avvikelseOre }))
    .filter((n): n is { kod: string; namn: string; beloppOre: Ore } => n.beloppOre !== null && n.beloppOre !== 0)
    .sort((a, b) => Math.abs(b.beloppOre) - Math.abs(a.beloppOre) || a.kod.localeCompare(b.kod));
  const budgeteratOre = aretsResultat(resultatrakning, 'budget');
  const prognosOre = aretsResultat(resultatrakning, tillfalle);
  const stegensSumma = addOre(...steg.map((s) => s.beloppOre));
  const ovrigtOre = budgeteratOre !== null && prognosOre !== null ? addOre(prognosOre, -budgeteratOre, -stegensSumma) : null;

  // The trend: each nämnd's forecast at April and August (as kept when the round closed), then the bokslut.
  const omgang = (t: 'april' | 'augusti') => prognossakerhet.omgangar.find((o) => o.tillfalle === t);
  const bokslutFran = prognossakerhet.omgangar.find((o) => o.namnder.some((n) => n.bokslutOre !== null));
  const punkt = (t: (typeof TRENDPUNKTER)[number], kod: string | null): Ore | null => {
    if (t === 'bokslut') {
      const rad = kod === null ? bokslutFran?.stad : bokslutFran?.namnder.find((n) => n.namnd === kod);
      return rad?.bokslutOre ?? null;
    }
    const o = omgang(t);
    const rad = kod === null ? o?.stad : o?.namnder.find((n) => n.namnd === kod);
    return rad?.prognosOre ?? null;
  };
  const trendnamnder = namnder
    .map((n) => ({ kod: n.kod, namn: n.namn, nettokostnadOre: TRENDPUNKTER.map((t) => punkt(t, n.kod)) }))
    .filter((n) => n.nettokostnadOre.some((belopp) => belopp !== null));

  return {
    ar,
    tillfalle,
    namnder,
    resultat: { budgeteratOre, prognosOre, steg, ovrigtOre },
    trend: {
      stad: { kod: totaler.stad.kod, namn: totaler.stad.namn, nettokostnadOre: TRENDPUNKTER.map((t) => punkt(t, null)) },
      namnder: trendnamnder,
    },
    mal,
  };
}
