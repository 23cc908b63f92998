import type { HelarsprognosUnderlag } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import {
  arAndrad,
  bytEnhet,
  inmatningFran,
  kolumnordning,
  passerarTroskel,
  raderAttSeOver,
  rutnat,
  sparbegaran,
  taForslag,
} from './prognosrutnat.js';

const KR = 100;
const TKR = 1000 * KR;

function rad(kontogrupp: HelarsprognosUnderlag['rader'][number]['kontogrupp'], budgetOre: number, forslagOre: number) {
  return {
    kontogrupp,
    budgetOre,
    utfallOre: Math.round(forslagOre / 2),
    forslagOre,
    runRateOre: forslagOre + KR,
    foregaendePrognosOre: null,
    prognosOre: null,
    avvikelseOre: null,
  };
}

const UNDERLAG: HelarsprognosUnderlag = {
  ansvar: '16104',
  ar: 2026,
  tillfalle: 'augusti',
  utfallTomManad: 8,
  personal: { budget: null, foregaendePrognos: null, nu: null, prognos: null },
  investeringar: [],
  rader: [
    rad('intakter', 200 * TKR, 210 * TKR),
    rad('personalkostnader', 1000 * TKR, 1020 * TKR),
    rad('lokalkostnader', 300 * TKR, 300 * TKR),
  ],
  netto: {
    budgetOre: 1100 * TKR,
    utfallOre: 0,
    forslagOre: 0,
    runRateOre: 0,
    foregaendePrognosOre: null,
    prognosOre: null,
    avvikelseOre: null,
  },
  troskel: { beloppOre: 500 * TKR, procent: 5 },
  kommentarKravs: false,
  status: 'ej-paborjad',
};

describe('the chef’s grid as typed', () => {
  it('sums the net row and gives the avvikelse as budget − prognos on net cost, revenue the other way round', () => {
    const visat = rutnat(
      UNDERLAG,
      { celler: { intakter: '250', personalkostnader: '1 000', lokalkostnader: '310,5' }, kommentar: '' },
      'tkr',
    );
    expect(visat.rader.map((r) => [r.kontogrupp, r.prognosOre, r.avvikelseOre])).toEqual([
      ['intakter', 250 * TKR, 50 * TKR],
      ['personalkostnader', 1000 * TKR, 0],
      ['lokalkostnader', 310_500 * KR, -10_500 * KR],
    ]);
    expect(visat.netto).toMatchObject({
      budgetOre: 1100 * TKR,
      forslagOre: (1020 + 300 - 210) * TKR,
      prognosOre: 1_060_500 * KR,
      avvikelseOre: 39_500 * KR,
    });
    expect(visat.harFel).toBe(false);
  });

  it('an empty cell counts as 0 in the net, and a cell that cannot be read leaves the net unknown', () => {
    expect(rutnat(UNDERLAG, { celler: { personalkostnader: '900' }, kommentar: '' }, 'tkr').netto.prognosOre).toBe(900 * TKR);
    const fel = rutnat(UNDERLAG, { celler: { personalkostnader: '9x' }, kommentar: '' }, 'tkr');
    expect(fel).toMatchObject({ harFel: true, netto: { prognosOre: null, avvikelseOre: null } });
    expect(fel.rader[1]!.fel).toMatch(/Skriv ett belopp i tkr/);
    expect(rutnat(UNDERLAG, { celler: {}, kommentar: '' }, 'kr').netto.prognosOre).toBeNull();
  });

  it.each([
    ['at the share (5 % of 1 100 tkr = 55 tkr)', '1 055', false],
    ['just over the share', '1 055,00001', true],
    ['over the amount', '400', true],
  ])('a comment is required %s', (_, personal, kravs) => {
    const visat = rutnat(
      UNDERLAG,
      { celler: { intakter: '200', personalkostnader: personal, lokalkostnader: '300' }, kommentar: '' },
      'tkr',
    );
    expect(visat.kommentarKravs).toBe(kravs);
  });

  it('requires no comment where budget has published no budget', () => {
    const utanBudget = { ...UNDERLAG, rader: UNDERLAG.rader.map((r) => ({ ...r, budgetOre: 0 })) };
    expect(rutnat(utanBudget, { celler: { personalkostnader: '99 000' }, kommentar: '' }, 'tkr').kommentarKravs).toBe(false);
  });
});

describe('the threshold, as the forecast service decides it', () => {
  it.each([
    [500 * TKR, 0, false],
    [500 * TKR + 1, 0, true],
    [-(500 * TKR + 1), 0, true],
    [5 * TKR, 100 * TKR, false],
    [5 * TKR + 1, 100 * TKR, true],
    [5 * TKR + 1, -100 * TKR, true],
  ])('an avvikelse of %i öre on a net budget of %i öre passes: %s', (avvikelseOre, budgetOre, passerar) => {
    expect(passerarTroskel(avvikelseOre, budgetOre, { beloppOre: 500 * TKR, procent: 5 })).toBe(passerar);
  });

  it('reads a share with two decimals exactly', () => {
    expect(passerarTroskel(57, 10_000, { beloppOre: 1_000_000, procent: 0.57 })).toBe(false);
    expect(passerarTroskel(58, 10_000, { beloppOre: 1_000_000, procent: 0.57 })).toBe(true);
  });
});

