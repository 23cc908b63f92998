import type { HelarsprognosDto } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import {
  ansvarsrader,
  beloppSomText,
  etagFor,
  filtreraRader,
  granskningUrl,
  omgangSomVal,
  prognoserUrl,
  rakna,
  serverfelPerFalt,
  sorteraOmgangar,
  statustext,
  stangOmgangUrl,
  summeraFormular,
  tolkaAterskickskommentar,
  tolkaBelopp,
  tolkaOmgangsformular,
  tolkaPrognosformular,
  tomtFormular,
  valdOmgang,
  VERKSAMHETSGRUPPER,
  type Ansvar,
  type Beloppsfalt,
} from './helarsprognoser.js';

const NBSP = '\u00a0';

const tommaBelopp = (andringar: Partial<Beloppsfalt> = {}): Beloppsfalt => ({ ...tomtFormular().belopp, ...andringar });

const ansvar = (kod: string, namn: string, eget = false, chef: string | null = null): Ansvar => ({
  kod,
  namn,
  niva: 'enhet',
  foralderKod: 'SN-A1',
  chef: chef ? { anvandarId: chef.toLowerCase(), namn: chef } : null,
  giltigFran: '2026-01-01',
  eget,
});

const prognos = (ansvarKod: string, status: HelarsprognosDto['status'], andringar: Partial<HelarsprognosDto> = {}): HelarsprognosDto => ({
  id: '0c6f8a52-1d1e-4c1a-9f59-2c1a3f1f4b10',
  ansvar: ansvarKod,
  ar: 2040,
  tillfalle: 'augusti',
  version: 1,
  andring: 1,
  rader: [],
  intakterOre: 0,
  kostnaderOre: 0,
  nettokostnadOre: 0,
  kommentar: null,
  sparadAt: '2040-09-01T08:00:00Z',
  sparadAv: { id: 'mirela.lindberg', namn: 'Mirela Lindberg' },
  andradAt: '2040-09-01T08:00:00Z',
  andradAv: { id: 'mirela.lindberg', namn: 'Mirela Lindberg' },
  status,
  beslutskommentar: null,
  personal: null,
  investeringar: [],
  ...andringar,
});

describe('an amount typed in kronor', () => {
  it.each([
    { text: '1 234 567,50', ore: 123_456_750 },
    { text: `1${NBSP}234${NBSP}567,5`, ore: 123_456_750 },
    { text: '1234567.05', ore: 123_456_705 },
    { text: ' 250 000 kr ', ore: 25_000_000 },
    { text: '0,10', ore: 10 },
    { text: '', ore: 0 },
    { text: '   ', ore: 0 },
  ])('$text is $ore öre', ({ text, ore }) => {
    expect(tolkaBelopp(text)).toEqual({ ok: true, ore });
  });

  it('is exact where binary floating point is not: 0,1 + 0,2 kr is 30 öre', () => {
    const summa = summeraFormular(tommaBelopp({ personalkostnader: '0,1', lokalkostnader: '0,2' }));
    expect(summa?.kostnaderOre).toBe(30);
  });

  it.each(['12,345', 'tolv', '1.234.567', '12 34x', '1e6'])('rejects %j with a message that shows how to write it', (text) => {
    expect(tolkaBelopp(text)).toEqual({ ok: false, fel: 'Skriv ett belopp i kronor, till exempel 1 234 567,50.' });
  });

  it.each(['-100', '\u2212100'])('rejects the negative %j: revenue and cost are both written positive', (text) => {
    const resultat = tolkaBelopp(text);
    expect(resultat.ok).toBe(false);
    if (!resultat.ok) expect(resultat.fel).toMatch(/negativt/);
  });

  it('is shown back in Swedish, with öre only when there are any', () => {
    expect(beloppSomText(123_456_700)).toBe(`1${NBSP}234${NBSP}567`);
    expect(beloppSomText(123_456_750)).toBe(`1${NBSP}234${NBSP}567,50`);
    expect(tolkaBelopp(beloppSomText(123_456_750))).toEqual({ ok: true, ore: 123_456_750 });
  });
});

describe('the live sum of the form', () => {
  it('is cost minus revenue, in öre', () => {
    const summa = summeraFormular(tommaBelopp({ intakter: '1 000 000', personalkostnader: '3 500 000,50', kapitalkostnader: '250 000' }));
    expect(summa).toEqual({ intakterOre: 100_000_000, kostnaderOre: 375_000_050, nettokostnadOre: 275_000_050 });
  });

  it('is negative when revenue exceeds cost', () => {
    expect(summeraFormular(tommaBelopp({ intakter: '500', 'ovriga-kostnader': '0' }))?.nettokostnadOre).toBe(-50_000);
  });

  it('is not shown while an amount cannot be read', () => {
    expect(summeraFormular(tommaBelopp({ intakter: 'mycket' }))).toBeUndefined();
  });
});

