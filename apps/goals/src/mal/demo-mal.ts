import type { SkapaInriktningRequest, SkapaNyckeltalRequest } from '@tertial/contracts/dto';

/** A demo nyckeltal with how its demo values go: from `start` in the first period towards `slut` in the last. */
export interface DemoNyckeltal extends SkapaNyckeltalRequest {
  readonly nyckel: string;
  readonly perioder: readonly string[];
  readonly start: number;
  readonly slut: number;
}

const AR = ['2021', '2022', '2023', '2024', '2025'];
const TERTIAL = ['2024-T1', '2024-T2', '2024-T3', '2025-T1', '2025-T2', '2025-T3', '2026-T1', '2026-T2'];

/** The demo city's nyckeltal: two of them Kolada's, the others the city's own measures. */
export const DEMO_NYCKELTAL: readonly DemoNyckeltal[] = [
  {
    nyckel: 'resultat',
    namn: 'Resultat i procent av skatteintäkter och generella statsbidrag',
    definition: 'Årets resultat delat med skatteintäkter och generella statsbidrag och utjämning.',
    enhet: '%',
    riktning: 'hogre-ar-battre',
    kalla: 'Årsredovisningen',
    utgangsvarde: { ar: 2022, varde: 1.4 },
    malvarden: [{ ar: 2026, varde: 2 }],
    perioder: AR,
    start: 1.1,
    slut: 2.1,
  },
  {
    nyckel: 'behoriga',
    namn: 'Elever i åk 9 som är behöriga till ett yrkesprogram',
    definition: 'Andel elever i årskurs 9 som är behöriga till ett yrkesprogram, hemkommun.',
    enhet: '%',
    riktning: 'hogre-ar-battre',
    kalla: 'Kolada (RKA), Skolverket',
    koladaKpi: 'N15428',
    konsuppdelat: true,
    utgangsvarde: { ar: 2022, varde: 84.2 },
    malvarden: [
      { ar: 2026, varde: 88 },
      { ar: 2027, varde: 89 },
    ],
    perioder: AR,
    start: 83.1,
    slut: 86.9,
  },
  {
    nyckel: 'bistand',
    namn: 'Invånare med långvarigt ekonomiskt bistånd',
    definition: 'Andel av invånarna som har fått ekonomiskt bistånd i minst tio av årets månader.',
    enhet: '%',
    riktning: 'lagre-ar-battre',
    kalla: 'Kolada (RKA), Socialstyrelsen',
    koladaKpi: 'N31807',
    utgangsvarde: { ar: 2022, varde: 1.62 },
    malvarden: [{ ar: 2026, varde: 1.4 }],
    perioder: AR,
    start: 1.68,
    slut: 1.55,
  },
  {
    nyckel: 'oppenvard',
    namn: 'Andel insatser för barn och unga i öppenvård',
    definition: 'Insatser i öppenvård av alla insatser för barn och unga, under perioden.',
    enhet: '%',
    riktning: 'hogre-ar-battre',
    kalla: 'Verksamhetssystemet',
    periodtyp: 'tertial',
    utgangsvarde: { ar: 2024, varde: 71 },
    malvarden: [
      { ar: 2026, varde: 80 },
      { ar: 2027, varde: 82 },
    ],
    perioder: TERTIAL,
    start: 71,
    slut: 79,
  },
  {
    nyckel: 'trygghet',
    namn: 'Brukare som känner sig trygga med hemtjänsten',
    definition: 'Andel brukare i hemtjänsten som svarar att de känner sig trygga hemma med stöd från hemtjänsten.',
    enhet: '%',
    riktning: 'hogre-ar-battre',
    kalla: 'Socialstyrelsens brukarundersökning',
    utgangsvarde: { ar: 2022, varde: 84 },
    malvarden: [{ ar: 2026, varde: 90 }],
    perioder: AR,
    start: 84,
    slut: 85.2,
  },
  {
    nyckel: 'forskolegrupper',
    namn: 'Barn i förskolegrupper med högst 15 barn',
    definition: 'Andel av förskolans barn som går i en grupp med högst 15 barn.',
    enhet: '%',
    riktning: 'hogre-ar-battre',
    kalla: 'Barn- och utbildningsförvaltningen',
    utgangsvarde: { ar: 2022, varde: 58 },
    malvarden: [{ ar: 2026, varde: 70 }],
    perioder: AR,
    start: 57,
    slut: 71,
  },
  {
    nyckel: 'arbete',
    namn: 'Deltagare som gått till arbete eller studier',
    definition: 'Andel av arbetsmarknadsförvaltningens avslutade deltagare som gått till arbete eller studier.',
    enhet: '%',
    riktning: 'hogre-ar-battre',
    kalla: 'Arbetsmarknadsförvaltningen',
    periodtyp: 'tertial',
    utgangsvarde: { ar: 2024, varde: 38 },
    malvarden: [{ ar: 2026, varde: 48 }],
    perioder: TERTIAL,
    start: 38,
    slut: 47,
  },
  {
    nyckel: 'bygglov',
    namn: 'Handläggningstid för bygglov',
    definition: 'Mediantid från komplett ansökan till beslut om bygglov.',
    enhet: 'dagar',
    riktning: 'lagre-ar-battre',
    kalla: 'Stadsbyggnadsförvaltningen',
    periodtyp: 'tertial',
    utgangsvarde: { ar: 2024, varde: 42 },
    malvarden: [{ ar: 2026, varde: 30 }],
    perioder: TERTIAL,
    start: 42,
    slut: 35,
  },
  {
    nyckel: 'kulturbesok',
    namn: 'Besök på stadens kulturhus och museer',
    definition: 'Antal besök på Dunkers kulturhus, Kulturmagasinet och Fredriksdal under perioden, i tusental.',
    enhet: 'tusen besök',
    riktning: 'hogre-ar-battre',
    kalla: 'Kulturförvaltningen',
    periodtyp: 'tertial',
    utgangsvarde: { ar: 2024, varde: 210 },
    malvarden: [{ ar: 2026, varde: 240 }],
    perioder: TERTIAL,
    start: 205,
    slut: 228,
  },
  {
    nyckel: 'utslapp',
    namn: 'Utsläpp av växthusgaser per invånare',
    definition: 'Territoriella utsläpp av växthusgaser, ton koldioxidekvivalenter per invånare.',
    enhet: 'ton/inv',
    riktning: 'lagre-ar-battre',
    kalla: 'Nationella emissionsdatabasen',
    utgangsvarde: { ar: 2022, varde: 3.6 },
    malvarden: [{ ar: 2026, varde: 3 }],
    perioder: AR,
    start: 3.7,
    slut: 3.4,
  },
  {
    nyckel: 'hyresgaster',
    namn: 'Nöjda hyresgäster',
    definition: 'Andel hyresgäster som är nöjda med sitt boende (NKI-undersökningen).',
    enhet: '%',
    riktning: 'hogre-ar-battre',
    kalla: 'AB Helsingborgshem',
    utgangsvarde: { ar: 2022, varde: 78 },
    malvarden: [{ ar: 2026, varde: 82 }],
    perioder: AR,
    start: 78,
    slut: 82.5,
  },
  {
    nyckel: 'fornybar',
    namn: 'Förnybar och återvunnen energi i fjärrvärmen',
    definition: 'Andel förnybar och återvunnen energi av den tillförda energin i fjärrvärmenätet.',
    enhet: '%',
    riktning: 'hogre-ar-battre',
    kalla: 'Öresundskraft AB',
    utgangsvarde: { ar: 2022, varde: 92 },
    malvarden: [{ ar: 2026, varde: 100 }],
    perioder: AR,
    start: 91,
    slut: 96,
  },
];

