import type { Balanskravsutredning } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import {
  finansfelFranServer,
  finansformularFran,
  oreTillTkrFalt,
  rurfelFranServer,
  rurformularFran,
  tkrTillOre,
  tolkaFinansformular,
  tolkaRurformular,
} from './formular.js';

const TKR = 100_000;

describe('amounts typed in tkr the Swedish way', () => {
  it.each([
    ['12 345,5', 1_234_550_000],
    ['12\u00a0345,5', 1_234_550_000],
    ['12345.5', 1_234_550_000],
    ['7 845 300', 784_530_000_000],
    ['\u22121 200', -120_000_000],
    ['0,01', 1_000],
  ])('%s is %i öre', (text, ore) => expect(tkrTillOre(text)).toBe(ore));

  it.each(['', 'tolv', '1,234', '12 345,5 tkr', '1.000,5'])('%j is no amount', (text) => expect(tkrTillOre(text)).toBeUndefined());

  it('writes a stored amount back as it would be typed', () => {
    expect(oreTillTkrFalt(784_530_000_000)).toBe('7\u00a0845\u00a0300');
    expect(oreTillTkrFalt(1_234_550_000)).toBe('12\u00a0345,5');
    expect(tkrTillOre(oreTillTkrFalt(1_234_567_000))).toBe(1_234_567_000);
  });
});

describe('the finance function’s form', () => {
  const tom = finansformularFran([]);

  it('sends the lines with an amount, each with its source, and leaves empty ones out', () => {
    const formular = {
      ...tom,
      skatteintakter: { belopp: '7 845 300', kalla: ' SKR 2026-08-21 ' },
      pensioner: { belopp: '412 000,5', kalla: '' },
    };
    expect(tolkaFinansformular(formular, 'augusti')).toEqual({
      ok: true,
      varde: {
        rader: [
          { rad: 'skatteintakter', beloppOre: 7_845_300 * TKR, kalla: 'SKR 2026-08-21' },
          { rad: 'pensioner', beloppOre: 41_200_050_000, kalla: '' },
        ],
      },
    });
  });

  it.each([
    ['a word for an amount', { skatteintakter: { belopp: 'mycket', kalla: '' } }, 'skatteintakter-belopp', /12 345,5/],
    ['a negative amount', { pensioner: { belopp: '-5', kalla: '' } }, 'pensioner-belopp', /positivt/],
    ['a source without an amount', { avskrivningar: { belopp: '', kalla: 'Anläggningsregistret' } }, 'avskrivningar-belopp', /belopp/],
    ['no line at all', {}, 'skatteintakter-belopp', /minst en rad/],
  ])('refuses %s on its field', (_, andring, falt, meddelande) => {
    const tolkat = tolkaFinansformular({ ...tom, ...andring }, 'budget');
    expect(tolkat.ok).toBe(false);
    expect(!tolkat.ok && tolkat.fel[falt]).toMatch(meddelande);
  });

  it.each([
    ['april', 'skatteintakter', false],
    ['augusti', 'generella-statsbidrag', false],
    ['budget', 'skatteintakter', true],
    ['bokslut', 'generella-statsbidrag', true],
    ['augusti', 'pensioner', true],
  ] as const)('in %s, %s without a source is taken: %s', (tillfalle, rad, ok) => {
    const tolkat = tolkaFinansformular({ ...tom, [rad]: { belopp: '100', kalla: ' ' } }, tillfalle);
    expect(tolkat.ok).toBe(ok);
    if (!tolkat.ok) expect(tolkat.fel[`${rad}-kalla`]).toMatch(/Ange källan till prognosen/);
  });

  it('puts the server’s errors on the fields of the lines that were sent', () => {
    const skickade = [
      { rad: 'skatteintakter' as const, beloppOre: 1, kalla: '' },
      { rad: 'pensioner' as const, beloppOre: 2, kalla: '' },
    ];
    expect(
      finansfelFranServer(
        [
          { field: 'rader[1].beloppOre', message: 'fel belopp' },
          { field: 'rader[0].kalla', message: 'för lång' },
          { field: 'rader', message: 'raden finns två gånger' },
        ],
        skickade,
      ),
    ).toEqual({ 'pensioner-belopp': 'fel belopp', 'skatteintakter-kalla': 'för lång', formular: 'raden finns två gånger' });
  });
});

describe('the RUR movement', () => {
  const utredning = (rader: Record<string, number>): Balanskravsutredning => ({
    ar: 2026,
    tillfalle: 'augusti',
    kalla: 'prognos',
    meddelanden: [],
    rader: Object.entries(rader).map(([kod, beloppOre]) => ({ kod, namn: kod, beloppOre })),
    underskottFranTidigareAr: [],
    rur: { ingaendeOre: 0, utgaendeOre: 0, maxAvsattningOre: 0, farAnvandas: false },
  });

  it('is typed positive and sent with the utredning’s signs, the other adjustments kept', () => {
    const aret = utredning({ 'samtliga-realisationsvinster': -500, 'orealiserade-forluster': 300, 'till-rur': -2 * TKR });
    expect(rurformularFran(aret)).toEqual({ till: '2', fran: '' });
    expect(tolkaRurformular({ till: '1 500', fran: '' }, aret)).toEqual({
      ok: true,
      varde: {
        samtligaRealisationsvinsterOre: -500,
        realisationsvinsterUndantagOre: 0,
        realisationsforlusterUndantagOre: 0,
        orealiseradeForlusterOre: 300,
        aterforingOrealiseradeForlusterOre: 0,
        tillRurOre: -1_500 * TKR,
        franRurOre: 0,
      },
    });
  });

  it('refuses a negative or non-numeric amount on its field', () => {
    expect(tolkaRurformular({ till: '-1', fran: 'x' }, utredning({}))).toEqual({
      ok: false,
      fel: { till: expect.stringMatching(/positivt/), fran: expect.stringMatching(/tkr/) },
    });
  });

  it('names the rule the API refused the movement by, on the field it concerns', () => {
    expect(
      rurfelFranServer([
        { field: 'tillRurOre', message: 'rur-tak: högst 97,0 mnkr, föreslaget 500,0 mnkr' },
        { field: 'franRurOre', message: 'rur-saldo: reserven har 0,0 mnkr' },
      ]),
    ).toEqual({
      till: 'Regeln rur-tak (taket för avsättning): högst 97,0 mnkr, föreslaget 500,0 mnkr',
      fran: 'Regeln rur-saldo (reservens saldo): reserven har 0,0 mnkr',
    });
  });
});