describe('the six kontogrupper a verksamhet forecasts', () => {
  it('are the verksamhet’s own, in the plan’s order, without the finance groups', () => {
    expect(VERKSAMHETSGRUPPER.map((grupp) => grupp.kod)).toEqual([
      'intakter',
      'personalkostnader',
      'lokalkostnader',
      'kop-av-verksamhet',
      'ovriga-kostnader',
      'kapitalkostnader',
    ]);
  });
});

describe('the chef’s form', () => {
  const mal = { ansvar: '16101', ar: 2040, tillfalle: 'augusti' as const };

  it('gives the request: every kontogrupp in order, amounts in the API’s canonical form, the comment trimmed', () => {
    const resultat = tolkaPrognosformular(
      { belopp: tommaBelopp({ intakter: '1 000', personalkostnader: '2 500 000,5' }), kommentar: '  Ökade vikariekostnader ' },
      mal,
    );
    expect(resultat).toEqual({
      ok: true,
      varde: {
        ansvar: '16101',
        ar: 2040,
        tillfalle: 'augusti',
        rader: [
          { kontogrupp: 'intakter', belopp: '1000.00' },
          { kontogrupp: 'personalkostnader', belopp: '2500000.50' },
          { kontogrupp: 'lokalkostnader', belopp: '0.00' },
          { kontogrupp: 'kop-av-verksamhet', belopp: '0.00' },
          { kontogrupp: 'ovriga-kostnader', belopp: '0.00' },
          { kontogrupp: 'kapitalkostnader', belopp: '0.00' },
        ],
        kommentar: 'Ökade vikariekostnader',
      },
    });
  });

  it('sends no comment when none is written', () => {
    const resultat = tolkaPrognosformular({ belopp: tommaBelopp({ intakter: '1' }), kommentar: '   ' }, mal);
    expect(resultat.ok && resultat.varde.kommentar).toBeNull();
  });

  it('names every amount that is wrong at once', () => {
    const resultat = tolkaPrognosformular({ belopp: tommaBelopp({ intakter: 'x', lokalkostnader: '-5' }), kommentar: '' }, mal);
    expect(resultat.ok).toBe(false);
    if (!resultat.ok) expect(Object.keys(resultat.fel).sort()).toEqual(['intakter', 'lokalkostnader']);
  });

  it('asks for at least one amount', () => {
    expect(tolkaPrognosformular({ belopp: tommaBelopp(), kommentar: '' }, mal)).toEqual({
      ok: false,
      fel: { formular: 'Fyll i minst ett belopp.' },
    });
  });

  it('refuses a comment longer than the service takes', () => {
    const resultat = tolkaPrognosformular({ belopp: tommaBelopp({ intakter: '1' }), kommentar: 'x'.repeat(4001) }, mal);
    expect(resultat.ok).toBe(false);
  });

  it('is filled in with the forecast being revised', () => {
    const formular = tomtFormular({ rader: [{ kontogrupp: 'personalkostnader', beloppOre: 725_000_000 }], kommentar: 'Första versionen' });
    expect(formular.belopp.personalkostnader).toBe(`7${NBSP}250${NBSP}000`);
    expect(formular.belopp.intakter).toBe('');
    expect(formular.kommentar).toBe('Första versionen');
  });
});

describe('the server’s field errors', () => {
  it('go beside the field they name: rader[i] is the i:th kontogrupp as sent', () => {
    expect(
      serverfelPerFalt([
        { field: 'rader[1].belopp', message: 'får inte vara negativt' },
        { field: 'kommentar', message: 'för lång' },
        { field: 'tillfalle', message: 'prognosomgången är stängd' },
      ]),
    ).toEqual({ personalkostnader: 'Får inte vara negativt.', kommentar: 'För lång.', formular: 'Prognosomgången är stängd.' });
  });

  it('joins two messages for one field', () => {
    expect(
      serverfelPerFalt([
        { field: 'ansvar', message: 'okänt ansvar' },
        { field: 'ar', message: 'ska vara ett årtal' },
      ]).formular,
    ).toBe('Okänt ansvar. Ska vara ett årtal.');
  });
});

