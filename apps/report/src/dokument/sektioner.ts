import {
  BEDOMNINGSNAMN,
  FINANSRADER,
  KONCERNBOLAG,
  RAPPORTTYPNAMN,
  type Balanskravsutredning,
  type BalanskravOversikt,
  type Bedomning,
  type Koncernoversikt,
  type PrognossakerhetDto,
  type Rapportdiagram,
  type Resultatrakning,
  type Rapportinnehall,
  type Rapportsektion,
  type Rapporttabell,
  type Rapporttyp,
  type Textblock,
} from '@tertial/contracts/dto';
import { addOre } from '@tertial/contracts/money';
import { beskrivResultatvag, beskrivTrend, resultatvag } from '@tertial/diagram';

import { mnkr } from './export/format.js';

/** One nämnd's money for the report: net cost in öre; null where the report service has not heard of it. */
export interface NamndEkonomi {
  kod: string;
  namn: string;
  budgetOre: number | null;
  utfallOre: number | null;
  prognosOre: number | null;
  avvikelseOre: number | null;
}

/** A nämnd's utfall January to the period's end against the budget of the same months. */
export interface NamndPeriod {
  kod: string;
  namn: string;
  periodbudgetOre: number | null;
  periodutfallOre: number | null;
}

/** A chef's comment on their ansvar's forecast deviation. */
export interface Avvikelsekommentar {
  namnd: string;
  ansvar: string;
  avvikelseOre: number;
  kommentar: string;
}

/** A nyckeltal's values as the mål's latest assessment compared them: baseline, latest measurement and target. */
export interface NyckeltalVarde {
  namn: string;
  utgangsvarde: number | null;
  senaste: { period: string; varde: number } | null;
  malvarde: number | null;
}

export interface MalRad {
  /** The nämnd's or company's kod, and its name. */
  kod: string;
  namnd: string;
  agartyp: 'namnd' | 'bolag';
  mal: string;
  bedomning: Bedomning | null;
  analys: string | null;
  nyckeltal: NyckeltalVarde[];
}

/** KF's decision on a closed year's resultatöverföring, per nämnd, as the budget service published it. */
export interface Resultatoverforing {
  beslutad: string;
  namnder: { namnd: string; namn: string; forslagOre: number; beslutOre: number; motivering: string | null }[];
}

/** A project of the investment plan with its money in the report's year (budget, utfall and prognos where known). */
export interface Investeringsrad {
  namnd: string;
  projekt: string;
  budgetOre: number;
  utfallOre: number | null;
  prognosOre: number | null;
}

/** Everything the services know that a report is made of: gathered by the service, shaped here. */
export interface Rapportunderlag {
  rapport: Rapporttyp;
  ar: number;
  periodTomManad: number;
  ekonomi: NamndEkonomi[];
  period: NamndPeriod[];
  mal: MalRad[];
  /** The comments on the largest deviations, per nämnd (the forecast rounds only). */
  kommentarer: Avvikelsekommentar[];
  /** The city's resultaträkning of the year (budget, each round, bokslut), from the resultat module. */
  resultatrakning: Resultatrakning | null;
  /** The balanskrav at the report's tillfälle (the round's forecast, or the bokslut); null where the year has none. */
  balanskrav: Balanskravsutredning | null;
  /** Every year the balanskrav knows up to the report's year, and the deficits (the årsredovisning). */
  balanskravOversikt: BalanskravOversikt | null;
  /** The koncern at the report's round: the companies' figures and the sammanställda räkenskaper. */
  koncern: Koncernoversikt | null;
  /** Prognossäkerhet per round and nämnd against the bokslut: the årsredovisning's section, and every report's trend. */
  prognossakerhet: PrognossakerhetDto | null;
  /** KF's decided resultatöverföring of the year (the årsredovisning); null while not decided. */
  resultatoverforing: Resultatoverforing | null;
  /** The investment plan's projects with money in the year; null when no plan has reached the report service. */
  investeringar: Investeringsrad[] | null;
  /** The writers' texts per section id. */
  texter: Readonly<Record<string, readonly Textblock[]>>;
}

/**
 * A section of a report: its id (stable across versions, the key of its text), heading, which reports carry it, and
 * how its tables, charts and notes are made from the underlag. The list is the one place a new section goes.
 */
export interface Sektionsdefinition {
  id: string;
  /** The heading; a function where it depends on the report (the delårsrapport's helårsprognos, the årsredovisning's). */
  rubrik: string | ((underlag: Rapportunderlag) => string);
  rapporter: readonly Rapporttyp[];
  redigerbar: boolean;
  bygg: (underlag: Rapportunderlag) => Byggd;
}

type Byggd = Pick<Rapportsektion, 'tabeller' | 'diagram'> & { noteringar?: string[] };

const ALLA: readonly Rapporttyp[] = ['delarsrapport-april', 'delarsrapport-augusti', 'arsredovisning'];
const MANADER = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export const periodnamn = (tomManad: number): string => (tomManad === 1 ? 'januari' : `januari–${MANADER[tomManad - 1]}`);

