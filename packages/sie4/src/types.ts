/** Money as integer öre (1 kr = 100 öre), the same convention as `@tertial/contracts`. */
export type Ore = number;

export type Sie4Encoding = 'CP437' | 'UTF-8' | 'ISO-8859-1';

/** One error or warning, placed where the user can find it in the file. */
export interface Sie4Problem {
  /** 1-based line number in the file. */
  line: number;
  /** The record's label (`#VER`, `#TRANS`, …), or `''` when it concerns the file as a whole. */
  record: string;
  /** Swedish, for the user: what is wrong and where. */
  message: string;
}

/** An amount for one month, account and ansvar; `ansvar` is null when the row carries no ansvar object. */
export interface UtfallRad {
  ar: number;
  manad: number;
  konto: string;
  ansvar: string | null;
  beloppOre: Ore;
}

export interface KontoAnvandning {
  konto: string;
  /** From `#KONTO`, null when the file does not name the account. */
  namn: string | null;
  /** The first line where an amount was booked on the account. */
  firstLine: number;
}

export interface AnsvarAnvandning {
  kod: string;
  /** From `#OBJEKT` in the ansvar dimension, null when the file does not name it. */
  namn: string | null;
  firstLine: number;
}

export interface KontoTotal {
  konto: string;
  beloppOre: Ore;
}

/** The month's result: the net of resultatkonton (class 3–8) with the ledger's signs, so negative is a surplus. */
export interface ManadTotal {
  ar: number;
  manad: number;
  beloppOre: Ore;
}

export type UtfallKalla = 'TRANS' | 'PSALDO' | 'CSV';

/**
 * Where a month's utfall came from, with both candidate totals (net of resultatkonton) so a user can
 * reconcile a file that carries both verifikationer and period balances.
 */
export interface PeriodKalla {
  ar: number;
  manad: number;
  kalla: UtfallKalla;
  transOre: Ore | null;
  psaldoOre: Ore | null;
}

/** An account whose #TRANS sum and #PSALDO differ in a month that has both. */
export interface Avstamning {
  ar: number;
  manad: number;
  konto: string;
  transOre: Ore;
  psaldoOre: Ore;
}

export interface Sie4RecordCounts {
  ver: number;
  trans: number;
  psaldo: number;
  pbudget: number;
  res: number;
  /**
   * Records the reader does not use: unknown labels, #IB, #UB, #RTRANS, #BTRANS, #KSUMMA (not verified), …,
   * and period balances per another dimension than ansvar.
   */
  ignored: number;
  /** Records for another year than årsnr 0, and #TRANS dated outside `#RAR 0`. */
  ovrigaAr: number;
  /** Data rows of a CSV file; 0 for SIE. */
  csvRader: number;
}

export interface Sie4Result {
  /** False when there is any error: the caller must then store nothing. */
  ok: boolean;
  encoding: Sie4Encoding;
  /** `#SIETYP` as written (`'4'`), null for CSV or when missing. */
  sieTyp: string | null;
  program: { namn: string; version: string | null } | null;
  foretag: { namn: string | null; orgnr: string | null };
  /** Räkenskapsår 0 from `#RAR 0`, as ISO dates. */
  rakenskapsar: { start: string; slut: string } | null;
  lines: number;
  records: Sie4RecordCounts;
  konton: KontoAnvandning[];
  ansvar: AnsvarAnvandning[];
  /** Sorted by year, month, account, ansvar (null first). */
  utfall: UtfallRad[];
  budget: UtfallRad[];
  /** `#RES` for year 0, per account, for cross-checking. */
  res: KontoTotal[];
  totalerPerKonto: KontoTotal[];
  totalerPerManad: ManadTotal[];
  perioder: PeriodKalla[];
  avstamning: Avstamning[];
  errors: Sie4Problem[];
  warnings: Sie4Problem[];
}