describe('the rounds', () => {
  const omgangar = [
    { ar: 2039, tillfalle: 'augusti', status: 'stangd' },
    { ar: 2040, tillfalle: 'april', status: 'oppen' },
    { ar: 2040, tillfalle: 'augusti', status: 'stangd' },
    { ar: 2026, tillfalle: 'augusti', status: 'oppen' },
  ] as const;

  it('are listed latest first, August before April', () => {
    expect(sorteraOmgangar(omgangar).map((o) => `${o.tillfalle} ${o.ar}`)).toEqual([
      'augusti 2040',
      'april 2040',
      'augusti 2039',
      'augusti 2026',
    ]);
  });

  it('the page shows the newest open one by default', () => {
    expect(valdOmgang(omgangar, { ar: null, tillfalle: null })).toMatchObject({ ar: 2040, tillfalle: 'april' });
  });

  it('or the one in the address', () => {
    expect(valdOmgang(omgangar, { ar: '2039', tillfalle: 'augusti' })).toMatchObject({ ar: 2039, tillfalle: 'augusti' });
  });

  it('or, asked for one never opened, the default', () => {
    expect(valdOmgang(omgangar, { ar: '2041', tillfalle: 'april' })).toMatchObject({ ar: 2040, tillfalle: 'april' });
  });

  it('or the newest when none is open, and none when there are none', () => {
    expect(valdOmgang([{ ar: 2030, tillfalle: 'april', status: 'stangd' }], { ar: null, tillfalle: null })).toMatchObject({ ar: 2030 });
    expect(valdOmgang([], { ar: null, tillfalle: null })).toBeUndefined();
  });

  it('say whether they are open', () => {
    expect(omgangSomVal({ ar: 2040, tillfalle: 'augusti', status: 'oppen' })).toBe('Augusti 2040 – öppen');
    expect(omgangSomVal({ ar: 2040, tillfalle: 'april', status: 'stangd' })).toBe('April 2040 – stängd');
  });

  it('are opened with a year and a tillfälle', () => {
    expect(tolkaOmgangsformular({ ar: ' 2040 ', tillfalle: 'augusti' })).toEqual({ ok: true, varde: { ar: 2040, tillfalle: 'augusti' } });
    expect(tolkaOmgangsformular({ ar: '40', tillfalle: 'maj' })).toEqual({
      ok: false,
      fel: { ar: 'Ange ett årtal mellan 2000 och 2100.', tillfalle: 'Välj april eller augusti.' },
    });
  });
});

describe('the table', () => {
  const alla = [
    ansvar('16102', 'Hemtjänst Norr', false, 'Anna Berg'),
    ansvar('16101', 'Boende Söder', true, 'Mirela Lindberg'),
    ansvar('16001', 'Ledning', false),
  ];
  const prognoser = [prognos('16101', 'klarmarkerad'), prognos('16102', 'godkand', { sparadAv: { id: 'anna', namn: 'Anna Berg' } })];

  it('lists the person’s own ansvar first, then by code, each with its current forecast', () => {
    const rader = ansvarsrader(alla, prognoser);
    expect(rader.map((rad) => [rad.ansvar.kod, rad.prognos?.status])).toEqual([
      ['16101', 'klarmarkerad'],
      ['16001', undefined],
      ['16102', 'godkand'],
    ]);
  });

  it.each([
    { filter: '', antal: 3 },
    { filter: '161', antal: 2 },
    { filter: '01', antal: 0 },
    { filter: 'hemtjänst', antal: 1 },
    { filter: '  BOENDE  söder ', antal: 1 },
    { filter: 'anna', antal: 1 },
    { filter: 'godkänd', antal: 1 },
    { filter: 'ej påbörjad', antal: 1 },
  ])('the filter $filter leaves $antal rows', ({ filter, antal }) => {
    expect(filtreraRader(ansvarsrader(alla, prognoser), filter)).toHaveLength(antal);
  });

  it('counts the forecasts by status', () => {
    expect(rakna(ansvarsrader(alla, prognoser))).toEqual({ utkast: 0, klarmarkerad: 1, godkand: 1, aterskickad: 0, saknas: 1 });
  });

  it('names the statuses in Swedish', () => {
    expect([
      statustext('utkast'),
      statustext('klarmarkerad'),
      statustext('godkand'),
      statustext('aterskickad'),
      statustext(undefined),
    ]).toEqual(['Utkast', 'Klarmarkerad', 'Godkänd', 'Återsänd', 'Ej påbörjad']);
  });
});

describe('sending a forecast back', () => {
  it('needs a reason', () => {
    expect(tolkaAterskickskommentar('  ')).toEqual({ ok: false, fel: 'Skriv varför prognosen skickas tillbaka.' });
    expect(tolkaAterskickskommentar(' Personalkostnaden saknar semesterlöner ')).toEqual({
      ok: true,
      kommentar: 'Personalkostnaden saknar semesterlöner',
    });
  });
});

describe('the addresses', () => {
  it('ask for a round’s forecasts, decide on one, and close a round', () => {
    expect(prognoserUrl({ ar: 2040, tillfalle: 'augusti' })).toBe('/api/forecast/helarsprognoser?ar=2040&tillfalle=augusti');
    expect(granskningUrl({ ansvar: '16101', ar: 2040, tillfalle: 'augusti' }, 'atersand')).toBe(
      '/api/forecast/helarsprognoser/16101/2040/augusti/atersand',
    );
    expect(etagFor({ version: 3, andring: 7 })).toBe('"3-7"');
    expect(stangOmgangUrl({ ar: 2040, tillfalle: 'april' })).toBe('/api/forecast/omgangar/2040/april/stang');
  });
});
