import { STORSTA_RADBELOPP_ORE } from '@tertial/contracts/dto';
import type { Ore } from '@tertial/contracts/money';

import { formatBeloppUtanEnhet } from '@tertial/diagram/belopp';

/** The units a chef types amounts in: kronor, or thousands of kronor as budget documents are written. */
export const INMATNINGSENHETER = ['kr', 'tkr'] as const;
export type Inmatningsenhet = (typeof INMATNINGSENHETER)[number];

const ORE_PER: Record<Inmatningsenhet, bigint> = { kr: 100n, tkr: 100_000n };
/** Decimals that still name whole öre: kronor have two, thousands of kronor five. */
const DECIMALER: Record<Inmatningsenhet, number> = { kr: 2, tkr: 5 };

export type Tolkat = { ok: true; ore: Ore | null } | { ok: false; fel: string };

const EXEMPEL: Record<Inmatningsenhet, string> = { kr: '12 345 678,50', tkr: '12 345,5' };

/**
 * An amount typed the Swedish way in kr or tkr, as exact öre: `12 345,5`, `12345.5`, `12 345,5 tkr`, with spaces or
 * no-break spaces between the thousands. An empty cell is null (not entered). Parsed as digits, never through binary
 * floating point, so `0,1 tkr` is exactly 10 000 öre.
 */
export function tolkaBelopp(text: string, enhet: Inmatningsenhet): Tolkat {
  const rensad = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-')
    .replace(/(t?kr)$/i, (_, skriven: string) => (skriven.toLowerCase() === enhet ? '' : skriven));
  if (rensad === '') return { ok: true, ore: null };
  if (/^-/.test(rensad)) return { ok: false, fel: 'Beloppet får inte vara negativt. Skriv intäkter och kostnader som positiva belopp.' };
  const delar = /^(\d+)(?:[.,](\d*))?$/.exec(rensad);
  if (!delar) return { ok: false, fel: `Skriv ett belopp i ${enhet}, till exempel ${EXEMPEL[enhet]}.` };
  const [, heltal = '0', decimaler = ''] = delar;
  if (decimaler.length > DECIMALER[enhet]) {
    return {
      ok: false,
      fel: enhet === 'tkr' ? 'Högst fem decimaler i tkr (en krona är 0,001 tkr).' : 'Högst två decimaler (hela ören).',
    };
  }
  const skala = 10n ** BigInt(DECIMALER[enhet]);
  const enheter = BigInt(heltal) * skala + BigInt(decimaler.padEnd(DECIMALER[enhet], '0') || '0');
  const ore = (enheter * ORE_PER[enhet]) / skala;
  if (ore > BigInt(STORSTA_RADBELOPP_ORE)) return { ok: false, fel: 'Beloppet får vara högst 10 000 000 000 kr på en rad.' };
  return { ok: true, ore: Number(ore) };
}

/**
 * An amount as a cell shows it for editing, in the chosen unit: as many decimals as it needs and no more
 * (`1 234 567`, `1 234 567,5`, `1 234,5675`), so turning it back with {@link tolkaBelopp} gives the same öre.
 */
export function beloppSomInmatning(ore: Ore, enhet: Inmatningsenhet): string {
  const [heltal = '', decimaler = ''] = formatBeloppUtanEnhet(ore, enhet, DECIMALER[enhet]).split(',');
  const behovda = decimaler.replace(/0+$/, '');
  return behovda === '' ? heltal : `${heltal},${behovda}`;
}

/** An amount in the chosen unit for reading: kronor whole (with öre where there are any), thousands with one decimal. */
export function beloppSomVisning(ore: Ore, enhet: Inmatningsenhet): string {
  if (enhet === 'tkr') return formatBeloppUtanEnhet(ore, 'tkr', 1);
  return formatBeloppUtanEnhet(ore, 'kr', ore % 100 === 0 ? 0 : 2);
}

const ENHET_NYCKEL = 'tertial.inmatningsenhet';

/** The unit the user chose last time, kept in the browser; kronor until they choose. */
export function lasEnhet(lagring: Pick<Storage, 'getItem'> | undefined): Inmatningsenhet {
  try {
    const sparad = lagring?.getItem(ENHET_NYCKEL);
    return sparad === 'tkr' ? 'tkr' : 'kr';
  } catch {
    return 'kr';
  }
}

export function sparaEnhet(lagring: Pick<Storage, 'setItem'> | undefined, enhet: Inmatningsenhet): void {
  try {
    lagring?.setItem(ENHET_NYCKEL, enhet);
  } catch {
    // A browser that keeps nothing (private mode, full storage) forgets the choice; the grid still works.
  }
}
