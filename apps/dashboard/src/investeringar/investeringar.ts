import type { InvesteringsprojektDto, InvesteringssammanstallningDto } from '@tertial/contracts/dto';
import type { Ore } from '@tertial/contracts/money';

import { formatBeloppUtanEnhet } from '@tertial/diagram/belopp';

type Motiv = NonNullable<InvesteringsprojektDto['motiv']>;
type Hallbarhet = NonNullable<InvesteringsprojektDto['hallbarhet']>;
export type Paverkan = NonNullable<Hallbarhet['social']>;

/** The motives a project over 3 mnkr states, as "Styrning i Helsingborgs stad" names them. */
export const MOTIV: Record<Motiv, string> = {
  A: 'Attraktiv stad',
  E: 'Klimat- och energiplan',
  K: 'Kostnadsbesparande',
  L: 'Lagstiftning',
  M: 'Miljöeffekter',
  U: 'Underhåll',
  T: 'Tillväxt',
};

const ASPEKTER = [
  ['social', 'Social'],
  ['miljomassig', 'Miljömässig'],
  ['ekonomisk', 'Ekonomisk'],
] as const;

export interface Bedomning {
  readonly aspekt: string;
  readonly paverkan: Paverkan | null;
}

/** The sustainability assessment of a project over 15 mnkr, aspect by aspect; null when the project has none. */
export function hallbarhetsbedomning(hallbarhet: InvesteringsprojektDto['hallbarhet']): Bedomning[] | null {
  if (!hallbarhet) return null;
  const bedomning = ASPEKTER.map(([nyckel, aspekt]) => ({ aspekt, paverkan: hallbarhet[nyckel] ?? null }));
  return bedomning.every((rad) => rad.paverkan === null) ? null : bedomning;
}

export interface Projektrad {
  readonly id: string;
  readonly namn: string;
  readonly motiv: Motiv | null;
  readonly hallbarhet: Bedomning[] | null;
  /** The budget over all the project's years. */
  readonly totaltOre: Ore;
  /** The budget of each year of the plan, in its order; null for a year the project has none. */
  readonly budgetPerAr: readonly (Ore | null)[];
}

/** The years of the seven-year plan, first to last. */
export function planensAr(sammanstallning: Pick<InvesteringssammanstallningDto, 'forstaAr' | 'sistaAr'>): number[] {
  const antal = Math.max(0, sammanstallning.sistaAr - sammanstallning.forstaAr + 1);
  return Array.from({ length: antal }, (_, index) => sammanstallning.forstaAr + index);
}

const namnordning = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

/** One row per project, by name, with its budget laid out over the plan's years. */
export function projektrader(projekt: readonly InvesteringsprojektDto[], ar: readonly number[]): Projektrad[] {
  return [...projekt]
    .sort((a, b) => namnordning.compare(a.namn, b.namn) || a.id.localeCompare(b.id))
    .map((p) => {
      const perAr = new Map(p.ar.map((rad) => [rad.ar, rad.budgetOre]));
      return {
        id: p.id,
        namn: p.namn,
        motiv: p.motiv ?? null,
        hallbarhet: hallbarhetsbedomning(p.hallbarhet),
        totaltOre: p.ar.reduce((summa, rad) => summa + rad.budgetOre, 0),
        budgetPerAr: ar.map((aret) => perAr.get(aret) ?? null),
      };
    });
}

export type Namndssummering = InvesteringssammanstallningDto['namnder'][number];

/** The nämnd's sums per year and in total; the city's when the answer holds only the one nämnd under another code. */
export function namndensSummering(sammanstallning: InvesteringssammanstallningDto, namnd: string): Namndssummering | null {
  return (
    sammanstallning.namnder.find((rad) => rad.namnd === namnd) ??
    (sammanstallning.namnder.length === 1 ? sammanstallning.namnder[0]! : null)
  );
}

function miljonerKronor(ore: Ore): string {
  return `${formatBeloppUtanEnhet(ore, 'mnkr', 1)} miljoner kronor`;
}

/** What the chart shows, for its accessible name: the plan's total and its largest year. */
export function beskrivInvesteringsdiagram(summering: Namndssummering, namndnamn: string): string {
  const ar = summering.ar;
  const forsta = ar[0]?.ar;
  const sista = ar.at(-1)?.ar;
  const storst = [...ar].sort((a, b) => b.budgetOre - a.budgetOre)[0];
  const storstText = storst && storst.budgetOre > 0 ? ` Störst budget ${storst.ar}: ${miljonerKronor(storst.budgetOre)}.` : '';
  return (
    `Stapeldiagram över investeringar per år för ${namndnamn}${forsta !== undefined ? ` ${forsta}–${sista}` : ''}: budget, prognos och utfall.` +
    ` Totalt budget ${miljonerKronor(summering.totalt.budgetOre)}, prognos ${miljonerKronor(summering.totalt.prognosOre)}, utfall ${miljonerKronor(summering.totalt.utfallOre)}.` +
    `${storstText} Samma siffror finns i tabellen under diagrammet.`
  );
}
