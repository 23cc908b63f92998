import { describe, expect, it } from 'vitest';

import {
  arManadsprognos,
  felFranServer,
  forlangOmgangUrl,
  formatTroskelprocent,
  OMGANGSFALTEN,
  standardDeadline,
  standardForlangning,
  tolkaAteroppningsskal,
  tolkaForlangning,
  tolkaOmgangsformular,
  tolkaTroskelformular,
  troskelSomFormular,
  TROSKELFALTEN,
  type Omgangsformular,
} from './omgangsadministration.js';

/** 2040-03-10 09:00 Swedish time (winter, +01:00). */
const NU = new Date('2040-03-10T08:00:00Z');

const formular = (andringar: Partial<Omgangsformular> = {}): Omgangsformular => ({
  ar: '2040',
  tillfalle: 'augusti',
  datum: '2040-03-24',
  tid: '16:00',
  namnder: [],
  ...andringar,
});

describe('opening a round', () => {
  it.each([
    {
      vad: 'an ordinary round for every nämnd, its nämnder left out even if ticked before',
      formular: formular({ namnder: ['SN'] }),
      varde: { ar: 2040, tillfalle: 'augusti', deadline: '2040-03-24T16:00:00+01:00' },
    },
    {
      vad: 'a månadsprognos for the nämnder chosen, each once and sorted',
      formular: formular({ ar: ' 2040 ', tillfalle: 'maj', datum: '2040-06-12', tid: '12:30', namnder: ['SN', 'KN', 'SN'] }),
      varde: { ar: 2040, tillfalle: 'maj', deadline: '2040-06-12T12:30:00+02:00', namnder: ['KN', 'SN'] },
    },
  ])('takes $vad', ({ formular: indata, varde }) => {
    expect(tolkaOmgangsformular(indata, NU)).toEqual({ ok: true, varde });
  });

  it.each([
    { vad: 'a year that is no year', andringar: { ar: '40' }, fel: { ar: 'Ange ett årtal mellan 2000 och 2100.' } },
    { vad: 'a year out of range', andringar: { ar: '2101' }, fel: { ar: 'Ange ett årtal mellan 2000 och 2100.' } },
    {
      vad: 'a tillfälle that is none',
      andringar: { tillfalle: 'december' },
      fel: { tillfalle: 'Välj april, augusti eller en månad för en månadsprognos.' },
    },
    {
      vad: 'a månadsprognos without a nämnd',
      andringar: { tillfalle: 'mars' },
      fel: { namnder: 'Välj minst en nämnd för månadsprognosen.' },
    },
    {
      vad: 'a deadline in the past',
      andringar: { datum: '2040-03-10', tid: '08:59' },
      fel: { deadline: 'Deadline har redan passerat. Välj en tidpunkt framåt i tiden.' },
    },
    { vad: 'a deadline right now', andringar: { datum: '2040-03-10', tid: '09:00' }, fel: { deadline: expect.stringMatching(/passerat/) } },
    { vad: 'a deadline without a time', andringar: { tid: '' }, fel: { deadline: 'Ange både datum och klockslag för deadline.' } },
    { vad: 'a date that does not exist', andringar: { datum: '2040-02-30' }, fel: { deadline: expect.stringMatching(/^Ange ett datum/) } },
    {
      vad: 'the hour summer time skips',
      andringar: { datum: '2040-03-25', tid: '02:30' },
      fel: { deadline: expect.stringMatching(/finns i svensk tid/) },
    },
    {
      vad: 'everything at once',
      andringar: { ar: '', tillfalle: 'juni', datum: '' },
      fel: {
        ar: 'Ange ett årtal mellan 2000 och 2100.',
        deadline: 'Ange både datum och klockslag för deadline.',
        namnder: 'Välj minst en nämnd för månadsprognosen.',
      },
    },
  ])('refuses $vad at its field', ({ andringar, fel }) => {
    expect(tolkaOmgangsformular(formular(andringar), NU)).toEqual({ ok: false, fel });
  });

  it.each([
    { tillfalle: 'april', manadsprognos: false },
    { tillfalle: 'augusti', manadsprognos: false },
    { tillfalle: 'februari', manadsprognos: true },
    { tillfalle: 'november', manadsprognos: true },
    { tillfalle: 'december', manadsprognos: false },
  ])('$tillfalle asks for nämnder: $manadsprognos', ({ tillfalle, manadsprognos }) => {
    expect(arManadsprognos(tillfalle)).toBe(manadsprognos);
  });

  it('starts with a deadline two weeks ahead at 16:00 Swedish time', () => {
    expect(standardDeadline(NU)).toEqual({ datum: '2040-03-24', tid: '16:00' });
    // Late in the evening in UTC is already the next day in Sweden.
    expect(standardDeadline(new Date('2040-06-30T22:30:00Z'))).toEqual({ datum: '2040-07-15', tid: '16:00' });
  });
});

