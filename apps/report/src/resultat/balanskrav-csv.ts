import { BALANSKRAV_KOLUMNER, BALANSKRAV_KONTROLLKOLUMNER } from '@tertial/contracts/dto';

import { balanskravsresultat, resultatEfterJusteringar, type BalanskravAr } from './balanskrav.js';

export interface CsvFel {
  rad: number;
  falt: string;
  meddelande: string;
}

export interface LastBalanskravAr extends BalanskravAr {
  rad: number;
}

const FALT: Record<(typeof BALANSKRAV_KOLUMNER)[number], keyof BalanskravAr> = {
  ar: 'ar',
  arets_resultat: 'aretsResultatOre',
  samtliga_realisationsvinster: 'samtligaRealisationsvinsterOre',
  realisationsvinster_undantag: 'realisationsvinsterUndantagOre',
  realisationsforluster_undantag: 'realisationsforlusterUndantagOre',
  orealiserade_forluster_vardepapper: 'orealiseradeForlusterOre',
  aterforing_orealiserade_forluster: 'aterforingOrealiseradeForlusterOre',
  till_rur: 'tillRurOre',
  fran_rur: 'franRurOre',
};

/** Splits one line on `separator`, honouring double quotes (a decimal comma in a comma-separated file is quoted). */
function delaRad(rad: string, separator: string): string[] {
  const falt: string[] = [];
  let aktuellt = '';
  let iCitat = false;
  for (let i = 0; i < rad.length; i += 1) {
    const tecken = rad[i]!;
    if (tecken === '"') {
      if (iCitat && rad[i + 1] === '"') {
        aktuellt += '"';
        i += 1;
      } else iCitat = !iCitat;
    } else if (tecken === separator && !iCitat) {
      falt.push(aktuellt);
      aktuellt = '';
    } else aktuellt += tecken;
  }
  falt.push(aktuellt);
  return falt.map((varde) => varde.trim());
}

/**
 * An amount in kronor as a published utredning prints it: a sign (- or −), spaces (also non-breaking) between
 * thousands, a decimal comma or point with at most two decimals. Returns öre, or undefined when it is no amount.
 */
export function lasKronor(text: string): number | undefined {
  const utanMellanrum = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  const match = /^([+-]?)(\d+)(?:[.,](\d{1,2}))?$/.exec(utanMellanrum);
  if (!match) return undefined;
  const ore = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return undefined;
  return match[1] === '-' ? -ore : ore;
}

export interface LastFil {
  ar: LastBalanskravAr[];
  fel: CsvFel[];
}

/**
 * Reads the balanskrav history file: a header row, `;` or `,` as separator (the one the header uses), one row per
 * year. Every error is listed with its line (1 is the header); a file with any error is refused as a whole.
 */