/** The sum of the non-null amounts, or null when all are null. */
export function summa(belopp: readonly (number | null)[]): number | null {
  const kanda = belopp.filter((b): b is number => b !== null);
  return kanda.length === 0 ? null : kanda.reduce((a, b) => a + b, 0);
}

function beloppstabell(
  id: string,
  rubrik: string,
  kolumner: string[],
  rader: { namn: string; belopp: (number | null)[] }[],
): Rapporttabell {
  return {
    id,
    rubrik,
    kolumner: [{ rubrik: 'Nämnd', typ: 'text' }, ...kolumner.map((k) => ({ rubrik: k, typ: 'belopp' as const }))],
    rader: rader.map((rad) => [rad.namn, ...rad.belopp]),
    summa: ['Summa', ...kolumner.map((_, i) => summa(rader.map((rad) => rad.belopp[i] ?? null)))],
  };
}

const text = (rubrik: string) => ({ rubrik, typ: 'text' as const });
const belopp = (rubrik: string) => ({ rubrik, typ: 'belopp' as const });
const tom = (...noteringar: string[]): Byggd => ({ tabeller: [], diagram: [], noteringar });

/** A nyckeltal's value as the council reads it: Swedish decimals, at most two. */
export const talvarde = (varde: number | null): string =>
  varde === null ? '–' : new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(varde).replace(/\u00a0/g, ' ');

/** The round a delårsrapport follows up: its balanskrav and resultaträkning column. */
const delarsTillfalle = (u: Rapportunderlag): 'april' | 'augusti' => (u.periodTomManad <= 4 ? 'april' : 'augusti');

/** The finance lines' sources, one note per source naming the lines it gives. */
const KOLUMNNAMN: Record<Resultatrakning['kolumner'][number]['tillfalle'], string> = {
  budget: 'Budgeten',
  april: 'Prognosen i april',
  augusti: 'Prognosen i augusti',
  bokslut: 'Bokslutet',
};

/** What a column eliminated, how, and the difference it left in the result, in one sentence. */
export function elimineringsnotering({ tillfalle, eliminering: e }: Resultatrakning['kolumner'][number]): string {
  const namn = KOLUMNNAMN[tillfalle];
  if (e.metod === 'inget')
    return `${namn}: inga interna poster eliminerade, eftersom ingen nämnd har utfall eller bokslut att uppskatta den interna delen från.`;
  const kallor = [
    ...new Set(
      e.namnder.flatMap((rad) =>
        rad.underlagAr === null ? [] : [rad.underlag === 'utfall' ? `utfallet ${rad.underlagAr} hittills` : `bokslutet ${rad.underlagAr}`],
      ),
    ),
  ].sort();
  const hur =
    e.metod === 'konton' ? 'kontoplanens interna konton' : `uppskattade med varje nämnds andel interna konton i ${kallor.join(' och ')}`;
  const utan = e.namnder.filter((rad) => rad.underlagAr === null).map((rad) => rad.namnd);
  return (
    `${namn}: interna poster eliminerade, ${mnkr(e.intakterOre)} mnkr av intäkterna och ${mnkr(e.kostnaderOre)} mnkr av kostnaderna (${hur}); ` +
    `elimineringsdifferens ${mnkr(e.differensOre)} mnkr.` +
    (utan.length > 0 ? ` Utan utfall eller bokslut att gå efter, inget eliminerat för ${utan.join(', ')}.` : '')
  );
}

function kallor(rader: readonly { rad: string; kalla: string }[]): string[] {
  const perKalla = new Map<string, string[]>();
  for (const { rad, kalla } of rader)
    perKalla.set(kalla, [...(perKalla.get(kalla) ?? []), FINANSRADER.find((f) => f.kod === rad)?.namn ?? rad]);
  return [...perKalla].map(([kalla, namn]) => `Källa för ${namn.join(', ').toLowerCase()}: ${kalla}.`);
}

