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
  {
    nyckel: 'lokalenergi',
    namn: 'Energianvändning i stadens verksamhetslokaler',
    definition: 'Köpt energi för värme, kyla och fastighetsel per kvadratmeter uppvärmd area (Atemp) i stadens egna verksamhetslokaler.',
    enhet: 'kWh/m²',
    riktning: 'lagre-ar-battre',
    kalla: 'Fastighetsförvaltningens energiuppföljning',
    utgangsvarde: { ar: 2022, varde: 142 },
    malvarden: [{ ar: 2027, varde: 120 }],
    perioder: AR,
    start: 146,
    slut: 129,
  },
  {
    nyckel: 'idrottsbesok',
    namn: 'Besök av barn och unga i stadens idrottsanläggningar',
    definition: 'Deltagartillfällen för 7–20-åringar i föreningsverksamhet och öppen verksamhet i stadens anläggningar och bad.',
    enhet: 'tusen besök',
    riktning: 'hogre-ar-battre',
    kalla: 'Idrotts- och fritidsförvaltningens bokningssystem',
    utgangsvarde: { ar: 2024, varde: 410 },
    malvarden: [{ ar: 2026, varde: 450 }],
    perioder: TERTIAL,
    start: 405,
    slut: 438,
  },
  {
    nyckel: 'jarnvagsgods',
    namn: 'Gods till och från hamnen på järnväg',
    definition: 'Andel av hamnens containrar (TEU) som kommer eller går på järnväg.',
    enhet: '%',
    riktning: 'hogre-ar-battre',
    kalla: 'Helsingborgs Hamn AB',
    utgangsvarde: { ar: 2022, varde: 18 },
    malvarden: [{ ar: 2027, varde: 30 }],
    perioder: AR,
    start: 17,
    slut: 24,
  },
];

export interface DemoMal {
  readonly namnd: string;
  readonly ar: number;
  readonly text: string;
  /** Keys of DEMO_NYCKELTAL; none: professionell bedömning. */
  readonly nyckeltal: readonly string[];
  /** The förvaltning's analysis in the årsredovisning of the year before the demo year (helår 2025). */
  readonly arsanalys: string;
  /** A professionally assessed mål's analysis at the demo year's follow-ups (no nyckeltal to propose from). */
  readonly professionellAnalys?: string;
}