describe('taking the proposal and switching units', () => {
  it('fills one row, or every row, with utfall so far plus the months left', () => {
    const tom = { celler: { intakter: '5' }, kommentar: 'x' };
    expect(taForslag(tom, UNDERLAG, 'tkr', 'personalkostnader').celler).toEqual({ intakter: '5', personalkostnader: '1\u00a0020' });
    expect(taForslag(tom, UNDERLAG, 'kr').celler).toEqual({
      intakter: '210\u00a0000',
      personalkostnader: '1\u00a0020\u00a0000',
      lokalkostnader: '300\u00a0000',
    });
  });

  it('rewrites the figures in the other unit without changing them, and keeps what cannot be read', () => {
    const inmatning = { celler: { intakter: '1 234 567,5', personalkostnader: 'abc' }, kommentar: '' };
    const tkr = bytEnhet(inmatning, 'kr', 'tkr');
    expect(tkr.celler).toEqual({ intakter: '1\u00a0234,5675', personalkostnader: 'abc' });
    expect(bytEnhet(tkr, 'tkr', 'kr').celler.intakter).toBe('1\u00a0234\u00a0567,5');
  });
});

describe('the save', () => {
  it('sends every row in canonical kronor, an empty cell as 0, and klarmarkerad only when marking ready', () => {
    const visat = rutnat(UNDERLAG, { celler: { personalkostnader: '1 020,5' }, kommentar: '' }, 'tkr');
    expect(sparbegaran(visat, '  Vakanser  ', false)).toEqual({
      ok: true,
      begaran: {
        rader: [
          { kontogrupp: 'intakter', belopp: '0.00' },
          { kontogrupp: 'personalkostnader', belopp: '1020500.00' },
          { kontogrupp: 'lokalkostnader', belopp: '0.00' },
        ],
        kommentar: 'Vakanser',
      },
    });
    expect(sparbegaran(visat, '', true)).toMatchObject({ ok: true, begaran: { kommentar: null, klarmarkerad: true } });
  });

  it('is not sent with a cell that cannot be read, or with nothing filled in', () => {
    expect(sparbegaran(rutnat(UNDERLAG, { celler: { lokalkostnader: '-1' }, kommentar: '' }, 'kr'), '', false)).toEqual({
      ok: false,
      fel: [{ kontogrupp: 'lokalkostnader', fel: expect.stringMatching(/negativt/) }],
    });
    expect(sparbegaran(rutnat(UNDERLAG, { celler: {}, kommentar: '' }, 'kr'), '', false)).toEqual({
      ok: false,
      fel: [{ kontogrupp: 'formular', fel: 'Fyll i minst ett belopp.' }],
    });
  });
});

describe('what needs the chef’s eye', () => {
  it('a cell wrong, one empty, and one whose own avvikelse passes the threshold against its budget', () => {
    const visat = rutnat(UNDERLAG, { celler: { intakter: 'x', lokalkostnader: '400' }, kommentar: '' }, 'tkr');
    expect(raderAttSeOver(visat, UNDERLAG.troskel)).toEqual([
      { kontogrupp: 'intakter', varfor: 'fel' },
      { kontogrupp: 'personalkostnader', varfor: 'tom' },
      { kontogrupp: 'lokalkostnader', varfor: 'avvikelse' },
    ]);
  });
});

describe('whether the grid has changes not saved', () => {
  const sparad = { rader: [{ kontogrupp: 'personalkostnader' as const, beloppOre: 1_020 * TKR }], kommentar: 'Vakanser' };

  it('not when it shows the saved version, in either unit', () => {
    expect(arAndrad(inmatningFran(sparad, 'tkr'), sparad, 'tkr')).toBe(false);
    expect(arAndrad({ celler: { personalkostnader: '1 020 000' }, kommentar: 'Vakanser ' }, sparad, 'kr')).toBe(false);
  });

  it('when a figure or the comment differs, or before the first save once anything is typed', () => {
    expect(arAndrad({ celler: { personalkostnader: '1 021' }, kommentar: 'Vakanser' }, sparad, 'tkr')).toBe(true);
    expect(arAndrad({ celler: { personalkostnader: '1 020' }, kommentar: '' }, sparad, 'tkr')).toBe(true);
    expect(arAndrad({ celler: {}, kommentar: '' }, null, 'tkr')).toBe(false);
    expect(arAndrad({ celler: { intakter: '1' }, kommentar: '' }, null, 'tkr')).toBe(true);
  });
});

describe('the order of the columns', () => {
  it('reads into the chef’s figure on a wide screen, and starts with it on a phone, every column either way', () => {
    expect(kolumnordning(false).slice(-2)).toEqual(['prognos', 'avvikelse']);
    expect(kolumnordning(true).slice(0, 3)).toEqual(['prognos', 'avvikelse', 'forslag']);
    expect([...kolumnordning(true)].sort()).toEqual([...kolumnordning(false)].sort());
  });
});
