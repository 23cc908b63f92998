import { addBelopp, createBeloppSummor, toUtfallRader } from './belopp-summor.js';
import { encodeCp437 } from './cp437.js';
import type { Ore, UtfallRad } from './types.js';

export interface GenerateSie4Spec {
  ar: number;
  ansvar: readonly { kod: string; namn: string }[];
  konton: readonly { konto: string; namn: string }[];
  verifikationer: number;
  /** Rows per verifikation, the last being the bank row that balances it; at least 2. */
  transPerVer: number;
  seed: number;
  format: 'PC8' | 'UTF-8' | 'ISO-8859-1';
  /** CRLF by default, as Windows programs write SIE. */
  radslut?: '\r\n' | '\n';
}

/** A small seeded PRNG (mulberry32): the same seed gives the same file on every machine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About forty Kommun-Bas accounts across revenue, purchases, personnel, premises and other costs. */
export const EXEMPEL_KONTON: readonly { konto: string; namn: string }[] = [
  { konto: '1930', namn: 'Bank' },
  { konto: '3411', namn: 'Barnomsorgsavgifter' },
  { konto: '3450', namn: 'Avgifter äldreomsorg' },
  { konto: '3610', namn: 'Hyror bostäder' },
  { konto: '3710', namn: 'Statsbidrag' },
  { konto: '3810', namn: 'Försäljning av verksamhet' },
  { konto: '3910', namn: 'Övriga intäkter' },
  { konto: '4510', namn: 'Köp av huvudverksamhet' },
  { konto: '4610', namn: 'Köp av verksamhet från entreprenörer' },
  { konto: '4710', namn: 'Försörjningsstöd' },
  { konto: '4810', namn: 'Bidrag till föreningar' },
  { konto: '5010', namn: 'Månadsavlönade' },
  { konto: '5020', namn: 'Timavlönade' },
  { konto: '5030', namn: 'Övertid och mertid' },
  { konto: '5040', namn: 'Ob-ersättning' },
  { konto: '5060', namn: 'Arvoden förtroendevalda' },
  { konto: '5110', namn: 'Semesterlön' },
  { konto: '5111', namn: 'Semesterersättning' },
  { konto: '5130', namn: 'Sjuklön' },
  { konto: '5140', namn: 'Föräldralön' },
  { konto: '5610', namn: 'Arbetsgivaravgifter' },
  { konto: '5640', namn: 'Särskild löneskatt' },
  { konto: '5710', namn: 'Pensionskostnader' },
  { konto: '5790', namn: 'Övriga pensionskostnader' },
  { konto: '5810', namn: 'Personalsociala kostnader' },
  { konto: '6010', namn: 'Lokalhyror' },
  { konto: '6110', namn: 'Fastighetsskötsel' },
  { konto: '6210', namn: 'Energi och vatten' },
  { konto: '6410', namn: 'Förbrukningsmaterial' },
  { konto: '6510', namn: 'Datakommunikation' },
  { konto: '6570', namn: 'Telefoni' },
  { konto: '6910', namn: 'Övriga främmande tjänster' },
  { konto: '7010', namn: 'Bilkostnader' },
  { konto: '7110', namn: 'Resekostnader' },
  { konto: '7410', namn: 'Konsulttjänster' },
  { konto: '7450', namn: 'IT-tjänster' },
  { konto: '7910', namn: 'Avskrivningar' },
  { konto: '7990', namn: 'Övriga kostnader' },
  { konto: '8410', namn: 'Räntekostnader' },
];

const ENHETER = ['Förskola', 'Grundskola', 'Äldreboende', 'Hemtjänst', 'Bibliotek', 'Fritidsgård', 'Stadsbyggnad'];
const OMRADEN = ['Östra', 'Västra', 'Söder', 'Norr', 'Råå', 'Påarp', 'Ödåkra'];

/** `count` ansvar with five-digit codes and Swedish names, for tests and the benchmark. */
export function exempelAnsvar(count: number): { kod: string; namn: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    kod: String(10000 + i),
    namn: `${ENHETER[i % ENHETER.length]} ${OMRADEN[Math.floor(i / ENHETER.length) % OMRADEN.length]} ${i}`,
  }));
}

const BANK = { konto: '1930', namn: 'Bank' };
const VER_TEXTER = ['Leverantörsfaktura', 'Löneutbetalning', 'Hyra lokal Ängelholmsvägen', 'Kundfaktura', 'Omföring "rätt" ansvar'];
const JULI = 7;

interface GeneratedRad {
  konto: string;
  ansvar: string | null;
  ore: Ore;
}

interface GeneratedVer {
  nr: number;
  datum: number;
  text: string;
  /** Every seventh verifikation leaves the transaction date out, so the reader must use the #VER's. */
  transDatum: boolean;
  rader: GeneratedRad[];
}

/** Amount range in kronor for a row on the account in the month; July pays holiday instead of wages. */
function rangeKr(konto: string, manad: number): [number, number] {
  const group = konto.slice(0, 2);
  if (konto.startsWith('3')) return [500, 150_000];
  if (group === '50') return manad === JULI ? [7_000, 21_000] : [18_000, 52_000];
  if (group === '51') return manad === JULI ? [20_000, 60_000] : [1_000, 8_000];
  if (group === '56') return [5_000, 16_000];
  if (group === '57') return [2_000, 8_000];
  if (konto.startsWith('4')) return [1_000, 200_000];
  return [200, 90_000];
}