describe('extending a round', () => {
  const NUVARANDE = '2040-03-24T15:00:00Z'; // 16:00 Swedish time

  it.each([
    { vad: 'a later deadline', datum: '2040-03-31', tid: '16:00', svar: { ok: true, deadline: '2040-03-31T16:00:00+02:00' } },
    { vad: 'a minute later', datum: '2040-03-24', tid: '16:01', svar: { ok: true, deadline: '2040-03-24T16:01:00+01:00' } },
    {
      vad: 'the same deadline',
      datum: '2040-03-24',
      tid: '16:00',
      svar: { ok: false, fel: 'Välj en deadline efter den nuvarande, 2040-03-24 16:00.' },
    },
    {
      vad: 'an earlier one',
      datum: '2040-03-20',
      tid: '16:00',
      svar: { ok: false, fel: 'Välj en deadline efter den nuvarande, 2040-03-24 16:00.' },
    },
    { vad: 'no date', datum: '', tid: '16:00', svar: { ok: false, fel: 'Ange både datum och klockslag för deadline.' } },
  ])('$vad', ({ datum, tid, svar }) => {
    expect(tolkaForlangning({ datum, tid }, NUVARANDE, NU)).toEqual(svar);
  });

  it('a deadline that has passed is extended past now, not only past it', () => {
    const nu = new Date('2040-04-01T08:00:00Z');
    expect(tolkaForlangning({ datum: '2040-03-31', tid: '16:00' }, NUVARANDE, nu)).toEqual({
      ok: false,
      fel: 'Deadline har redan passerat. Välj en tidpunkt framåt i tiden.',
    });
  });

  it('starts a week after the current deadline, or after now when it has passed', () => {
    expect(standardForlangning(NUVARANDE, NU)).toEqual({ datum: '2040-03-31', tid: '17:00' });
    expect(standardForlangning(NUVARANDE, new Date('2040-05-01T07:00:00Z'))).toEqual({ datum: '2040-05-08', tid: '09:00' });
  });

  it('has its address', () => {
    expect(forlangOmgangUrl({ ar: 2040, tillfalle: 'maj' })).toBe('/api/forecast/omgangar/2040/maj/forlang');
  });
});

describe('what the service refused', () => {
  it.each([
    {
      vad: 'one field: the detail, a whole sentence, beside it',
      avslag: {
        titel: 'Ogiltig deadline',
        detalj: 'En förlängning flyttar deadline framåt, förbi den nuvarande och förbi nu.',
        faltfel: [{ field: 'deadline', message: 'ska vara senare än nuvarande deadline' }],
      },
      svar: { falt: { deadline: 'En förlängning flyttar deadline framåt, förbi den nuvarande och förbi nu.' } },
    },
    {
      vad: 'several fields: each its own message',
      avslag: {
        titel: 'Ogiltig prognosomgång',
        detalj: 'Begäran har 2 fel.',
        faltfel: [
          { field: 'deadline', message: 'ska vara datum och tid med tidszon' },
          { field: 'namnder', message: 'minst en nämnd' },
        ],
      },
      svar: { falt: { deadline: 'Ska vara datum och tid med tidszon.', namnder: 'Minst en nämnd.' } },
    },
    {
      vad: 'a field the form does not have: said for the whole form',
      avslag: {
        titel: 'Prognosomgången är inte öppen',
        detalj: 'Prognosomgången maj 2040 är stängd.',
        faltfel: [{ field: 'status', message: 'omgången är inte öppen' }],
      },
      svar: { falt: {}, ovrigt: 'Prognosomgången är inte öppen: Prognosomgången maj 2040 är stängd.' },
    },
    {
      vad: 'no field at all',
      avslag: { titel: 'Åtkomst nekad', detalj: undefined, faltfel: [] },
      svar: { falt: {}, ovrigt: 'Åtkomst nekad' },
    },
  ])('$vad', ({ avslag, svar }) => {
    expect(felFranServer(avslag, OMGANGSFALTEN)).toEqual(svar);
  });

  it('maps the threshold’s fields too', () => {
    expect(
      felFranServer(
        { titel: 'Ogiltig gräns', detalj: undefined, faltfel: [{ field: 'procent', message: 'högst två decimaler' }] },
        TROSKELFALTEN,
      ),
    ).toEqual({ falt: { procent: 'Högst två decimaler.' } });
  });
});

