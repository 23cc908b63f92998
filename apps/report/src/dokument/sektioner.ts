import {
  BEDOMNINGSNAMN,
  RAPPORTTYPNAMN,
  type Bedomning,
  type Rapportinnehall,
  type Rapportsektion,
  type Rapporttabell,
  type Rapporttyp,
  type Textblock,
} from '@tertial/contracts/dto';

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

export interface MalRad {
  namnd: string;
  mal: string;
  bedomning: Bedomning | null;
  analys: string | null;
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
  /** The writers' texts per section id. */
  texter: Readonly<Record<string, readonly Textblock[]>>;
}

/**
 * A section of a report: its id (stable across versions, the key of its text), heading, which reports carry it, and
 * how its tables and charts are made from the underlag. The list is the one place a new section goes: the city's
 * resultaträkning and balanskrav, the companies, the resultatöverföring and prognossäkerhet are being built
 * elsewhere and join here as entries of their own (with their data added to Rapportunderlag).
 */
export interface Sektionsdefinition {
  id: string;
  rubrik: string;
  rapporter: readonly Rapporttyp[];
  redigerbar: boolean;
  bygg: (underlag: Rapportunderlag) => Pick<Rapportsektion, 'tabeller' | 'diagram'>;
}

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

export const SEKTIONER: readonly Sektionsdefinition[] = [
  {
    id: 'vasentliga-handelser',
    rubrik: 'Väsentliga händelser',
    rapporter: ALLA,
    redigerbar: true,
    bygg: () => ({ tabeller: [], diagram: [] }),
  },
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
      const jamfort = arsredovisning ? utfall : 'Helårsprognos';
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
            rubrik: `Budget och ${jamfort.toLowerCase()} per nämnd`,
            beskrivning: `Stapeldiagram: varje nämnds budget och ${jamfort.toLowerCase()} i mnkr, nettokostnad. Samma siffror finns i tabellen ovan.`,
            kategorier: u.ekonomi.map((n) => n.namn),
            serier: [
              { namn: 'Budget', varden: u.ekonomi.map((n) => n.budgetOre ?? 0) },
              { namn: jamfort, varden: u.ekonomi.map((n) => (arsredovisning ? n.utfallOre : n.prognosOre) ?? 0) },
            ],
          },
        ],
      };
    },
  },
  {
    id: 'periodutfall',
    rubrik: 'Periodutfall januari–augusti',
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
    id: 'investeringar',
    rubrik: 'Investeringar',
    rapporter: ALLA,
    redigerbar: true,
    // The investment plan lives in the budget service and reaches the report service by no event yet: the text only.
    bygg: () => ({ tabeller: [], diagram: [] }),
  },
  {
    id: 'maluppfyllelse',
    rubrik: 'Måluppfyllelse',
    rapporter: ALLA,
    redigerbar: true,
    bygg: (u) => ({
      tabeller: [
        {
          id: 'mal',
          rubrik: 'Nämndernas mål och bedömning',
          kolumner: [
            { rubrik: 'Nämnd', typ: 'text' },
            { rubrik: 'Mål', typ: 'text' },
            { rubrik: 'Bedömning', typ: 'text' },
            { rubrik: 'Analys', typ: 'text' },
          ],
          rader: u.mal.map((m) => [m.namnd, m.mal, m.bedomning ? BEDOMNINGSNAMN[m.bedomning] : 'Ej bedömt', m.analys ?? '']),
          summa: null,
        },
      ],
      diagram: [],
    }),
  },
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
    sektioner: sektionerFor(u.rapport).map((definition) => ({
      id: definition.id,
      rubrik: definition.id === 'periodutfall' ? `Periodutfall ${periodnamn(u.periodTomManad)}` : definition.rubrik,
      redigerbar: definition.redigerbar,
      text: [...(u.texter[definition.id] ?? [])],
      ...definition.bygg(u),
    })),
  };
}
