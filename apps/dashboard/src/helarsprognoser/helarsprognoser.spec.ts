import type { HelarsprognosDto } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import {
  ansvarsrader,
  etagFor,
  filtreraRader,
  granskningUrl,
  omgangSomVal,
  prognoserUrl,
  rakna,
  sorteraOmgangar,
  statustext,
  stangOmgangUrl,
  tolkaAterskickskommentar,
  valdOmgang,
  type Ansvar,
} from './helarsprognoser.js';

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
