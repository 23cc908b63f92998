import {
  BOLAGENS_ORGANISATIONSNUMMER,
  KONCERNBOLAG,
  type Bolagskod,
  type Koncerndel,
  type KoncerninterntSlag,
} from '@tertial/contracts/dto';

const MNKR = 1_000_000_00;

/** A company's year in öre: revenue and cost positive, resultat efter finansiella poster with its sign, investments. */
export interface DemoBolagssiffror {
  readonly intakterOre: number;
  readonly kostnaderOre: number;
  readonly resultatEfterFinansiellaPosterOre: number;
  readonly investeringarOre: number;
}

export interface DemoBolag {
  readonly kod: Bolagskod;
  readonly namn: string;
  readonly orgnr: string;
  /** The company's ekonomichef, a demo user with the role bolagsekonom scoped to this company. */
  readonly ekonomichef: { readonly id: string; readonly namn: string };
  readonly budget: DemoBolagssiffror & { readonly kommentar: string };
  readonly prognoser: {
    readonly april: DemoBolagssiffror & { kommentar: string };
    readonly augusti: DemoBolagssiffror & { kommentar: string };
  };
  /** How the year's revenue falls over the months (twelve shares summing to 1): an energy company sells in winter. */
  readonly sasong: readonly number[];
}

export interface DemoKoncerninternt {
  readonly saljare: Koncerndel;
  readonly kopare: Koncerndel;
  readonly slag: KoncerninterntSlag;
  readonly beloppOre: number;
}

const JAMN = Array.from({ length: 12 }, () => 1 / 12);
const VINTER = [0.13, 0.12, 0.1, 0.08, 0.06, 0.05, 0.04, 0.05, 0.06, 0.08, 0.11, 0.12];
const EVENEMANG = [0.08, 0.09, 0.1, 0.09, 0.08, 0.06, 0.04, 0.06, 0.1, 0.11, 0.1, 0.09];

const siffror = (intakter: number, kostnader: number, resultat: number, investeringar: number): DemoBolagssiffror => ({
  intakterOre: Math.round(intakter * MNKR),
  kostnaderOre: Math.round(kostnader * MNKR),
  resultatEfterFinansiellaPosterOre: Math.round(resultat * MNKR),
  investeringarOre: Math.round(investeringar * MNKR),
});

const CHEFER: Record<Bolagskod, { id: string; namn: string }> = {
  HSFAB: { id: 'ekonomichef-hsfab', namn: 'Karin Nyström' },
  HBGHEM: { id: 'ekonomichef-hbghem', namn: 'Erik Sandberg' },
  HAMN: { id: 'ekonomichef-hamn', namn: 'Linnea Åberg' },
  OKAB: { id: 'ekonomichef-okab', namn: 'Mats Olofsson' },
  HAS: { id: 'ekonomichef-has', namn: 'Ingrid Falk' },
};

/**
 * The demo city's wholly owned companies: budgets from their affärsplaner and forecasts after April and August,
 * of a plausible size for Helsingborg (Öresundskraft turns over about 3 billion, Helsingborgshem about 1.2).
 */
