import type { KontogruppKod } from '@tertial/contracts/kontogrupper';

/** How a nämnd's costs split over the kontogrupper, and its revenue as a share of its costs. */
export interface Kostnadsprofil {
  readonly kostnader: Partial<Record<KontogruppKod, number>>;
  readonly intakterAvKostnader: number;
}

export interface DemoAvdelning {
  readonly namn: string;
  /** The share of the nämnd's ansvar in this avdelning. */
  readonly andel: number;
  /** Names an enhet from a district and a running number within the avdelning. */
  readonly enhet: (stadsdel: string, nummer: number) => string;
}

export interface DemoNamnd {
  readonly kod: string;
  readonly namn: string;
  readonly forvaltning: string;
  /** The year's budgeted net cost, in million kronor. */
  readonly nettoMnkr: number;
  readonly antalAnsvar: number;
  readonly profil: Kostnadsprofil;
  readonly avdelningar: readonly DemoAvdelning[];
}

const VERKSAMHET: Kostnadsprofil = {
  kostnader: { personalkostnader: 0.62, lokalkostnader: 0.14, 'kop-av-verksamhet': 0.1, 'ovriga-kostnader': 0.1, kapitalkostnader: 0.04 },
  intakterAvKostnader: 0.12,
};
const OMSORG: Kostnadsprofil = {
  kostnader: { personalkostnader: 0.7, lokalkostnader: 0.09, 'kop-av-verksamhet': 0.13, 'ovriga-kostnader': 0.06, kapitalkostnader: 0.02 },
  intakterAvKostnader: 0.1,
};
const KANSLI: Kostnadsprofil = {
  kostnader: { personalkostnader: 0.55, lokalkostnader: 0.08, 'kop-av-verksamhet': 0.07, 'ovriga-kostnader': 0.25, kapitalkostnader: 0.05 },
  intakterAvKostnader: 0.18,
};
const TEKNIK: Kostnadsprofil = {
  kostnader: { personalkostnader: 0.3, lokalkostnader: 0.1, 'kop-av-verksamhet': 0.25, 'ovriga-kostnader': 0.15, kapitalkostnader: 0.2 },
  intakterAvKostnader: 0.45,
};

const avd = (namn: string, andel: number, enhet: DemoAvdelning['enhet']): DemoAvdelning => ({ namn, andel, enhet });

/**
 * Helsingborg's nämnder with a plausible size each: together about 3,000 ansvar and a net cost near
 * 9.7 billion kronor, the order of the real city's.
 */