/** Up to three mål per nämnd and bolag, in the spirit of Helsingborg's own; kommunfullmäktige and valnämnden have none. */
export const DEMO_MAL: readonly DemoMal[] = [
  {
    namnd: 'KS',
    ar: 2026,
    text: 'Helsingborg har en ekonomi i balans med ett resultat om minst två procent av skatteintäkterna.',
    nyckeltal: ['resultat'],
    arsanalys:
      'Resultatet 2025 närmar sig målet men når inte två procent: skatteintäkterna växte långsammare än väntat och socialnämndens placeringskostnader ökade. Effektiviseringarna i budget 2026 ska ge utrymme att nå målet.',
  },
  {
    namnd: 'KS',
    ar: 2027,
    text: 'Staden är en attraktiv arbetsgivare som behåller och utvecklar sina medarbetare.',
    nyckeltal: [],
    arsanalys:
      'Medarbetarenkäten 2025 visar ett högre engagemang än 2023, och sjukfrånvaron minskade något. Personalomsättningen bland sjuksköterskor och socialsekreterare är fortfarande hög, så målet bedöms delvis uppfyllt.',
    professionellAnalys:
      'Medarbetarenkäten visar ett högre engagemang, men personalomsättningen är fortsatt hög i vissa yrken, främst bland sjuksköterskor och socialsekreterare.',
  },
  {
    namnd: 'SFN',
    ar: 2027,
    text: 'Alla elever lämnar grundskolan behöriga till gymnasiet.',
    nyckeltal: ['behoriga'],
    arsanalys:
      'Andelen behöriga ökade för tredje året i rad. Skillnaden mellan skolorna är fortfarande stor, och pojkarna ligger efter flickorna; läsfrämjande insatser i årskurs 4–6 fortsätter 2026.',
  },
  {
    namnd: 'BUN',
    ar: 2026,
    text: 'Barn i förskolan går i mindre barngrupper.',
    nyckeltal: ['forskolegrupper'],
    arsanalys:
      'Två nya förskolor i norra Helsingborg öppnade under hösten 2025 och andelen barn i små grupper ökade tydligt. Rekryteringen av förskollärare är avgörande för att nå målvärdet 2026.',
  },
  {
    namnd: 'VON',
    ar: 2026,
    text: 'Äldre känner sig trygga med hemtjänsten.',
    nyckeltal: ['trygghet'],
    arsanalys:
      'Brukarundersökningen 2025 visar en svag förbättring. Kontinuiteten, antalet personal en brukare möter, är fortfarande för låg; nya planeringsverktyg införs under 2026.',
  },
  {
    namnd: 'SN',
    ar: 2026,
    text: 'Fler barn och unga får tidigt stöd i sin vardag.',
    nyckeltal: ['oppenvard'],
    arsanalys:
      'Öppenvårdens andel av insatserna ökade under 2025 sedan familjecentralerna i Drottninghög och Dalhem kommit i gång. Placeringarna på HVB minskade ändå mindre än planerat.',
  },
  {
    namnd: 'SN',
    ar: 2026,
    text: 'Fler helsingborgare går från ekonomiskt bistånd till egen försörjning.',
    nyckeltal: ['bistand'],
    arsanalys:
      'Andelen med långvarigt bistånd minskade något under 2025. Samarbetet med arbetsmarknadsförvaltningen om jobbspår ger effekt, men arbetslösheten steg under året.',
  },
  {
    namnd: 'AMN',
    ar: 2026,
    text: 'Fler helsingborgare är i arbete eller studier.',
    nyckeltal: ['arbete', 'bistand'],
    arsanalys:
      'Fler deltagare gick vidare till arbete eller studier än 2024, främst genom yrkesutbildningar inom vård och bygg. En svagare arbetsmarknad under hösten bromsade utvecklingen.',
  },
  {
    namnd: 'SBN',
    ar: 2026,
    text: 'Den som söker bygglov får snabbare besked.',
    nyckeltal: ['bygglov'],
    arsanalys:
      'Handläggningstiden kortades under 2025 efter att e-tjänsten för bygglov infördes. Två vakanta handläggartjänster under våren gjorde att målvärdet ännu inte nås.',
  },
  {
    namnd: 'KN',
    ar: 2026,
    text: 'Fler upplever stadens kulturliv.',
    nyckeltal: ['kulturbesok'],
    arsanalys:
      'Besöken ökade 2025, särskilt på Dunkers kulturhus under utställningen om Öresund. Fredriksdal hade färre besök än väntat under en regnig sommar.',
  },
  {
    namnd: 'MN',
    ar: 2030,
    text: 'Helsingborgs utsläpp av växthusgaser minskar i den takt klimatmålen kräver.',
    nyckeltal: ['utslapp'],
    arsanalys:
      'Utsläppen per invånare fortsätter att minska, främst genom fjärrvärmens omställning och fler elbilar. Takten behöver öka inom transporterna för att nå målet till 2030.',
  },
  {
    namnd: 'HBGHEM',
    ar: 2026,
    text: 'Hyresgästerna är nöjda med sitt boende.',
    nyckeltal: ['hyresgaster'],
    arsanalys:
      'Nöjdheten ökade efter att felanmälan och kundtjänst samordnats. Hyresgästerna i de äldre bestånden är mindre nöjda med underhållet, som prioriteras 2026.',
  },
  {
    namnd: 'OKAB',
    ar: 2026,
    text: 'Fjärrvärmen är helt förnybar eller återvunnen.',
    nyckeltal: ['fornybar'],
    arsanalys:
      'Andelen förnybar och återvunnen energi ökade när den nya biobränslepannan togs i drift. Spetslasten under kalla dagar eldas fortfarande delvis med olja.',
  },
  {
    namnd: 'FN',
    ar: 2027,
    text: 'Stadens verksamhetslokaler använder mindre energi.',
    nyckeltal: ['lokalenergi'],
    arsanalys:
      'Energianvändningen per kvadratmeter minskade efter att ventilationen i tolv skolor styrs efter närvaro och solceller satts upp på fyra förskolor. Målet till 2027 kräver att takten håller i sig.',
  },
  {
    namnd: 'IFN',
    ar: 2026,
    text: 'Fler barn och unga är fysiskt aktiva på fritiden.',
    nyckeltal: ['idrottsbesok'],
    arsanalys:
      'Besöken ökade under 2025, särskilt i spontanidrottsplatserna och på sommarlovets gratisaktiviteter. Flickornas deltagande i föreningsidrotten ligger kvar under pojkarnas.',
  },
  {
    namnd: 'OFN',
    ar: 2026,
    text: 'Varje ställföreträdares redovisning granskas inom lagstadgad tid.',
    nyckeltal: [],
    arsanalys:
      'De flesta årsräkningar granskades före sista juni 2025. Ett ökat antal ärenden och en vakant handläggartjänst under hösten gjorde att några granskningar drog ut på tiden.',
    professionellAnalys:
      'Förvaltningen har granskat årsräkningarna i tid för nästan alla huvudmän; de som återstår är komplicerade ärenden som väntar på kompletteringar från ställföreträdarna.',
  },
  {
    namnd: 'HAMN',
    ar: 2027,
    text: 'Mer av hamnens gods går på järnväg.',
    nyckeltal: ['jarnvagsgods'],
    arsanalys:
      'Andelen gods på järnväg ökade när den nya pendeln till Jönköping kom i gång. Spårkapaciteten vid Västhamnen begränsar ökningen tills upprustningen är klar.',
  },
  {
    namnd: 'HSFAB',
    ar: 2026,
    text: 'Koncernens bolag styrs samordnat med ägardirektiv och ekonomi i balans.',
    nyckeltal: [],
    arsanalys:
      'Alla bolag redovisade sina ägardirektiv vid bolagsstämmorna 2025. Öresundskrafts investeringar i fjärrvärme gör att koncernens soliditet sjunker något under planperioden.',
    professionellAnalys:
      'Bolagen rapporterar enligt ägardirektiven och koncernens resultat följer budget; investeringstakten i energibolaget följs särskilt.',
  },
  {
    namnd: 'HAS',
    ar: 2026,
    text: 'Arenorna och scenerna fylls med evenemang som lockar besökare till Helsingborg.',
    nyckeltal: [],
    arsanalys:
      'Helsingborg Arena och Konserthuset hade fler evenemangsdagar 2025 än året innan, och två internationella mästerskap drog besökare från hela regionen. Beläggningen under sommaren är fortfarande låg.',
    professionellAnalys:
      'Bokningsläget för hösten är starkare än förra året och två större mässor är klara; sommarens låga beläggning väntas bestå.',
  },
];