export function demoBolag(): readonly DemoBolag[] {
  const data: Record<Bolagskod, Omit<DemoBolag, 'kod' | 'namn' | 'orgnr' | 'ekonomichef'>> = {
    HSFAB: {
      budget: { ...siffror(10, 16, -28, 0), kommentar: 'Moderbolagets förvaltning; räntor på lån till dotterbolagen.' },
      prognoser: {
        april: { ...siffror(10, 16.4, -28.6, 0), kommentar: 'I stort enligt budget; något högre konsultkostnader.' },
        augusti: { ...siffror(10.2, 16.9, -29.4, 0), kommentar: 'Högre räntekostnader efter höstens refinansiering.' },
      },
      sasong: JAMN,
    },
    HBGHEM: {
      budget: { ...siffror(1_150, 880, 140, 900), kommentar: 'Hyreshöjning 4,5 % från januari; nyproduktion i Drottninghög.' },
      prognoser: {
        april: {
          ...siffror(1_152, 889, 133, 870),
          kommentar: 'Högre uppvärmningskostnader under vintern; en byggstart skjuts till hösten.',
        },
        augusti: {
          ...siffror(1_156, 902, 124, 820),
          kommentar: 'Eftersatt underhåll tidigareläggs; investeringarna lägre då två projekt försenas.',
        },
      },
      sasong: JAMN,
    },
    HAMN: {
      budget: { ...siffror(420, 360, 35, 180), kommentar: 'Ökad containervolym enligt affärsplanen.' },
      prognoser: {
        april: { ...siffror(412, 358, 29, 175), kommentar: 'Lägre godsvolymer under första tertialet.' },
        augusti: { ...siffror(405, 356, 24, 160), kommentar: 'Volymerna har inte återhämtat sig; kajrenoveringen delas på två år.' },
      },
      sasong: JAMN,
    },
    OKAB: {
      budget: { ...siffror(3_200, 2_850, 260, 1_100), kommentar: 'Normalår för värme och el; utbyggnad av fjärrvärmenätet.' },
      prognoser: {
        april: { ...siffror(3_280, 2_905, 285, 1_080), kommentar: 'Kall vinter gav högre värmeförsäljning.' },
        augusti: { ...siffror(3_310, 2_925, 292, 1_040), kommentar: 'Högre elpriser än budgeterat ger bättre resultat i elhandeln.' },
      },
      sasong: VINTER,
    },
    HAS: {
      budget: { ...siffror(150, 165, -17, 20), kommentar: 'Evenemangsprogram enligt ägardirektivet.' },
      prognoser: {
        april: { ...siffror(148, 166, -20, 20), kommentar: 'Färre evenemang under våren.' },
        augusti: { ...siffror(154, 168, -16, 18), kommentar: 'Höstens program är nästan fullbokat.' },
      },
      sasong: EVENEMANG,
    },
  };
  return KONCERNBOLAG.map(({ kod, namn }) => ({
    kod,
    namn,
    orgnr: BOLAGENS_ORGANISATIONSNUMMER[kod],
    ekonomichef: CHEFER[kod],
    ...data[kod],
  }));
}

/** The comments of the companies' budgets and forecasts in the year before the demo year. */
const FORRA_ARETS_KOMMENTARER: Record<Bolagskod, { budget: string; april: string; augusti: string }> = {
  HSFAB: {
    budget: 'Moderbolagets förvaltning och räntor på lån till dotterbolagen.',
    april: 'Enligt budget.',
    augusti: 'Något lägre räntekostnader än budgeterat.',
  },
  HBGHEM: {
    budget: 'Hyreshöjning 3,9 % från januari; renoveringar i Närlunda.',
    april: 'Vinterns reparationer högre än budgeterat.',
    augusti: 'Två lägenhetsrenoveringar flyttas till 2026; lägre investeringar.',
  },
  HAMN: {
    budget: 'Godsvolymer i nivå med föregående år.',
    april: 'Fler anlöp av kryssningsfartyg än väntat.',
    augusti: 'Containervolymerna något under budget under sommaren.',
  },
  OKAB: {
    budget: 'Normalår för värme och el; ny biobränslepanna tas i drift.',
    april: 'Mild vinter gav lägre värmeförsäljning.',
    augusti: 'Lägre elpriser än budgeterat; biobränslepannan i drift från juni.',
  },
  HAS: {
    budget: 'Evenemangsprogram enligt ägardirektivet; sommarkonserterna i egen regi för första gången.',
    april: 'Vårens konserter sålde bättre än väntat.',
    augusti: 'Två större evenemang under hösten ställdes in.',
  },
};

/**
 * The companies' year before the demo year: budgets, forecasts and (through `demoBolagSie`) a ledger a little
 * below the demo year's, at the level the nämnders' frames grew by, with that year's comments.
 */
export function demoBolagForraAret(): readonly DemoBolag[] {
  const niva = (s: DemoBolagssiffror, promille: number): DemoBolagssiffror => {
    const skala = (ore: number) => Math.round((ore * (960 + promille)) / 1000 / 100_000_00) * 100_000_00;
    const intakterOre = skala(s.intakterOre);
    const kostnaderOre = skala(s.kostnaderOre);
    const finansnetto = s.resultatEfterFinansiellaPosterOre - s.intakterOre + s.kostnaderOre;
    return {
      intakterOre,
      kostnaderOre,
      resultatEfterFinansiellaPosterOre: intakterOre - kostnaderOre + skala(finansnetto),
      investeringarOre: skala(s.investeringarOre),
    };
  };
  return demoBolag().map((bolag) => {
    const kommentarer = FORRA_ARETS_KOMMENTARER[bolag.kod];
    return {
      ...bolag,
      budget: { ...niva(bolag.budget, 0), kommentar: kommentarer.budget },
      prognoser: {
        april: { ...niva(bolag.budget, 3), kommentar: kommentarer.april },
        augusti: { ...niva(bolag.prognoser.april, 0), kommentar: kommentarer.augusti },
      },
    };
  });
}

