import { createBeloppSummor, type BeloppSummor } from './belopp-summor.js';
import type { LineDecoder } from './line-decoder.js';
import { addProblem, createProblemList, type ProblemList } from './problems.js';
import type { SieField } from './tokenize.js';
import type { Ore, Sie4Encoding, Sie4RecordCounts, Sie4Result } from './types.js';

export interface ReadSie4Options {
  /** The dimension whose objects are ansvar. Default 1, where Unit4 ERP exports the ansvar. */
  ansvarDimension?: number;
  /** Skips detection, for a file known to be in another encoding than it declares. */
  encoding?: Sie4Encoding;
}

/** A #VER being read: its #TRANS are summed to check that it balances. */
export interface Verifikation {
  serie: string;
  nr: string;
  line: number;
  datum: number | undefined;
  braceLine: number;
  sumOre: Ore;
  /** A #TRANS in it could not be read, so its balance says nothing. */
  broken: boolean;
}

interface PeriodBalances {
  totals: BeloppSummor;
  perAnsvar: BeloppSummor;
}

interface OutsideYear {
  count: number;
  firstLine: number;
}

/** Everything the reader remembers while streaming: header facts, master data, sums and open blocks. */
export interface ReadState {
  ansvarDim: string;
  errors: ProblemList;
  warnings: ProblemList;
  records: Sie4RecordCounts;

  sawRecord: boolean;
  stopped: boolean;
  flaggaLine: number;
  sieTyp: string | null;
  program: Sie4Result['program'];
  fnamn: string | null;
  orgnr: string | null;
  format: string | null;
  rar0: { start: number; slut: number } | null;
  firstLineNeedingRar: number;

  kontoNamn: Map<string, string>;
  dims: Map<string, string>;
  objekt: Map<string, string>;
  ansvarNamn: Map<string, string>;
  kontoUse: Map<string, number>;
  ansvarUse: Map<string, number>;
  objektUse: Map<string, number>;

  trans: BeloppSummor;
  psaldo: PeriodBalances;
  pbudget: PeriodBalances;
  psaldoLine: Map<number, number>;
  res: Map<string, { ore: Ore; line: number }>;
  transOutside: OutsideYear;
  balanceOutside: OutsideYear;
  multiObjectBalanceLine: number;

  pendingVer: Verifikation | null;
  openVer: Verifikation | null;

  decoder: LineDecoder | null;
  bom: boolean;
  /** Found in the sample, reported when the #FORMAT record is reached. */
  sampleConflict: 'UTF-8' | 'ISO-8859-1' | null;
}

export function createState(options: ReadSie4Options): ReadState {
  return {
    ansvarDim: String(options.ansvarDimension ?? 1),
    errors: createProblemList(),
    warnings: createProblemList(),
    records: { ver: 0, trans: 0, psaldo: 0, pbudget: 0, res: 0, ignored: 0, ovrigaAr: 0, csvRader: 0 },
    sawRecord: false,
    stopped: false,
    flaggaLine: 0,
    sieTyp: null,
    program: null,
    fnamn: null,
    orgnr: null,
    format: null,
    rar0: null,
    firstLineNeedingRar: 0,
    kontoNamn: new Map(),
    dims: new Map(),
    objekt: new Map(),
    ansvarNamn: new Map(),
    kontoUse: new Map(),
    ansvarUse: new Map(),
    objektUse: new Map(),
    trans: createBeloppSummor(),
    psaldo: { totals: createBeloppSummor(), perAnsvar: createBeloppSummor() },
    pbudget: { totals: createBeloppSummor(), perAnsvar: createBeloppSummor() },
    psaldoLine: new Map(),
    res: new Map(),
    transOutside: { count: 0, firstLine: 0 },
    balanceOutside: { count: 0, firstLine: 0 },
    multiObjectBalanceLine: 0,
    pendingVer: null,
    openVer: null,
    decoder: null,
    bom: false,
    sampleConflict: null,
  };
}

export const error = (s: ReadState, line: number, record: string, message: string, always = false): void =>
  addProblem(s.errors, line, record, message, always);
export const warning = (s: ReadState, line: number, record: string, message: string): void => addProblem(s.warnings, line, record, message);

export function text(field: SieField | undefined): string | undefined {
  return typeof field === 'string' ? field : undefined;
}

export function verName(ver: Verifikation): string {
  const id = `${ver.serie} ${ver.nr}`.trim();
  return id === '' ? `verifikationen på rad ${ver.line}` : `verifikation ${id} (rad ${ver.line})`;
}

export function beloppProblem(field: string | undefined, what: string): string {
  if (field === undefined || field === '') return `${what} saknas`;
  if (/^-?\d+,\d+$/.test(field)) {
    return `${what} "${field}" har decimalkomma; SIE skriver belopp med decimalpunkt (${field.replace(',', '.')})`;
  }
  return `${what} "${field}" är inte ett belopp i kronor med högst två decimaler (t.ex. -1234.50)`;
}

export function useKonto(s: ReadState, konto: string, line: number): void {
  if (!s.kontoUse.has(konto)) s.kontoUse.set(konto, line);
}

export function useAnsvar(s: ReadState, kod: string, line: number): void {
  if (!s.ansvarUse.has(kod)) s.ansvarUse.set(kod, line);
}