export const DEMO_NAMNDER: readonly DemoNamnd[] = [
  {
    kod: 'KF',
    namn: 'Kommunfullmäktige',
    forvaltning: 'Kommunfullmäktiges kansli och revision',
    nettoMnkr: 30,
    antalAnsvar: 20,
    profil: KANSLI,
    avdelningar: [
      avd('Fullmäktige', 0.4, (_, n) => `Fullmäktige och partistöd ${n}`),
      avd('Stadsrevisionen', 0.6, (_, n) => `Revisionsområde ${n}`),
    ],
  },
  {
    kod: 'KS',
    namn: 'Kommunstyrelsen',
    forvaltning: 'Stadsledningsförvaltningen',
    nettoMnkr: 650,
    antalAnsvar: 220,
    profil: KANSLI,
    avdelningar: [
      avd('Ekonomiavdelningen', 0.14, (_, n) => `Ekonomi och redovisning ${n}`),
      avd('HR-avdelningen', 0.14, (_, n) => `HR-service ${n}`),
      avd('Kommunikationsavdelningen', 0.1, (_, n) => `Kommunikation ${n}`),
      avd('Digitaliseringsavdelningen', 0.2, (_, n) => `Digital utveckling ${n}`),
      avd('Näringslivsavdelningen', 0.1, (s) => `Näringsliv ${s}`),
      avd('Stadsjuridiska avdelningen', 0.08, (_, n) => `Juridik ${n}`),
      avd('Helsingborg kontaktcenter', 0.24, (_, n) => `Kontaktcenter grupp ${n}`),
    ],
  },
  {
    kod: 'SFN',
    namn: 'Skol- och fritidsnämnden',
    forvaltning: 'Skol- och fritidsförvaltningen',
    nettoMnkr: 2900,
    antalAnsvar: 750,
    profil: VERKSAMHET,
    avdelningar: [
      avd('Förskola norr', 0.1, (s) => `${s} förskola`),
      avd('Förskola söder', 0.1, (s) => `${s}s förskolor`),
      avd('Förskola öster', 0.1, (s) => `Förskolan ${s}`),
      avd('Förskola väster', 0.1, (s) => `${s} förskoleområde`),
      avd('Grundskola norr', 0.12, (s) => `${s}skolan`),
      avd('Grundskola söder', 0.12, (s) => `${s} skola F–9`),
      avd('Grundskola öster', 0.12, (s) => `${s} skola F–6`),
      avd('Grundskola väster', 0.12, (s) => `${s} skola 7–9`),
      avd('Fritid och elevhälsa', 0.12, (s) => `Fritid och elevhälsa ${s}`),
    ],
  },
  {
    kod: 'BUN',
    namn: 'Barn- och utbildningsnämnden',
    forvaltning: 'Barn- och utbildningsförvaltningen',
    nettoMnkr: 1100,
    antalAnsvar: 350,
    profil: VERKSAMHET,
    avdelningar: [
      avd('Gymnasieskola norr', 0.225, (s) => `${s} gymnasium`),
      avd('Gymnasieskola söder', 0.225, (s) => `${s} gymnasieskola`),
      avd('Vuxenutbildning', 0.2, (s) => `Vuxenutbildning ${s}`),
      avd('Särskola', 0.15, (s) => `Anpassad skola ${s}`),
      avd('Stöd och utveckling', 0.2, (_, n) => `Utvecklingsenhet ${n}`),
    ],
  },
  {
    kod: 'VON',
    namn: 'Vård- och omsorgsnämnden',
    forvaltning: 'Vård- och omsorgsförvaltningen',
    nettoMnkr: 2300,
    antalAnsvar: 600,
    profil: OMSORG,
    avdelningar: [
      avd('Hemtjänst norr', 0.15, (s) => `Hemtjänst ${s}`),
      avd('Hemtjänst söder', 0.15, (s) => `Hemtjänstgrupp ${s}`),
      avd('Vård- och omsorgsboende norr', 0.15, (s) => `${s} vård- och omsorgsboende`),
      avd('Vård- och omsorgsboende söder', 0.15, (s) => `${s}gården`),
      avd('Funktionsstöd norr', 0.125, (s) => `Gruppbostad ${s}`),
      avd('Funktionsstöd söder', 0.125, (s) => `Daglig verksamhet ${s}`),
      avd('Hälso- och sjukvård', 0.15, (s) => `Hemsjukvård ${s}`),
    ],
  },
  {
    kod: 'SN',
    namn: 'Socialnämnden',
    forvaltning: 'Socialförvaltningen',
    nettoMnkr: 1300,
    antalAnsvar: 400,
    profil: OMSORG,
    avdelningar: [
      avd('Barn och unga', 0.175, (s) => `Barn och unga ${s}`),
      avd('Familj', 0.175, (s) => `Familjestöd ${s}`),
      avd('Vuxen', 0.24, (s) => `Vuxenenheten ${s}`),
      avd('Ekonomiskt bistånd', 0.2, (s) => `Ekonomiskt bistånd ${s}`),
      avd('Boende och stöd', 0.2, (s) => `Stödboende ${s}`),
    ],
  },
  {
    kod: 'AMN',
    namn: 'Arbetsmarknadsnämnden',
    forvaltning: 'Arbetsmarknadsförvaltningen',
    nettoMnkr: 400,
    antalAnsvar: 150,
    profil: VERKSAMHET,
    avdelningar: [
      avd('Jobbtorg', 0.5, (s) => `Jobbtorg ${s}`),
      avd('Arbetsträning', 0.3, (s) => `Arbetsträning ${s}`),
      avd('Integration', 0.2, (s) => `Etablering ${s}`),
    ],
  },
  {
    kod: 'SBN',
    namn: 'Stadsbyggnadsnämnden',
    forvaltning: 'Stadsbyggnadsförvaltningen',
    nettoMnkr: 350,
    antalAnsvar: 150,
    profil: TEKNIK,
    avdelningar: [
      avd('Plan och bygglov', 0.3, (s) => `Planområde ${s}`),
      avd('Drift och underhåll', 0.45, (s) => `Gator och parker ${s}`),
      avd('Trafik', 0.25, (s) => `Trafik ${s}`),
    ],
  },
  {
    kod: 'FN',
    namn: 'Fastighetsnämnden',
    forvaltning: 'Fastighetsförvaltningen',
    nettoMnkr: 60,
    antalAnsvar: 80,
    profil: TEKNIK,
    avdelningar: [avd('Förvaltning', 0.6, (s) => `Fastigheter ${s}`), avd('Projekt', 0.4, (_, n) => `Byggprojekt ${n}`)],
  },
  {
    kod: 'KN',
    namn: 'Kulturnämnden',
    forvaltning: 'Kulturförvaltningen',
    nettoMnkr: 230,
    antalAnsvar: 80,
    profil: VERKSAMHET,
    avdelningar: [
      avd('Bibliotek', 0.45, (s) => `${s} bibliotek`),
      avd('Museer', 0.3, (_, n) => `Museienhet ${n}`),
      avd('Kulturhus', 0.25, (s) => `Kulturhuset ${s}`),
    ],
  },
  {
    kod: 'IFN',
    namn: 'Idrotts- och fritidsnämnden',
    forvaltning: 'Idrotts- och fritidsförvaltningen',
    nettoMnkr: 280,
    antalAnsvar: 100,
    profil: TEKNIK,
    avdelningar: [avd('Anläggningar', 0.6, (s) => `Idrottsplats ${s}`), avd('Föreningsstöd', 0.4, (s) => `Föreningsstöd ${s}`)],
  },
  {
    kod: 'MN',
    namn: 'Miljönämnden',
    forvaltning: 'Miljöförvaltningen',
    nettoMnkr: 45,
    antalAnsvar: 40,
    profil: KANSLI,
    avdelningar: [avd('Tillsyn', 0.7, (s) => `Miljötillsyn ${s}`), avd('Miljöstrategi', 0.3, (_, n) => `Miljöstrategi ${n}`)],
  },
  {
    kod: 'OFN',
    namn: 'Överförmyndarnämnden',
    forvaltning: 'Överförmyndarförvaltningen',
    nettoMnkr: 25,
    antalAnsvar: 20,
    profil: KANSLI,
    avdelningar: [avd('Ställföreträdarskap', 1, (_, n) => `Handläggargrupp ${n}`)],
  },
  {
    kod: 'VALN',
    namn: 'Valnämnden',
    forvaltning: 'Valkansliet',
    nettoMnkr: 4,
    antalAnsvar: 5,
    profil: KANSLI,
    avdelningar: [avd('Valgenomförande', 1, (_, n) => `Valdistrikt ${n}`)],
  },
];