/** What the koncern's parts sell to each other over the demo year. */
export function demoKoncerninterna(): readonly DemoKoncerninternt[] {
  const post = (saljare: Koncerndel, kopare: Koncerndel, slag: KoncerninterntSlag, mnkr: number) => ({
    saljare,
    kopare,
    slag,
    beloppOre: Math.round(mnkr * MNKR),
  });
  return [
    post('HBGHEM', 'KOMMUN', 'hyra', 142.5),
    post('OKAB', 'KOMMUN', 'energi', 61.2),
    post('OKAB', 'HBGHEM', 'energi', 48.7),
    post('HAMN', 'KOMMUN', 'tjanster', 6.4),
    post('HAS', 'KOMMUN', 'tjanster', 38),
    post('KOMMUN', 'OKAB', 'ranta', 52.3),
    post('KOMMUN', 'HBGHEM', 'ranta', 31.8),
    post('HSFAB', 'OKAB', 'koncernbidrag', 95),
    post('HSFAB', 'HBGHEM', 'koncernbidrag', 20),
  ];
}

/** How a company's cost falls on its BAS accounts (shares summing to 1). */
const KOSTNADSKONTON: readonly [number, string, number][] = [
  [4010, 'Inköp av material och varor', 0.35],
  [5010, 'Lokalhyra', 0.1],
  [7010, 'Löner till kollektivanställda', 0.3],
  [7510, 'Arbetsgivaravgifter', 0.09],
  [7832, 'Avskrivningar på byggnader', 0.16],
];

/**
 * The company's ledger for January to `tillManad` as SIE 4 text (UTF-8), one verifikation per month: revenue,
 * cost by account, interest and investments against the bank. Its months follow the August forecast's year
 * spread by the company's season, so utfall, budget and forecast tell one story.
 */
export function demoBolagSie(bolag: DemoBolag, ar: number, tillManad: number): string {
  const ar100 = bolag.prognoser.augusti;
  const finansnetto = ar100.resultatEfterFinansiellaPosterOre - ar100.intakterOre + ar100.kostnaderOre;
  const rader = [
    '#FLAGGA 0',
    '#PROGRAM "Tertial demoekonomi" 1.0',
    `#GEN ${ar}${String(tillManad + 1).padStart(2, '0')}05`,
    '#SIETYP 4',
    `#FNAMN "${bolag.namn}"`,
    `#ORGNR ${bolag.orgnr}`,
    `#RAR 0 ${ar}0101 ${ar}1231`,
    '#KPTYP "BAS2014"',
    '#VALUTA SEK',
    '#KONTO 1110 "Byggnader"',
    '#KONTO 1930 "Företagskonto"',
    '#KONTO 3011 "Försäljning tjänster"',
    ...KOSTNADSKONTON.map(([konto, namn]) => `#KONTO ${konto} "${namn}"`),
    '#KONTO 8310 "Ränteintäkter"',
    '#KONTO 8410 "Räntekostnader"',
  ];
  const belopp = (ore: number) => `${ore < 0 ? '-' : ''}${Math.trunc(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, '0')}`;
  for (let manad = 1; manad <= tillManad; manad++) {
    const andel = bolag.sasong[manad - 1]!;
    const intakter = Math.round(ar100.intakterOre * andel);
    const kostnader = Math.round(ar100.kostnaderOre * andel);
    const finans = Math.round(finansnetto / 12);
    const investering = Math.round(ar100.investeringarOre / 12);
    const trans: [number, number][] = [[3011, -intakter]];
    for (const [konto, , del] of KOSTNADSKONTON) trans.push([konto, Math.round(kostnader * del)]);
    trans.push(finans >= 0 ? [8310, -finans] : [8410, -finans]);
    if (investering > 0) trans.push([1110, investering]);
    const bank = -trans.reduce((summa, [, ore]) => summa + ore, 0);
    trans.push([1930, bank]);
    const datum = `${ar}${String(manad).padStart(2, '0')}28`;
    rader.push(`#VER A ${manad} ${datum} "Månadens sammandrag ${manad}"`, '{');
    for (const [konto, ore] of trans) rader.push(`   #TRANS ${konto} {} ${belopp(ore)}`);
    rader.push('}');
  }
  return `${rader.join('\n')}\n`;
}
