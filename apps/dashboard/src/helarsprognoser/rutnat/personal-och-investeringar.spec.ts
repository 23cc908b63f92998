import { describe, expect, it } from 'vitest';

import {
  formatArsarbetare,
  tillaggAndrat,
  tillaggFran,
  tillaggIEnhet,
  tolkaTillagg,
  type Tillaggsinmatning,
} from './personal-och-investeringar.js';

const underlag = {
  investeringar: [
    {
      projekt: 'SBN-P001',
      namn: 'Cykelväg',
      budgetOre: 5_000_000_00,
      utfallOre: null,
      foregaendePrognosOre: null,
      prognosOre: null,
      avvikelseOre: null,
    },
    {
      projekt: 'SBN-P002',
      namn: 'Park',
      budgetOre: 1_000_000_00,
      utfallOre: null,
      foregaendePrognosOre: null,
      prognosOre: null,
      avvikelseOre: null,
    },
  ],
};
const inmatning = (andringar: Partial<Tillaggsinmatning> = {}): Tillaggsinmatning => ({
  personalNu: '',
  personalPrognos: '',
  investeringar: {},
  ...andringar,
});

describe('formatArsarbetare', () => {
  it.each([
    [12.5, '12,5'],
    [12, '12'],
    [0, '0'],
    [1234.5, '1\u00a0234,5'],
  ])('%s → %s', (antal, text) => {
    expect(formatArsarbetare(antal)).toBe(text);
  });
});

describe('tolkaTillagg', () => {
  it.each([
    { fall: 'nothing typed sends nothing', in: inmatning(), fel: {}, begaran: {} },
    {
      fall: 'both personnel figures',
      in: inmatning({ personalNu: '21,5', personalPrognos: '22' }),
      fel: {},
      begaran: { personal: { nu: 21.5, prognos: 22 } },
    },
    {
      fall: 'one figure without the other',
      in: inmatning({ personalNu: '21,5' }),
      fel: { 'personal.prognos': 'Ange också årsarbetare vid årets slut.' },
      begaran: {},
    },
    {
      fall: 'the other way round',
      in: inmatning({ personalPrognos: '3' }),
      fel: { 'personal.nu': 'Ange också årsarbetare nu.' },
      begaran: {},
    },
    {
      fall: 'two decimals',
      in: inmatning({ personalNu: '1,25', personalPrognos: '1' }),
      fel: { 'personal.nu': 'Skriv ett antal årsarbetare med högst en decimal, till exempel 12,5.' },
      begaran: {},
    },
    {
      fall: 'negative',
      in: inmatning({ personalNu: '−2', personalPrognos: '1' }),
      fel: { 'personal.nu': 'Antalet får inte vara negativt.' },
      begaran: {},
    },
    {
      fall: 'absurd',
      in: inmatning({ personalNu: '1', personalPrognos: '200000' }),
      fel: { 'personal.prognos': 'Högst 100\u00a0000 årsarbetare.' },
      begaran: {},
    },
    {
      fall: 'a project in tkr, one left empty',
      in: inmatning({ investeringar: { 'SBN-P001': '4 500,5' } }),
      fel: {},
      begaran: { investeringar: [{ projekt: 'SBN-P001', prognos: '4500500.00' }] },
    },
    {
      fall: 'a project that cannot be read',
      in: inmatning({ investeringar: { 'SBN-P002': 'mycket' } }),
      fel: { 'investeringar.SBN-P002': 'Skriv ett belopp i tkr, till exempel 12 345,5.' },
      begaran: {},
    },
  ])('$fall', ({ in: typat, fel, begaran }) => {
    const resultat = tolkaTillagg(typat, underlag, 'tkr');
    expect(resultat.fel).toEqual(fel);
    expect(resultat.begaran).toEqual(begaran);
  });

  it('gives each project its avvikelse as typed: budget − prognos, exact', () => {
    const { avvikelser } = tolkaTillagg(inmatning({ investeringar: { 'SBN-P001': '5 000 000,01' } }), underlag, 'kr');
    expect(avvikelser).toEqual({ 'SBN-P001': -1, 'SBN-P002': null });
  });
});

describe('the saved version and the unit', () => {
  const sparad = { personal: { nu: 21.5, prognos: 22 }, investeringar: [{ projekt: 'SBN-P001', prognosOre: 4_500_500_00 }] };

  it('fills the fields from the saved version, and they are then unchanged', () => {
    const fylld = tillaggFran(sparad, 'tkr');
    expect(fylld).toEqual({ personalNu: '21,5', personalPrognos: '22', investeringar: { 'SBN-P001': '4\u00a0500,5' } });
    expect(tillaggAndrat(fylld, sparad, underlag, 'tkr')).toBe(false);
    expect(tillaggAndrat({ ...fylld, personalPrognos: '23' }, sparad, underlag, 'tkr')).toBe(true);
    expect(tillaggAndrat({ ...fylld, investeringar: {} }, sparad, underlag, 'tkr')).toBe(true);
    expect(tillaggAndrat(inmatning(), null, underlag, 'tkr')).toBe(false);
  });

  it('keeps the öre when the unit changes', () => {
    const kr = tillaggIEnhet(inmatning({ investeringar: { 'SBN-P001': '4 500,5', 'SBN-P002': 'x' } }), 'tkr', 'kr');
    expect(kr.investeringar).toEqual({ 'SBN-P001': '4\u00a0500\u00a0500', 'SBN-P002': 'x' });
  });
});