function resultatrakningen(u: Rapportunderlag): Byggd {
  const r = u.resultatrakning;
  if (!r) return tom(`Resultaträkningen för ${u.ar} finns inte i rapporttjänsten.`);
  const arsredovisning = u.rapport === 'arsredovisning';
  const jamfort = arsredovisning ? 'bokslut' : delarsTillfalle(u);
  const index = (tillfalle: string) => r.kolumner.findIndex((k) => k.tillfalle === tillfalle);
  const [b, j] = [index('budget'), index(jamfort)];
  const jamfortNamn = arsredovisning ? 'Bokslut' : `Helårsprognos ${jamfort}`;
  const delar = r.rader.filter((rad) => !rad.summa);
  const arets = r.rader.find((rad) => rad.kod === 'arets-resultat');
  const avvikelse = (rad: { belopp: (number | null)[] }) =>
    rad.belopp[b] != null && rad.belopp[j] != null ? rad.belopp[j] - rad.belopp[b] : null;
  const noteringar = [
    ...r.kolumner
      .filter((k, i) => (i === b || i === j) && !k.finns)
      .map((k) =>
        k.tillfalle === 'budget'
          ? `Budgeten för ${u.ar} har inga siffror i rapporttjänsten.`
          : k.tillfalle === 'bokslut'
            ? `Bokslutet för ${u.ar} är inte fastställt för alla nämnder: kolumnen är tom.`
            : `Prognosen i ${k.tillfalle} ${u.ar} har inga siffror.`,
      ),
    ...kallor(r.kolumner[j]?.kallor ?? []),
    ...[...new Set([b, j])].flatMap((i) => (r.kolumner[i]?.finns ? [elimineringsnotering(r.kolumner[i])] : [])),
  ];
  return {
    tabeller: [
      {
        id: 'resultatrakning',
        rubrik: arsredovisning ? `Kommunens resultaträkning ${u.ar}` : `Stadens helårsprognos ${u.ar} som resultaträkning`,
        kolumner: [text('Post'), belopp('Budget'), belopp(jamfortNamn), belopp('Avvikelse mot budget')],
        rader: delar.map((rad) => [rad.namn, rad.belopp[b] ?? null, rad.belopp[j] ?? null, avvikelse(rad)]),
        summa: arets ? [arets.namn, arets.belopp[b] ?? null, arets.belopp[j] ?? null, avvikelse(arets)] : null,
      },
    ],
    diagram: [
      resultatvagsdiagram(
        u,
        r.kolumner[b]?.finns ? (arets?.belopp[b] ?? null) : null,
        r.kolumner[j]?.finns ? (arets?.belopp[j] ?? null) : null,
      ),
    ],
    noteringar,
  };
}

/**
 * The consolidated view's waterfall for the report: from the budgeted result to the report's result (the forecast,
 * or the bokslut), each nämnd's avvikelse a step (largest effect first) and the rest of the difference, exactly, in
 * "övrigt". Without both results it walks from zero to the nämnder's summed avvikelse, as the dashboard does.
 */
function resultatvagsdiagram(u: Rapportunderlag, budgeteratOre: number | null, resultatOre: number | null): Rapportdiagram {
  const steg = u.ekonomi
    .filter((n) => n.avvikelseOre !== null && n.avvikelseOre !== 0)
    .map((n) => ({ kod: n.kod, namn: n.namn, beloppOre: n.avvikelseOre! }))
    .sort((a, b) => Math.abs(b.beloppOre) - Math.abs(a.beloppOre) || a.kod.localeCompare(b.kod));
  const medResultat = budgeteratOre !== null && resultatOre !== null;
  const resultat = {
    budgeteratOre: medResultat ? budgeteratOre : null,
    prognosOre: medResultat ? resultatOre : null,
    steg,
    ovrigtOre: medResultat ? addOre(resultatOre, -budgeteratOre, -addOre(...steg.map((n) => n.beloppOre))) : null,
  };
  const bokslut = u.rapport === 'arsredovisning';
  return {
    id: 'resultatvag',
    typ: 'resultatvag',
    till: bokslut ? 'bokslut' : 'prognos',
    rubrik: bokslut ? 'Från budgeterat resultat till bokslutets resultat' : 'Från budgeterat till prognostiserat resultat',
    beskrivning: beskrivResultatvag(resultatvag(resultat, { bokslut }), u.ar),
    resultat,
  };
}

/** The city's net cost at April, August and the bokslut against its budget, as the dashboard's trend; null without a round. */
function trenddiagram(u: Rapportunderlag): Rapportdiagram | null {
  const omgangar = u.prognossakerhet?.omgangar ?? [];
  if (omgangar.length === 0) return null;
  const prognos = (tillfalle: 'april' | 'augusti') => omgangar.find((o) => o.tillfalle === tillfalle)?.stad.prognosOre ?? null;
  const bokslut = omgangar.find((o) => o.stad.bokslutOre !== null)?.stad.bokslutOre ?? null;
  const stad = { kod: 'STAD', namn: 'Staden', nettokostnadOre: [prognos('april'), prognos('augusti'), bokslut] };
  const budgetOre = summa(u.ekonomi.map((n) => n.budgetOre));
  return {
    id: 'trend',
    typ: 'trend',
    rubrik: `Stadens nettokostnad ${u.ar}: prognos april, prognos augusti och bokslut`,
    beskrivning: beskrivTrend(stad, budgetOre),
    stad,
    budgetOre,
  };
}