/** The verifikationer of a spec, one at a time; the file writer and the expected sums both read this. */
function* verifikationer(spec: GenerateSie4Spec): Generator<GeneratedVer> {
  if (spec.transPerVer < 2) throw new RangeError('transPerVer ska vara minst 2: en kostnad eller intäkt och banken');
  const random = mulberry32(spec.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const resultatkonton = spec.konton.filter((k) => /^[3-8]/.test(k.konto));
  if (resultatkonton.length === 0) throw new RangeError('konton ska innehålla minst ett resultatkonto (klass 3–8)');
  for (let i = 0; i < spec.verifikationer; i++) {
    const manad = 1 + Math.floor((i * 8) / spec.verifikationer); // January–August, in order
    const datum = spec.ar * 10000 + manad * 100 + 1 + Math.floor(random() * 28);
    const rader: GeneratedRad[] = [];
    let sum = 0;
    for (let r = 0; r < spec.transPerVer - 1; r++) {
      const { konto } = pick(resultatkonton);
      const [min, max] = rangeKr(konto, manad);
      const ore = min * 100 + Math.floor(random() * (max - min) * 100);
      const signed = konto.startsWith('3') ? -ore : ore; // revenue is a credit in BAS
      rader.push({ konto, ansvar: spec.ansvar.length > 0 ? pick(spec.ansvar).kod : null, ore: signed });
      sum += signed;
    }
    rader.push({ konto: BANK.konto, ansvar: null, ore: -sum });
    yield { nr: i + 1, datum, text: `${pick(VER_TEXTER)} ${i + 1}`, transDatum: i % 7 !== 6, rader };
  }
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function formatSieBelopp(ore: Ore): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function ktyp(konto: string): string {
  if (konto.startsWith('1')) return 'T';
  if (konto.startsWith('2')) return 'S';
  return konto.startsWith('3') ? 'I' : 'K';
}

const CHUNK_CHARS = 64 * 1024;

/**
 * Writes a valid, balanced SIE 4 file for the spec as a stream of chunks, so half a million rows never sit
 * in memory. PC8 files declare `#FORMAT PC8`; UTF-8 and ISO-8859-1 files declare nothing, as exports
 * in those encodings usually do, and must be recognised by their bytes.
 */
export async function* generateSie4(spec: GenerateSie4Spec): AsyncGenerator<Uint8Array> {
  const nl = spec.radslut ?? '\r\n';
  const encode = (text: string): Uint8Array =>
    spec.format === 'PC8' ? encodeCp437(text) : Buffer.from(text, spec.format === 'UTF-8' ? 'utf8' : 'latin1');
  let parts: string[] = [];
  let size = 0;
  const write = (line: string): void => {
    parts.push(line, nl);
    size += line.length + nl.length;
  };
  const flush = (): Uint8Array => {
    const chunk = encode(parts.join(''));
    parts = [];
    size = 0;
    return chunk;
  };

  write('#FLAGGA 0');
  write(`#PROGRAM ${quote('Tertial testgenerator')} 1.0`);
  if (spec.format === 'PC8') write('#FORMAT PC8');
  write(`#GEN ${spec.ar}0901`);
  write('#SIETYP 4');
  write(`#FNAMN ${quote('Helsingborgs stad')}`);
  write('#ORGNR 212000-1355');
  write(`#RAR 0 ${spec.ar}0101 ${spec.ar}1231`);
  write(`#RAR -1 ${spec.ar - 1}0101 ${spec.ar - 1}1231`);
  write(`#KPTYP ${quote('Kommun-Bas')}`);
  write('#VALUTA SEK');
  write(`#DIM 1 ${quote('Ansvar')}`);
  for (const { kod, namn } of spec.ansvar) write(`#OBJEKT 1 ${quote(kod)} ${quote(namn)}`);
  const konton = spec.konton.some((k) => k.konto === BANK.konto) ? spec.konton : [BANK, ...spec.konton];
  for (const { konto, namn } of konton) {
    write(`#KONTO ${konto} ${quote(namn)}`);
    write(`#KTYP ${konto} ${ktyp(konto)}`);
  }

  for (const ver of verifikationer(spec)) {
    write(`#VER A ${ver.nr} ${ver.datum} ${quote(ver.text)} ${ver.datum}`);
    write('{');
    for (let r = 0; r < ver.rader.length; r++) {
      const { konto, ansvar, ore } = ver.rader[r]!;
      const objekt = ansvar === null ? '{}' : `{1 ${quote(ansvar)}}`;
      const tail = !ver.transDatum ? '' : r % 4 === 1 ? ` ${ver.datum} ${quote('Fika "Östra" avd.')}` : ` ${ver.datum}`;
      write(`   #TRANS ${konto} ${objekt} ${formatSieBelopp(ore)}${tail}`);
    }
    write('}');
    if (size >= CHUNK_CHARS) yield flush();
  }
  if (size > 0) yield flush();
}

/** What a reader must find in the generated file: utfall per month, account and ansvar. */
export function generatedUtfall(spec: GenerateSie4Spec): UtfallRad[] {
  const sums = createBeloppSummor();
  for (const ver of verifikationer(spec)) {
    const period = Math.floor(ver.datum / 100);
    for (const { konto, ansvar, ore } of ver.rader) addBelopp(sums, period, konto, ansvar, ore);
  }
  return toUtfallRader(sums);
}
