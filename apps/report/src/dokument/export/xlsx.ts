import type { RapportversionMedInnehall, Textblock } from '@tertial/contracts/dto';
import ExcelJS from 'exceljs';

import { kronor } from './format.js';

/** Swedish display (LCID 041D) whatever the reader's locale: `12 345,60`. */
const KRONOR_FORMAT = '[$-41D]#,##0.00';

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const bladnamn = (rubrik: string, anvanda: Set<string>): string => {
  const bas = rubrik.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  let namn = bas;
  for (let i = 2; anvanda.has(namn); i++) namn = `${bas.slice(0, 28)} ${i}`;
  anvanda.add(namn);
  return namn;
};

const kolumnbokstav = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const blocktext = (block: Textblock): string[] => (block.typ === 'lista' ? block.punkter.map((p) => `• ${p}`) : [block.text]);

/**
 * For economists: one sheet per section, amounts as numeric cells in kronor (exact to the öre) with a Swedish number
 * format, each table's total row as SUM formulas over its rows, and the header row frozen.
 */
export async function xlsx(v: RapportversionMedInnehall): Promise<Buffer> {
  const { innehall } = v;
  const bok = new ExcelJS.Workbook();
  bok.creator = 'Tertial';
  bok.title = innehall.titel;
  bok.subject = `${innehall.titel}, version ${v.version}${v.hash ? `, ${v.hash}` : ''}`;
  bok.created = v.faststalldAt ? new Date(v.faststalldAt) : new Date(v.skapadAt);
  const anvanda = new Set<string>();
  for (const sektion of innehall.sektioner) {
    const blad = bok.addWorksheet(bladnamn(sektion.rubrik, anvanda));
    let rad = 1;
    const skriv = (varden: (string | number | null)[]) => {
      blad.getRow(rad).values = varden.map((x) => x ?? undefined);
      return blad.getRow(rad++);
    };
    skriv([sektion.rubrik]).font = { bold: true, size: 14 };
    for (const notering of sektion.noteringar) skriv([notering]).font = { italic: true };
    let frusen = false;
    for (const tabell of sektion.tabeller) {
      rad++;
      skriv([tabell.rubrik]).font = { bold: true };
      const rubrikrad = skriv(tabell.kolumner.map((k) => (k.typ === 'belopp' ? `${k.rubrik} (kr)` : k.rubrik)));
      rubrikrad.font = { bold: true };
      if (!frusen) {
        blad.views = [{ state: 'frozen', ySplit: rubrikrad.number }];
        frusen = true;
      }
      const forsta = rad;
      for (const varden of tabell.rader) {
        const r = skriv(varden.map((cell, k) => (tabell.kolumner[k]?.typ === 'belopp' && typeof cell === 'number' ? kronor(cell) : cell)));
        tabell.kolumner.forEach((k, i) => {
          if (k.typ === 'belopp') r.getCell(i + 1).numFmt = KRONOR_FORMAT;
        });
      }
      const sista = rad - 1;
      if (tabell.summa) {
        const summarad = blad.getRow(rad++);
        summarad.font = { bold: true };
        tabell.kolumner.forEach((k, i) => {
          const cell = summarad.getCell(i + 1);
          const varde = tabell.summa![i];
          if (k.typ !== 'belopp') cell.value = typeof varde === 'string' ? varde : null;
          // A column without a total in the API (no figures in it) stays empty, as its rows do.
          else if (typeof varde !== 'number') cell.value = null;
          else {
            const kol = kolumnbokstav(i);
            // The formula is the total; its cached result is the API's own sum, so both agree to the öre.
            cell.value = {
              formula: `SUM(${kol}${forsta}:${kol}${Math.max(sista, forsta)})`,
              result: kronor(varde),
            };
            cell.numFmt = KRONOR_FORMAT;
          }
        });
      }
      tabell.kolumner.forEach((k, i) => {
        blad.getColumn(i + 1).width = k.typ === 'belopp' ? 20 : i === 0 ? 36 : 50;
      });
    }
    if (sektion.text.length > 0) {
      rad++;
      for (const block of sektion.text)
        for (const text of blocktext(block)) skriv([text]).font = block.typ === 'rubrik' ? { bold: true } : {};
    }
    if (!frusen) blad.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await bok.xlsx.writeBuffer());
}
