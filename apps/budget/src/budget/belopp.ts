import type { Ore } from '@tertial/contracts/money';

/**
 * Exact arithmetic on öre beyond `addOre`: multiplying by a count, taking a percentage, and writing an amount
 * into a message. Percentages are decimal text ("2,3", "-0.75"), never binary floating point; they are
 * applied with BigInt and rounded half away from zero, to whole öre or whole kronor as the caller states.
 */

/** The smallest step a percentage can take: 0,0001 % (a hundredth of a basis point). */
const PROCENT_DECIMALER = 4;
const MILJONDELAR_PER_HEL = 10n ** BigInt(PROCENT_DECIMALER + 2);
const PROCENTSATS = /^-?\d{1,3}([.,]\d{1,4})?$/;

/** What a percentage is rounded to: whole öre, or whole kronor (100 öre). */
export type Avrundning = 'ore' | 'krona';
const ORE_PER_STEG: Record<Avrundning, bigint> = { ore: 1n, krona: 100n };

/** Reads "2,3", "2.35" or "-0.5" (percent, at most four decimals) as millionths: "2,3" → 23 000n. */
export function tolkaProcentsats(text: string): bigint | undefined {
  const trimmed = text.trim();
  if (!PROCENTSATS.test(trimmed)) return undefined;
  const negativ = trimmed.startsWith('-');
  const [heltal = '0', decimaler = ''] = trimmed.replace('-', '').split(/[.,]/);
  const miljondelar = BigInt(heltal) * 10n ** BigInt(PROCENT_DECIMALER) + BigInt(decimaler.padEnd(PROCENT_DECIMALER, '0'));
  return negativ ? -miljondelar : miljondelar;
}

/** Writes a percentage the Swedish way, with a decimal comma: "2.30" → "2,3". */
export function procentText(text: string): string {
  const miljondelar = tolkaProcentsats(text);
  if (miljondelar === undefined) return text;
  const absolut = miljondelar < 0n ? -miljondelar : miljondelar;
  const skala = 10n ** BigInt(PROCENT_DECIMALER);
  const decimaler = String(absolut % skala)
    .padStart(PROCENT_DECIMALER, '0')
    .replace(/0+$/, '');
  return `${miljondelar < 0n ? '-' : ''}${absolut / skala}${decimaler ? `,${decimaler}` : ''}`;
}

/**
 * `procentsats` percent of `beloppOre`, rounded half away from zero to whole öre or whole kronor:
 * 2,5 % of 1,00 kr is 2,5 öre → 3 öre; of −1,00 kr → −3 öre.
 */
export function procentAv(beloppOre: Ore, procentsats: string, avrundning: Avrundning): Ore {
  const miljondelar = tolkaProcentsats(procentsats);
  if (miljondelar === undefined) throw new RangeError(`ogiltig procentsats "${procentsats}"`);
  const steg = ORE_PER_STEG[avrundning];
  const taljare = BigInt(beloppOre) * miljondelar;
  const namnare = MILJONDELAR_PER_HEL * steg;
  const absolut = taljare < 0n ? -taljare : taljare;
  const avrundat = ((absolut * 2n + namnare) / (2n * namnare)) * steg;
  return tillOre(taljare < 0n ? -avrundat : avrundat);
}

/** An amount per unit times a count (residents, say), refusing to leave exact integer arithmetic. */
export function multipliceraOre(beloppOre: Ore, antal: number): Ore {
  return tillOre(BigInt(beloppOre) * BigInt(antal));
}

function tillOre(varde: bigint): Ore {
  const ore = Number(varde);
  if (!Number.isSafeInteger(ore)) throw new RangeError('beloppet går utanför exakt heltalsaritmetik');
  return ore;
}

/** Kronor for a message: "1 234 567 kr", with öre only when there are any ("1 234,50 kr"). */
export function krText(ore: Ore): string {
  const absolut = Math.abs(ore);
  const kronor = String(Math.trunc(absolut / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const oren = absolut % 100;
  return `${ore < 0 ? '-' : ''}${kronor}${oren ? `,${String(oren).padStart(2, '0')}` : ''} kr`;
}

/**
 * An amount for a message, exact and never rounded: in mnkr when it is whole tenths of a million ("42 mnkr",
 * "4,5 mnkr"), otherwise in kronor, so "3 000 000,01 kr" is never shown as a misleading "3 mnkr".
 */
export function beloppText(ore: Ore): string {
  const TIONDEL_MNKR = 10_000_000;
  if (ore % TIONDEL_MNKR !== 0) return krText(ore);
  const tiondelar = Math.abs(ore / TIONDEL_MNKR);
  const heltal = String(Math.trunc(tiondelar / 10)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const decimal = tiondelar % 10;
  return `${ore < 0 ? '-' : ''}${heltal}${decimal ? `,${decimal}` : ''} mnkr`;
}
