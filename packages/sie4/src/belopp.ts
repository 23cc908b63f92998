import type { Ore } from './types.js';

const ZERO = 0x30;
const NINE = 0x39;
const MAX_WHOLE_DIGITS = 15; // keeps the kronor part exact in a double before the safe-integer check

/**
 * Parses a SIE amount into exact öre, with integers only: an optional minus, digits, and optionally a
 * decimal point and decimals. SIE writes a point, never a comma, and no thousands separators. Decimals
 * beyond the second are accepted only as zeros (`12.500`), since öre cannot hold more.
 */
export function parseSieBelopp(text: string): Ore | undefined {
  const n = text.length;
  let i = 0;
  const negative = n > 0 && text.charCodeAt(0) === 0x2d;
  if (negative) i = 1;
  let whole = 0;
  const wholeStart = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    whole = whole * 10 + (c - ZERO);
    i++;
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits > MAX_WHOLE_DIGITS) return undefined;
  let fraction = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 0x2e) return undefined;
    i++;
    const fractionStart = i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) return undefined;
      const place = i - fractionStart;
      if (place === 0) fraction += (c - ZERO) * 10;
      else if (place === 1) fraction += c - ZERO;
      else if (c !== ZERO) return undefined;
    }
    if (i === fractionStart) return undefined;
  }
  const ore = whole * 100 + fraction;
  if (!Number.isSafeInteger(ore)) return undefined;
  return negative && ore !== 0 ? -ore : ore;
}

/**
 * Parses an amount as people type it in a spreadsheet: decimal comma or point, spaces as thousands
 * separators, and the typographic minus. Both a comma and a point (`1.234,50`) is refused as ambiguous.
 */
export function parseKronorText(text: string): Ore | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (compact.includes(',') && compact.includes('.')) return undefined;
  return parseSieBelopp(compact.replace(',', '.'));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, count: number): number | undefined {
  if (text.length !== count) return undefined;
  let value = 0;
  for (let i = 0; i < count; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return undefined;
    value = value * 10 + (c - ZERO);
  }
  return value;
}

/** Parses `YYYYMMDD` into the number 20260115, or undefined when it is not a real date. */
export function parseSieDatum(text: string): number | undefined {
  const value = digits(text, 8);
  if (value === undefined) return undefined;
  const year = Math.floor(value / 10000);
  const month = Math.floor(value / 100) % 100;
  const day = value % 100;
  if (year < 1900 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= days ? value : undefined;
}

/** Parses a period `YYYYMM` into the number 202601, or undefined. */
export function parseSiePeriod(text: string): number | undefined {
  const value = digits(text, 6);
  if (value === undefined) return undefined;
  const month = value % 100;
  return value >= 190001 && month >= 1 && month <= 12 ? value : undefined;
}

/** 20260115 → "2026-01-15". */
export function isoDate(datum: number): string {
  const text = String(datum);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** 202601 → "2026-01". */
export function isoPeriod(period: number): string {
  const text = String(period);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}`;
}

/** Öre as Swedish kronor for messages: -123456 → "-1 234,56 kr". */
export function formatKronorSv(ore: Ore): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} kr`;
}
