import { z } from 'zod';

/**
 * Money is carried as integer öre (1 kr = 100 öre) in a JavaScript number. A safe integer holds
 * 90 billion kronor, far above a city's yearly turnover, and sums stay exact as long as every step
 * is checked with {@link addOre}.
 */
export type Ore = number;

export const oreSchema = z.number().int().refine(Number.isSafeInteger, 'beloppet är för stort');

const KRONOR_PATTERN = /^-?\d{1,13}([.,]\d{1,2})?$/;

/**
 * Parses an amount in kronor, given as a decimal string ("1234,50", "1234.5", "1 234,50") or a JSON
 * number, into exact öre. The number form goes through its shortest decimal representation, which is
 * exact for every amount with at most two decimals.
 */
export function parseKronor(value: string | number): Ore | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.replace(/[\s\u00a0]/g, '');
  if (!KRONOR_PATTERN.test(text)) return undefined;
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split(/[.,]/);
  const ore = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return undefined;
  return negative ? -ore : ore;
}

/** A request field holding kronor: a decimal string or number with at most two decimals, turned into öre. */
export const kronorSchema = z
  .union([z.string(), z.number()], { error: 'ska vara ett belopp i kronor, till exempel "12345.50"' })
  .transform((value, ctx) => {
    const ore = parseKronor(value);
    if (ore === undefined) {
      ctx.addIssue({ code: 'custom', message: 'ska vara ett belopp i kronor med högst två decimaler' });
      return z.NEVER;
    }
    return ore;
  });

/** Adds öre amounts and refuses to lose precision. */
export function addOre(...amounts: Ore[]): Ore {
  let sum = 0;
  for (const amount of amounts) {
    sum += amount;
    if (!Number.isSafeInteger(sum)) throw new RangeError('summan går utanför exakt heltalsaritmetik');
  }
  return sum;
}

/** Formats öre as kronor with two decimals and a dot ("1234.50"), the API's canonical text form. */
export function formatKronor(ore: Ore): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