function balanskravet(u: Rapportunderlag): Byggd {
  const utredning = u.balanskrav;
  const tillfalle = u.rapport === 'arsredovisning' ? 'bokslutet' : `prognosen i ${delarsTillfalle(u)}`;
  if (!utredning) return tom(`${u.ar} har ingen balanskravsutredning för ${tillfalle} i rapporttjänsten.`);
  const arsredovisning = u.rapport === 'arsredovisning';
  const underskott = arsredovisning ? (u.balanskravOversikt?.underskott ?? []) : utredning.underskottFranTidigareAr;
  const tillRur = utredning.rader.find((r) => r.kod === 'till-rur')?.beloppOre ?? 0;
  const franRur = utredning.rader.find((r) => r.kod === 'fran-rur')?.beloppOre ?? 0;
  return {
    tabeller: [
      {
        id: 'balanskravsutredning',
        rubrik: arsredovisning ? `Balanskravsutredning ${u.ar}` : `Balanskravet ${u.ar} enligt ${tillfalle}`,
        kolumner: [text('Post'), belopp('Belopp')],
        rader: utredning.rader.map((r) => [r.namn, r.beloppOre]),
        summa: null,
      },
      {
        id: 'rur',
        rubrik: 'Resultatutjämningsreserven',
        kolumner: [text('Post'), belopp('Belopp')],
        rader: [
          ['Ingående reserv', utredning.rur.ingaendeOre],
          ['Medel till reserven', -tillRur],
          ['Medel från reserven', -franRur],
          ['Utgående reserv', utredning.rur.utgaendeOre],
          ['Högsta möjliga avsättning', utredning.rur.maxAvsattningOre],
        ],
        summa: null,
      },
      {
        id: 'underskott',
        rubrik: arsredovisning ? 'Balanskravsunderskott och deras återställande' : 'Underskott från tidigare år att återställa',
        kolumner: [text('År'), belopp('Underskott'), belopp('Återställt'), belopp('Kvar att återställa'), text('Återställs senast')],
        rader: underskott.map((d) => [String(d.ar), d.underskottOre, d.aterstalltOre, d.kvarOre, String(d.senastAr)]),
        summa:
          underskott.length === 0
            ? null
            : [
                'Summa',
                summa(underskott.map((d) => d.underskottOre)),
                summa(underskott.map((d) => d.aterstalltOre)),
                summa(underskott.map((d) => d.kvarOre)),
                null,
              ],
      },
    ],
    diagram: [],
    noteringar: [
      ...utredning.meddelanden,
      utredning.rur.farAnvandas
        ? `Resultatutjämningsreserven får användas ${u.ar}: skatteunderlaget växer långsammare än sitt tioårssnitt.`
        : `Resultatutjämningsreserven får inte användas ${u.ar}: skatteunderlaget växer minst i takt med sitt tioårssnitt.`,
      ...(underskott.length === 0 ? ['Inga balanskravsunderskott från tidigare år.'] : []),
    ],
  };
}

function flerarsoversikt(u: Rapportunderlag): Byggd {
  const historik = u.balanskravOversikt?.historik ?? [];
  if (historik.length === 0) return tom('Rapporttjänsten känner inga tidigare år.');
  return {
    tabeller: [
      {
        id: 'flerarsoversikt',
        rubrik: `Flerårsöversikt ${historik[0]!.ar}–${historik.at(-1)!.ar}`,
        kolumner: [
          text('År'),
          belopp('Årets resultat'),
          belopp('Resultat efter balanskravsjusteringar'),
          belopp('Till resultatutjämningsreserv'),
          belopp('Från resultatutjämningsreserv'),
          belopp('Balanskravsresultat'),
          belopp('Resultatutjämningsreserv vid årets slut'),
        ],
        rader: historik.map((h) => [
          String(h.ar),
          h.aretsResultatOre,
          h.resultatEfterJusteringarOre,
          h.tillRurOre,
          h.franRurOre,
          h.balanskravsresultatOre,
          h.rurUtgaendeOre,
        ]),
        summa: null,
      },
    ],
    diagram: [
      {
        id: 'flerarsoversikt-resultat',
        rubrik: 'Årets resultat och balanskravsresultat per år',
        beskrivning: `Stapeldiagram: årets resultat och balanskravsresultatet ${historik[0]!.ar}–${historik.at(-1)!.ar} i mnkr. Samma siffror finns i tabellen ovan.`,
        kategorier: historik.map((h) => String(h.ar)),
        serier: [
          { namn: 'Årets resultat', varden: historik.map((h) => h.aretsResultatOre) },
          { namn: 'Balanskravsresultat', varden: historik.map((h) => h.balanskravsresultatOre) },
        ],
      },
    ],
    noteringar: historik
      .filter((h) => h.kalla === 'historik')
      .map((h) => `${h.ar}: ur den publicerade balanskravsutredningen (importerad).`)
      .slice(0, 1)
      .concat(historik.some((h) => h.kalla === 'bokslut') ? ['År med fastställt bokslut i Tertial är räknade ur bokslutet.'] : []),
  };
}

function resultatoverforingen(u: Rapportunderlag): Byggd {
  const beslut = u.resultatoverforing;
  if (!beslut) return tom(`Kommunfullmäktige har ännu inte beslutat om resultatöverföringen för ${u.ar}.`);
  return {
    tabeller: [
      {
        id: 'resultatoverforing',
        rubrik: `Resultatöverföring från ${u.ar} till ${u.ar + 1} per nämnd`,
        kolumner: [text('Nämnd'), belopp('Förslag enligt reglerna'), belopp('Kommunfullmäktiges beslut'), text('Motivering')],
        rader: beslut.namnder.map((n) => [n.namn, n.forslagOre, n.beslutOre, n.motivering ?? '']),
        summa: ['Summa', summa(beslut.namnder.map((n) => n.forslagOre)), summa(beslut.namnder.map((n) => n.beslutOre)), null],
      },
    ],
    diagram: [],
    noteringar: [`Kommunfullmäktige beslutade om resultatöverföringen ${beslut.beslutad}. Positivt belopp är ett överskott som förs över.`],
  };
}

