import type { ArsbokslutDto, OverforingsreglerDto, PrognossakerhetDto } from '@tertial/contracts/dto';
import { formatKronor, parseKronor } from '@tertial/contracts/money';

import { formatMnkr } from '@tertial/diagram/belopp';

export const BOKSLUT = 'bokslut';
export const PROGNOSSAKERHET = 'prognossakerhet';

/** The year the year-end pages start on: the last year, the one closed in the spring. */
export function forvaltAr(text: string | null, idag: Date): number {
  const ar = text !== null && /^\d{4}$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(ar) && ar >= 2000 && ar <= 2100 ? ar : idag.getFullYear() - 1;
}

/** This year and the three before it, newest first, with the chosen one if it lies outside. */
export function valbaraAr(idag: Date, valt: number): number[] {
  const ar = Array.from({ length: 4 }, (_, i) => idag.getFullYear() - i);
  if (!ar.includes(valt)) ar.push(valt);
  return ar.sort((a, b) => b - a);
}

const PROCENT = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A share in percent with one decimal, Swedish style and a real minus sign: `−5,5 %`. */
export function formatProcent(varde: number | null): string {
  if (varde === null) return '–';
  return `${PROCENT.format(varde).replace('-', '\u2212')}\u00a0%`;
}

/** The rules in a sentence: "Överskott 100 % (tak 2 % av budgeten), underskott 100 %." */
export function beskrivRegler(
  regler: Pick<OverforingsreglerDto, 'overskottAndel' | 'overskottTakProcentAvBudget' | 'underskottAndel'>,
): string {
  const tak = regler.overskottTakProcentAvBudget === null ? '' : ` (högst ${regler.overskottTakProcentAvBudget} % av budgeten)`;
  return `${regler.overskottAndel} % av ett överskott förs över${tak}, ${regler.underskottAndel} % av ett underskott.`;
}

export type Forslagsrad = ArsbokslutDto['forslag']['namnder'][number] & {
  namn: string;
  beslutOre: number | null;
  motivering: string | null;
};

/** The proposal per nämnd with KF's decision beside it, when made. */
export function forslagsrader(arsbokslut: ArsbokslutDto, namnPaKod: (kod: string) => string): Forslagsrad[] {
  return arsbokslut.forslag.namnder.map((rad) => {
    const beslut = arsbokslut.beslut?.namnder.find((n) => n.namnd === rad.namnd);
    return { ...rad, namn: namnPaKod(rad.namnd), beslutOre: beslut?.beslutOre ?? null, motivering: beslut?.motivering ?? null };
  });
}

/** A decision form's amount: kronor as the proposal has them (`1234.50`), written back as the reader typed it. */
export function kronorText(ore: number): string {
  return formatKronor(ore).replace('.', ',');
}

/** The amounts typed per nämnd, read as öre; the first that is not an amount in kronor is named. */
export function lasBeslut(
  belopp: Readonly<Record<string, string>>,
): { ok: true; rader: { namnd: string; belopp: string }[] } | { ok: false; namnd: string } {
  const rader: { namnd: string; belopp: string }[] = [];
  for (const [namnd, text] of Object.entries(belopp)) {
    const ore = parseKronor(text.replace(/\s/g, '').replace('\u2212', '-').replace(',', '.'));
    if (ore === undefined) return { ok: false, namnd };
    rader.push({ namnd, belopp: formatKronor(ore) });
  }
  return { ok: true, rader };
}

type Omgang = PrognossakerhetDto['omgangar'][number];

export const TILLFALLESNAMN: Readonly<Record<string, string>> = {
  april: 'April',
  augusti: 'Augusti',
};

export function tillfallesnamn(tillfalle: string): string {
  return TILLFALLESNAMN[tillfalle] ?? `${tillfalle.charAt(0).toUpperCase()}${tillfalle.slice(1)} (månadsprognos)`;
}

/** What the chart shows, in words, for assistive technology: the city's prognosavvikelse per round. */
export function beskrivPrognossakerhet(ar: number, omgangar: readonly Omgang[]): string {
  const delar = omgangar.map((o) =>
    o.stad.prognosavvikelseOre === null
      ? `${tillfallesnamn(o.tillfalle)}: inget bokslut ännu`
      : `${tillfallesnamn(o.tillfalle)}: ${formatMnkr(o.stad.prognosavvikelseOre)} (${formatProcent(o.stad.prognosavvikelseProcent)})`,
  );
  return `Diagram: prognosavvikelse per nämnd och omgång ${ar}, bokslutets avvikelse minus prognosens. Staden: ${delar.join('; ')}. Siffrorna finns i tabellen.`;
}
