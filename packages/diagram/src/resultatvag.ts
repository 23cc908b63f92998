import type { Oversikt } from '@tertial/contracts/dto';
import { addOre } from '@tertial/contracts/money';

import { formatBeloppUtanEnhet, formatForandring } from './belopp.js';
import type { Vattenfallsstapel } from './vattenfall.js';

/** The chart's height, held while it loads. */
export const RESULTATVAG_HOJD_PX = 360;

/**
 * The walk from the budgeted result to the forecast result as waterfall bars: the budgeted result, each nämnd's
 * avvikelse (a surplus raises the result), the rest (taxes, statsbidrag, finance), and the forecast result. Without
 * the resultaträkning's figures the walk starts at zero and ends at the nämnder's summed avvikelse.
 */
export function resultatvag(resultat: Oversikt['resultat'], { bokslut = false }: { bokslut?: boolean } = {}): Vattenfallsstapel[] {
  const medResultat = resultat.budgeteratOre !== null && resultat.prognosOre !== null && resultat.ovrigtOre !== null;
  const staplar: Vattenfallsstapel[] = [];
  const lagg = (namn: string, kortNamn: string, beloppOre: number, total: boolean, franOre: number) =>
    staplar.push({
      steg: staplar.length + 1,
      namn,
      kortNamn,
      typ: total ? 'total' : beloppOre < 0 ? 'minskning' : 'okning',
      beloppOre,
      franOre: total ? 0 : franOre,
      tillOre: total ? beloppOre : addOre(franOre, beloppOre),
    });

  let niva = 0;
  if (medResultat) {
    lagg('Budgeterat resultat', 'Budget', resultat.budgeteratOre!, true, 0);
    niva = resultat.budgeteratOre!;
  }
  for (const steg of resultat.steg) {
    lagg(steg.namn, steg.kod, steg.beloppOre, false, niva);
    niva = addOre(niva, steg.beloppOre);
  }
  if (medResultat) {
    lagg('Skatter, statsbidrag, finansnetto och övrigt', 'Övrigt', resultat.ovrigtOre!, false, niva);
    // The årsredovisning walks to the bokslut's result instead of a forecast.
    if (bokslut) lagg('Resultat enligt bokslut', 'Bokslut', resultat.prognosOre!, true, 0);
    else lagg('Prognostiserat resultat', 'Prognos', resultat.prognosOre!, true, 0);
  } else {
    lagg('Nämndernas avvikelse mot budget', 'Summa', niva, true, 0);
  }
  return staplar;
}

/**
 * The chart's accessible name: every bar with its amount, units written out (a screen reader says "mnkr" letter by
 * letter); the table below has the same figures.
 */
export function beskrivResultatvag(staplar: readonly Vattenfallsstapel[], ar: number): string {
  const delar = staplar.map(
    (s) =>
      `${s.namn} ${s.typ === 'total' ? formatBeloppUtanEnhet(s.beloppOre, 'mnkr', 1) : formatForandring(s.beloppOre, 'mnkr', 1)} miljoner kronor`,
  );
  const till =
    staplar.at(-1)?.typ === 'total' && staplar.at(-1)?.kortNamn === 'Bokslut' ? 'resultatet enligt bokslut' : 'prognostiserat resultat';
  return `Vattenfallsdiagram från budgeterat till ${till} ${ar}: ${delar.join('; ')}. Samma siffror finns i tabellen under diagrammet.`;
}