export interface DemoMal {
  readonly namnd: string;
  readonly ar: number;
  readonly text: string;
  /** Keys of DEMO_NYCKELTAL; none: professionell bedömning. */
  readonly nyckeltal: readonly string[];
}

/** Up to three mål per nämnd, in the spirit of Helsingborg's own, and two bolag's. */
export const DEMO_MAL: readonly DemoMal[] = [
  {
    namnd: 'KS',
    ar: 2026,
    text: 'Helsingborg har en ekonomi i balans med ett resultat om minst två procent av skatteintäkterna.',
    nyckeltal: ['resultat'],
  },
  { namnd: 'KS', ar: 2027, text: 'Staden är en attraktiv arbetsgivare som behåller och utvecklar sina medarbetare.', nyckeltal: [] },
  { namnd: 'SFN', ar: 2027, text: 'Alla elever lämnar grundskolan behöriga till gymnasiet.', nyckeltal: ['behoriga'] },
  { namnd: 'BUN', ar: 2026, text: 'Barn i förskolan går i mindre barngrupper.', nyckeltal: ['forskolegrupper'] },
  { namnd: 'VON', ar: 2026, text: 'Äldre känner sig trygga med hemtjänsten.', nyckeltal: ['trygghet'] },
  { namnd: 'SN', ar: 2026, text: 'Fler barn och unga får tidigt stöd i sin vardag.', nyckeltal: ['oppenvard'] },
  { namnd: 'SN', ar: 2026, text: 'Fler helsingborgare går från ekonomiskt bistånd till egen försörjning.', nyckeltal: ['bistand'] },
  { namnd: 'AMN', ar: 2026, text: 'Fler helsingborgare är i arbete eller studier.', nyckeltal: ['arbete', 'bistand'] },
  { namnd: 'SBN', ar: 2026, text: 'Den som söker bygglov får snabbare besked.', nyckeltal: ['bygglov'] },
  { namnd: 'KN', ar: 2026, text: 'Fler upplever stadens kulturliv.', nyckeltal: ['kulturbesok'] },
  { namnd: 'MN', ar: 2030, text: 'Helsingborgs utsläpp av växthusgaser minskar i den takt klimatmålen kräver.', nyckeltal: ['utslapp'] },
  { namnd: 'HBGHEM', ar: 2026, text: 'Hyresgästerna är nöjda med sitt boende.', nyckeltal: ['hyresgaster'] },
  { namnd: 'OKAB', ar: 2026, text: 'Fjärrvärmen är helt förnybar eller återvunnen.', nyckeltal: ['fornybar'] },
];

