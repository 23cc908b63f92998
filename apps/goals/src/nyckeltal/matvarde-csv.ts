import { MATVARDE_CSV_KOLUMNER, periodSchema, type Kon } from '@tertial/contracts/dto';

export interface CsvMatvarde {
  /** The line in the file, 1 being the header. */
  readonly rad: number;
  /** The nyckeltal's id or Kolada KPI id, as written. */
  readonly nyckeltal: string;
  readonly period: string;
  readonly kon: Kon;
  readonly varde: number;
}

export interface CsvFel {
  readonly rad: number;
  readonly falt: string;
  readonly meddelande: string;
}

const KON: Record<string, Kon> = { t: 'total', total: 'total', k: 'kvinnor', kvinnor: 'kvinnor', m: 'man', man: 'man', män: 'man' };

/** One line's fields: semicolon-separated, a field in double quotes may hold a semicolon and `""` for a quote. */
function falt(rad: string): string[] {
  const resultat: string[] = [];
  let aktuellt = '';
  let iCitat = false;
  for (let i = 0; i < rad.length; i += 1) {
    const tecken = rad[i]!;
    if (iCitat) {
      if (tecken === '"' && rad[i + 1] === '"') {
        aktuellt += '"';
        i += 1;
      } else if (tecken === '"') iCitat = false;
      else aktuellt += tecken;
    } else if (tecken === '"') iCitat = true;
    else if (tecken === ';') {
      resultat.push(aktuellt.trim());
      aktuellt = '';
    } else aktuellt += tecken;
  }
  resultat.push(aktuellt.trim());
  return resultat;
}

/** A number as Excel writes it in Swedish: `83,5`, `1 240`, `−2,5` (a decimal point is accepted too). */
export function tolkaDecimaltal(text: string): number | undefined {
  const rensad = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace('\u2212', '-')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(rensad)) return undefined;
  return Number(rensad);
}

/**
 * Reads a measurement CSV as Excel saves it (semicolons, decimal comma, BOM or none, CRLF or LF): the header names
 * the columns (`nyckeltal;period;kon;varde`, any order, `kon` optional), then one value a line. Every bad line and
 * field is reported; the caller stores nothing unless there are none.
 */
export function lasMatvardeCsv(text: string): { rader: CsvMatvarde[]; fel: CsvFel[] } {
  const rader = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fel: CsvFel[] = [];
  const rubrik = falt(rader[0] ?? '').map((namn) => namn.toLowerCase());
  const index = new Map(rubrik.map((namn, i) => [namn, i]));
  for (const namn of rubrik)
    if (!(MATVARDE_CSV_KOLUMNER as readonly string[]).includes(namn))
      fel.push({ rad: 1, falt: namn || '(tom)', meddelande: `okänd kolumn; kolumnerna är ${MATVARDE_CSV_KOLUMNER.join(';')}` });
  for (const namn of ['nyckeltal', 'period', 'varde'])
    if (!index.has(namn)) fel.push({ rad: 1, falt: namn, meddelande: 'kolumnen saknas i rubrikraden' });
  if (fel.length > 0) return { rader: [], fel };

  const varden: CsvMatvarde[] = [];
  rader.slice(1).forEach((text, i) => {
    const rad = i + 2;
    if (text.trim() === '' || /^;*$/.test(text.trim())) return;
    const delar = falt(text);
    const ta = (namn: string) => delar[index.get(namn) ?? -1] ?? '';
    const nyckeltal = ta('nyckeltal');
    if (!nyckeltal) fel.push({ rad, falt: 'nyckeltal', meddelande: 'ange nyckeltalets id eller Kolada-id' });
    const period = periodSchema.safeParse(ta('period'));
    if (!period.success) fel.push({ rad, falt: 'period', meddelande: period.error.issues[0]!.message });
    const konText = ta('kon').toLowerCase();
    const kon = konText === '' ? 'total' : KON[konText];
    if (!kon) fel.push({ rad, falt: 'kon', meddelande: 'ska vara total, kvinnor, man eller T, K, M' });
    const varde = tolkaDecimaltal(ta('varde'));
    if (varde === undefined) fel.push({ rad, falt: 'varde', meddelande: 'ska vara ett tal, till exempel 83,5' });
    if (nyckeltal && period.success && kon && varde !== undefined) varden.push({ rad, nyckeltal, period: period.data, kon, varde });
  });
  if (varden.length === 0 && fel.length === 0) fel.push({ rad: 1, falt: '(filen)', meddelande: 'filen har inga mätvärden' });
  return { rader: fel.length > 0 ? [] : varden, fel };
}