export function lasBalanskravCsv(text: string): LastFil {
  const rader = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fel: CsvFel[] = [];
  const rubrikrad = rader[0] ?? '';
  if (rubrikrad.trim() === '') return { ar: [], fel: [{ rad: 1, falt: 'rubrikrad', meddelande: 'filen saknar rubrikrad' }] };
  const separator = rubrikrad.includes(';') ? ';' : ',';
  const rubriker = delaRad(rubrikrad, separator).map((rubrik) => rubrik.toLowerCase());
  for (const kolumn of BALANSKRAV_KOLUMNER)
    if (!rubriker.includes(kolumn)) fel.push({ rad: 1, falt: kolumn, meddelande: `kolumnen ${kolumn} saknas i rubrikraden` });
  const kanda = new Set<string>([...BALANSKRAV_KOLUMNER, ...BALANSKRAV_KONTROLLKOLUMNER]);
  for (const rubrik of rubriker)
    if (!kanda.has(rubrik)) fel.push({ rad: 1, falt: rubrik, meddelande: `okänd kolumn ${rubrik === '' ? '(tom)' : rubrik}` });
  const dubbla = rubriker.filter((rubrik, index) => rubriker.indexOf(rubrik) !== index);
  for (const rubrik of new Set(dubbla)) fel.push({ rad: 1, falt: rubrik, meddelande: `kolumnen ${rubrik} finns två gånger` });
  if (fel.length > 0) return { ar: [], fel };

  const lasta: LastBalanskravAr[] = [];
  const sedda = new Map<number, number>();
  rader.slice(1).forEach((text, index) => {
    const radnummer = index + 2;
    if (text.trim() === '') return;
    const varden = delaRad(text, separator);
    if (varden.length !== rubriker.length) {
      fel.push({ rad: radnummer, falt: 'rad', meddelande: `raden har ${varden.length} fält, rubrikraden ${rubriker.length}` });
      return;
    }
    const varde = (kolumn: string) => varden[rubriker.indexOf(kolumn)]!;
    const arText = varde('ar');
    const ar = /^\d{4}$/.test(arText) ? Number(arText) : undefined;
    if (ar === undefined || ar < 2000 || ar > 2100) {
      fel.push({ rad: radnummer, falt: 'ar', meddelande: `${arText === '' ? 'tomt' : `"${arText}"`} är inget årtal` });
      return;
    }
    const tidigare = sedda.get(ar);
    if (tidigare !== undefined) fel.push({ rad: radnummer, falt: 'ar', meddelande: `året ${ar} finns redan på rad ${tidigare}` });
    else sedda.set(ar, radnummer);
    const rad: Partial<LastBalanskravAr> = { ar, rad: radnummer };
    let radenFel = false;
    for (const kolumn of BALANSKRAV_KOLUMNER.filter((namn) => namn !== 'ar')) {
      const ore = lasKronor(varde(kolumn));
      if (ore === undefined) {
        fel.push({ rad: radnummer, falt: kolumn, meddelande: `${kolumn}: "${varde(kolumn)}" är inget belopp i kronor` });
        radenFel = true;
      } else (rad as Record<string, number>)[FALT[kolumn]] = ore;
    }
    if (radenFel) return;
    const komplett = rad as LastBalanskravAr;
    if (komplett.samtligaRealisationsvinsterOre > 0)
      fel.push({
        rad: radnummer,
        falt: 'samtliga_realisationsvinster',
        meddelande: 'samtliga_realisationsvinster dras av och anges negativa, som i en publicerad utredning',
      });
    if (komplett.tillRurOre > 0)
      fel.push({ rad: radnummer, falt: 'till_rur', meddelande: 'till_rur dras av och anges negativt, som i en publicerad utredning' });
    if (komplett.franRurOre < 0)
      fel.push({ rad: radnummer, falt: 'fran_rur', meddelande: 'fran_rur läggs till och anges positivt, som i en publicerad utredning' });
    const kontroller: [string, number][] = [
      ['resultat_efter_justeringar', resultatEfterJusteringar(komplett)],
      ['balanskravsresultat', balanskravsresultat(komplett)],
    ];
    for (const [kolumn, beraknat] of kontroller) {
      if (!rubriker.includes(kolumn) || varde(kolumn) === '') continue;
      const angivet = lasKronor(varde(kolumn));
      if (angivet === undefined)
        fel.push({ rad: radnummer, falt: kolumn, meddelande: `${kolumn}: "${varde(kolumn)}" är inget belopp i kronor` });
      else if (angivet !== beraknat)
        fel.push({
          rad: radnummer,
          falt: kolumn,
          meddelande: `${kolumn} är ${kronor(angivet)} i filen men ${kronor(beraknat)} räknat från raden`,
        });
    }
    lasta.push(komplett);
  });
  if (lasta.length === 0 && fel.length === 0) fel.push({ rad: 2, falt: 'rad', meddelande: 'filen har inga år' });
  return { ar: lasta.sort((a, b) => a.ar - b.ar), fel };
}

function kronor(ore: number): string {
  const abs = Math.abs(ore);
  const heltal = Math.trunc(abs / 100).toLocaleString('sv-SE');
  return `${ore < 0 ? '−' : ''}${heltal},${String(abs % 100).padStart(2, '0')} kr`;
}
