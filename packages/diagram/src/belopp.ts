import type { Ore } from '@tertial/contracts/money';

/** The units amounts are shown in; a unit is always a whole number of öre. */
export type Beloppsenhet = 'kr' | 'tkr' | 'mnkr';

const ORE_PER_ENHET: Record<Beloppsenhet, bigint> = {
  kr: 100n,
  tkr: 100_000n,
  mnkr: 100_000_000n,
};

/** Swedish typography, as `Intl.NumberFormat('sv-SE')` writes it: no-break space between thousands, a real minus sign. */
const TUSENTALSAVGRANSARE = '\u00a0';
const DECIMALTECKEN = ',';
const MINUSTECKEN = '\u2212';
/** Between the number and its unit, so "mnkr" never wraps onto a line of its own. */
const ENHETSMELLANRUM = '\u00a0';

const MAX_DECIMALER = 8;

/**
 * Formats öre as a number in the given unit, Swedish style and without the unit: `12 345,6`.
 *
 * The digits are computed with integer (BigInt) arithmetic so no binary floating point error can reach
 * what is shown, and rounding is half away from zero (0,05 mnkr → 0,1; −0,05 → −0,1), the way an economist
 * rounds by hand. An amount that rounds to zero is shown without a sign.
 */
export function formatBeloppUtanEnhet(ore: Ore | bigint, enhet: Beloppsenhet, decimaler: number): string {
  if (typeof ore === 'number' && !Number.isSafeInteger(ore)) {
    throw new RangeError(`beloppet måste vara ett helt antal öre, fick ${ore}`);
  }
  if (!Number.isInteger(decimaler) || decimaler < 0 || decimaler > MAX_DECIMALER) {
    throw new RangeError(`antalet decimaler måste vara 0–${MAX_DECIMALER}, fick ${decimaler}`);
  }

  const belopp = BigInt(ore);
  const negativt = belopp < 0n;
  const absolut = negativt ? -belopp : belopp;
  const namnare = ORE_PER_ENHET[enhet];
  // round(absolut × 10^d / namnare), half up on the absolute value = half away from zero on the signed one.
  const skalat = (absolut * 10n ** BigInt(decimaler) * 2n + namnare) / (2n * namnare);

  const siffror = skalat.toString().padStart(decimaler + 1, '0');
  const heltal = siffror.slice(0, siffror.length - decimaler);
  const decimaldel = siffror.slice(siffror.length - decimaler);

  const text = decimaler > 0 ? `${grupperaTusental(heltal)}${DECIMALTECKEN}${decimaldel}` : grupperaTusental(heltal);
  return negativt && skalat !== 0n ? `${MINUSTECKEN}${text}` : text;
}

/**
 * A change, always with its sign and without the unit: `+12,3`, `−4,5`, `0,0`. A plus is written out because a
 * change shown without one reads as a level; an amount that rounds to zero has neither.
 */
export function formatForandring(ore: Ore | bigint, enhet: Beloppsenhet, decimaler: number): string {
  const text = formatBeloppUtanEnhet(ore, enhet, decimaler);
  return BigInt(ore) > 0n && /[1-9]/.test(text) ? `+${text}` : text;
}

/** Formats öre in kronor with the unit: `123 457 kr`. */
export function formatKr(ore: Ore | bigint, decimaler = 0): string {
  return `${formatBeloppUtanEnhet(ore, 'kr', decimaler)}${ENHETSMELLANRUM}kr`;
}

/**
 * Formats öre in kronor as the lists do, in whole kronor (`100 000 kr`), showing the öre only where there are
 * any (`2 295 678,90 kr`), so a sum of what someone typed is neither rounded nor padded with ",00".
 */
export function formatKrMedOreOmNagra(ore: Ore | bigint): string {
  return formatKr(ore, BigInt(ore) % 100n === 0n ? 0 : 2);
}

/** Formats öre in thousands of kronor with the unit: `12 346 tkr`. */
export function formatTkr(ore: Ore | bigint, decimaler = 0): string {
  return `${formatBeloppUtanEnhet(ore, 'tkr', decimaler)}${ENHETSMELLANRUM}tkr`;
}

/** Formats öre in millions of kronor with the unit: `1 234,5 mnkr`. */
export function formatMnkr(ore: Ore | bigint, decimaler = 1): string {
  return `${formatBeloppUtanEnhet(ore, 'mnkr', decimaler)}${ENHETSMELLANRUM}mnkr`;
}

function grupperaTusental(heltal: string): string {
  return heltal.replace(/\B(?=(\d{3})+(?!\d))/g, TUSENTALSAVGRANSARE);
}
