import { koncerninterntBeloppRequestSchema, type Koncerndel, type KoncerninterntSlag } from '@tertial/contracts/dto';
import type { Ore } from '@tertial/contracts/money';

/** The columns of a file of intra-group amounts, in this order, after a header row naming them. */
export const KONCERNINTERNA_KOLUMNER = ['ar', 'saljare', 'kopare', 'slag', 'belopp'] as const;

export interface LastPost {
  ar: number;
  saljare: Koncerndel;
  kopare: Koncerndel;
  slag: KoncerninterntSlag;
  beloppOre: Ore;
}

export type Lasresultat = { ok: true; poster: LastPost[] } | { ok: false; fel: { rad: number; falt: string; meddelande: string }[] };

/**
 * Reads a CSV of intra-group amounts: a header row `ar;saljare;kopare;slag;belopp` (separator `;`, or `,` when the
 * header has no `;`), one row per amount, belopp in kronor (decimal comma or point, spaces between thousands).
 * The same year, seller, buyer and slag twice is an error, as is any bad field: then nothing is read.
 */
export function lasKoncerninterna(text: string): Lasresultat {
  const rader = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fel: { rad: number; falt: string; meddelande: string }[] = [];
  const rubrik = rader[0] ?? '';
  const separator = rubrik.includes(';') ? ';' : ',';
  const kolumner = rubrik.split(separator).map((k) => k.trim().toLowerCase());
  const saknade = KONCERNINTERNA_KOLUMNER.filter((k) => !kolumner.includes(k));
  if (saknade.length > 0)
    return { ok: false, fel: saknade.map((k) => ({ rad: 1, falt: k, meddelande: `kolumnen ${k} saknas i rubrikraden` })) };
  const poster: LastPost[] = [];
  const sedda = new Map<string, number>();
  rader.slice(1).forEach((rad, i) => {
    const radnummer = i + 2;
    if (rad.trim() === '') return;
    const celler = rad.split(separator).map((c) => c.trim());
    const varde = (k: (typeof KONCERNINTERNA_KOLUMNER)[number]) => celler[kolumner.indexOf(k)] ?? '';
    const tolkat = koncerninterntBeloppRequestSchema.safeParse({
      ar: /^\d{4}$/.test(varde('ar')) ? Number(varde('ar')) : varde('ar'),
      saljare: varde('saljare').toUpperCase(),
      kopare: varde('kopare').toUpperCase(),
      slag: varde('slag').toLowerCase(),
      belopp: varde('belopp'),
    });
    if (!tolkat.success) {
      for (const issue of tolkat.error.issues) fel.push({ rad: radnummer, falt: String(issue.path[0] ?? ''), meddelande: issue.message });
      return;
    }
    const { ar, saljare, kopare, slag, belopp } = tolkat.data;
    const nyckel = `${ar}:${saljare}:${kopare}:${slag}`;
    const tidigare = sedda.get(nyckel);
    if (tidigare !== undefined) {
      fel.push({ rad: radnummer, falt: 'slag', meddelande: `samma år, säljare, köpare och slag som rad ${tidigare}` });
      return;
    }
    sedda.set(nyckel, radnummer);
    poster.push({ ar, saljare, kopare, slag, beloppOre: belopp });
  });
  if (poster.length === 0 && fel.length === 0) fel.push({ rad: 2, falt: '(fil)', meddelande: 'filen har inga rader efter rubriken' });
  return fel.length > 0 ? { ok: false, fel } : { ok: true, poster };
}