function prognossakerheten(u: Rapportunderlag): Byggd {
  const p = u.prognossakerhet;
  if (!p || p.omgangar.length === 0) return tom(`${u.ar} hade inga prognosomgångar i Tertial.`);
  const procent = (x: number | null) => (x === null ? '–' : `${talvarde(x)} %`);
  const sista = p.omgangar.at(-1)!;
  return {
    tabeller: p.omgangar.map((o) => ({
      id: `prognossakerhet-${o.tillfalle}`,
      rubrik: `Prognossäkerhet i ${o.tillfalle}`,
      kolumner: [
        text('Nämnd'),
        belopp('Prognos'),
        belopp('Prognosens avvikelse'),
        belopp('Bokslut'),
        belopp('Bokslutets avvikelse'),
        belopp('Prognosavvikelse'),
        text('Prognosavvikelse i % av budget'),
      ],
      rader: o.namnder.map((n) => [
        n.namn,
        n.prognosOre,
        n.prognosAvvikelseOre,
        n.bokslutOre,
        n.bokslutAvvikelseOre,
        n.prognosavvikelseOre,
        procent(n.prognosavvikelseProcent),
      ]),
      summa: [
        'Staden',
        o.stad.prognosOre,
        o.stad.prognosAvvikelseOre,
        o.stad.bokslutOre,
        o.stad.bokslutAvvikelseOre,
        o.stad.prognosavvikelseOre,
        procent(o.stad.prognosavvikelseProcent),
      ],
    })),
    diagram: p.bokslutFaststallt
      ? [
          {
            id: 'prognosavvikelse',
            rubrik: `Prognosavvikelse per nämnd i ${sista.tillfalle}`,
            beskrivning: `Stapeldiagram: varje nämnds prognosavvikelse i ${sista.tillfalle} (bokslutets avvikelse minus prognosens) i mnkr; negativt är ett sämre utfall än prognosen. Samma siffror finns i tabellen.`,
            kategorier: sista.namnder.map((n) => n.namn),
            serier: [{ namn: 'Prognosavvikelse', varden: sista.namnder.map((n) => n.prognosavvikelseOre ?? 0) }],
          },
        ]
      : [],
    noteringar: [
      'Avvikelse är budget minus nettokostnad; prognosavvikelsen är bokslutets avvikelse minus prognosens, negativ när året slutade sämre än prognosen.',
      ...(p.bokslutFaststallt ? [] : [`Bokslutet för ${u.ar} är inte fastställt: bokslutets kolumner är tomma.`]),
    ],
  };
}

function investeringarna(u: Rapportunderlag): Byggd {
  const tabeller: Rapporttabell[] = [];
  const noteringar: string[] = [];
  const utfallRubrik = u.rapport === 'arsredovisning' ? 'Utfall helår' : `Utfall ${periodnamn(u.periodTomManad)}`;
  if (u.investeringar && u.investeringar.length > 0) {
    const rader = u.investeringar;
    const avvikelse = (r: Investeringsrad) => (r.prognosOre === null ? null : r.budgetOre - r.prognosOre);
    tabeller.push({
      id: 'investeringar-namnder',
      rubrik: `Nämndernas investeringsprojekt ${u.ar}`,
      kolumner: [text('Nämnd'), text('Projekt'), belopp('Budget'), belopp(utfallRubrik), belopp('Prognos'), belopp('Avvikelse')],
      rader: rader.map((r) => [r.namnd, r.projekt, r.budgetOre, r.utfallOre, r.prognosOre, avvikelse(r)]),
      summa: [
        'Summa',
        null,
        summa(rader.map((r) => r.budgetOre)),
        summa(rader.map((r) => r.utfallOre)),
        summa(rader.map((r) => r.prognosOre)),
        summa(rader.map(avvikelse)),
      ],
    });
    if (rader.some((r) => r.prognosOre === null)) noteringar.push('Projekt utan egen prognos har tomt i prognos och avvikelse.');
  } else noteringar.push(`Investeringsplanen har inga projekt med budget ${u.ar} i rapporttjänsten.`);
  const bolag = (u.koncern?.bolag ?? []).filter((b) => b.bolag?.budget || b.bolag?.utfall || b.bolag?.prognos);
  if (bolag.length > 0) {
    tabeller.push({
      id: 'investeringar-bolag',
      rubrik: `Bolagens investeringar ${u.ar}`,
      kolumner: [text('Bolag'), belopp('Budget'), belopp('Utfall'), belopp('Prognos')],
      rader: bolag.map((b) => [
        b.namn,
        b.bolag!.budget?.investeringarOre ?? null,
        b.bolag!.utfall?.investeringarOre ?? null,
        b.bolag!.prognos?.investeringarOre ?? null,
      ]),
      summa: [
        'Summa',
        summa(bolag.map((b) => b.bolag!.budget?.investeringarOre ?? null)),
        summa(bolag.map((b) => b.bolag!.utfall?.investeringarOre ?? null)),
        summa(bolag.map((b) => b.bolag!.prognos?.investeringarOre ?? null)),
      ],
    });
  } else noteringar.push(`Bolagen har inga investeringssiffror för ${u.ar} i rapporttjänsten.`);
  return { tabeller, diagram: [], noteringar };
}