const MANDAT = { franAr: 2023, tillAr: 2026 };
const KF_BESLUT = { datum: '2022-11-28', paragraf: 'KF § 245' };

/** The city's cross-cutting inriktningar for the mandate period, and one for every nämnd and wholly owned bolag. */
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
    niva: 'namnd',
    namnd: 'KF',
    rubrik: 'En öppen och tillgänglig demokrati',
    text: 'Kommunfullmäktige för en öppen dialog med helsingborgarna och gör sina beslut och handlingar lätta att hitta och förstå.',
    mandatperiod: MANDAT,
    nyckeltal: [],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'KS',
    rubrik: 'Samordnad styrning och ekonomi i balans',
    text: 'Kommunstyrelsen leder och samordnar stadens verksamheter så att resurserna används där de gör mest nytta och ekonomin är i balans.',
    mandatperiod: MANDAT,
    nyckeltal: ['resultat'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'BUN',
    rubrik: 'En trygg start i förskolan',
    text: 'Barn- och utbildningsnämnden ger varje barn en trygg förskola med lagom stora grupper och en god grund för lärandet.',
    mandatperiod: MANDAT,
    nyckeltal: ['forskolegrupper'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'AMN',
    rubrik: 'Från bidrag till egen försörjning',
    text: 'Arbetsmarknadsnämnden hjälper fler helsingborgare till arbete eller studier genom samarbete med näringslivet och vuxenutbildningen.',
    mandatperiod: MANDAT,
    nyckeltal: ['arbete', 'bistand'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'SBN',
    rubrik: 'En växande stad med snabb och förutsägbar service',
    text: 'Stadsbyggnadsnämnden planerar för bostäder och arbetsplatser och ger den som söker bygglov ett snabbt och rättssäkert besked.',
    mandatperiod: MANDAT,
    nyckeltal: ['bygglov'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'FN',
    rubrik: 'Lokaler som håller över tid',
    text: 'Fastighetsnämnden förvaltar stadens lokaler kostnadseffektivt och energisnålt, och planerar underhållet så att skulden inte växer.',
    mandatperiod: MANDAT,
    nyckeltal: ['lokalenergi'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'KN',
    rubrik: 'Kultur för alla helsingborgare',
    text: 'Kulturnämnden gör kulturlivet tillgängligt i hela staden, med särskilt fokus på barn och unga och på stadsdelar där färre tar del i dag.',
    mandatperiod: MANDAT,
    nyckeltal: ['kulturbesok'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'IFN',
    rubrik: 'Fler i rörelse',
    text: 'Idrotts- och fritidsnämnden ger fler möjlighet till idrott och en meningsfull fritid, genom föreningslivet och öppna anläggningar nära där man bor.',
    mandatperiod: MANDAT,
    nyckeltal: ['idrottsbesok'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'MN',
    rubrik: 'En frisk miljö',
    text: 'Miljönämnden verkar genom tillsyn och rådgivning för ren luft, rent vatten och minskade utsläpp av växthusgaser.',
    mandatperiod: MANDAT,
    nyckeltal: ['utslapp'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'OFN',
    rubrik: 'Rättssäker tillsyn över ställföreträdarna',
    text: 'Överförmyndarnämnden ser till att den som har god man, förvaltare eller förmyndare får sina intressen bevakade och sin egendom väl förvaltad.',
    mandatperiod: MANDAT,
    nyckeltal: [],
    beslut: KF_BESLUT,
  },
  {
    niva: 'namnd',
    namnd: 'VALN',
    rubrik: 'Säkra och tillgängliga val',
    text: 'Valnämnden genomför valen säkert och korrekt, med vallokaler och förtidsröstning som alla kan nå.',
    mandatperiod: MANDAT,
    nyckeltal: [],
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
  {
    niva: 'bolag',
    namnd: 'HSFAB',
    rubrik: 'En sammanhållen och kostnadseffektiv koncern',
    text: 'Helsingborgs stadshus AB styr och samordnar de helägda bolagen så att de tillsammans bidrar till stadens mål och en långsiktigt stark ekonomi.',
    mandatperiod: MANDAT,
    nyckeltal: [],
    beslut: KF_BESLUT,
  },
  {
    niva: 'bolag',
    namnd: 'HAMN',
    rubrik: 'En hållbar hamn för regionen',
    text: 'Helsingborgs Hamn AB utvecklar hamnen som nod för gods och sjöfart och minskar dess klimatpåverkan.',
    mandatperiod: MANDAT,
    nyckeltal: ['jarnvagsgods'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'bolag',
    namnd: 'OKAB',
    rubrik: 'Förnybar energi till helsingborgarna',
    text: 'Öresundskraft levererar energi med hög leveranssäkerhet och ställer om fjärrvärmen till helt förnybar och återvunnen energi.',
    mandatperiod: MANDAT,
    nyckeltal: ['fornybar'],
    beslut: KF_BESLUT,
  },
  {
    niva: 'bolag',
    namnd: 'HAS',
    rubrik: 'Ett attraktivt Helsingborg för besökare och evenemang',
    text: 'Helsingborg Arena och Scen AB driver stadens arenor och scener så att fler evenemang och besökare kommer till staden.',
    mandatperiod: MANDAT,
    nyckeltal: [],
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