const MANDAT = { franAr: 2023, tillAr: 2026 };
const KF_BESLUT = { datum: '2022-11-28', paragraf: 'KF § 245' };

/** The city's cross-cutting inriktningar for the mandate period and a few nämnders and bolags. */
export const DEMO_INRIKTNINGAR: readonly (Omit<SkapaInriktningRequest, 'nyckeltal'> & { nyckeltal: readonly string[] })[] = [
  {
    niva: 'stad',
    rubrik: 'En stad för alla',
    text: 'Helsingborg är en inkluderande stad där alla har möjlighet att utvecklas, delta och försörja sig.',
    mandatperiod: MANDAT,
    nyckeltal: ['bistand', 'arbete'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'stad',
    rubrik: 'En hållbar stad',
    text: 'Helsingborg minskar sin klimatpåverkan och tar ansvar för kommande generationer.',
    mandatperiod: MANDAT,
    nyckeltal: ['utslapp'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'stad',
    rubrik: 'En stad med ekonomi i balans',
    text: 'Staden använder skattepengarna effektivt och har en ekonomi i balans över tid.',
    mandatperiod: MANDAT,
    nyckeltal: ['resultat'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'SN',
    rubrik: 'Tidiga och samordnade insatser',
    text: 'Socialnämnden arbetar förebyggande och samordnar insatserna kring barn, unga och familjer.',
    mandatperiod: MANDAT,
    nyckeltal: ['oppenvard'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'SFN',
    rubrik: 'Likvärdig skola',
    text: 'Varje elev får förutsättningar att nå så långt som möjligt, oavsett skola.',
    mandatperiod: MANDAT,
    nyckeltal: ['behoriga'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'VON',
    rubrik: 'Trygg omsorg',
    text: 'Äldre och personer med funktionsnedsättning får en trygg omsorg med hög kontinuitet.',
    mandatperiod: MANDAT,
    nyckeltal: ['trygghet'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'bolag',
    namnd: 'HBGHEM',
    rubrik: 'Bostäder för alla',
    text: 'Helsingborgshem bidrar till en blandad bebyggelse och bostäder för alla.',
    mandatperiod: MANDAT,
    nyckeltal: ['hyresgaster'],
    beslut: KF_BESLUT,
  },
];

/**
 * The demo's comparison group for Kolada, with a level each municipality sits at relative to the city on the two
 * Kolada nyckeltal (a few points above or below).
 */
export const DEMO_JAMFORELSE: readonly { kod: string; skillnad: number }[] = [
  { kod: '0580', skillnad: 2.1 },
  { kod: '0581', skillnad: -2.4 },
  { kod: '0680', skillnad: 4.3 },
  { kod: '1281', skillnad: 5.8 },
  { kod: '1880', skillnad: -1.2 },
  { kod: '1980', skillnad: 0.6 },
];