/** A mål's nyckeltal values come with its assessment's proposal: mål not yet assessed have none to show. */
function nyckeltalNotering(mal: readonly MalRad[]): string[] {
  const utan = mal.filter((m) => m.nyckeltal.length === 0).length;
  if (utan === 0) return [];
  return [
    utan === mal.length
      ? 'Inget av målen har nyckeltalsvärden i uppföljningen ännu: värdena följer med målens bedömning.'
      : `${utan} av ${mal.length} mål har inga nyckeltalsvärden i uppföljningen (ej bedömda eller följs upp med professionell bedömning).`,
  ];
}

function maltabeller(id: string, mal: readonly MalRad[], medNamnd: boolean): Rapporttabell[] {
  const forst = (m: MalRad) => (medNamnd ? [m.namnd] : []);
  const bas = medNamnd ? [text('Nämnd')] : [];
  return [
    {
      id,
      rubrik: medNamnd ? 'Nämndernas mål och bedömning' : 'Mål i ägardirektivet och bedömning',
      kolumner: [...bas, text('Mål'), text('Bedömning'), text('Analys')],
      rader: mal.map((m) => [...forst(m), m.mal, m.bedomning ? BEDOMNINGSNAMN[m.bedomning] : 'Ej bedömt', m.analys ?? '']),
      summa: null,
    },
    {
      id: `${id}-nyckeltal`,
      rubrik: 'Nyckeltalen: utgångsvärde, senaste värde och målvärde',
      kolumner: [...bas, text('Mål'), text('Nyckeltal'), text('Utgångsvärde'), text('Senaste värde'), text('Period'), text('Målvärde')],
      rader: mal.flatMap((m) =>
        m.nyckeltal.map((n) => [
          ...forst(m),
          m.mal,
          n.namn,
          talvarde(n.utgangsvarde),
          n.senaste ? talvarde(n.senaste.varde) : 'ej mätt',
          n.senaste?.period ?? '',
          talvarde(n.malvarde),
        ]),
      ),
      summa: null,
    },
  ].filter((t) => t.id === id || t.rader.length > 0);
}

function koncernen(u: Rapportunderlag): Byggd {
  const k = u.koncern;
  if (!k) return tom(`Koncernens siffror för ${u.ar} finns inte i rapporttjänsten.`);
  const { grund, rader, kommunensKalla, bolagensKalla, saknas, varningar } = k.sammanstallning;
  if (rader.length === 0)
    return tom(`Den sammanställda redovisningen för ${u.ar} kan inte ställas upp.`, `Kommunens del: ${kommunensKalla}`);
  // On a forecast a statement of the municipality alone says nothing new; on the year it is still the year's.
  if (grund === 'prognos' && saknas.length >= KONCERNBOLAG.length)
    return tom(
      `Den sammanställda redovisningen för ${u.ar} kan inte ställas upp: inget av bolagen har siffror för året i Tertial.`,
      `Kommunens del: ${kommunensKalla}`,
    );
  const delar = rader[0]?.delar.map((d) => d.del) ?? [];
  const namn = (del: string) => (del === 'KOMMUN' ? 'Kommunen' : (KONCERNBOLAG.find((b) => b.kod === del)?.namn ?? del));
  const cells = (rad: (typeof rader)[number]) => [
    rad.namn,
    ...rad.delar.map((d) => d.beloppOre),
    rad.fore,
    rad.eliminering,
    rad.sammanstallt,
  ];
  const resultat = rader.at(-1);
  return {
    tabeller: [
      {
        id: 'sammanstallda-rakenskaper',
        rubrik: `Sammanställd resultaträkning för kommunkoncernen ${u.ar}`,
        kolumner: [
          text('Post'),
          ...delar.map((d) => belopp(namn(d))),
          belopp('Före eliminering'),
          belopp('Eliminering'),
          belopp('Sammanställt'),
        ],
        rader: rader.slice(0, -1).map(cells),
        summa: resultat ? cells(resultat) : null,
      },
    ],
    diagram: [],
    noteringar: [
      kommunensKalla,
      bolagensKalla,
      ...(saknas.length > 0 ? [`Saknar siffror (räknas som noll): ${saknas.join(', ')}.`] : []),
      ...varningar,
    ],
  };
}

