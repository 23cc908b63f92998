import type { DemoStad } from '@tertial/demo-city';

import type { Budgetversion } from './budgetversioner.js';
import type { ResursfordelningUnderlag } from './resursfordelning.js';

/**
 * The demo city's budget as decisions: KF's frames in June the year before, each nämnd's internbudget in
 * December, and next year's resursfördelning inputs (the frame as base, demography, KPI — entreprenadindex for
 * stadsbyggnadsnämnden — and an efficiency requirement).
 */
export function demoBudget(stad: DemoStad): { versioner: Budgetversion[]; underlag: ResursfordelningUnderlag[] } {
  const namndAv = new Map(stad.organisation.filter((n) => n.niva === 'enhet').map((n) => [n.kod, n.foralderKod!.split('-')[0]!]));
  const versioner: Budgetversion[] = [
    {
      id: `kf-${stad.ar}`,
      typ: 'kf-beslut',
      ar: stad.ar,
      namn: `KF:s budget ${stad.ar}`,
      beslutad: `${stad.ar - 1}-06-18`,
      ramar: stad.ramar.map((ram) => ({ namnd: ram.namnd, beloppOre: ram.nettoOre })),
    },
  ];
  for (const ram of stad.ramar) {
    versioner.push({
      id: `internbudget-${ram.namnd}-${stad.ar}`,
      typ: 'internbudget',
      ar: stad.ar,
      namn: `Internbudget ${stad.ar}`,
      beslutad: `${stad.ar - 1}-12-10`,
      namnd: ram.namnd,
      rader: stad.internbudget.filter((rad) => namndAv.get(rad.ansvar) === ram.namnd),
    });
  }
  const underlag = stad.ramar.map((ram): ResursfordelningUnderlag => {
    const tillfalligt = Math.round(ram.nettoOre / 100 / 100) * 100; // about one percent, whole kronor
    const demografi = ram.namnd === 'SFN' || ram.namnd === 'VON' || ram.namnd === 'BUN';
    return {
      namnd: ram.namnd,
      ar: stad.ar + 1,
      foregaendeArsTilldelningOre: ram.nettoOre,
      tillfalligaSatsningar: [{ text: 'Tillfällig satsning på kompetensutveckling', beloppOre: tillfalligt }],
      befolkning: demografi
        ? [
            { aldersband: ram.namnd === 'VON' ? '80-w' : '6-15', invanareIAr: 21_400, invanarePrognos: 21_850 },
            { aldersband: ram.namnd === 'VON' ? '65-79' : '1-5', invanareIAr: 9_800, invanarePrognos: 9_760 },
          ]
        : [],
      demografi: demografi
        ? [
            {
              verksamhetsomrade: ram.namnd === 'VON' ? 'Äldreomsorg' : 'Skola',
              aldersband: ram.namnd === 'VON' ? '80-w' : '6-15',
              prisPerInvanareOre: 11_250_000,
            },
            {
              verksamhetsomrade: ram.namnd === 'VON' ? 'Hemtjänst' : 'Förskola',
              aldersband: ram.namnd === 'VON' ? '65-79' : '1-5',
              prisPerInvanareOre: 14_600_000,
            },
          ]
        : [],
      upprakning: ram.namnd === 'SBN' ? { namn: 'Entreprenadindex', procentsats: '3,1' } : { namn: 'KPI', procentsats: '2,3' },
      ovrigaJusteringar: [
        { text: 'Politisk prioritering', beloppOre: Math.round(ram.nettoOre / 200 / 100) * 100 },
        { text: 'Effektiviseringskrav', beloppOre: -Math.round(ram.nettoOre / 100 / 100) * 100 },
      ],
    };
  });
  return { versioner, underlag };
}