describe('reopening an ansvar', () => {
  it.each([
    { text: '  ', svar: { ok: false, fel: 'Skriv varför ansvaret öppnas igen.' } },
    { text: ' Fel kontering av hyran ', svar: { ok: true, kommentar: 'Fel kontering av hyran' } },
    { text: 'x'.repeat(2001), svar: { ok: false, fel: 'Skälet får vara högst 2000 tecken.' } },
  ])('"$text"', ({ text, svar }) => {
    expect(tolkaAteroppningsskal(text)).toEqual(svar);
  });
});

describe('the threshold for a required comment', () => {
  it.each([
    { belopp: '500 000', procent: '5', varde: { belopp: '500000.00', procent: 5 } },
    { belopp: '750\u00a0000,50', procent: '2,5', varde: { belopp: '750000.50', procent: 2.5 } },
    { belopp: '1 000 000 kr', procent: '2,75 %', varde: { belopp: '1000000.00', procent: 2.75 } },
    { belopp: '0', procent: '0', varde: { belopp: '0.00', procent: 0 } },
    { belopp: '100', procent: '100', varde: { belopp: '100.00', procent: 100 } },
  ])('takes $belopp kr and $procent %', ({ belopp, procent, varde }) => {
    expect(tolkaTroskelformular({ belopp, procent })).toEqual({ ok: true, varde });
  });

  it.each([
    { belopp: '', procent: '5', fel: { belopp: 'Ange ett belopp i kr, till exempel 500 000.' } },
    { belopp: 'femhundra', procent: '5', fel: { belopp: 'Skriv ett belopp i kr, till exempel 12 345 678,50.' } },
    { belopp: '-5', procent: '5', fel: { belopp: expect.stringMatching(/negativt/) } },
    { belopp: '1,234', procent: '5', fel: { belopp: 'Högst två decimaler (hela ören).' } },
    { belopp: '500 000', procent: '', fel: { procent: 'Ange en andel i procent, till exempel 5 eller 2,5.' } },
    { belopp: '500 000', procent: 'fem', fel: { procent: 'Ange en andel i procent, till exempel 5 eller 2,5.' } },
    { belopp: '500 000', procent: '101', fel: { procent: 'Andelen ska vara mellan 0 och 100 %.' } },
    { belopp: '500 000', procent: '-1', fel: { procent: 'Andelen ska vara mellan 0 och 100 %.' } },
    { belopp: '500 000', procent: '2,755', fel: { procent: 'Högst två decimaler, till exempel 2,75.' } },
  ])('refuses $belopp kr and $procent % at the field', ({ belopp, procent, fel }) => {
    expect(tolkaTroskelformular({ belopp, procent })).toEqual({ ok: false, fel });
  });

  it('fills the form with the current threshold, the Swedish way', () => {
    expect(troskelSomFormular({ beloppOre: 50_000_000, procent: 5 })).toEqual({ belopp: '500\u00a0000', procent: '5' });
    expect(troskelSomFormular({ beloppOre: 75_000_050, procent: 2.75 })).toEqual({ belopp: '750\u00a0000,5', procent: '2,75' });
    expect(formatTroskelprocent(2.5)).toBe('2,5\u00a0%');
  });
});