function bolaget(kod: string, namn: string) {
  return (u: Rapportunderlag): Byggd => {
    const rad = u.koncern?.bolag.find((b) => b.kod === kod);
    const b = rad?.bolag;
    const noteringar: string[] = [];
    const tabeller: Rapporttabell[] = [];
    if (b && (b.budget || b.utfall || b.prognos)) {
      const utfall = b.utfall ? (b.utfall.tillManad === 12 ? 'Utfall helår' : `Utfall ${periodnamn(b.utfall.tillManad)}`) : 'Utfall';
      const prognos = `Helårsprognos ${u.koncern!.tillfalle}`;
      const post = (rubrik: string, falt: 'intakterOre' | 'kostnaderOre' | 'resultatEfterFinansiellaPosterOre' | 'investeringarOre') => {
        const [x, y, z] = [b.budget?.[falt] ?? null, b.utfall?.[falt] ?? null, b.prognos?.[falt] ?? null];
        const avvikelse = x === null || z === null ? null : falt === 'kostnaderOre' || falt === 'investeringarOre' ? x - z : z - x;
        return [rubrik, x, y, z, avvikelse];
      };
      tabeller.push({
        id: `bolag-${kod.toLowerCase()}-ekonomi`,
        rubrik: `${namn}: budget, utfall och prognos`,
        kolumner: [text('Post'), belopp('Budget'), belopp(utfall), belopp(prognos), belopp('Avvikelse')],
        rader: [
          post('Intäkter', 'intakterOre'),
          post('Kostnader', 'kostnaderOre'),
          post('Resultat efter finansiella poster', 'resultatEfterFinansiellaPosterOre'),
          post('Investeringar', 'investeringarOre'),
        ],
        summa: null,
      });
      noteringar.push('Avvikelse: positivt är bättre än budget (högre intäkter och resultat, lägre kostnader och investeringar).');
      if (!b.budget) noteringar.push(`${namn} har ingen budget för ${u.ar} i Tertial.`);
      if (!b.utfall) noteringar.push(`${namn} har inget utfall för ${u.ar} i Tertial.`);
      if (!b.prognos) noteringar.push(`${namn} har ingen prognos i ${u.koncern!.tillfalle} ${u.ar}.`);
      if (b.kommentar) noteringar.push(`Bolagets kommentar till prognosen: ${b.kommentar}`);
    } else noteringar.push(`${namn} har varken budget, utfall eller prognos för ${u.ar} i Tertial.`);
    const mal = u.mal.filter((m) => m.kod === kod);
    if (mal.length > 0) {
      tabeller.push(...maltabeller(`bolag-${kod.toLowerCase()}-mal`, mal, false));
      noteringar.push(...nyckeltalNotering(mal));
    } else noteringar.push(`${namn} har inga mål ur ägardirektivet uppföljda ${u.ar}.`);
    return { tabeller, diagram: [], noteringar };
  };
}

