import type { Framsteg } from '@tertial/contracts/dto';

import { formatAntal } from '../format/antal.js';

export type Framstegsnyckel = keyof Framsteg;

/** The statuses in the order a forecast passes through them, with their names in a sentence. */
export const FRAMSTEGSSTEG: readonly { nyckel: Framstegsnyckel; namn: string }[] = [
  { nyckel: 'ejPaborjad', namn: 'ej påbörjade' },
  { nyckel: 'utkast', namn: 'utkast' },
  { nyckel: 'klarmarkerade', namn: 'klarmarkerade' },
  { nyckel: 'godkanda', namn: 'godkända' },
  { nyckel: 'aterskickade', namn: 'återsända' },
];

export interface Framstegsdel {
  readonly nyckel: Framstegsnyckel;
  readonly namn: string;
  readonly antal: number;
  /** Whole percent of the total; the parts of a bar add up to exactly 100 (0 for an empty total). */
  readonly procent: number;
}

/** How many ansvar the progress counts. */
export function framstegTotalt(framsteg: Framsteg): number {
  return FRAMSTEGSSTEG.reduce((summa, { nyckel }) => summa + framsteg[nyckel], 0);
}

/**
 * The parts of a progress bar: each status with its count and its share in whole percent, rounded by largest
 * remainder so the shares add up to 100 and a status with any ansvar never vanishes into 0 unless it is under 0.5 %.
 */
export function framstegsdelar(framsteg: Framsteg): Framstegsdel[] {
  const totalt = framstegTotalt(framsteg);
  if (totalt === 0) return FRAMSTEGSSTEG.map(({ nyckel, namn }) => ({ nyckel, namn, antal: 0, procent: 0 }));
  const rakna = FRAMSTEGSSTEG.map(({ nyckel, namn }, index) => {
    const exakt = (framsteg[nyckel] * 100) / totalt;
    return { nyckel, namn, antal: framsteg[nyckel], procent: Math.floor(exakt), rest: exakt - Math.floor(exakt), index };
  });
  let kvar = 100 - rakna.reduce((summa, del) => summa + del.procent, 0);
  for (const del of [...rakna].sort((a, b) => b.rest - a.rest || a.index - b.index)) {
    if (kvar === 0) break;
    del.procent += 1;
    kvar -= 1;
  }
  return rakna.map(({ nyckel, namn, antal, procent }) => ({ nyckel, namn, antal, procent }));
}

/** Ansvar whose forecast counts in the prognos: klarmarkerade and godkända. */
export function antalKlara(framsteg: Framsteg): number {
  return framsteg.klarmarkerade + framsteg.godkanda;
}

/** Ansvar whose forecast is missing: not started, an utkast, or sent back. */
export function antalSaknade(framsteg: Framsteg): number {
  return framsteg.ejPaborjad + framsteg.utkast + framsteg.aterskickade;
}

/** The bar in words, for everyone who does not read colours: "396 ansvar: 40 ej påbörjade, 30 utkast, …". */
export function framstegstext(framsteg: Framsteg): string {
  const delar = FRAMSTEGSSTEG.map(({ nyckel, namn }) => `${formatAntal(framsteg[nyckel])} ${namn}`);
  return `${formatAntal(framstegTotalt(framsteg))} ansvar: ${delar.join(', ')}`;
}

/** "290 av 396 klara" */
export function klaraText(framsteg: Framsteg): string {
  return `${formatAntal(antalKlara(framsteg))} av ${formatAntal(framstegTotalt(framsteg))} klara`;
}
