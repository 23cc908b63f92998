import { KONCERNBOLAG, KONCERNINTERNA_SLAGNAMN, type KoncerninterntSlag } from '@tertial/contracts/dto';
import { formatKronor, parseKronor } from '@tertial/contracts/money';
import type { Prognostillfalle } from '@tertial/contracts/prognos';

export const KONCERN = 'koncern';
export const koncernUrl = (ar: number, tillfalle: Prognostillfalle) => `/api/report/koncern/${ar}/${tillfalle}`;
export const internaUrl = (ar: number) => `/api/report/koncern/interna?ar=${ar}`;
export const INTERNA_URL = '/api/report/koncern/interna';
export const bolagsprognoserUrl = (ar: number) => `/api/forecast/bolagsprognoser?ar=${ar}`;
export const bolagsprognosUrl = (bolag: string, ar: number, tillfalle: Prognostillfalle) =>
  `/api/forecast/bolagsprognoser/${bolag}/${ar}/${tillfalle}`;
export const bolagsbudgetUrl = (ar: number) => `/api/budget/bolag/budget?ar=${ar}`;

/** The part's name on screen: "Kommunen", or the company's name. */
export function delnamn(del: string): string {
  if (del === 'KOMMUN') return 'Kommunen';
  return KONCERNBOLAG.find((bolag) => bolag.kod === del)?.namn ?? del;
}

export function slagnamn(slag: KoncerninterntSlag): string {
  return KONCERNINTERNA_SLAGNAMN[slag];
}

/** The round whose forecast is current on a date: augusti once August is over, else april. */
export function aktuelltTillfalle(datum = new Date()): 'april' | 'augusti' {
  return datum.getMonth() >= 8 ? 'augusti' : 'april';
}

/**
 * An amount typed in tkr the Swedish way ("1 156 400,5", "-29 400") as kronor for the API ("1156400500.00"):
 * exact, through öre; undefined for anything that is not an amount.
 */
export function tkrTillKronor(text: string): string | undefined {
  const tkrIOre = parseKronor(text.trim());
  if (tkrIOre === undefined) return undefined;
  return formatKronor(tkrIOre * 1000);
}

/** Öre as tkr for a form field, without separators' surprises: "1156400" or "-29400,5". */
export function oreTillTkrText(ore: number): string {
  const tkr = formatKronor(Math.round(ore / 1000)).replace('.', ',');
  return tkr.endsWith(',00') ? tkr.slice(0, -3) : tkr;
}