export const SEKTIONER: readonly Sektionsdefinition[] = [
  {
    id: 'vasentliga-handelser',
    rubrik: 'Väsentliga händelser',
    rapporter: ALLA,
    redigerbar: true,
    bygg: () => ({ tabeller: [], diagram: [] }),
  },
  {
    id: 'resultatrakning',
    rubrik: (u) => (u.rapport === 'arsredovisning' ? 'Resultaträkning' : 'Stadens helårsprognos'),
    rapporter: ALLA,
    redigerbar: true,
    bygg: resultatrakningen,
  },
  {
    id: 'balanskrav',
    rubrik: (u) => (u.rapport === 'arsredovisning' ? 'Balanskravsutredning' : 'Balanskravet'),
    rapporter: ALLA,
    redigerbar: true,
    bygg: balanskravet,
  },
  { id: 'flerarsoversikt', rubrik: 'Flerårsöversikt', rapporter: ['arsredovisning'], redigerbar: true, bygg: flerarsoversikt },
  {
    id: 'ekonomi-per-namnd',
    rubrik: 'Nämndernas ekonomi',
    rapporter: ALLA,
    redigerbar: true,
    bygg: (u) => {
      const arsredovisning = u.rapport === 'arsredovisning';
      const utfall = arsredovisning ? 'Utfall helår' : `Utfall ${periodnamn(u.periodTomManad)}`;
      const kolumner = arsredovisning ? ['Budget', utfall, 'Avvikelse'] : ['Budget', utfall, 'Helårsprognos', 'Avvikelse'];
      const rader = u.ekonomi.map((n) => ({
        namn: n.namn,
        belopp: arsredovisning ? [n.budgetOre, n.utfallOre, n.avvikelseOre] : [n.budgetOre, n.utfallOre, n.prognosOre, n.avvikelseOre],
      }));
      const kommentarer: Rapporttabell = {
        id: 'avvikelsekommentarer',
        rubrik: 'Nämndernas kommentarer till de största avvikelserna',
        kolumner: [
          { rubrik: 'Nämnd', typ: 'text' },
          { rubrik: 'Ansvar', typ: 'text' },
          { rubrik: 'Avvikelse', typ: 'belopp' },
          { rubrik: 'Kommentar', typ: 'text' },
        ],
        rader: u.kommentarer.map((k) => [k.namnd, k.ansvar, k.avvikelseOre, k.kommentar]),
        summa: null,
      };
      return {
        tabeller: [
          beloppstabell(
            'ekonomi',
            arsredovisning ? 'Budget och utfall per nämnd' : 'Budget, utfall, prognos och avvikelse per nämnd',
            kolumner,
            rader,
          ),
          ...(arsredovisning ? [] : [kommentarer]),
        ],
        diagram: [
          {
            id: 'budget-mot-prognos',
            typ: 'namndstaplar',
            rubrik: `Budget, ${arsredovisning ? '' : 'helårsprognos och '}${utfall.toLowerCase()} per nämnd`,
            beskrivning: `Stapeldiagram: varje nämnds budget, ${arsredovisning ? '' : 'helårsprognos och '}${utfall.toLowerCase()} i mnkr, nettokostnad. Samma siffror finns i tabellen ovan.`,
            utfallNamn: utfall,
            namnder: u.ekonomi.map((n) => ({
              namn: n.namn,
              budgetOre: n.budgetOre,
              prognosOre: arsredovisning ? null : n.prognosOre,
              utfallOre: n.utfallOre,
            })),
          },
          ...[trenddiagram(u)].filter((d): d is Rapportdiagram => d !== null),
        ],
      };
    },
  },
  {
    id: 'periodutfall',
    rubrik: (u) => `Periodutfall ${periodnamn(u.periodTomManad)}`,
    rapporter: ['delarsrapport-augusti'],
    redigerbar: true,
    bygg: (u) => ({
      tabeller: [
        beloppstabell(
          'periodutfall',
          `Utfall ${periodnamn(u.periodTomManad)} mot periodens budget`,
          ['Periodens budget', 'Periodens utfall', 'Avvikelse'],
          u.period.map((n) => ({
            namn: n.namn,
            belopp: [
              n.periodbudgetOre,
              n.periodutfallOre,
              n.periodbudgetOre !== null && n.periodutfallOre !== null ? n.periodbudgetOre - n.periodutfallOre : null,
            ],
          })),
        ),
      ],
      diagram: [],
    }),
  },
  {
    id: 'resultatoverforing',
    rubrik: 'Resultatöverföring',
    rapporter: ['arsredovisning'],
    redigerbar: true,
    bygg: resultatoverforingen,
  },
  { id: 'prognossakerhet', rubrik: 'Prognossäkerhet', rapporter: ['arsredovisning'], redigerbar: true, bygg: prognossakerheten },
  { id: 'investeringar', rubrik: 'Investeringar', rapporter: ALLA, redigerbar: true, bygg: investeringarna },
  {
    id: 'maluppfyllelse',
    rubrik: 'Måluppfyllelse',
    rapporter: ALLA,
    redigerbar: true,
    bygg: (u) => {
      const mal = u.mal.filter((m) => m.agartyp === 'namnd');
      return {
        tabeller: maltabeller('mal', mal, true),
        diagram: [],
        noteringar: mal.length === 0 ? [`Inga nämndmål är uppföljda ${u.ar}.`] : nyckeltalNotering(mal),
      };
    },
  },
  {
    id: 'koncern',
    rubrik: 'Sammanställda räkenskaper',
    rapporter: ['arsredovisning'],
    redigerbar: true,
    bygg: koncernen,
  },
  ...KONCERNBOLAG.map(({ kod, namn }): Sektionsdefinition => ({
    id: `bolag-${kod.toLowerCase()}`,
    rubrik: namn,
    rapporter: ALLA,
    redigerbar: true,
    bygg: bolaget(kod, namn),
  })),
  {
    id: 'arbetsmiljo',
    rubrik: 'Arbetsmiljö',
    rapporter: ['delarsrapport-augusti'],
    redigerbar: true,
    bygg: () => ({ tabeller: [], diagram: [] }),
  },
  { id: 'framtid', rubrik: 'Framtiden', rapporter: ALLA, redigerbar: true, bygg: () => ({ tabeller: [], diagram: [] }) },
];

export function sektionerFor(rapport: Rapporttyp): readonly Sektionsdefinition[] {
  return SEKTIONER.filter((s) => s.rapporter.includes(rapport));
}

/** The report's whole content from its underlag: every figure from the services' data, every text from the writers. */
export function byggInnehall(u: Rapportunderlag): Rapportinnehall {
  return {
    rapport: u.rapport,
    ar: u.ar,
    titel: `${RAPPORTTYPNAMN[u.rapport]} ${u.ar}`,
    periodTomManad: u.periodTomManad,
    sektioner: sektionerFor(u.rapport).map((definition) => {
      const { tabeller, diagram, noteringar = [] } = definition.bygg(u);
      return {
        id: definition.id,
        rubrik: typeof definition.rubrik === 'string' ? definition.rubrik : definition.rubrik(u),
        redigerbar: definition.redigerbar,
        text: [...(u.texter[definition.id] ?? [])],
        noteringar,
        tabeller,
        diagram,
      };
    }),
  };
}
