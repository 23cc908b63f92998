import { describe, expect, it } from 'vitest';

import { medInvesteringsprognos, type Investeringsprojekt, type Prognoskalla } from './investeringsplan.js';

const projekt = (prognosKalla: Prognoskalla | null = null, ansvar: string | null = '20101'): Investeringsprojekt => ({
  id: 'SBN-P001',
  namnd: 'SBN',
  ansvar,
  namn: 'Ny gång- och cykelväg',
  ar: [
    { ar: 2026, budgetOre: 5_000_000_00, utfallOre: 1_000_000_00, prognosOre: null, prognosKalla },
    { ar: 2027, budgetOre: 3_000_000_00 },
  ],
});
const kalla = (tillfalle: string, ordning: number, andring: number, ansvar = '20101'): Prognoskalla => ({
  ansvar,
  tillfalle,
  ordning,
  andring,
});

describe('medInvesteringsprognos', () => {
  it.each([
    { fall: 'sets the year from a first forecast', fore: projekt(), ar: 2026, in: kalla('april', 2, 3), satt: true },
    { fall: 'another ansvar does not own it', fore: projekt(), ar: 2026, in: kalla('april', 2, 3, '20102'), satt: false },
    { fall: 'a project without owner is not set', fore: projekt(null, null), ar: 2026, in: kalla('april', 2, 3), satt: false },
    { fall: 'a year outside the plan', fore: projekt(), ar: 2031, in: kalla('april', 2, 3), satt: false },
    { fall: 'a later change of the same round', fore: projekt(kalla('april', 2, 3)), ar: 2026, in: kalla('april', 2, 4), satt: true },
    { fall: 'the same change again (redelivery)', fore: projekt(kalla('april', 2, 3)), ar: 2026, in: kalla('april', 2, 3), satt: false },
    { fall: 'an older change of the same round', fore: projekt(kalla('april', 2, 5)), ar: 2026, in: kalla('april', 2, 4), satt: false },
    { fall: 'a later round, whatever its andring', fore: projekt(kalla('april', 2, 9)), ar: 2026, in: kalla('augusti', 6, 1), satt: true },
    { fall: 'an earlier round after a later one', fore: projekt(kalla('augusti', 6, 1)), ar: 2026, in: kalla('april', 2, 9), satt: false },
  ])('$fall', ({ fore, ar, in: k, satt }) => {
    const efter = medInvesteringsprognos(fore, { ar, prognosOre: 4_500_000_00, kalla: k });
    if (!satt) {
      expect(efter).toBeNull();
      return;
    }
    const aret = efter?.ar.find((rad) => rad.ar === ar);
    expect(aret).toMatchObject({ prognosOre: 4_500_000_00, prognosKalla: k, budgetOre: fore.ar.find((rad) => rad.ar === ar)?.budgetOre });
    // The other years are untouched.
    expect(efter?.ar.filter((rad) => rad.ar !== ar)).toEqual(fore.ar.filter((rad) => rad.ar !== ar));
  });
});
